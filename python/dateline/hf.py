"""Annotating a Hugging Face ``datasets.Dataset`` (``pip install 'dateline[hf]'``).

>>> import datasets, dateline, dateline.hf
>>> ds = datasets.Dataset.from_dict({"text": ["Rain in Lima on Thursday.", "Quiet."],
...                                  "published": ["2026-03-05", None]})
>>> out = dateline.hf.annotate(ds, reference_date="published")
>>> out[0]["entities"]
[{'start': 8, 'end': 12, 'text': 'Lima', 'label': 'LOC', 'id': 'geonames:3936456'}]
>>> [(t["text"], t["value"], t["begin"]) for t in out[0]["timexes"]]
[('Thursday', '2026-03-05', datetime.date(2026, 3, 5))]
>>> out[1]["entities"], out[1]["timexes"]
([], [])

Each row gets one column per table: the list of its spans, each a struct.
The spans come from :meth:`dateline.Pipeline.annotate` a batch at a time
(``Dataset.map(batched=True)``) and go into the dataset as Arrow list arrays
built from the Arrow tables: no Python object is made per span.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dateline._frames import TABLES
from dateline._pipeline import Pipeline

__all__ = ["FIELDS", "annotate", "map_function"]

#: The struct fields of each table's list column; tables not named here keep
#: every column of :class:`dateline.Annotations` but ``doc``.
FIELDS: dict[str, tuple[str, ...]] = {
    "entities": ("start", "end", "text", "label", "id"),
    "timexes": ("start", "end", "text", "type", "value", "begin", "end_date"),
}


def _plain(column: Any) -> Any:
    """A column with dictionaries decoded and large strings made plain strings."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    if pa.types.is_dictionary(column.type):
        column = column.dictionary_decode()
    if pa.types.is_large_string(column.type):
        column = column.cast(pa.string())
    return column


def _lists(table: pa.Table, n_docs: int, fields: Sequence[str] | None) -> pa.ListArray:
    """The rows of ``table`` as one list of structs per document 0..n_docs-1."""
    table = table.take(pc.sort_indices(table, [("doc", "ascending")]))  # stable: keeps each doc's order
    names = [c for c in table.column_names if c != "doc"] if fields is None else list(fields)
    structs = pa.StructArray.from_arrays([_plain(table.column(c)) for c in names], names=names)
    docs = table.column("doc").to_numpy()
    offsets = np.zeros(n_docs + 1, dtype=np.int32)
    np.cumsum(np.bincount(docs, minlength=n_docs), out=offsets[1:])
    return pa.ListArray.from_arrays(pa.array(offsets, type=pa.int32()), structs)


class _Annotator:
    """The batched map function: a batch of rows in, one list column per table out."""

    __slots__ = ("document_type", "lang", "pipeline", "reference_date", "tables", "text")

    def __init__(
        self,
        pipeline: Pipeline,
        text: str,
        reference_date: str | None,
        lang: str | None,
        document_type: str | None,
        tables: Sequence[str],
    ) -> None:
        self.pipeline = pipeline
        self.text = text
        self.reference_date = reference_date
        self.lang = lang
        self.document_type = document_type
        self.tables = tuple(tables)

    def __call__(self, batch: Mapping[str, Any] | pa.Table, indices: Sequence[int] | None = None) -> Any:
        new = self.columns(batch, indices)
        if isinstance(batch, pa.Table):  # arrow format: the batch with the new columns, no Python objects
            for name, column in new.items():
                batch = batch.append_column(name, column)
            return batch
        return {name: column.to_pylist() for name, column in new.items()}

    def columns(self, batch: Mapping[str, Any] | pa.Table, indices: Sequence[int] | None = None) -> dict[str, pa.ListArray]:
        """``{table name: list array}``: the spans of each row of ``batch``."""
        texts = _column(batch, self.text)
        for i, t in enumerate(texts):
            if not isinstance(t, str):
                where = f"row {indices[i]}" if indices is not None else f"row {i} of the batch"
                if t is None:
                    raise ValueError(f"column {self.text!r}, {where}: the text is missing")
                raise TypeError(f"column {self.text!r}, {where}: the text must be str, not {type(t).__name__}")
        refs = None if self.reference_date is None else _column(batch, self.reference_date)
        langs = None if self.lang is None else _column(batch, self.lang)
        types = None if self.document_type is None else _column(batch, self.document_type)
        res = self.pipeline.annotate(texts, reference_dates=refs, langs=langs, document_types=types)
        return {t: _lists(res.table(t, format="arrow"), len(texts), FIELDS.get(t)) for t in self.tables}

    def __repr__(self) -> str:
        return f"dateline.hf.map_function(text={self.text!r}, tables={self.tables!r})"


def _column(batch: Mapping[str, Any] | pa.Table, name: str) -> list[Any]:
    values = batch.column(name) if isinstance(batch, pa.Table) else batch[name]
    if isinstance(values, pa.ChunkedArray | pa.Array):
        return values.to_pylist()
    return list(values)


def _check_tables(tables: Sequence[str]) -> tuple[str, ...]:
    if isinstance(tables, str):
        tables = (tables,)
    for t in tables:
        if t not in TABLES:
            raise ValueError(f"unknown table {t!r}; expected some of {', '.join(map(repr, TABLES))}")
    if len(set(tables)) != len(tables):
        raise ValueError(f"tables lists a table twice: {list(tables)!r}")
    return tuple(tables)


def map_function(
    pipeline: Pipeline | None = None,
    *,
    text: str = "text",
    reference_date: str | None = None,
    lang: str | None = None,
    document_type: str | None = None,
    tables: Sequence[str] = ("entities", "timexes"),
) -> Any:
    """A function for ``Dataset.map(fn, batched=True)`` (also with
    ``with_indices=True``, so errors name the row) that adds the
    ``tables`` columns: what :func:`annotate` does, for your own ``map``
    call (``num_proc``, ``cache_file_name``, ``remove_columns``...).

    The batch may be a dict of columns or a ``pyarrow.Table``
    (``dataset.with_format("arrow")``). The function pickles with its
    pipeline, so it runs under ``num_proc``.

    >>> import datasets, dateline, dateline.hf
    >>> ds = datasets.Dataset.from_dict({"text": ["Oslo, 2019."]})
    >>> fn = dateline.hf.map_function(dateline.Pipeline(), tables=["timexes"])
    >>> ds.map(fn, batched=True)[0]["timexes"][0]["value"]
    '2019'
    """
    if pipeline is None:
        pipeline = Pipeline()
    elif not isinstance(pipeline, Pipeline):
        raise TypeError(f"pipeline must be a dateline.Pipeline or None, not {type(pipeline).__name__}")
    return _Annotator(pipeline, text, reference_date, lang, document_type, _check_tables(tables))


def annotate(
    dataset: Any,
    *,
    text: str = "text",
    reference_date: str | None = None,
    lang: str | None = None,
    document_type: str | None = None,
    pipeline: Pipeline | None = None,
    tables: Sequence[str] = ("entities", "timexes"),
    batch_size: int = 1000,
    num_proc: int | None = None,
) -> Any:
    """Return ``dataset`` with one new column per table of ``tables``
    holding each row's spans as a list of structs.

    Parameters
    ----------
    dataset
        A ``datasets.Dataset``.
    text
        The name of the text column (a missing text raises ValueError naming
        its row).
    reference_date, lang, document_type
        Names of columns giving each row's reference date (dates or ISO
        strings), language code or document type; a missing value (None)
        means the pipeline's. None: the pipeline's for every row (give one
        date for all rows as ``pipeline=dateline.Pipeline(reference_date=...)``).
    pipeline
        The :class:`dateline.Pipeline` (default: ``dateline.Pipeline()``).
    tables
        Which tables become columns: ``entities`` (structs of :data:`FIELDS`
        ``["entities"]``: start, end, text, label, id), ``timexes`` (start,
        end, text, type, value, begin, end_date), or ``ranges``,
        ``sentences``, ``tokens`` (all of their columns but ``doc``). Each
        column is named after its table; a dataset column of that name is
        an error.
    batch_size
        Rows per batch; each batch is analysed in parallel in Rust.
    num_proc
        Worker processes for ``Dataset.map`` (the pipeline is pickled to
        each; within a forked worker a batch runs on one thread).
    """
    tables = _check_tables(tables)
    columns = list(dataset.column_names)
    for role, name in (("text", text), ("reference_date", reference_date), ("lang", lang), ("document_type", document_type)):
        if name is not None and name not in columns:
            hint = " (one date for all rows: pipeline=dateline.Pipeline(reference_date=...))" if role == "reference_date" else ""
            raise ValueError(f"{role}={name!r} is not a column of the dataset; its columns are {columns!r}{hint}")
    clash = [t for t in tables if t in columns]
    if clash:
        raise ValueError(f"the dataset already has a column named {clash[0]!r}; rename or remove it first")
    fn = map_function(
        pipeline, text=text, reference_date=reference_date, lang=lang, document_type=document_type, tables=tables
    )
    import datasets

    needed = list(dict.fromkeys(c for c in (text, reference_date, lang, document_type) if c is not None))
    # Only the columns read go through map; it returns an Arrow table of the
    # new columns alone, which is put beside the dataset's (no copy of them).
    spans = (
        dataset.select_columns(needed)
        .with_format("arrow")
        .map(
            _NewColumns(fn),
            batched=True,
            batch_size=batch_size,
            num_proc=num_proc,
            with_indices=True,
            desc="dateline",
        )
        .with_format(None)
    )
    out = datasets.concatenate_datasets([dataset.with_format(None), spans], axis=1)
    fmt = dataset.format
    if fmt["type"] is None and fmt["columns"] is None:
        return out
    shown = None if fmt["columns"] is None else [*fmt["columns"], *tables]
    return out.with_format(fmt["type"], columns=shown, output_all_columns=fmt["output_all_columns"], **fmt["format_kwargs"])


class _NewColumns:
    """The map function of :func:`annotate`: an Arrow batch in, a table of
    the new columns alone out (so ``map`` replaces the read columns by them)."""

    __slots__ = ("fn",)

    def __init__(self, fn: _Annotator) -> None:
        self.fn = fn

    def __call__(self, batch: pa.Table, indices: Sequence[int]) -> pa.Table:
        return pa.table(self.fn.columns(batch, indices))
