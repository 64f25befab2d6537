"""Columnar results: :class:`Annotations` and the DataFrame helpers.

The analyses stay in Rust; each table is built there in one pass (GIL
released) and handed over as numpy arrays that share the Rust buffers.
pandas, polars and pyarrow are imported only when a table is asked for in
their format.
"""

from __future__ import annotations

import datetime as _dt
import math
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

from dateline import _core

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas
    import polars
    import pyarrow

    from dateline._core import Doc

__all__ = ["Annotations", "TABLES", "Format"]

#: The tables an :class:`Annotations` can produce.
TABLES = ("entities", "timexes", "ranges", "sentences", "tokens")
#: The document types a document may be given.
DOCUMENT_TYPES = ("auto", "news", "narrative", "colloquial")
#: Output formats.
Format = Literal["pandas", "polars", "arrow", "numpy"]
_FORMATS = ("pandas", "polars", "arrow", "numpy")
_NAT = -(2**63)  # the smallest int64: a missing date or time


def _np_module() -> Any:
    """numpy, imported when a table is made (``import dateline`` does not
    import it: it takes most of the import time, and its BLAS threads spin
    for a while after)."""
    import numpy

    return numpy


def _need(module: str, extra: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(f"this needs {module}: pip install 'dateline[{extra}]'") from e


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


# ---------------------------------------------------------------------------
# inputs


def _is_missing(v: object) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    if type(v).__name__ == "NAType" and type(v).__module__.startswith("pandas"):
        return True  # pandas.NA, the missing value of nullable and Arrow-backed columns
    # pandas.NaT and numpy.datetime64('NaT') compare unequal to themselves.
    try:
        return bool(v != v)
    except Exception:  # noqa: BLE001 - arrays and odd objects are not missing values
        return False


def _values(obj: object, what: str) -> tuple[list[Any], Any]:
    """A list of the values of a sequence-like input, and its index labels
    (pandas) or None."""
    if isinstance(obj, (str, bytes)):
        raise TypeError(f"{what} must be an iterable of values, not a single {type(obj).__name__}")
    mod = type(obj).__module__.split(".")[0]
    if mod == "pandas" and hasattr(obj, "index") and hasattr(obj, "tolist"):
        index = obj.index  # type: ignore[attr-defined]
        if str(getattr(obj, "dtype", "")).startswith("datetime64"):
            dates = obj.dt.date.tolist()  # type: ignore[attr-defined]
            return [None if _is_missing(d) else d for d in dates], index
        return obj.tolist(), index  # type: ignore[attr-defined]
    if mod == "polars" and hasattr(obj, "to_list"):
        return obj.to_list(), None  # type: ignore[attr-defined]
    if mod == "pyarrow" and hasattr(obj, "to_pylist"):
        return obj.to_pylist(), None  # type: ignore[attr-defined]
    np = sys.modules.get("numpy")  # an array means numpy is loaded already
    if np is not None and isinstance(obj, np.ndarray):
        if obj.dtype.kind == "M":
            days = obj.astype("datetime64[D]")
            return [None if np.isnat(d) else d.item() for d in days], None
        return obj.tolist(), None
    if not isinstance(obj, Iterable):
        raise TypeError(f"{what} must be an iterable, not {type(obj).__name__}")
    return list(obj), None


def _texts(obj: object) -> tuple[list[str], Any]:
    texts, index = _values(obj, "texts")
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            label = f" (index label {index[i]!r})" if index is not None else ""
            if _is_missing(t):
                raise ValueError(
                    f"texts[{i}]{label} is missing ({t!r}); fill or drop missing texts first, e.g. .fillna('')"
                )
            raise TypeError(f"texts[{i}]{label} must be str, not {type(t).__name__}")
    return texts, index


def _dates(obj: object, n: int) -> list[Any] | None:
    if obj is None:
        return None
    if isinstance(obj, (str, _dt.date)):
        return [obj] * n
    values, _ = _values(obj, "reference_dates")
    out: list[Any] = []
    for v in values:
        if _is_missing(v):
            out.append(None)
        elif (np := sys.modules.get("numpy")) is not None and isinstance(v, np.datetime64):
            out.append(v.astype("datetime64[D]").item())
        else:
            out.append(v)
    if len(out) != n:
        raise ValueError(f"reference_dates has {len(out)} items for {n} texts")
    return out


def _doctypes(obj: object, n: int, what: str = "document_types") -> list[Any] | None:
    """One document type or language (or None) per text, from a
    sequence-like input or one value for all; names are checked in Rust."""
    if obj is None:
        return None
    if isinstance(obj, str):
        return [obj] * n
    values, _ = _values(obj, what)
    out = [None if _is_missing(v) else v for v in values]
    if len(out) != n:
        raise ValueError(f"{what} has {len(out)} items for {n} texts")
    return out


# ---------------------------------------------------------------------------
# tables


def _check_format(format: str) -> None:
    if format not in _FORMATS:
        raise ValueError(f"format must be one of {', '.join(map(repr, _FORMATS))}, not {format!r}")


def _decode(offsets: np.ndarray, data: np.ndarray, valid: np.ndarray | None) -> np.ndarray:
    """Strings as a numpy object array (one Python str per row)."""
    np = _np_module()
    raw = data.tobytes()
    out = np.empty(len(offsets) - 1, dtype=object)
    bounds = offsets.tolist()
    try:
        # ASCII (most text): byte offsets are str offsets, so slice one str.
        text = raw.decode("ascii")
        out[:] = [text[a:b] for a, b in zip(bounds, bounds[1:])]
    except UnicodeDecodeError:
        out[:] = [raw[a:b].decode("utf-8") for a, b in zip(bounds, bounds[1:])]
    if valid is not None:
        out[~valid] = None
    return out


def _arrow_str(pa: Any, offsets: np.ndarray, data: np.ndarray, valid: np.ndarray | None) -> Any:
    n = len(offsets) - 1
    bitmap = None
    nulls = 0
    if valid is not None:
        # A fresh boolean array's data buffer is a bitmap starting at bit 0:
        # exactly Arrow's validity layout.
        bitmap = pa.array(valid).buffers()[1]
        nulls = int(n - valid.sum())
    return pa.LargeStringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(data), bitmap, nulls)


def _arrow_cat(pa: Any, codes: np.ndarray, categories: list[str]) -> Any:
    mask = codes < 0
    indices = pa.array(codes, mask=mask if mask.any() else None)
    return pa.DictionaryArray.from_arrays(indices, pa.array(categories, type=pa.string()))


def _arrow_date(pa: Any, days: np.ndarray) -> Any:
    np = _np_module()
    mask = days == _NAT
    return pa.array(np.where(mask, 0, days).astype(np.int32), type=pa.date32(), mask=mask if mask.any() else None)


def _arrow_time(pa: Any, secs: np.ndarray, tz: str | None) -> Any:
    np = _np_module()
    mask = secs == _NAT
    return pa.array(np.where(mask, 0, secs), type=pa.timestamp("s", tz=tz), mask=mask if mask.any() else None)


def _optint_objects(values: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Integers, some missing, as a numpy object array (None where missing)."""
    np = _np_module()
    out = np.empty(len(values), dtype=object)
    out[:] = values.tolist()
    out[~valid] = None
    return out


def _pandas_str(pd: Any, pa: Any, offsets: np.ndarray, data: np.ndarray, valid: np.ndarray | None) -> Any:
    if pa is None:
        return _decode(offsets, data, valid)
    arr = _arrow_str(pa, offsets, data, valid)
    if int(pd.__version__.split(".")[0]) >= 3:
        return pd.array(arr, dtype="str")
    return pd.arrays.ArrowStringArray(arr)  # pragma: no cover - pandas 2


class Annotations:
    """The analyses of a batch, read as tables (one row per span).

    Made by :meth:`dateline.Pipeline.annotate`. Each table has a ``doc``
    column (the input position, or the index label when the texts came in a
    pandas Series), ``start`` and ``end`` (``str`` indices into that
    document's text) and ``text``, then the span's attributes:

    - ``entities()``: ``label``, ``id`` (categorical), ``candidates`` (how
      many entries share the name; see :attr:`dateline.Entity.candidates`),
      ``attributes`` (the entry's attributes as JSON text, missing when none);
    - ``timexes()``: ``type`` (categorical DATE/TIME/DURATION/SET), ``value``,
      ``mod``, ``freq``, ``quant``, ``begin`` and ``end_date`` (the half-open
      calendar interval the value covers, as dates; missing when the value
      names no concrete period), ``reference_date``, ``document_type``
      (categorical news/narrative/colloquial: how the document was read),
      ``lang`` (categorical: the language the document was read in),
      ``sentence`` (the index of its sentence), ``datetime`` (for a TIME
      value with a clock time, that wall-clock time as written) and
      ``datetime_utc`` (the same instant in UTC, timezone-aware, where the
      text names a zone: ``10:00 GMT``, ``2026-03-05T14:30:00+01:00``);
    - ``ranges()``: ranges of time written as one phrase (``from March 2 to
      March 6``): ``begin_index`` and ``end_index`` (the row numbers, within
      the document, of the time expressions at its ends in ``timexes()``;
      missing where the text names none), ``begin`` and ``end_date`` (the
      half-open interval of days; missing for an open end), ``value`` (an ISO
      interval, ``2026-03-02/2026-03-06``) and ``rule``;
    - ``sentences()``: ``i`` (position in the document);
    - ``tokens()``: ``i``, ``sentence``, ``space_after``, ``norm``, ``shape``,
      ``words`` (the syntactic words of a contraction, space-separated:
      ``del`` → ``"de el"`` in Spanish; missing for a token that is one word)
      and the ``is_*``/``like_*`` flags.

    ``format`` is ``"pandas"`` (default), ``"polars"``, ``"arrow"`` (a
    ``pyarrow.Table``) or ``"numpy"`` (a dict of arrays). Columns are built in
    Rust; numbers and strings reach numpy and Arrow without copying.

    Examples
    --------
    >>> import dateline
    >>> nlp = dateline.Pipeline(reference_date="2026-03-05")
    >>> res = nlp.annotate(["Talks in Caracas on Thursday.", "Lima, in January."])
    >>> res.entities()[["doc", "start", "end", "text", "label"]]
       doc  start  end     text label
    0    0      9   16  Caracas   LOC
    1    1      0    4     Lima   LOC
    >>> res.timexes()[["doc", "text", "value", "begin"]]
       doc      text       value      begin
    0    0  Thursday  2026-03-05 2026-03-05
    1    1   January     2026-01 2026-01-01
    """

    __slots__ = ("_core", "_index")

    def __init__(self, core: _core.Annotations, index: Any = None) -> None:
        self._core = core
        self._index = index

    def __len__(self) -> int:
        return len(self._core)

    def __repr__(self) -> str:
        return f"<dateline.Annotations of {len(self)} documents>"

    def doc(self, i: int) -> Doc:
        """The :class:`~dateline.Doc` of the document at position ``i``."""
        if i < 0:
            i += len(self)
        return self._core.doc(i)

    # -- one table ---------------------------------------------------
    @overload
    def entities(self, format: Literal["pandas"] = ...) -> pandas.DataFrame: ...
    @overload
    def entities(self, format: Literal["polars"]) -> polars.DataFrame: ...
    @overload
    def entities(self, format: Literal["arrow"]) -> pyarrow.Table: ...
    @overload
    def entities(self, format: Literal["numpy"]) -> dict[str, np.ndarray]: ...
    def entities(self, format: Format = "pandas") -> Any:
        """The gazetteer entities, one row each."""
        return self.table("entities", format)

    @overload
    def timexes(self, format: Literal["pandas"] = ...) -> pandas.DataFrame: ...
    @overload
    def timexes(self, format: Literal["polars"]) -> polars.DataFrame: ...
    @overload
    def timexes(self, format: Literal["arrow"]) -> pyarrow.Table: ...
    @overload
    def timexes(self, format: Literal["numpy"]) -> dict[str, np.ndarray]: ...
    def timexes(self, format: Format = "pandas") -> Any:
        """The time expressions, one row each."""
        return self.table("timexes", format)

    @overload
    def ranges(self, format: Literal["pandas"] = ...) -> pandas.DataFrame: ...
    @overload
    def ranges(self, format: Literal["polars"]) -> polars.DataFrame: ...
    @overload
    def ranges(self, format: Literal["arrow"]) -> pyarrow.Table: ...
    @overload
    def ranges(self, format: Literal["numpy"]) -> dict[str, np.ndarray]: ...
    def ranges(self, format: Format = "pandas") -> Any:
        """The ranges of time written as one phrase, one row each.

        Examples
        --------
        >>> import dateline
        >>> nlp = dateline.Pipeline(reference_date="2026-03-05")
        >>> res = nlp.annotate(["Talks ran from March 2 to March 6.", "Shut since March 2."])
        >>> res.ranges()[["doc", "text", "begin_index", "end_index", "value"]]
           doc                     text  begin_index  end_index                  value
        0    0  from March 2 to March 6            0          1  2026-03-02/2026-03-06
        1    1            since March 2            0       <NA>  2026-03-02/2026-03-05
        """
        return self.table("ranges", format)

    @overload
    def sentences(self, format: Literal["pandas"] = ...) -> pandas.DataFrame: ...
    @overload
    def sentences(self, format: Literal["polars"]) -> polars.DataFrame: ...
    @overload
    def sentences(self, format: Literal["arrow"]) -> pyarrow.Table: ...
    @overload
    def sentences(self, format: Literal["numpy"]) -> dict[str, np.ndarray]: ...
    def sentences(self, format: Format = "pandas") -> Any:
        """The sentences, one row each."""
        return self.table("sentences", format)

    @overload
    def tokens(self, format: Literal["pandas"] = ...) -> pandas.DataFrame: ...
    @overload
    def tokens(self, format: Literal["polars"]) -> polars.DataFrame: ...
    @overload
    def tokens(self, format: Literal["arrow"]) -> pyarrow.Table: ...
    @overload
    def tokens(self, format: Literal["numpy"]) -> dict[str, np.ndarray]: ...
    def tokens(self, format: Format = "pandas") -> Any:
        """The tokens, one row each."""
        return self.table("tokens", format)

    @overload
    def table(self, kind: str, format: Literal["pandas"] = ...) -> pandas.DataFrame: ...
    @overload
    def table(self, kind: str, format: Literal["polars"]) -> polars.DataFrame: ...
    @overload
    def table(self, kind: str, format: Literal["arrow"]) -> pyarrow.Table: ...
    @overload
    def table(self, kind: str, format: Literal["numpy"]) -> dict[str, np.ndarray]: ...
    def table(self, kind: str, format: Format = "pandas") -> Any:
        """The table ``kind`` (one of :data:`TABLES`) in ``format``."""
        _check_format(format)
        cols = self._core.table(kind)
        if format == "numpy":
            return self._numpy(cols)
        if format == "arrow":
            return self._arrow(cols)
        if format == "polars":
            pl = _need("polars", "polars")
            _need("pyarrow", "polars")
            return pl.from_arrow(self._arrow(cols))
        return self._pandas(cols)

    # -- all tables --------------------------------------------------
    def to_pandas(self, tables: Sequence[str] = ("entities", "timexes")) -> dict[str, Any]:
        """The ``tables`` as pandas DataFrames, by name."""
        return {t: self.table(t, "pandas") for t in _tables(tables)}

    def to_polars(self, tables: Sequence[str] = ("entities", "timexes")) -> dict[str, Any]:
        """The ``tables`` as polars DataFrames, by name."""
        return {t: self.table(t, "polars") for t in _tables(tables)}

    def to_arrow(self, tables: Sequence[str] = ("entities", "timexes")) -> dict[str, Any]:
        """The ``tables`` as ``pyarrow.Table`` objects, by name."""
        return {t: self.table(t, "arrow") for t in _tables(tables)}

    # -- builders ----------------------------------------------------
    def _doc_labels(self, positions: np.ndarray) -> Any:
        if self._index is None:
            return positions
        return self._index.take(positions)

    def _numpy(self, cols: list[tuple[str, str, Any, Any]]) -> dict[str, np.ndarray]:
        np = _np_module()
        out: dict[str, Any] = {}
        for name, kind, data, extra in cols:
            if kind == "int" or kind == "bool":
                out[name] = data
            elif kind == "optint":
                out[name] = _optint_objects(data, extra)
            elif kind == "date":
                out[name] = data.view("datetime64[D]")
            elif kind in ("time", "time_utc"):
                out[name] = data.view("datetime64[s]")  # numpy has no zones: time_utc is in UTC
            elif kind == "str":
                out[name] = _decode(*data)
            else:
                cats = np.array(list(extra) + [None], dtype=object)
                out[name] = cats[data]
        if self._index is not None:
            out["doc"] = np.asarray(self._doc_labels(out["doc"]))
        return out

    def _arrow(self, cols: list[tuple[str, str, Any, Any]]) -> Any:
        np = _np_module()
        pa = _need("pyarrow", "arrow")
        arrays = []
        names = []
        for name, kind, data, extra in cols:
            if name == "doc" and self._index is not None:
                arrays.append(pa.array(np.asarray(self._doc_labels(data))))
            elif kind == "int" or kind == "bool":
                arrays.append(pa.array(data))
            elif kind == "optint":
                arrays.append(pa.array(data, mask=~extra))
            elif kind == "date":
                arrays.append(_arrow_date(pa, data))
            elif kind in ("time", "time_utc"):
                arrays.append(_arrow_time(pa, data, "UTC" if kind == "time_utc" else None))
            elif kind == "str":
                arrays.append(_arrow_str(pa, *data))
            else:
                arrays.append(_arrow_cat(pa, data, extra))
            names.append(name)
        return pa.Table.from_arrays(arrays, names=names)

    def _pandas(self, cols: list[tuple[str, str, Any, Any]]) -> Any:
        pd = _need("pandas", "pandas")
        pa = _need("pyarrow", "pandas") if _has("pyarrow") else None
        data: dict[str, Any] = {}
        for name, kind, values, extra in cols:
            if name == "doc" and self._index is not None:
                data[name] = self._doc_labels(values)
            elif kind == "int" or kind == "bool":
                data[name] = values
            elif kind == "optint":
                data[name] = pd.arrays.IntegerArray(values, ~extra)
            elif kind == "date":
                data[name] = values.view("datetime64[D]").astype("datetime64[s]")
            elif kind == "time":
                data[name] = values.view("datetime64[s]")
            elif kind == "time_utc":
                data[name] = pd.Series(values.view("datetime64[s]"), copy=False).dt.tz_localize("UTC").array
            elif kind == "str":
                data[name] = _pandas_str(pd, pa, *values)
            else:
                data[name] = pd.Categorical.from_codes(values, categories=extra)
        return pd.DataFrame(data, copy=False)


def _tables(tables: Sequence[str] | str) -> list[str]:
    if isinstance(tables, str):
        tables = [tables]
    out = list(tables)
    for t in out:
        if t not in TABLES:
            raise ValueError(f"unknown table {t!r}; expected some of {', '.join(map(repr, TABLES))}")
    return out


def annotate(
    pipeline: _core.Pipeline,
    texts: object,
    reference_dates: object,
    n_threads: int | None,
    document_types: object = None,
    langs: object = None,
) -> Annotations:
    """Implementation of :meth:`dateline.Pipeline.annotate`."""
    values, index = _texts(texts)
    refs = _dates(reference_dates, len(values))
    types = _doctypes(document_types, len(values))
    codes = _doctypes(langs, len(values), "langs")
    return Annotations(pipeline.annotate(values, refs, n_threads, types, codes), index)


def annotate_frame(
    pipeline: _core.Pipeline,
    frame: Any,
    text: str,
    reference_date: str | None,
    columns: Sequence[str] | None,
    tables: Sequence[str],
    n_threads: int | None,
    document_type: str | None = None,
    lang: str | None = None,
    suffix: str = "_span",
) -> dict[str, Any]:
    """Implementation of :meth:`dateline.Pipeline.annotate_frame`."""
    if not isinstance(suffix, str) or not suffix:
        raise ValueError(f"suffix must be a non-empty str, not {suffix!r}")
    mod = type(frame).__module__.split(".")[0]
    if mod not in ("pandas", "polars") or not hasattr(frame, "columns"):
        raise TypeError(f"frame must be a pandas or polars DataFrame, not {type(frame).__name__}")
    names = list(frame.columns)
    given = (("text", text), ("reference_date", reference_date), ("document_type", document_type), ("lang", lang))
    for what, col in given:
        if col is not None and col not in names:
            raise KeyError(f"{what} column {col!r} is not in the frame (columns: {names})")
    special = (text, reference_date, document_type, lang)
    keep = [c for c in names if c not in special] if columns is None else list(columns)
    for c in keep:
        if c not in names:
            raise KeyError(f"column {c!r} is not in the frame (columns: {names})")
    wanted = _tables(tables)
    values, _ = _texts(frame[text])
    refs = _dates(frame[reference_date], len(values)) if reference_date is not None else None
    types = _doctypes(frame[document_type], len(values)) if document_type is not None else None
    codes = _doctypes(frame[lang], len(values), "langs") if lang is not None else None
    res = Annotations(pipeline.annotate(values, refs, n_threads, types, codes))
    out: dict[str, Any] = {}
    if mod == "pandas":
        pd = _need("pandas", "pandas")
        for t in wanted:
            spans = res.table(t, "pandas")
            positions = spans["doc"].to_numpy()
            spans = spans.drop(columns=["doc"])
            spans = spans.rename(columns=_renames(list(spans.columns), keep, suffix))
            left = frame[keep].iloc[positions].reset_index(drop=True)
            joined = pd.concat([left, spans], axis=1)
            joined.index = frame.index.take(positions)
            out[t] = joined
        return out
    pl = _need("polars", "polars")
    row = "__dateline_row__"
    while row in names:
        row += "_"
    base = frame.select(keep).with_row_index(row)
    for t in wanted:
        spans = res.table(t, "polars").with_columns(pl.col("doc").cast(pl.UInt32))
        ren = _renames(list(spans.columns), keep, suffix)
        doc_name = ren.pop("doc", "doc")
        spans = spans.rename({"doc": row, **ren})
        joined = base.join(spans, on=row, how="inner", maintain_order="right")
        out[t] = joined.rename({row: doc_name})
    return out


def _grow(name: str, taken: Sequence[str], suffix: str) -> str:
    """``name`` with ``suffix`` added until no frame column has it."""
    out = name
    while out in taken:
        out += suffix
    return out


def _renames(span_columns: list[str], frame_columns: Sequence[str], suffix: str) -> dict[str, str]:
    """New names for the span columns that a frame column already has."""
    return {c: _grow(c, frame_columns, suffix) for c in span_columns if c in frame_columns}
