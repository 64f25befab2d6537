"""The columnar path: Pipeline.annotate and annotate_frame, checked value by
value against the per-document API."""

from __future__ import annotations

import datetime as dt
import json

import dateline
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

TEXTS = [
    "date 2026-03-05\nOfficials in Caracas said on Thursday that Venezuela's talks would last two days.",
    "",
    "No names here, only lower case words.",
    "Señor Gómez flew to Bogotá — “a long trip” — in January, and to Lima every week.",
    "The U.S. and the UK met in Geneva on March 2, 2026 at 3 p.m.",
    "Talks in Quito ran from March 2 to March 6; the border stays shut until March 20.",
]


@pytest.fixture(scope="module")
def nlp() -> dateline.Pipeline:
    return dateline.Pipeline(reference_date="2026-03-05")


def expected(nlp: dateline.Pipeline, texts: list[str], kind: str) -> list[dict]:
    rows = []
    for k, doc in enumerate(nlp.pipe(texts)):
        for i, s in enumerate(getattr(doc, kind)):
            row = {"doc": k, "start": s.start, "end": s.end, "text": s.text}
            if kind == "entities":
                row.update(
                    label=s.label,
                    id=s.id,
                    candidates=len(s.candidates),
                    attributes=json.dumps(s.attributes, separators=(",", ":")) if s.attributes else None,
                    rule=s.rule,
                    sentence=s.sentence,
                )
            elif kind == "timexes":
                iv = s.interval
                row.update(
                    type=s.type,
                    value=s.value,
                    mod=s.mod,
                    freq=s.freq,
                    quant=s.quant,
                    begin=iv[0] if iv else None,
                    end_date=iv[1] if iv else None,
                    reference_date=doc.reference_date,
                    document_type=doc.document_type,
                    lang=doc.lang,
                    sentence=s.sentence,
                    # (compared as days, as rows_of reads them)
                    datetime=s.datetime.date() if s.type == "TIME" and s.datetime else None,
                    datetime_utc=s.datetime.astimezone(dt.UTC).date() if s.type == "TIME" and s.datetime and s.datetime.tzinfo else None,
                )
            elif kind == "ranges":
                iv = s.interval
                row.update(
                    begin_index=s.begin_index,
                    end_index=s.end_index,
                    begin=iv[0],
                    end_date=iv[1],
                    value=s.value,
                    rule=s.rule,
                    sentence=s.sentence,
                )
            elif kind == "sentences":
                row["i"] = i
            else:
                row.update(
                    i=s.i,
                    sentence=s.sentence,
                    space_after=s.space_after,
                    norm=s.norm,
                    shape=s.shape,
                    words=" ".join(s.words) if len(s.words) > 1 else None,
                    is_alpha=s.is_alpha,
                    is_digit=s.is_digit,
                    is_punct=s.is_punct,
                    like_num=s.like_num,
                    like_url=s.like_url,
                    like_email=s.like_email,
                )
            rows.append(row)
    return rows


def normalise(v: object) -> object:
    if v is None or v is pd.NaT or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, np.generic):
        return v.item()
    return v


def rows_of(df: pd.DataFrame) -> list[dict]:
    return [{k: normalise(v) for k, v in r.items()} for r in df.to_dict("records")]


@pytest.mark.parametrize("kind", ["entities", "timexes", "ranges", "sentences", "tokens"])
def test_pandas_tables_equal_the_document_api(nlp: dateline.Pipeline, kind: str) -> None:
    df = nlp.annotate(TEXTS).table(kind)
    want = expected(nlp, TEXTS, kind)
    assert len(want) > 0
    got = rows_of(df)
    assert got == [{k: r[k] for k in got[0]} for r in want] if got else want == []
    assert set(got[0]) == set(want[0])
    for r in got:
        assert TEXTS[r["doc"]][r["start"] : r["end"]] == r["text"]


@pytest.mark.parametrize("kind", ["entities", "timexes", "ranges", "sentences", "tokens"])
def test_polars_arrow_and_numpy_hold_the_same_values(nlp: dateline.Pipeline, kind: str) -> None:
    res = nlp.annotate(TEXTS)
    base = rows_of(res.table(kind, "pandas"))
    arrow = res.table(kind, "arrow")
    assert isinstance(arrow, pa.Table)
    assert [{k: normalise(v) for k, v in r.items()} for r in arrow.to_pylist()] == base
    polars = res.table(kind, "polars")
    assert isinstance(polars, pl.DataFrame)
    assert [{k: normalise(v) for k, v in r.items()} for r in polars.to_dicts()] == base
    arrays = res.table(kind, "numpy")
    assert list(arrays) == list(base[0])
    assert [normalise(x) for x in arrays["text"]] == [r["text"] for r in base]


def test_column_types(nlp: dateline.Pipeline) -> None:
    res = nlp.annotate(TEXTS)
    ents = res.entities()
    assert isinstance(ents["label"].dtype, pd.CategoricalDtype)
    assert isinstance(ents["id"].dtype, pd.CategoricalDtype)
    assert ents["start"].dtype == np.int64
    tx = res.timexes()
    assert list(tx["type"].cat.categories) == ["DATE", "TIME", "DURATION", "SET"]
    assert str(tx["begin"].dtype).startswith("datetime64")
    thursday = tx[tx["text"] == "Thursday"].iloc[0]
    assert thursday["begin"] == pd.Timestamp("2026-03-05")
    assert thursday["end_date"] == pd.Timestamp("2026-03-06")
    every = tx[tx["text"] == "every week"].iloc[0]
    assert every["type"] == "SET" and every["quant"] == "EVERY"
    assert pd.isna(every["begin"])
    schema = res.timexes("arrow").schema
    assert schema.field("begin").type == pa.date32()
    assert pa.types.is_dictionary(schema.field("type").type)
    assert res.tokens("polars").schema["space_after"] == pl.Boolean


def test_entity_attributes_column() -> None:
    gaz = dateline.Gazetteer.from_records(
        [{"name": "Acme", "label": "ORG", "attributes": {"ticker": "ACM", "n": 2}}, {"name": "Lima", "label": "LOC"}]
    )
    nlp = dateline.Pipeline(gazetteer=gaz, reference_date=None)
    ents = nlp.annotate(["Acme in Lima."]).entities()
    assert json.loads(ents["attributes"][0]) == {"ticker": "ACM", "n": 2}
    assert pd.isna(ents["attributes"][1])
    assert nlp.annotate(["Acme in Lima."]).entities("arrow").column("attributes").null_count == 1


def test_doc_column_holds_the_series_index_labels(nlp: dateline.Pipeline) -> None:
    s = pd.Series(["Rain in Lima.", "Snow in Oslo and Bern."], index=["x", "y"])
    ents = nlp.annotate(s).entities()
    assert list(zip(ents["doc"], ents["text"])) == [("x", "Lima"), ("y", "Oslo"), ("y", "Bern")]
    assert list(nlp.annotate(s).entities("arrow").column("doc").to_pylist()) == ["x", "y", "y"]


@pytest.mark.parametrize(
    "make",
    [
        lambda t: pl.Series(t),
        lambda t: pa.array(t),
        lambda t: pa.array(t, type=pa.large_string()),
        lambda t: np.array(t, dtype=object),
        lambda t: (x for x in t),
        tuple,
    ],
)
def test_any_sequence_of_texts(nlp: dateline.Pipeline, make: object) -> None:
    got = nlp.annotate(make(TEXTS)).entities()  # type: ignore[operator]
    want = nlp.annotate(TEXTS).entities()
    pd.testing.assert_frame_equal(got, want)


def test_reference_dates_per_document(nlp: dateline.Pipeline) -> None:
    texts = ["on Thursday", "on Thursday", "on Thursday", "on Thursday"]
    dates = pd.Series(pd.to_datetime(["2026-03-05", None, "2020-01-01", "2026-11-28 13:45"], format="ISO8601"))
    tx = nlp.annotate(texts, reference_dates=dates).timexes()
    # A missing date means the pipeline's reference date (here 2026-03-05).
    assert list(tx["value"]) == ["2026-03-05", "2026-03-05", "2019-12-26", "2026-11-26"]
    assert tx["reference_date"].iloc[1] == pd.Timestamp("2026-03-05")
    same = nlp.annotate(texts, reference_dates="2026-03-05").timexes()
    assert set(same["value"]) == {"2026-03-05"}
    mixed = [dt.date(2026, 3, 5), "2026-03-05", np.datetime64("2026-03-05"), float("nan")]
    assert list(nlp.annotate(texts, reference_dates=mixed).timexes()["value"])[:3] == ["2026-03-05"] * 3


def test_bad_inputs_name_the_problem(nlp: dateline.Pipeline) -> None:
    with pytest.raises(ValueError, match=r"texts\[1\] \(index label 'b'\) is missing"):
        nlp.annotate(pd.Series(["ok", None], index=["a", "b"]))
    with pytest.raises(TypeError, match=r"texts\[0\] must be str, not int"):
        nlp.annotate([3])
    with pytest.raises(TypeError, match="not a single str"):
        nlp.annotate("one text")
    with pytest.raises(ValueError, match="reference_dates has 1 items for 2 texts"):
        nlp.annotate(["a", "b"], reference_dates=["2026-01-01"])
    with pytest.raises(ValueError, match=r"reference_dates\[0\]"):
        nlp.annotate(["a"], reference_dates=["2026-02-30"])
    res = nlp.annotate(["a"])
    with pytest.raises(ValueError, match="unknown table 'entity'"):
        res.table("entity")
    with pytest.raises(ValueError, match="format must be one of"):
        res.entities(format="excel")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown table"):
        res.to_pandas(tables=["words"])


def test_empty_input_gives_empty_typed_tables(nlp: dateline.Pipeline) -> None:
    res = nlp.annotate([])
    assert len(res) == 0
    ents = res.entities()
    assert len(ents) == 0 and list(ents.columns)[:4] == ["doc", "start", "end", "text"]
    assert res.timexes("arrow").num_rows == 0
    assert res.tokens("polars").height == 0


def test_results_do_not_depend_on_thread_count(nlp: dateline.Pipeline) -> None:
    texts = TEXTS * 50
    one = nlp.annotate(texts, n_threads=1).to_arrow(tables=dateline._frames.TABLES)
    two = nlp.annotate(texts, n_threads=2).to_arrow(tables=dateline._frames.TABLES)
    for name in one:
        assert one[name].equals(two[name]), name


def test_annotations_keep_no_tokens_yet_give_them_back_exactly() -> None:
    # Annotations keep documents without their tokens and make them again for
    # the tokens table and for doc(i): in every language, with the pipeline's
    # own options (newline splitting, a custom abbreviation).
    texts = [
        *TEXTS,
        "El lunes 5 de marzo, el Sr. García llegó a Bogotá.\nDijo que volvería.",
        "Am 5. März sagte Frau Müller in Berlin, sie komme.",
        "Le 5 mars, M. Dupont a dit qu'il viendrait à Paris.",
    ]
    for options in ({"lang": "auto"}, {"lang": "auto", "split_on_newlines": False}, {"abbreviations": ["approx."]}):
        nlp = dateline.Pipeline(reference_date="2026-03-05", **options)
        res = nlp.annotate(texts, n_threads=2)
        for i, text in enumerate(texts):
            want, got = nlp(text), res.doc(i)
            assert list(got.tokens) == list(want.tokens), (options, i)
            assert [t.space_after for t in got.tokens] == [t.space_after for t in want.tokens]
            assert got.sentences == want.sentences and got.timexes == want.timexes and got.entities == want.entities
        tokens = res.tokens("pandas")
        assert len(tokens) == sum(len(nlp(t).tokens) for t in texts)
        assert list(tokens["text"]) == [t.text for text in texts for t in nlp(text).tokens]
        assert list(tokens["sentence"]) == [t.sentence for text in texts for t in nlp(text).tokens]


def test_doc_access_and_to_dict_of_tables(nlp: dateline.Pipeline) -> None:
    res = nlp.annotate(TEXTS)
    assert res.doc(0).text == TEXTS[0]
    assert res.doc(-1).text == TEXTS[-1]
    with pytest.raises(IndexError):
        res.doc(99)
    tables = res.to_pandas()
    assert set(tables) == {"entities", "timexes"}
    assert set(res.to_polars(tables=["tokens"])) == {"tokens"}


def test_annotate_frame_pandas(nlp: dateline.Pipeline) -> None:
    df = pd.DataFrame(
        {
            "body": ["Rain in Lima on Thursday.", "Quiet.", "Oslo and Bern on Thursday."],
            "published": pd.to_datetime(["2026-03-05", "2026-03-05", "2020-01-01"]),
            "source": ["AP", "AFP", "DPA"],
        },
        index=pd.Index([10, 20, 30], name="article"),
    )
    out = nlp.annotate_frame(df, text="body", reference_date="published", tables=["entities", "timexes"])
    ents = out["entities"]
    assert list(ents.index) == [10, 30, 30] and ents.index.name == "article"
    assert list(ents["source"]) == ["AP", "DPA", "DPA"]
    assert list(ents["text"]) == ["Lima", "Oslo", "Bern"]
    assert "body" not in ents.columns and "published" not in ents.columns
    tx = out["timexes"]
    assert list(tx["value"]) == ["2026-03-05", "2019-12-26"]
    only = nlp.annotate_frame(df, text="body", columns=[])["entities"]
    assert list(only.columns)[:3] == ["start", "end", "text"]
    with pytest.raises(KeyError, match="text column 'text' is not in the frame"):
        nlp.annotate_frame(df)
    with pytest.raises(TypeError, match="pandas or polars DataFrame"):
        nlp.annotate_frame([1, 2])


def test_annotate_frame_polars(nlp: dateline.Pipeline) -> None:
    df = pl.DataFrame({"text": ["Rain in Lima.", "Oslo and Bern."], "source": ["AP", "DPA"]})
    ents = nlp.annotate_frame(df)["entities"]
    assert ents["doc"].to_list() == [0, 1, 1]
    assert ents["source"].to_list() == ["AP", "DPA", "DPA"]
    assert ents["text"].to_list() == ["Lima", "Oslo", "Bern"]


def test_ranges_table(nlp: dateline.Pipeline) -> None:
    res = nlp.annotate(TEXTS)
    rg = res.ranges()
    assert list(rg.columns) == [
        "doc", "start", "end", "text", "begin_index", "end_index", "begin", "end_date", "value", "rule", "sentence"
    ]
    mine = rg[rg["doc"] == 5].reset_index(drop=True)
    assert rows_of(mine[["doc", "text", "begin_index", "end_index", "value"]]) == [
        {"doc": 5, "text": "from March 2 to March 6", "begin_index": 0, "end_index": 1, "value": "2026-03-02/2026-03-06"},
        {"doc": 5, "text": "until March 20", "begin_index": None, "end_index": 2, "value": "2026-03-05/2026-03-20"},
    ]
    # begin_index and end_index are row numbers among the document's time expressions.
    tx = res.timexes()
    doc5 = tx[tx["doc"] == 5].reset_index(drop=True)
    assert list(doc5["text"][[0, 1, 2]]) == ["March 2", "March 6", "March 20"]
    assert str(rg["begin_index"].dtype) == "Int64" and rg["start"].dtype == np.int64
    assert list(mine["end_date"]) == [pd.Timestamp("2026-03-07"), pd.Timestamp("2026-03-21")]
    assert res.to_pandas(tables=["ranges"])["ranges"].equals(rg)
    # Missing indices: pandas <NA>, Arrow and polars nulls, None in numpy.
    one = nlp.annotate([TEXTS[5]])
    schema = one.ranges("arrow").schema
    assert schema.field("begin_index").type == pa.int64() and schema.field("end_date").type == pa.date32()
    assert one.ranges("arrow").column("begin_index").to_pylist() == [0, None]
    assert one.ranges("polars")["begin_index"].to_list() == [0, None]
    arrays = one.ranges("numpy")
    assert arrays["begin_index"].dtype == object and arrays["begin_index"].tolist() == [0, None]
    assert arrays["end_index"].tolist() == [1, 2]


def test_document_types_per_document(nlp: dateline.Pipeline) -> None:
    texts = ["He left yesterday."] * 4
    res = nlp.annotate(texts, document_types=["news", "colloquial", None, float("nan")])
    auto = nlp("He left yesterday.").document_type
    assert [res.doc(i).document_type for i in range(4)] == ["news", "colloquial", auto, auto]
    tx = res.timexes()
    assert list(tx["document_type"].cat.categories) == ["news", "narrative", "colloquial"]
    assert list(tx["document_type"]) == ["news", "colloquial", auto, auto]
    assert list(tx["value"]) == ["2026-03-04"] * 4
    one = nlp.annotate(texts, document_types="colloquial").timexes()
    assert set(one["document_type"]) == {"colloquial"}
    series = pd.Series(["narrative", None, "news", "colloquial"], dtype="category")
    assert list(nlp.annotate(texts, document_types=series).timexes()["document_type"]) == [
        "narrative", auto, "news", "colloquial"
    ]
    assert list(nlp.annotate(texts, document_types=pl.Series(["news"] * 4)).timexes()["document_type"]) == ["news"] * 4
    # pandas.NA (nullable and Arrow-backed string columns) is a missing value too.
    nullable = pd.Series(["colloquial", None, "news", None], dtype="string")
    assert nullable.isna().tolist() == [False, True, False, True]
    got = nlp.annotate(texts, document_types=nullable, reference_dates=pd.Series(["2026-03-05", None] * 2, dtype="string"))
    assert list(got.timexes()["document_type"]) == ["colloquial", auto, "news", auto]
    assert [got.doc(i).reference_date for i in range(4)] == [dt.date(2026, 3, 5)] * 4  # missing: the pipeline's


def test_annotate_frame_document_type_column(nlp: dateline.Pipeline) -> None:
    df = pd.DataFrame(
        {
            "body": ["He left yesterday.", "Talks ran from March 2 to March 6.", "He left yesterday."],
            "kind": ["colloquial", None, "narrative"],
            "source": ["mail", "AP", "book"],
        }
    )
    out = nlp.annotate_frame(df, text="body", document_type="kind", tables=["timexes", "ranges"])
    tx = out["timexes"]
    assert "kind" not in tx.columns and "body" not in tx.columns
    auto = nlp(df["body"][1]).document_type
    assert list(zip(tx["source"], tx["document_type"])) == [
        ("mail", "colloquial"), ("AP", auto), ("AP", auto), ("book", "narrative")
    ]
    rg = out["ranges"]
    assert list(rg.index) == [1] and list(rg["source"]) == ["AP"] and list(rg["value"]) == ["2026-03-02/2026-03-06"]
    with pytest.raises(KeyError, match="document_type column 'genre' is not in the frame"):
        nlp.annotate_frame(df, text="body", document_type="genre")
    with pytest.raises(ValueError, match=r"document_types\[0\]: unknown document type \"blog\""):
        nlp.annotate_frame(df.assign(kind=["blog", None, None]), text="body", document_type="kind")
    pdf = pl.from_pandas(df)
    ptx = nlp.annotate_frame(pdf, text="body", document_type="kind")["timexes"]
    assert ptx["document_type"].cast(pl.String).to_list() == ["colloquial", auto, auto, "narrative"]
