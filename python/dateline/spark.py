"""Running a pipeline over a Spark DataFrame (``pip install 'dateline[spark]'``, Java 17+).

::

    from pyspark.sql import SparkSession
    import dateline, dateline.spark

    spark = SparkSession.builder.master("spark://host:7077").getOrCreate()
    df = spark.read.parquet("news/")
    nlp = dateline.Pipeline(gazetteer=dateline.Gazetteer.from_file("names.tsv"))
    tables = dateline.spark.annotate(df, text="body", reference_date="published", pipeline=nlp)
    tables["entities"].write.parquet("entities/")

Each table is one ``mapInArrow`` over the frame: Arrow record batches go to
the Python workers, each batch is analysed in one call (one thread per task:
Spark already runs tasks in parallel) and its spans come back as Arrow
record batches, joined to the batch's carried columns by position. The
tables' schemas are known before anything runs (the frame's columns, then
the span columns of :data:`SPAN_COLUMNS`), so column mistakes fail at once,
on the driver.

The pipeline travels inside the task's function in its compact serialized
form (compressed JSON of options and gazetteer, with its digest; a few
hundred bytes for the built-in world gazetteer, and PySpark broadcasts
functions larger than a megabyte by itself); each Python worker process
builds it once and keeps it for later tasks and later calls.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from dateline._frames import _tables
from dateline._pipeline import Pipeline
from dateline.dask import ShippedPipeline

__all__ = ["SPAN_COLUMNS", "annotate"]

#: The span columns of each table, in order: ``(name, kind, nullable)`` with
#: kind ``long``, ``str``, ``date`` or ``bool``. They are those of
#: :class:`dateline.Annotations` without ``doc``; label columns (``label``,
#: ``id``, ``type``, ``mod``, ...) are plain strings.
SPAN_COLUMNS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "entities": (
        ("start", "long", False),
        ("end", "long", False),
        ("text", "str", False),
        ("label", "str", False),
        ("id", "str", False),
        ("candidates", "long", False),
        ("attributes", "str", True),
        ("rule", "str", False),
        ("sentence", "long", False),
    ),
    "timexes": (
        ("start", "long", False),
        ("end", "long", False),
        ("text", "str", False),
        ("type", "str", False),
        ("value", "str", False),
        ("mod", "str", True),
        ("freq", "str", True),
        ("quant", "str", True),
        ("begin", "date", True),
        ("end_date", "date", True),
        ("reference_date", "date", True),
        ("document_type", "str", False),
        ("lang", "str", False),
        ("sentence", "long", False),
        ("datetime", "timestamp", True),
        ("datetime_utc", "timestamp_utc", True),
    ),
    "ranges": (
        ("start", "long", False),
        ("end", "long", False),
        ("text", "str", False),
        ("begin_index", "long", True),
        ("end_index", "long", True),
        ("begin", "date", True),
        ("end_date", "date", True),
        ("value", "str", False),
        ("rule", "str", False),
        ("sentence", "long", False),
    ),
    "sentences": (
        ("i", "long", False),
        ("start", "long", False),
        ("end", "long", False),
        ("text", "str", False),
    ),
    "tokens": (
        ("i", "long", False),
        ("start", "long", False),
        ("end", "long", False),
        ("text", "str", False),
        ("sentence", "long", False),
        ("space_after", "bool", False),
        ("norm", "str", False),
        ("shape", "str", False),
        ("words", "str", True),
        ("is_alpha", "bool", False),
        ("is_digit", "bool", False),
        ("is_punct", "bool", False),
        ("like_num", "bool", False),
        ("like_url", "bool", False),
        ("like_email", "bool", False),
    ),
}


def _span_names(table: str, keep: Sequence[str], suffix: str, case_sensitive: bool) -> list[str]:
    """The span columns' output names: ``suffix`` added to a name a carried
    column already has (as :meth:`dateline.Pipeline.annotate_frame` does),
    comparing names as Spark does (ignoring case unless
    ``spark.sql.caseSensitive``)."""

    def fold(s: str) -> str:
        return s if case_sensitive else s.lower()

    spans = [name for name, _, _ in SPAN_COLUMNS[table]]
    own = {fold(n) for n in spans}
    taken = {fold(c) for c in keep}
    out = []
    for name in spans:
        new = name
        while fold(new) in taken or (new != name and fold(new) in own):
            new += suffix
        taken.add(fold(new))
        out.append(new)
    return out


def _quote(name: str) -> str:
    """A column reference that Spark reads as one top-level name."""
    return "`" + name.replace("`", "``") + "`"


class _Batches:
    """The function each task runs: record batches in, span batches out.

    Pickles small (the shipped pipeline and a few names)."""

    def __init__(
        self,
        shipped: ShippedPipeline,
        table: str,
        text: str,
        reference_date: str | None,
        document_type: str | None,
        lang: str | None,
        keep: Sequence[str],
        names: Sequence[str],
        zone: str = "UTC",
    ) -> None:
        self.shipped = shipped
        self.zone = zone
        self.table = table
        self.text = text
        self.reference_date = reference_date
        self.document_type = document_type
        self.lang = lang
        self.keep = list(keep)
        self.names = list(names)

    def __call__(self, batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        nlp = self.shipped.get()
        spec = SPAN_COLUMNS[self.table]
        for batch in batches:
            schema = batch.schema

            def values(name: str | None) -> list[Any] | None:
                if name is None:
                    return None
                return batch.column(schema.get_field_index(name)).to_pylist()  # noqa: B023

            text_type = schema.field(self.text).type  # string or large_string, as Spark sends them
            res = nlp.annotate(
                values(self.text),
                reference_dates=values(self.reference_date),
                document_types=values(self.document_type),
                langs=values(self.lang),
                n_threads=1,
            )
            spans = res.table(self.table, "arrow")
            doc = spans.column("doc").combine_chunks()
            arrays = [batch.column(schema.get_field_index(c)).take(doc) for c in self.keep]
            fields = [schema.field(c) for c in self.keep]
            for (name, kind, nullable), out in zip(spec, self.names):
                col = spans.column(name).combine_chunks()
                if kind == "str":
                    col = col.cast(text_type)
                elif kind == "timestamp":  # TimestampNTZType: wall-clock time as written
                    col = col.cast(pa.timestamp("us"))
                elif kind == "timestamp_utc":  # TimestampType: an instant, sent in the session's zone
                    col = col.cast(pa.timestamp("us", tz=self.zone))
                if not nullable and col.null_count:  # pragma: no cover - a core change the schema missed
                    raise RuntimeError(f"dateline.spark: {self.table}.{name} has missing values; SPAN_COLUMNS is out of date")
                arrays.append(col)
                fields.append(pa.field(out, col.type, nullable))
            yield pa.RecordBatch.from_arrays(arrays, schema=pa.schema(fields))


def _spark_type(kind: str) -> Any:
    from pyspark.sql import types as T

    return {
        "long": T.LongType(),
        "str": T.StringType(),
        "date": T.DateType(),
        "bool": T.BooleanType(),
        "timestamp": T.TimestampNTZType(),
        "timestamp_utc": T.TimestampType(),
    }[kind]


def annotate(
    df: Any,
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
    """Annotate the ``text`` column of a Spark DataFrame, lazily.

    Returns ``{table name: pyspark.sql.DataFrame}``, each with one row per
    span as :meth:`dateline.Pipeline.annotate_frame` makes them on pandas:
    the frame's ``columns``, then the span columns (see
    :data:`SPAN_COLUMNS`; offsets are Python ``str`` indices). There is no
    ``doc`` column: carry a key column of the frame to join spans back to
    their rows. Label columns (``label``, ``id``, ``type``, ``mod``, ...) are
    strings, dates are ``DateType``, integers ``LongType``.

    Each table is its own ``mapInArrow`` pass, so **each table asked for
    analyses the frame again** when it is computed: ask only for the tables
    you need, and ``df.cache()`` the input first when it is expensive to
    read or compute.

    Parameters
    ----------
    df
        A ``pyspark.sql.DataFrame``.
    text
        The text column (strings; a missing text fails the task).
    reference_date
        A column of per-document reference dates (``DateType``, a timestamp
        type — its date in the session time zone — or ISO strings; missing
        values mean the pipeline's default), or None for the pipeline's
        default.
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
        reference date, document type and language columns).
    tables
        Which tables (``entities``, ``timexes``, ``ranges``, ``sentences``, ``tokens``).
    suffix
        Added to a span column's name that a carried frame column already
        has (compared as Spark compares names: ignoring case unless
        ``spark.sql.caseSensitive`` is set).
    """
    try:
        from pyspark.sql import functions as F
        from pyspark.sql import types as T
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("dateline.spark needs pyspark: pip install 'dateline[spark]'") from e
    if not hasattr(df, "mapInArrow") or not isinstance(getattr(df, "schema", None), T.StructType):
        raise TypeError(f"df must be a pyspark.sql.DataFrame, not {type(df).__name__}")
    if not isinstance(suffix, str) or not suffix:
        raise ValueError(f"suffix must be a non-empty str, not {suffix!r}")
    wanted = _tables(tables)
    nlp = pipeline if pipeline is not None else Pipeline()
    if not isinstance(nlp, Pipeline):
        raise TypeError(f"pipeline must be a dateline.Pipeline, not {type(nlp).__name__}")

    schema = df.schema
    names = list(schema.names)
    given = (("text", text), ("reference_date", reference_date), ("document_type", document_type), ("lang", lang))
    for what, col in given:
        if col is not None and col not in names:
            raise KeyError(f"{what} column {col!r} is not in the frame (columns: {names})")
    special = (text, reference_date, document_type, lang)
    keep = [c for c in names if c not in special] if columns is None else list(columns)
    for c in keep:
        if c not in names:
            raise KeyError(f"column {c!r} is not in the frame (columns: {names})")
    if len(set(keep)) != len(keep):
        raise ValueError(f"columns has repeated names: {keep}")
    for what, col in (("text", text), ("document_type", document_type), ("lang", lang)):
        if col is not None and not isinstance(schema[col].dataType, T.StringType):
            raise TypeError(f"{what} column {col!r} must hold strings, not {schema[col].dataType.simpleString()}")

    # Only the columns the tasks need go to Python; a timestamp reference
    # date goes as its date (in the session time zone).
    select = [F.col(_quote(c)) for c in keep]
    sent = set(keep)
    for col in (text, document_type, lang):
        if col is not None and col not in sent:
            select.append(F.col(_quote(col)))
            sent.add(col)
    ref = reference_date
    if reference_date is not None:
        kind = schema[reference_date].dataType
        if isinstance(kind, (T.TimestampType, T.TimestampNTZType)):
            ref = "__dateline_reference_date__"
            while ref in names:
                ref += "_"
            select.append(F.to_date(F.col(_quote(reference_date))).alias(ref))
        elif isinstance(kind, (T.DateType, T.StringType)):
            if reference_date not in sent:
                select.append(F.col(_quote(reference_date)))
        else:
            raise TypeError(
                f"reference_date column {reference_date!r} must hold dates, timestamps or ISO strings, "
                f"not {kind.simpleString()}"
            )
    source = df.select(*select)

    shipped = ShippedPipeline(nlp)
    case_sensitive = str(df.sparkSession.conf.get("spark.sql.caseSensitive", "false")).lower() == "true"
    zone = str(df.sparkSession.conf.get("spark.sql.session.timeZone", "UTC"))
    out: dict[str, Any] = {}
    for t in wanted:
        span_names = _span_names(t, keep, suffix, case_sensitive)
        fields = [schema[c] for c in keep]
        fields += [T.StructField(n, _spark_type(k), nullable) for n, (_, k, nullable) in zip(span_names, SPAN_COLUMNS[t])]
        func = _Batches(shipped, t, text, ref, document_type, lang, keep, span_names, zone)
        out[t] = source.mapInArrow(func, T.StructType(fields))
    return out
