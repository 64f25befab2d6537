"""The shared case tables in testdata/, through the public Python API."""

from __future__ import annotations

import dateline
import pytest
from conftest import load_tables

NLP_NONE = dateline.Pipeline(reference_date=None)


@pytest.mark.parametrize("case", [c for _, _, c in load_tables("tokenize")], ids=lambda c: c["name"])
def test_tokenize_table(case: dict) -> None:
    # The tokenize tables follow UD English (the Rust runner's default tokenizer).
    doc = NLP_NONE(case["input"], lang="en")
    assert [t.text for t in doc.tokens] == case["tokens"]
    if "sentences" in case:
        assert [s.text for s in doc.sentences] == case["sentences"]


DATE_TABLES = load_tables("dates")


@pytest.mark.parametrize("data,case", [(d, c) for _, d, c in DATE_TABLES], ids=[c["name"] for _, _, c in DATE_TABLES])
def test_date_table(data: dict, case: dict) -> None:
    doc = NLP_NONE(
        case["input"],
        reference_date=case.get("reference_date"),
        document_type=case.get("document_type", "auto"),
        lang=data.get("lang", "en"),
    )
    assert doc.lang == data.get("lang", "en")
    if case.get("document_type", "auto") != "auto":
        assert doc.document_type == case["document_type"]
    if "ranges" in case:
        assert [{"text": r.text, "value": r.value} for r in doc.ranges] == case["ranges"]
    attrs = {"mod": "mod", "freq": "freq", "quant": "quant"}
    got = []
    for t, want in zip(doc.timexes, case["timexes"]):
        g = {"text": t.text, "type": t.type, "value": t.value}
        # Optional TIMEX3 attributes are compared where the table gives them.
        g.update({k: getattr(t, a) for k, a in attrs.items() if k in want})
        got.append(g)
    assert len(doc.timexes) == len(case["timexes"])
    assert got == case["timexes"]


GAZ_TABLES = load_tables("gazetteer")


@pytest.mark.parametrize("stem,data,case", GAZ_TABLES, ids=[c["name"] for _, _, c in GAZ_TABLES])
def test_gazetteer_table(stem: str, data: dict, case: dict) -> None:
    gaz = dateline.Gazetteer.from_records(data["entry"])
    nlp = dateline.Pipeline(gazetteer=gaz, reference_date=None)
    got = [{"text": e.text, "label": e.label, "id": e.id, "rule": e.rule} for e in nlp(case["input"]).entities]
    assert got == [{"rule": "name", **e} for e in case["entities"]]
