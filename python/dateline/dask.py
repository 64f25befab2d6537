"""Running a pipeline over a Dask DataFrame (``pip install 'dateline[dask]'``).

>>> import dask.dataframe as dd, pandas as pd, dateline, dateline.dask
>>> pdf = pd.DataFrame({"text": ["Rain in Lima on Thursday.", "Oslo."], "src": ["AP", "DPA"]})
>>> ddf = dd.from_pandas(pdf, npartitions=2)
>>> out = dateline.dask.annotate(ddf, pipeline=dateline.Pipeline(reference_date="2026-03-05"))
>>> out["entities"].compute()[["src", "text", "label"]]
   src  text label
0   AP  Lima   LOC
1  DPA  Oslo   LOC

The same code runs on a cluster once a client is connected
(``distributed.Client("tcp://scheduler:8786")``). The pipeline travels to the
workers once, in its compact serialized form (compressed JSON of options and
gazetteer), as one task of the graph that every partition depends on; each
worker process builds it once and keeps it for later partitions and later
calls.
"""

from __future__ import annotations

import hashlib
import operator
import threading
import zlib
from collections.abc import Sequence
from typing import Any

from dateline._frames import TABLES
from dateline._pipeline import Pipeline

__all__ = ["annotate"]

# Pipelines built in this process, by digest of their serialized form.
_CACHE: dict[str, Pipeline] = {}
_LOCK = threading.Lock()
#: How many pipelines this process has built from shipped form (for tests and monitoring).
builds = 0


def _remember(digest: str, nlp: Pipeline, keep: int = 4) -> None:
    _CACHE[digest] = nlp
    while len(_CACHE) > keep:  # oldest first (dicts keep insertion order)
        del _CACHE[next(iter(_CACHE))]


class ShippedPipeline:
    """A pipeline in transit: compressed JSON and its digest. Pickles small;
    :meth:`get` builds the pipeline once per process."""

    __slots__ = ("data", "digest")

    def __init__(self, pipeline: Pipeline) -> None:
        raw = pipeline.to_json().encode("utf-8")
        self.digest = hashlib.sha256(raw).hexdigest()
        self.data = zlib.compress(raw, 6)
        with _LOCK:  # the sending process has it built already
            _remember(self.digest, pipeline)

    def __getstate__(self) -> tuple[str, bytes]:
        return (self.digest, self.data)

    def __setstate__(self, state: tuple[str, bytes]) -> None:
        self.digest, self.data = state

    def get(self) -> Pipeline:
        global builds
        with _LOCK:
            nlp = _CACHE.get(self.digest)
            if nlp is None:
                nlp = Pipeline.from_json(zlib.decompress(self.data).decode("utf-8"))
                _remember(self.digest, nlp)
                builds += 1
            return nlp


def _partition(
    frame: Any,
    shipped: ShippedPipeline,
    text: str,
    reference_date: str | None,
    document_type: str | None,
    columns: Sequence[str] | None,
    tables: Sequence[str],
    lang: str | None = None,
    suffix: str = "_span",
) -> dict[str, Any]:
    nlp = shipped.get()
    # One thread per task: Dask already runs partitions in parallel.
    out = nlp.annotate_frame(
        frame,
        text=text,
        reference_date=reference_date,
        document_type=document_type,
        columns=columns,
        tables=tables,
        n_threads=1,
        lang=lang,
        suffix=suffix,
    )
    return {t: _plain_labels(df, set(frame.columns)) for t, df in out.items()}


def _plain_labels(df: Any, frame_columns: set[Any]) -> Any:
    """The span table with its categorical columns as strings.

    Each partition has its own categories (the labels and ids it met), which
    Dask's metadata cannot know in advance and Parquet cannot unify, so the
    Dask tables hold them as strings (missing values stay missing). Columns
    of the frame that were categorical already are left as they are.
    """
    import pandas as pd

    ours = [c for c in df.columns if c not in frame_columns and isinstance(df[c].dtype, pd.CategoricalDtype)]
    if not ours:
        return df
    string = "str" if int(pd.__version__.split(".")[0]) >= 3 else pd.StringDtype()
    return df.astype({c: string for c in ours})


def annotate(
    ddf: Any,
    *,
    text: str = "text",
    reference_date: str | None = None,
    document_type: str | None = None,
    lang: str | None = None,
    pipeline: Pipeline | None = None,
    columns: Sequence[str] | None = None,
    tables: Sequence[str] = ("entities", "timexes"),
    suffix: str = "_span",
) -> dict[str, Any]:
    """Annotate the ``text`` column of a Dask DataFrame, lazily.

    Returns ``{table name: dask DataFrame}``, each with one row per span as
    :meth:`dateline.Pipeline.annotate_frame` makes them (the frame's
    ``columns``, then the span columns; the index is the frame's index
    label of the span's document). Each partition is analysed once whatever
    the number of tables asked for. Label columns that are categorical in
    :meth:`~dateline.Pipeline.annotate_frame` (``label``, ``id``, ``type``,
    ``mod``, ...) are strings here: each partition meets its own categories,
    and strings write to Parquet as they are (``out["entities"].to_parquet(...)``).

    Parameters
    ----------
    ddf
        A ``dask.dataframe.DataFrame``.
    text
        The text column.
    reference_date
        A column of per-document reference dates, or None for the
        pipeline's default.
    document_type
        A column of per-document document types (``"auto"``, ``"news"``,
        ``"narrative"``, ``"colloquial"``, missing values for the pipeline's),
        or None for the pipeline's default.
    lang
        A column of per-document language codes (``"es"``, ``"auto"``;
        missing values for the pipeline's), or None for the pipeline's default.
    pipeline
        The :class:`~dateline.Pipeline` (default: ``Pipeline()``, built-in
        world gazetteer, reference dates detected).
    columns
        Frame columns to carry into the tables (default: all but the text,
        date and document type columns).
    tables
        Which tables (``entities``, ``timexes``, ``ranges``, ``sentences``, ``tokens``).
    suffix
        Added to a span column's name that a carried frame column already
        has (see :meth:`~dateline.Pipeline.annotate_frame`).
    """
    try:
        import dask
        import dask.dataframe as dd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("dateline.dask needs dask: pip install 'dateline[dask]'") from e
    if not isinstance(ddf, dd.DataFrame):
        raise TypeError(f"ddf must be a dask DataFrame, not {type(ddf).__name__}")
    wanted = [tables] if isinstance(tables, str) else list(tables)
    for t in wanted:
        if t not in TABLES:
            raise ValueError(f"unknown table {t!r}; expected some of {', '.join(map(repr, TABLES))}")
    nlp = pipeline if pipeline is not None else Pipeline()
    if not isinstance(nlp, Pipeline):
        raise TypeError(f"pipeline must be a dateline.Pipeline, not {type(nlp).__name__}")
    shipped = ShippedPipeline(nlp)
    # Column and dtype errors surface now, on the empty metadata frame.
    meta = _partition(ddf._meta, shipped, text, reference_date, document_type, columns, wanted, lang, suffix)
    ship = dask.delayed(shipped, pure=True)
    parts = [
        dask.delayed(_partition, pure=True)(part, ship, text, reference_date, document_type, columns, wanted, lang, suffix)
        for part in ddf.to_delayed()
    ]
    return {
        t: dd.from_delayed([dask.delayed(operator.getitem, pure=True)(p, t) for p in parts], meta=meta[t], verify_meta=False)
        for t in wanted
    }
