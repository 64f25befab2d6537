"""dateline.dask on a real distributed.LocalCluster with two worker processes."""

from __future__ import annotations

import pickle

import dask.dataframe as dd
import dateline
import dateline.dask
import pandas as pd
import pytest
from distributed import Client, LocalCluster

TEXTS = [
    "Officials in Caracas said on Thursday that Venezuela’s talks would last two days.",
    "Señor Gómez flew to Bogotá — “a long trip” — in January, and to Lima every week.",
    "No names, no dates.",
    "The U.S. and the UK met in Geneva on March 2, 2026 at 3 p.m.",
    "Acme Corp will open an office in Berlin next month.",
]


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        with Client(cluster) as c:
            yield c


def frame(n: int = 200) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "text": [TEXTS[i % len(TEXTS)] + f" Item {i}." for i in range(n)],
            "published": pd.to_datetime(["2026-03-05" if i % 3 else "2020-01-01" for i in range(n)]),
            "source": [f"s{i % 7}" for i in range(n)],
        },
        index=pd.Index([f"art{i}" for i in range(n)], name="article"),
    )


def pipeline() -> dateline.Pipeline:
    gaz = dateline.Gazetteer.from_records([{"name": "Acme Corp", "label": "ORG", "id": "acme"}]) + dateline.gazetteers.world()
    return dateline.Pipeline(gazetteer=gaz)


def test_cluster_result_equals_single_process(client: Client) -> None:
    pdf = frame()
    nlp = pipeline()
    ddf = dd.from_pandas(pdf, npartitions=8, sort=False)
    out = dateline.dask.annotate(ddf, text="text", reference_date="published", pipeline=nlp, tables=["entities", "timexes"])
    want = nlp.annotate_frame(pdf, text="text", reference_date="published", tables=["entities", "timexes"])
    for t in ("entities", "timexes"):
        got = out[t].compute()
        assert len(got) > 100
        pd.testing.assert_frame_equal(
            got.astype({c: "object" for c in got.select_dtypes("category").columns}),
            want[t].astype({c: "object" for c in want[t].select_dtypes("category").columns}),
            check_dtype=False,
            check_index_type=False,
        )
    ents = out["entities"].compute()
    assert "acme" in set(ents["id"].astype(str))
    # Per-document reference dates reached the workers.
    tx = out["timexes"].compute()
    assert "2019-12-26" in tx.loc[["art0"]]["value"].tolist()
    assert "2026-03-05" in tx.loc[["art5"]]["value"].tolist()
    # The work ran on both workers, each of which built the pipeline once.
    builds = client.run(lambda: dateline.dask.builds)
    assert len(builds) == 2
    assert all(b == 1 for b in builds.values()), builds
    # A second call with the same pipeline builds nothing more.
    dateline.dask.annotate(ddf, pipeline=nlp)["entities"].compute()
    assert client.run(lambda: dateline.dask.builds) == builds


def test_document_types_and_ranges_reach_the_workers(client: Client) -> None:
    kinds = ["news", "colloquial", None, "narrative"]
    pdf = pd.DataFrame(
        {
            "text": [f"Talks ran from March 2 to March 6, item {i}." for i in range(40)],
            "kind": [kinds[i % 4] for i in range(40)],
            "source": [f"s{i % 3}" for i in range(40)],
        },
        index=pd.Index([f"d{i}" for i in range(40)], name="article"),
    )
    nlp = dateline.Pipeline(reference_date="2026-03-05", document_type="news")
    ddf = dd.from_pandas(pdf, npartitions=4, sort=False)
    out = dateline.dask.annotate(ddf, document_type="kind", pipeline=nlp, tables=["timexes", "ranges"])
    want = nlp.annotate_frame(pdf, document_type="kind", tables=["timexes", "ranges"])
    tx = out["timexes"].compute()
    assert "kind" not in tx.columns
    assert list(tx.loc[["d0", "d1", "d2", "d3"]]["document_type"].astype(str)) == [
        "news", "news", "colloquial", "colloquial", "news", "news", "narrative", "narrative"
    ]
    ranges = out["ranges"].compute()
    assert len(ranges) == 40
    assert set(ranges["value"]) == {"2026-03-02/2026-03-06"}
    assert str(ranges["begin_index"].dtype) == "Int64"
    for t, got in (("timexes", tx), ("ranges", ranges)):
        pd.testing.assert_frame_equal(
            got.astype({c: "object" for c in got.select_dtypes("category").columns}),
            want[t].astype({c: "object" for c in want[t].select_dtypes("category").columns}),
            check_dtype=False,
            check_index_type=False,
        )


def test_pipeline_ships_compactly() -> None:
    nlp = pipeline()
    shipped = dateline.dask.ShippedPipeline(nlp)
    size = len(pickle.dumps(shipped))
    assert size < len(nlp.to_json().encode()) / 3, size
    back = pickle.loads(pickle.dumps(shipped))
    assert back.digest == shipped.digest


def test_bad_arguments() -> None:
    ddf = dd.from_pandas(frame(10), npartitions=2)
    with pytest.raises(TypeError, match="dask DataFrame"):
        dateline.dask.annotate(frame(10))
    with pytest.raises(KeyError, match="text column 'body'"):
        dateline.dask.annotate(ddf, text="body")
    with pytest.raises(ValueError, match="unknown table"):
        dateline.dask.annotate(ddf, tables=["words"])


def test_tables_write_to_parquet_on_the_cluster(client: Client, tmp_path) -> None:
    # A news frame whose own columns share names with span columns, and a
    # missing publication date (the pipeline's default applies to it).
    pdf = pd.DataFrame(
        {
            "id": [f"n{i}" for i in range(30)],
            "text": [f"date 2026-03-0{1 + i % 5}\nTalks in Lima on Thursday, item {i}." for i in range(30)],
            "published": pd.to_datetime([None if i % 4 == 0 else "2026-03-05" for i in range(30)]),
            "label": ["world"] * 30,
            "value": list(range(30)),
        }
    )
    nlp = dateline.Pipeline()
    ddf = dd.from_pandas(pdf, npartitions=3, sort=False)
    out = dateline.dask.annotate(ddf, reference_date="published", pipeline=nlp, tables=["entities", "timexes", "ranges"])
    for t, table in out.items():
        table.to_parquet(str(tmp_path / t))
        back = pd.read_parquet(tmp_path / t)
        assert len(back) == len(table.compute())
    ents = pd.read_parquet(tmp_path / "entities")
    assert list(ents["id"][:1]) == ["n0"] and set(ents["id_span"]) == {"geonames:3936456"}
    assert set(ents["label"]) == {"world"} and set(ents["label_span"]) == {"LOC"}
    tx = pd.read_parquet(tmp_path / "timexes")
    # Row n0 has no publication date: its header's date (detected, the default) anchors it.
    first = tx[(tx["id"] == "n0") & (tx["text"] == "Thursday")]
    assert list(first["value_span"]) == ["2026-02-26"] and list(first["value"]) == [0]
    other = tx[(tx["id"] == "n1") & (tx["text"] == "Thursday")]
    assert list(other["value_span"]) == ["2026-03-05"]
    assert list(tx.columns[:5]) == ["id", "label", "value", "start", "end"]


# dask's read_parquet calls a pandas method pandas 3.1 deprecates: not ours to fix.
@pytest.mark.filterwarnings("ignore::pandas.errors.Pandas4Warning")
def test_readme_dask_example_runs_as_written(tmp_path, monkeypatch) -> None:
    import pathlib
    import re

    readme = (pathlib.Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## On a cluster (Dask)") :]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    pd.DataFrame(
        {
            "body": ["Rain in Lima on Thursday.", "Acme Corp met in Oslo in January."] * 5,
            "published": pd.to_datetime(["2026-03-05"] * 10),
            "genre": ["news", None] * 5,
        }
    ).to_parquet(tmp_path / "news" / "part-0.parquet")
    (tmp_path / "names.tsv").write_text("name\tlabel\tid\nAcme Corp\tORG\tacme\nLima\tLOC\tlima\n", encoding="utf-8")
    scope: dict[str, object] = {}
    try:
        exec(compile(code.group(1), "README.md", "exec"), scope)
    finally:
        c = scope.get("client")
        if c is not None:
            c.close()  # type: ignore[attr-defined]
    ents = pd.read_parquet(tmp_path / "entities")
    assert sorted(set(ents["text"])) == ["Acme Corp", "Lima"]
    tx = pd.read_parquet(tmp_path / "timexes")
    assert set(tx["value"]) == {"2026-03-05", "2026-01"}
