"""dateline.hf on small in-memory Hugging Face datasets."""

from __future__ import annotations

import datetime as dt
import pickle

import datasets
import dateline
import dateline.hf
import pyarrow as pa
import pytest

REF = "2026-03-05"
TEXTS = [
    "Officials in Caracas said on Thursday that Venezuela’s talks would last two days.",
    "No names, no dates.",
    "🎉 Em São Paulo e Brasília, a reunião de 5 de março de 2026 durou três dias.",
    "Señor Gómez flew to Bogotá — “a long trip” — in January, and to Lima every week.",
    "He left yesterday.",
    "Nothing here either.",
]
DATES = ["2026-03-05", None, "2020-01-01", None, "2019-06-30", "2021-01-01"]

ENTITY_FIELDS = ["start", "end", "text", "label", "id"]
TIMEX_FIELDS = ["start", "end", "text", "type", "value", "begin", "end_date"]


def expected(nlp: dateline.Pipeline, texts: list[str], **kw: object) -> tuple[list[list[dict]], list[list[dict]]]:
    """Each text's spans from the annotate tables, as the lists of dicts a row holds."""
    res = nlp.annotate(texts, **kw)
    ents: list[list[dict]] = [[] for _ in texts]
    tims: list[list[dict]] = [[] for _ in texts]
    for row in res.entities(format="arrow").to_pylist():
        ents[row["doc"]].append({k: row[k] for k in ENTITY_FIELDS})
    for row in res.timexes(format="arrow").to_pylist():
        tims[row["doc"]].append({k: row[k] for k in TIMEX_FIELDS})
    return ents, tims


def dataset() -> datasets.Dataset:
    return datasets.Dataset.from_dict({"text": TEXTS, "published": DATES, "n": list(range(len(TEXTS)))})


@pytest.mark.parametrize("batch_size", [1000, 4, 1])
def test_columns_equal_annotate_tables(batch_size: int) -> None:
    nlp = dateline.Pipeline(reference_date=REF)
    out = dateline.hf.annotate(dataset(), reference_date="published", pipeline=nlp, batch_size=batch_size)
    ents, tims = expected(nlp, TEXTS, reference_dates=DATES)
    assert [len(r) for r in ents] == [2, 0, 2, 2, 0, 0]  # empty rows inside and at the end
    assert [len(r) for r in tims] == [2, 0, 2, 2, 1, 0]
    assert out["entities"] == ents
    assert out["timexes"] == tims
    assert out.column_names == ["text", "published", "n", "entities", "timexes"]
    assert out["n"] == list(range(len(TEXTS)))


def test_missing_reference_date_is_the_pipelines() -> None:
    nlp = dateline.Pipeline(reference_date=REF)
    out = dateline.hf.annotate(dataset(), reference_date="published", pipeline=nlp)
    # Row 4 has its own date, row 0 the same as the pipeline's; rows 1 and 3 have None.
    assert [t["value"] for t in out[4]["timexes"]] == ["2019-06-29"]
    jan = next(t for t in out[3]["timexes"] if t["text"] == "January")
    assert (jan["value"], jan["begin"], jan["end_date"]) == ("2026-01", dt.date(2026, 1, 1), dt.date(2026, 2, 1))
    # Without the column, every row takes the pipeline's date.
    plain = dateline.hf.annotate(dataset(), pipeline=nlp)
    assert [t["value"] for t in plain[4]["timexes"]] == ["2026-03-04"]


def test_date_typed_column_and_lang_and_document_type_columns() -> None:
    ds = datasets.Dataset.from_dict(
        {
            "text": ["He left yesterday.", "Partió ayer.", "See you tomorrow!"],
            "day": [dt.date(2026, 3, 5), None, dt.date(2026, 3, 5)],
            "lang": [None, "es", "en"],
            "kind": ["news", None, "colloquial"],
        }
    )
    assert ds.features["day"] == datasets.Value("date32")
    nlp = dateline.Pipeline(reference_date="2020-01-10")
    out = dateline.hf.annotate(ds, reference_date="day", lang="lang", document_type="kind", pipeline=nlp)
    _, tims = expected(
        nlp,
        ds["text"],
        reference_dates=[dt.date(2026, 3, 5), None, dt.date(2026, 3, 5)],
        langs=[None, "es", "en"],
        document_types=["news", None, "colloquial"],
    )
    assert out["timexes"] == tims
    assert [[t["value"] for t in row] for row in out["timexes"]] == [["2026-03-04"], ["2020-01-09"], ["2026-03-06"]]


def test_features_are_lists_of_structs() -> None:
    out = dateline.hf.annotate(dataset())
    kinds = ["int64", "int64", "string", "string", "string"]
    assert out.features["entities"] == datasets.List(
        {k: datasets.Value(v) for k, v in zip(ENTITY_FIELDS, kinds, strict=True)}
    )
    timex = out.features["timexes"].feature
    assert [timex[k].dtype for k in TIMEX_FIELDS] == ["int64", "int64", "string", "string", "string", "date32", "date32"]
    table = out.data.table
    assert pa.types.is_list(table.schema.field("entities").type)


def test_num_proc_two_gives_the_same_rows() -> None:
    nlp = dateline.Pipeline(reference_date=REF)
    pickle.loads(pickle.dumps(dateline.hf.map_function(nlp)))  # what each worker receives
    one = dateline.hf.annotate(dataset(), reference_date="published", pipeline=nlp, batch_size=2)
    two = dateline.hf.annotate(dataset(), reference_date="published", pipeline=nlp, batch_size=2, num_proc=2)
    assert two["entities"] == one["entities"] and two["timexes"] == one["timexes"]
    assert two["n"] == one["n"]


def test_shuffled_selection_and_format_are_kept() -> None:
    ds = dataset().shuffle(seed=7).select([5, 0, 3])
    order = ds["n"]
    out = dateline.hf.annotate(ds.with_format("numpy"), reference_date="published")
    assert out.format["type"] == "numpy"
    assert out.format["columns"] == ["text", "published", "n", "entities", "timexes"]
    plain = out.with_format(None)
    assert plain["n"] == order
    ents, _ = expected(dateline.Pipeline(), [TEXTS[i] for i in order], reference_dates=[DATES[i] for i in order])
    assert plain["entities"] == ents


def test_other_tables() -> None:
    ds = datasets.Dataset.from_dict({"text": ["Talks ran from March 2 to March 6. Then none.", "Quiet."]})
    nlp = dateline.Pipeline(reference_date=REF)
    out = dateline.hf.annotate(ds, pipeline=nlp, tables=["sentences", "ranges"])
    assert out.column_names == ["text", "sentences", "ranges"]
    assert [s["text"] for s in out[0]["sentences"]] == ["Talks ran from March 2 to March 6.", "Then none."]
    assert [(r["text"], r["value"]) for r in out[0]["ranges"]] == [("from March 2 to March 6", "2026-03-02/2026-03-06")]
    assert out[1]["ranges"] == []


def test_map_function_on_dict_and_arrow_batches() -> None:
    nlp = dateline.Pipeline(reference_date=REF)
    fn = dateline.hf.map_function(nlp, reference_date="published")
    ents, tims = expected(nlp, TEXTS, reference_dates=DATES)
    as_dicts = dataset().map(fn, batched=True, batch_size=4)
    as_arrow = dataset().with_format("arrow").map(fn, batched=True, batch_size=4).with_format(None)
    for out in (as_dicts, as_arrow):
        assert out["entities"] == ents and out["timexes"] == tims
        assert out["n"] == list(range(len(TEXTS)))


def test_bad_input_is_named() -> None:
    ds = datasets.Dataset.from_dict({"text": ["Lima.", "Oslo.", None], "body": ["a", "b", "c"]})
    with pytest.raises(ValueError, match="column 'text', row 2: the text is missing"):
        dateline.hf.annotate(ds, batch_size=2)
    with pytest.raises(ValueError, match="reference_date='2026-03-05' is not a column"):
        dateline.hf.annotate(ds, reference_date="2026-03-05")
    with pytest.raises(ValueError, match="text='content' is not a column"):
        dateline.hf.annotate(ds, text="content")
    with pytest.raises(ValueError, match="unknown table 'dates'"):
        dateline.hf.annotate(ds, tables=["dates"])
    clash = datasets.Dataset.from_dict({"text": ["Lima."], "entities": [1]})
    with pytest.raises(ValueError, match="already has a column named 'entities'"):
        dateline.hf.annotate(clash)
    with pytest.raises(TypeError, match="pipeline must be a dateline.Pipeline"):
        dateline.hf.map_function("en")  # type: ignore[arg-type]
    numbers = datasets.Dataset.from_dict({"text": [1, 2]})
    with pytest.raises(TypeError, match="row 0: the text must be str, not int"):
        dateline.hf.annotate(numbers)
