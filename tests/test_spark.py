"""dateline.spark on a real local Spark session (two cores), compared with
the single-process Pipeline.annotate_frame on the same pandas frame."""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import pickle
import re
import sys

import dateline
import dateline.dask
import dateline.spark
import pandas as pd
import pytest
from dateline.spark import SPAN_COLUMNS, _span_names
from pyspark.sql import SparkSession

# PySpark warns about pandas versions it has not caught up with: not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")

TEXTS = [
    "Officials in Caracas said on Thursday that Venezuela’s talks would last two days.",
    "Señor Gómez flew to Bogotá — “a long trip” — in January, and to Lima every week.",
    "No names, no dates.",
    "The U.S. and the UK met in Geneva on March 2, 2026 at 3 p.m.",
    "Talks ran from March 2 to March 6 in Quito.",
    "𝔘nicode 😀 first: Lima on Monday, then since March 2 in Oslo.",
]
SCHEMA = "id long, source string, text string, published date, genre string, lang string"


@pytest.fixture(scope="module")
def spark():
    root = str(pathlib.Path(dateline.__file__).resolve().parents[1])
    saved = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers run this interpreter
    session = (
        SparkSession.builder.master("local[2]")
        .appName("dateline-tests")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.executorEnv.PYTHONPATH", root)
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        if saved is None:
            os.environ.pop("PYSPARK_PYTHON", None)
        else:
            os.environ["PYSPARK_PYTHON"] = saved


def records(n: int = 60) -> list[tuple]:
    kinds = ["news", None, "narrative", "colloquial"]
    langs = [None, "en", "auto"]
    return [
        (
            i,
            f"s{i % 5}",
            TEXTS[i % len(TEXTS)] + f" Item {i}.",
            None if i % 7 == 0 else dt.date(2026, 3, 5) if (i // 6) % 2 else dt.date(2020, 1, 1),
            kinds[i % 4],
            langs[i % 3],
        )
        for i in range(n)
    ]


def pandas_frame(rows: list[tuple]) -> pd.DataFrame:
    names = [part.split()[0] for part in SCHEMA.split(", ")]
    return pd.DataFrame(rows, columns=names)


def plain(frame: pd.DataFrame) -> tuple[list[str], list[tuple]]:
    """Column names and rows (missing values as None, dates as dates) of a
    pandas frame, rows sorted."""
    cols = []
    for c in frame.columns:
        s = frame[c]
        if c in ("datetime", "datetime_utc"):  # times of day, compared as naive (UTC) datetimes
            stamps = [pd.Timestamp(v) for v in s]
            values = [None if pd.isna(v) else (v.tz_convert("UTC").tz_localize(None) if v.tzinfo else v).to_pydatetime() for v in stamps]
        else:
            values = s.dt.date.tolist() if str(s.dtype).startswith("datetime64") else s.tolist()
        cols.append([None if v is None or v is pd.NaT or pd.isna(v) else v for v in values])
    return list(frame.columns), sorted(zip(*cols), key=repr) if cols else []


def test_result_equals_single_process(spark) -> None:
    rows = records()
    df = spark.createDataFrame(rows, SCHEMA).repartition(3)
    pdf = pandas_frame(rows)
    nlp = dateline.Pipeline(gazetteer=dateline.Gazetteer.from_records([{"name": "Oslo", "label": "GPE", "id": "oslo"}]))
    kw: dict = {"reference_date": "published", "document_type": "genre", "lang": "lang", "tables": ["entities", "timexes", "ranges"]}
    out = dateline.spark.annotate(df, pipeline=nlp, **kw)
    want = nlp.annotate_frame(pdf, **kw)
    assert set(out) == {"entities", "timexes", "ranges"}
    got = {t: out[t].collect() for t in out}
    for t, rows_of_t in got.items():
        want_names, expected = plain(want[t])
        assert out[t].columns == want_names
        assert sorted((tuple(r) for r in rows_of_t), key=repr) == expected, t
        assert len(rows_of_t) >= 10
    # The frame's own id column kept its name; the span's took the suffix.
    assert out["entities"].columns[:2] == ["id", "source"]
    assert "id_span" in out["entities"].columns
    # Per-row reference dates reached the workers; a missing one means the
    # pipeline's default (here: detected, none found in these texts).
    tx = {(r["id"], r["text"]): r for r in got["timexes"]}
    assert tx[(6, "Thursday")]["reference_date"] == dt.date(2026, 3, 5)
    assert tx[(0, "Thursday")]["reference_date"] is None
    assert tx[(12, "Thursday")]["reference_date"] == dt.date(2020, 1, 1)
    # Ranges with an open end have no end index.
    ranges = got["ranges"]
    assert any(r["end_index"] is None for r in ranges) and any(r["end_index"] is not None for r in ranges)


def test_offsets_are_str_indices(spark) -> None:
    rows = records(12)
    df = spark.createDataFrame(rows, SCHEMA)
    out = dateline.spark.annotate(
        df, columns=["id", "text"], reference_date="published", tables=["entities", "timexes", "tokens"]
    )
    for t in ("entities", "timexes", "tokens"):
        # The carried text column keeps its name; the span's text is text_span.
        assert out[t].columns[:2] == ["id", "text"] and "text_span" in out[t].columns
        rows_of_t = out[t].collect()
        assert rows_of_t
        for r in rows_of_t:
            assert r["text"][r["start"] : r["end"]] == r["text_span"]
    assert {r["text_span"] for r in out["entities"].collect()} >= {"Bogotá", "Lima"}


def test_reference_dates_as_strings_and_timestamps(spark) -> None:
    rows = [(i, t, "2026-03-05" if i % 2 else None, dt.datetime(2026, 3, 5, 23, 30)) for i, t in enumerate(TEXTS)]
    df = spark.createDataFrame(rows, "id long, text string, day string, stamp timestamp")
    by_str = dateline.spark.annotate(df, reference_date="day", columns=["id", "stamp"], tables=["timexes"])["timexes"]
    by_stamp = dateline.spark.annotate(df, reference_date="stamp", tables=["timexes"])["timexes"]
    # The timestamp column is carried as it is; its date anchors the texts.
    assert by_stamp.columns[:2] == ["id", "day"]
    assert {r["reference_date"] for r in by_stamp.collect()} == {dt.date(2026, 3, 5)}
    got = by_str.collect()
    refs = {r["id"]: r["reference_date"] for r in got}
    assert refs[0] is None and refs[1] == dt.date(2026, 3, 5)
    # A carried timestamp column comes back unchanged.
    assert {r["stamp"] for r in got} == {dt.datetime(2026, 3, 5, 23, 30)}


def test_missing_text_fails_the_job_clearly(spark) -> None:
    df = spark.createDataFrame([(1, "Lima on Monday."), (2, None)], "id long, text string")
    out = dateline.spark.annotate(df, tables=["entities"])
    with pytest.raises(Exception, match=r"texts\[\d\] is missing"):
        out["entities"].collect()


def test_empty_frame(spark) -> None:
    df = spark.createDataFrame([], SCHEMA)
    out = dateline.spark.annotate(df, reference_date="published", tables=["entities", "ranges"])
    carried = ["id", "source", "genre", "lang"]
    assert out["entities"].columns == carried + _span_names("entities", carried, "_span", False)
    assert "id_span" in out["entities"].columns
    assert out["entities"].count() == 0 and out["ranges"].collect() == []


def test_bad_arguments_fail_before_running(spark) -> None:
    df = spark.createDataFrame(records(3), SCHEMA)
    with pytest.raises(KeyError, match="text column 'body' is not in the frame"):
        dateline.spark.annotate(df, text="body")
    with pytest.raises(KeyError, match="reference_date column 'date'"):
        dateline.spark.annotate(df, reference_date="date")
    with pytest.raises(KeyError, match="column 'author' is not in the frame"):
        dateline.spark.annotate(df, columns=["id", "author"])
    with pytest.raises(TypeError, match="text column 'id' must hold strings, not bigint"):
        dateline.spark.annotate(df, text="id")
    with pytest.raises(TypeError, match="reference_date column 'id' must hold dates"):
        dateline.spark.annotate(df, reference_date="id")
    with pytest.raises(ValueError, match="unknown table 'words'"):
        dateline.spark.annotate(df, tables=["words"])
    with pytest.raises(TypeError, match="pyspark.sql.DataFrame"):
        dateline.spark.annotate(pandas_frame(records(3)))
    with pytest.raises(TypeError, match="dateline.Pipeline"):
        dateline.spark.annotate(df, pipeline="en")  # type: ignore[arg-type]


def test_span_columns_are_the_cores() -> None:
    """SPAN_COLUMNS (the schema the driver promises Spark) matches the tables the core makes."""
    kinds = {
        "int64": "long", "large_string": "str", "date32[day]": "date", "bool": "bool",
        "timestamp[s]": "timestamp", "timestamp[s, tz=UTC]": "timestamp_utc",
    }
    res = dateline.Pipeline(reference_date="2026-03-05").annotate(TEXTS)
    for t, spec in SPAN_COLUMNS.items():
        table = res.table(t, "arrow")
        fields = [(f.name, str(f.type)) for f in table.schema if f.name != "doc"]
        got = [(n, "str" if ty.startswith("dictionary<values=string") else kinds[ty]) for n, ty in fields]
        assert got == [(n, k) for n, k, _ in spec], t
        for name, _, nullable in spec:
            if not nullable:
                assert table.column(name).null_count == 0, (t, name)


def test_span_names_follow_spark_case_rules() -> None:
    assert _span_names("entities", ["id", "src"], "_span", False)[4] == "id_span"
    assert _span_names("entities", ["ID"], "_span", False)[4] == "id_span"
    assert _span_names("entities", ["ID"], "_span", True)[4] == "id"
    # A suffix never makes a name that another span column has.
    names = _span_names("timexes", ["end"], "_date", False)
    assert len(set(names)) == len(names) and names[1] == "end_date_date"


def test_task_function_pickles_small() -> None:
    from pyspark import cloudpickle

    nlp = dateline.Pipeline()
    func = dateline.spark._Batches(
        dateline.dask.ShippedPipeline(nlp), "entities", "text", None, None, None, ["id"], ["start"]
    )
    assert len(cloudpickle.dumps(func)) < 2000
    back = pickle.loads(pickle.dumps(func))
    assert back.shipped.get() is nlp  # built once per process: this one has it


def test_readme_spark_example_runs(spark, tmp_path) -> None:
    readme = (pathlib.Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## On Spark") :]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    source = code.group(1)
    assert 'master("spark://host:7077")' in source
    # Spark's JVM keeps its own working directory: make the example's paths absolute.
    source, n = re.subn(r'(parquet|from_file)\("([^"]+)"\)', lambda m: f'{m[1]}("{(tmp_path / m[2]).as_posix()}")', source)
    assert n == 4
    spark.createDataFrame(
        [("Rain in Lima on Thursday.", dt.date(2026, 3, 5)), ("Acme Corp met in Oslo in January.", dt.date(2026, 3, 5))] * 3,
        "body string, published date",
    ).write.parquet(str(tmp_path / "news"))
    (tmp_path / "names.tsv").write_text("name\tlabel\tid\nAcme Corp\tORG\tacme\nLima\tLOC\tlima\n", encoding="utf-8")
    exec(compile(source.replace("spark://host:7077", "local[2]"), "README.md", "exec"), {})
    ents = spark.read.parquet(str(tmp_path / "entities")).collect()
    assert sorted({r["text"] for r in ents}) == ["Acme Corp", "Lima"]
    tx = spark.read.parquet(str(tmp_path / "timexes")).collect()
    assert {r["value"] for r in tx} == {"2026-03-05", "2026-01"}


def _worker_builds(spark) -> dict[int, int]:
    """How many pipelines each Python worker process that runs Arrow tasks
    has built (by pid)."""

    def probe(batches):
        import dateline.dask
        import pyarrow as pa

        for _ in batches:
            yield pa.RecordBatch.from_pydict({"pid": [os.getpid()], "builds": [dateline.dask.builds]})

    rows = spark.range(0, 8, numPartitions=8).mapInArrow(probe, "pid long, builds long").collect()
    return {r["pid"]: r["builds"] for r in rows}


def test_each_worker_builds_the_pipeline_once(spark) -> None:
    before = _worker_builds(spark)
    nlp = dateline.Pipeline(reference_date="2026-03-04")  # a pipeline no earlier test shipped
    df = spark.createDataFrame(records(40), SCHEMA).repartition(4)
    out = dateline.spark.annotate(df, pipeline=nlp, tables=["entities", "timexes", "ranges"])
    assert all(out[t].count() > 0 for t in out)  # 12 tasks
    after = _worker_builds(spark)
    built = {pid: n - before.get(pid, 0) for pid, n in after.items()}
    assert sum(built.values()) >= 1 and all(b <= 1 for b in built.values()), built
