"""What a data scientist meets in the first hour: ordinary news frames
(columns named like span columns, missing dates), datelines in the headers
news comes with, documents sent to other processes, spans in sets, and
editors reading the stubs."""

from __future__ import annotations

import ast
import concurrent.futures
import datetime as dt
import json
import multiprocessing
import pathlib
import pickle

import dateline
import numpy as np
import pandas as pd
import polars as pl
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def nlp() -> dateline.Pipeline:
    return dateline.Pipeline()


def news_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["a1", "a2", "a3"],
            "text": ["Rain in Lima on Thursday.", "Quiet.", "Oslo and Bern met in 2019."],
            "value": [1.5, 2.5, 3.5],
            "label": ["world", "world", "europe"],
            "start": [0, 0, 0],
            "end": [9, 9, 9],
            "published": pd.to_datetime(["2026-03-05", "2026-03-05", "2026-03-05"]),
        }
    )


# -- span columns never collide with the frame's ------------------------------


def test_pandas_frame_columns_keep_their_names_and_spans_get_a_suffix(nlp: dateline.Pipeline, tmp_path) -> None:
    df = news_frame()
    out = nlp.annotate_frame(df, reference_date="published", tables=["entities", "timexes", "tokens"])
    for name, table in out.items():
        assert table.columns.is_unique, (name, list(table.columns))
        table.to_parquet(tmp_path / f"{name}.parquet")  # failed with duplicate column names
    ents = out["entities"]
    assert list(ents.columns[:5]) == ["id", "value", "label", "start", "end"]
    assert list(ents["id"]) == ["a1", "a3", "a3"]  # the frame's own id
    assert list(ents["label"]) == ["world", "europe", "europe"]
    assert list(ents["label_span"]) == ["LOC", "LOC", "LOC"]
    assert list(ents["id_span"]) == ["geonames:3936456", "geonames:3143244", "geonames:2661552"]
    assert list(ents["start_span"]) == [8, 0, 9] and list(ents["text"]) == ["Lima", "Oslo", "Bern"]
    tx = out["timexes"]
    assert list(tx["value"]) == [1.5, 3.5] and list(tx["value_span"]) == ["2026-03-05", "2019"]
    # A text column carried by name collides too.
    both = nlp.annotate_frame(df, columns=["id", "text"], suffix="_x")["entities"]
    assert list(both["text"]) == list(df["text"].iloc[[0, 2, 2]]) and list(both["text_x"]) == ["Lima", "Oslo", "Bern"]
    with pytest.raises(ValueError, match="suffix"):
        nlp.annotate_frame(df, suffix="")


def test_polars_frame_columns_keep_their_names(nlp: dateline.Pipeline, tmp_path) -> None:
    df = pl.from_pandas(news_frame().drop(columns=["published"])).with_columns(pl.lit(7).alias("doc"))
    ents = nlp.annotate_frame(df)["entities"]
    assert len(set(ents.columns)) == len(ents.columns)
    assert ents["id"].to_list() == ["a1", "a3", "a3"]
    assert ents["id_span"].to_list() == ["geonames:3936456", "geonames:3143244", "geonames:2661552"]
    assert "id_right" not in ents.columns
    # The frame's own doc column stays; the row numbers become doc_span.
    assert ents["doc"].to_list() == [7, 7, 7] and ents["doc_span"].to_list() == [0, 2, 2]
    ents.write_parquet(tmp_path / "e.parquet")


# -- a missing date means the pipeline's default, everywhere ----------------

HEADED = "date 2026-03-01\nTalks in Lima on Thursday."  # detected reference: Sunday 2026-03-01


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NaT, pd.NA, np.datetime64("NaT"), np.nan])
def test_missing_reference_dates_fall_back_to_the_default(missing: object) -> None:
    detect = dateline.Pipeline()  # default "detect"
    fixed = dateline.Pipeline(reference_date="2026-03-05")
    texts = [HEADED, HEADED]
    for nlp, want in ((detect, dt.date(2026, 3, 1)), (fixed, dt.date(2026, 3, 5))):
        docs = list(nlp.pipe(texts, reference_dates=[missing, "2020-01-01"]))
        assert [d.reference_date for d in docs] == [want, dt.date(2020, 1, 1)]
        assert nlp(HEADED, reference_date=missing).reference_date == want  # type: ignore[arg-type]
        res = nlp.annotate(texts, reference_dates=pd.Series([missing, "2020-01-01"], dtype=object))
        assert [res.doc(i).reference_date for i in range(2)] == [want, dt.date(2020, 1, 1)]


def test_nat_in_a_datetime_column(nlp: dateline.Pipeline) -> None:
    df = pd.DataFrame({"text": [HEADED, HEADED], "published": pd.to_datetime([None, "2026-03-05"])})
    assert df["published"].dtype.kind == "M"
    docs = list(nlp.pipe(df.text, reference_dates=df.published))  # crashed with a TypeError
    assert [d.reference_date for d in docs] == [dt.date(2026, 3, 1), dt.date(2026, 3, 5)]
    tx = nlp.annotate_frame(df, reference_date="published")["timexes"]
    assert list(tx["value"]) == ["2026-03-01", "2026-02-26", "2026-03-01", "2026-03-05"]
    assert list(tx["reference_date"]) == [pd.Timestamp("2026-03-01")] * 2 + [pd.Timestamp("2026-03-05")] * 2


def test_none_string_means_no_reference_date(nlp: dateline.Pipeline) -> None:
    doc = nlp("Talks on Thursday.", reference_date="none")
    assert doc.reference_date is None and doc.timexes[-1].value == "XXXX-WXX-4"
    assert nlp(HEADED, reference_date="none").reference_date is None
    docs = list(nlp.pipe([HEADED], reference_dates=["none"]))
    assert docs[0].reference_date is None


# -- reference dates in the headers news comes with -------------------------


@pytest.mark.parametrize(
    "header, want",
    [
        ("Tue, 03 Mar 2026 10:00:00 GMT", "2026-03-03"),
        ("2026-03-03T10:00:00Z", "2026-03-03"),
        ("2026-03-03 10:00:00+01:00", "2026-03-03"),
        ("LONDON 1996-08-30", "1996-08-30"),
        ("Updated: Mar 3, 2026, 10:15 a.m. ET", "2026-03-03"),
        ("Published 10:00 AM EST, Tue March 3, 2026", "2026-03-03"),
        ("Published March 3, 2026 at 10:00 a.m.", "2026-03-03"),
        ("Mar 3, 2026 — Officials said", "2026-03-03"),
        ("Date: Tue, 3 Mar 2026 10:00:00 +0000", "2026-03-03"),
        ("Last updated on 3 March 2026", "2026-03-03"),
    ],
)
def test_reference_date_detected_from_common_headers(nlp: dateline.Pipeline, header: str, want: str) -> None:
    doc = nlp(header + "\nOfficials met on Thursday in Lima.")
    assert doc.reference_date == dt.date.fromisoformat(want)


def test_a_date_inside_a_sentence_is_not_a_header(nlp: dateline.Pipeline) -> None:
    doc = nlp("In 2019 officials met. Talks on March 3, 2026 were held later on Thursday.")
    assert doc.reference_date is None


# -- documents: iterate, index, pickle, hash ---------------------------------

TEXT = "date 2026-03-05\nCARACAS — Talks in Lima on Thursday. Oslo followed in 2019."


def test_doc_iterates_and_indexes_like_a_sequence_of_tokens(nlp: dateline.Pipeline) -> None:
    doc = nlp(TEXT)
    tokens = doc.tokens
    assert list(doc) == tokens and [t.text for t in doc][:3] == ["date", "2026-03-05", "CARACAS"]
    assert doc[0] == tokens[0] and doc[-1] == tokens[-1] and doc[5] == tokens[5]
    assert doc[2:5] == tokens[2:5] and doc[::-3] == tokens[::-3]
    assert all(doc[i].sentence == tokens[i].sentence for i in range(len(doc)))
    with pytest.raises(IndexError, match="out of range"):
        doc[len(doc)]
    with pytest.raises(TypeError, match="integers or slices"):
        doc["x"]  # type: ignore[call-overload]


def test_spans_are_hashable_and_equal_spans_hash_equal(nlp: dateline.Pipeline) -> None:
    a, b = nlp(TEXT), nlp(TEXT)
    for first, second in ((a.tokens, b.tokens), (a.sentences, b.sentences), (a.entities, b.entities), (a.timexes, b.timexes)):
        assert first == second and [hash(x) for x in first] == [hash(x) for x in second]
        assert len(set(first) | set(second)) == len(set(first))
    ranged = nlp("Talks ran from March 2 to March 6.", reference_date="2026-03-05").ranges
    assert len({*ranged, *ranged}) == 1


def test_entities_and_timexes_know_their_sentence(nlp: dateline.Pipeline) -> None:
    doc = nlp(TEXT)
    assert [(e.text, e.sentence) for e in doc.entities] == [("CARACAS", 1), ("Lima", 1), ("Oslo", 2)]
    assert [(t.text, t.sentence) for t in doc.timexes] == [("2026-03-05", 0), ("Thursday", 1), ("2019", 2)]
    for span in [*doc.entities, *doc.timexes]:
        s = doc.sentences[span.sentence]
        assert s.start <= span.start < s.end
    d = doc.to_dict()
    assert [e["sentence"] for e in d["entities"]] == [1, 1, 2]
    assert [t["sentence"] for t in d["timexes"]] == [0, 1, 2]
    res = nlp.annotate([TEXT, "Nothing.", TEXT])
    assert list(res.entities()["sentence"]) == [1, 1, 2] * 2
    assert list(res.timexes()["sentence"]) == [0, 1, 2] * 2
    r = nlp.annotate(["One. Talks ran from March 2 to March 6."], reference_dates=["2026-03-05"])
    assert list(r.ranges()["sentence"]) == [1] and r.doc(0).ranges[0].sentence == 1


def _docs_in_a_worker(texts: list[str]) -> list[dateline.Doc]:
    nlp = dateline.Pipeline(reference_date="2026-03-05")
    return list(nlp.pipe(texts))


def test_docs_come_back_from_worker_processes() -> None:
    texts = [TEXT, "Rain in Quito on Monday.", ""]
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=ctx) as pool:
        docs = pool.submit(_docs_in_a_worker, texts).result(timeout=120)
    here = _docs_in_a_worker(texts)
    assert [d.to_dict() for d in docs] == [d.to_dict() for d in here]


def test_doc_pickles_with_every_option_it_was_made_with() -> None:
    gaz = dateline.Gazetteer.from_records([{"name": "Acme", "label": "ORG", "id": "acme", "attributes": {"k": 1}}])
    nlp = dateline.Pipeline(gazetteer=gaz, reference_date="2026-03-05", document_type="colloquial")
    texts = ["Acme said on Monday it left.", "Acme cerró el lunes.", "date 2026-01-01\nAcme on Monday."]
    docs = list(
        nlp.pipe(texts, reference_dates=[None, "2020-06-01", "detect"], document_types=["narrative", None, "news"], langs=[None, "es", "auto"])
    )
    docs.append(nlp.annotate(texts).doc(1))
    docs.append(nlp("Acme, Monday", reference_date="none", lang="en"))
    data = pickle.dumps(docs)
    assert data.count(b"Acme\\t") <= 1 or len(data) < 20_000  # the pipeline is pickled once for all
    back = pickle.loads(data)
    assert [json.dumps(d.to_dict()) for d in back] == [json.dumps(d.to_dict()) for d in docs]
    assert [d.document_type for d in back] == ["narrative", "colloquial", "news", "colloquial", "colloquial"]
    assert [d.lang for d in back] == [d.lang for d in docs]
    assert back[0].entities[0].attributes == {"k": 1}


# -- editors and type checkers ---------------------------------------------


def test_every_property_in_the_stubs_has_a_docstring() -> None:
    tree = ast.parse((ROOT / "python" / "dateline" / "_core.pyi").read_text(encoding="utf-8"))
    missing = []
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        if cls.name not in ("Token", "Sentence", "Entity", "Timex", "Range", "Doc"):
            continue
        for fn in (n for n in cls.body if isinstance(n, ast.FunctionDef)):
            if any(isinstance(d, ast.Name) and d.id == "property" for d in fn.decorator_list):
                if ast.get_docstring(fn) is None:
                    missing.append(f"{cls.name}.{fn.name}")
    assert not missing, missing


def test_type_checker_rejects_a_number_as_reference_date(tmp_path) -> None:
    mypy_api = pytest.importorskip("mypy.api")
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        "import dateline\nnlp = dateline.Pipeline()\nnlp('x', reference_date=3)\nnlp('x', reference_date='2026-03-05')\n",
        encoding="utf-8",
    )
    out, _, status = mypy_api.run(["--ignore-missing-imports", "--no-incremental", str(snippet)])
    assert status == 1 and out.count("error:") == 1 and "reference_date" in out, out


# -- times of day with their zones ------------------------------------------


def test_time_values_carry_datetimes_aware_where_the_text_names_a_zone(tmp_path) -> None:
    nlp = dateline.Pipeline(reference_date="2026-03-05")
    texts = ["The vote closed at 10:00 GMT on March 10.", "Filed 2026-03-05T14:30:00+01:00, then at 9 p.m. on Monday."]
    res = nlp.annotate(texts)
    tx = res.timexes()
    times = tx[tx["type"] == "TIME"]
    assert list(times["datetime"]) == [pd.Timestamp("2026-03-10 10:00"), pd.Timestamp("2026-03-05 14:30"), pd.Timestamp("2026-03-02 21:00")]
    assert str(tx["datetime_utc"].dtype) == "datetime64[s, UTC]"
    assert list(times["datetime_utc"])[:2] == [pd.Timestamp("2026-03-10 10:00", tz="UTC"), pd.Timestamp("2026-03-05 13:30", tz="UTC")]
    assert pd.isna(list(times["datetime_utc"])[2])  # no zone written: no instant
    assert tx[tx["type"] == "DATE"]["datetime"].isna().all()
    arrow = res.timexes("arrow")
    assert str(arrow.schema.field("datetime_utc").type) == "timestamp[s, tz=UTC]"
    assert str(arrow.schema.field("datetime").type) == "timestamp[s]"
    # The objects say the same, with the written offset.
    objs = [t for t in nlp(texts[1]).timexes if t.type == "TIME"]
    assert objs[0].datetime == dt.datetime(2026, 3, 5, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert objs[1].datetime == dt.datetime(2026, 3, 2, 21, 0) and objs[1].datetime.tzinfo is None
    res.timexes().to_parquet(tmp_path / "t.parquet")
    assert pd.read_parquet(tmp_path / "t.parquet")["datetime_utc"].iloc[0] == pd.Timestamp("2026-03-10 10:00", tz="UTC")
