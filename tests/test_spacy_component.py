"""The spaCy component (dateline.spacy), on spaCy's blank English pipeline:
no model download."""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import subprocess
import sys
import tomllib

import dateline
import dateline.spacy as dspacy
import pytest
import spacy
from spacy import displacy
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import DocBin

ROOT = pathlib.Path(__file__).resolve().parent.parent
REF = "2026-03-05"

# Non-ASCII texts (accents, emoji, an em dash), a language other than English,
# and texts where spaCy's tokens are finer than dateline's (2026-03-05,
# 03/05/2026, "two-day") — all align exactly.
ALIGNED = [
    (
        "date 2026-03-05\nCARACAS — The U.S. and Venezuela agreed on Thursday to restore ties cut in 2019, "
        "after a two-day visit."
    ),
    "🎉 Em São Paulo e Brasília, a reunião de 5 de março de 2026 durou três dias.",
    "Talks in Zürich 😀 ended on Thursday, 5 March 2026; Venezuela's envoy flew to Bogotá at 9:30 a.m. yesterday.",
    "Oslo signed on 03/05/2026.",
]
# spaCy keeps "U.S.-backed" as one token; dateline finds "U.S." inside it.
MISALIGNED = "The U.S.-backed plan, signed 03/05/2026, lasts until mid-2027."


def blank(**config: object) -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline", config={"reference_date": REF, **config})
    return nlp


def table_rows(texts: list[str], pipeline: dateline.Pipeline | None = None) -> tuple[list[tuple], list[tuple]]:
    res = (pipeline or dateline.Pipeline(reference_date=REF)).annotate(texts)
    ents = res.entities(format="arrow").to_pylist()
    tims = res.timexes(format="arrow").to_pylist()
    return (
        [(r["doc"], r["start"], r["end"], r["text"], r["label"], r["id"]) for r in ents],
        [(r["doc"], r["start"], r["end"], r["text"], r["type"], r["value"]) for r in tims],
    )


def span_rows(docs: list[SpacyDoc], key: str = "dateline") -> tuple[list[tuple], list[tuple]]:
    ents = [(i, s.start_char, s.end_char, s.text, s.label_, s.kb_id_) for i, d in enumerate(docs) for s in d.spans[key]]
    tims = [
        (i, s.start_char, s.end_char, s.text, s.label_, s._.timex_value) for i, d in enumerate(docs) for s in d.spans["timexes"]
    ]
    return ents, tims


# -- registration -------------------------------------------------------------


def test_module_imports_the_spacy_package_not_itself() -> None:
    assert dspacy.Language.__module__ == "spacy.language"
    assert sys.modules["spacy"] is spacy and sys.modules["spacy"] is not dspacy
    assert spacy.blank is not None


def test_pyproject_entry_point_names_the_factory() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = meta["project"]["entry-points"]["spacy_factories"]["dateline"]
    module, attr = target.split(":")
    assert getattr(__import__(module, fromlist=[attr]), attr) is dspacy.make_component
    assert spacy.language.Language.has_factory("dateline")


def test_entry_point_registers_factory_without_import(tmp_path: pathlib.Path) -> None:
    # An installed distribution advertising the pyproject's entry point: spaCy
    # alone must find the factory (no `import dateline.spacy` in the script).
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = meta["project"]["entry-points"]["spacy_factories"]["dateline"]
    info = tmp_path / "dateline_ep_probe-0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: dateline-ep-probe\nVersion: 0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[spacy_factories]\ndateline = {target}\n", encoding="utf-8")
    script = (
        "import sys, spacy\n"
        "assert 'dateline.spacy' not in sys.modules\n"
        "nlp = spacy.blank('en')\n"
        f"nlp.add_pipe('dateline', config={{'reference_date': '{REF}'}})\n"
        "doc = nlp('Rain in Lima on Thursday.')\n"
        "print([(e.text, e.label_) for e in doc.ents], doc.spans['timexes'][0]._.timex_value)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT / "python")])}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[('Lima', 'LOC')] 2026-03-05"


# -- same spans as the pipeline -------------------------------------------------


@pytest.mark.parametrize("mode", ["strict", "expand", "contract"])
def test_spans_equal_pipeline_tables(mode: str) -> None:
    docs = list(blank(alignment_mode=mode).pipe(ALIGNED, batch_size=3))
    ents, tims = table_rows(ALIGNED)
    assert len(ents) >= 8 and len(tims) >= 8
    assert span_rows(docs) == (ents, tims)
    assert all(d._.dateline_unaligned == 0 for d in docs)
    # doc.ents holds the same entities (none overlap), with their ids as kb_id_.
    assert [(i, e.start_char, e.end_char, e.label_, e.kb_id_) for i, d in enumerate(docs) for e in d.ents] == [
        (r[0], r[1], r[2], r[4], r[5]) for r in ents
    ]


def test_call_equals_pipe_and_pipe_runs_batches_through_pipeline_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = blank()
    one_by_one = [nlp(t) for t in ALIGNED]
    calls: list[int] = []
    real = dateline.Pipeline.pipe

    def spy(self: dateline.Pipeline, texts: list[str], **kw: object) -> object:
        calls.append(len(texts))
        return real(self, texts, **kw)

    monkeypatch.setattr(dateline.Pipeline, "pipe", spy)
    batched = list(nlp.pipe(ALIGNED, batch_size=3))
    assert calls == [3, 1]
    assert span_rows(batched) == span_rows(one_by_one)


def test_span_extensions_hold_the_analysis() -> None:
    text = ALIGNED[0]
    d = blank()(text)
    ref = dateline.Pipeline(reference_date=REF)(text)
    for span, e in zip(d.spans["dateline"], ref.entities, strict=True):
        assert (span._.entity_id, span._.entity_rule, span._.entity_attributes) == (e.id, e.rule, e.attributes)
        assert span._.entity_candidates == [list(c) for c in e.candidates]
    for span, t in zip(d.spans["timexes"], ref.timexes, strict=True):
        assert (span._.timex_type, span._.timex_value, span._.timex_mod) == (t.type, t.value, t.mod)
        assert span._.timex_interval == t.interval
    assert d.spans["timexes"][2]._.timex_interval == (dt.date(2019, 1, 1), dt.date(2020, 1, 1))
    assert d.spans["timexes"][3]._.timex_interval is None  # a duration
    assert (d._.dateline_reference_date, d._.dateline_document_type, d._.dateline_lang) == (
        REF,
        ref.document_type,
        "en",
    )


def test_extensions_survive_doc_bytes_and_docbin() -> None:
    nlp = blank()
    d = nlp(ALIGNED[0])
    back = SpacyDoc(nlp.vocab).from_bytes(d.to_bytes())
    assert span_rows([back]) == span_rows([d])
    assert [s._.timex_interval for s in back.spans["timexes"]] == [s._.timex_interval for s in d.spans["timexes"]]
    bin_ = DocBin(store_user_data=True, docs=[d])
    (again,) = DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab)
    assert span_rows([again]) == span_rows([d])


def test_misaligned_span_expands_or_is_dropped_and_counted() -> None:
    ref = dateline.Pipeline(reference_date=REF)(MISALIGNED)
    assert [(e.text, e.start, e.end) for e in ref.entities] == [("U.S.", 4, 8)]
    expanded = blank(alignment_mode="expand")(MISALIGNED)
    assert [(e.text, e.start_char, e.label_) for e in expanded.ents] == [("U.S.-backed", 4, "LOC")]
    assert expanded._.dateline_unaligned == 0
    for mode in ("contract", "strict"):
        d = blank(alignment_mode=mode)(MISALIGNED)
        assert list(d.ents) == [] and list(d.spans["dateline"]) == []
        assert d._.dateline_unaligned == 1
        assert [t._.timex_value for t in d.spans["timexes"]] == [t.value for t in ref.timexes]


# -- where entities go -------------------------------------------------------------


def ruler_then_dateline(**config: object) -> spacy.language.Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": "Caracas"}, {"label": "ORG", "pattern": "Venezuela agreed"}])
    nlp.add_pipe("dateline", config={"reference_date": REF, **config})
    return nlp


def test_existing_ents_win_by_default() -> None:
    d = ruler_then_dateline()("Caracas and Venezuela agreed with Lima.")
    assert [(e.text, e.label_) for e in d.ents] == [("Caracas", "GPE"), ("Venezuela agreed", "ORG"), ("Lima", "LOC")]
    assert [e.text for e in d.spans["dateline"]] == ["Caracas", "Venezuela", "Lima"]


def test_overwrite_ents() -> None:
    d = ruler_then_dateline(overwrite_ents=True)("Caracas and Venezuela agreed with Lima.")
    assert [(e.text, e.label_) for e in d.ents] == [("Caracas", "LOC"), ("Venezuela", "LOC"), ("Lima", "LOC")]


def test_overlapping_matches_keep_longest_in_ents() -> None:
    gaz = dateline.Gazetteer.from_records(
        [{"name": "New York", "label": "LOC"}, {"name": "New York Times", "label": "ORG"}, {"name": "York", "label": "LOC"}]
    )
    nlp = blank(overlaps="all")
    nlp.get_pipe("dateline").set_gazetteer(gaz)
    d = nlp("The New York Times wrote.")
    assert [e.text for e in d.spans["dateline"]] == ["New York", "New York Times", "York"]
    assert [(e.text, e.label_) for e in d.ents] == [("New York Times", "ORG")]


def test_entities_to_a_span_group_or_nowhere() -> None:
    d = blank(entities_to="places")("Rain in Lima.")
    assert list(d.ents) == []
    assert [e.text for e in d.spans["places"]] == [e.text for e in d.spans["dateline"]] == ["Lima"]
    d = blank(entities_to=None, spans_key="gaz", timexes_key="times")("Rain in Lima today.")
    assert list(d.ents) == [] and "dateline" not in d.spans
    assert [e.text for e in d.spans["gaz"]] == ["Lima"] and [t.text for t in d.spans["times"]] == ["today"]


def test_per_doc_reference_date_document_type_and_lang() -> None:
    nlp = blank()
    docs = [nlp.make_doc("He left yesterday."), nlp.make_doc("He left yesterday.")]
    docs[0]._.dateline_reference_date = dt.date(2020, 1, 2)
    docs[1]._.dateline_lang = "en"
    out = list(nlp.pipe(docs))
    assert [d.spans["timexes"][0]._.timex_value for d in out] == ["2020-01-01", "2026-03-04"]
    assert [d._.dateline_reference_date for d in out] == ["2020-01-02", REF]
    one = nlp.make_doc("He left yesterday.")
    one._.dateline_reference_date = "none"
    assert nlp(one).spans["timexes"][0]._.timex_value == "PAST_REF"


def test_config_options_reach_the_pipeline() -> None:
    nlp = blank(date_order="dmy", disable=["entities"], document_type="news", lang="en")
    d = nlp("Lima signed on 03/05/2026.")
    assert list(d.spans["dateline"]) == []
    assert d.spans["timexes"][0]._.timex_value == "2026-05-03"
    p = nlp.get_pipe("dateline").pipeline
    assert (p.date_order, p.disabled, p.document_type, p.lang) == ("dmy", ["entities"], "news", "en")


def test_bad_config_raises_clear_errors() -> None:
    with pytest.raises(dateline.ConfigError, match="alignment_mode"):
        blank(alignment_mode="loose")
    with pytest.raises(ValueError, match="overlaps"):
        blank(overlaps="some")
    with pytest.raises(ValueError, match="reference_date"):
        blank(reference_date="2026-13-01")
    with pytest.raises(dateline.ConfigError, match="spans_key"):
        blank(spans_key="")
    nlp = blank(gazetteer="no-such-names.tsv")  # read when first needed (see spacy.load below)
    with pytest.raises(FileNotFoundError):
        nlp("Rain in Lima.")


# -- display ------------------------------------------------------------------------


def test_displacy_shows_entities_and_timexes() -> None:
    d = blank()(ALIGNED[1])
    ent_html = displacy.render(d, style="ent")
    assert "São Paulo" in ent_html and "Brasília" in ent_html and "LOC" in ent_html
    span_html = displacy.render(d, style="span", options={"spans_key": "timexes"})
    assert "março" in span_html and "DATE" in span_html and "DURATION" in span_html


# -- serialization ----------------------------------------------------------------------


def test_to_disk_keeps_config_and_list_gazetteer(tmp_path: pathlib.Path) -> None:
    names = tmp_path / "names.tsv"
    names.write_text("name\tlabel\tid\nAcme Corp\tORG\tacme\n", encoding="utf-8")
    nlp = blank(gazetteer=str(names), document_type="news")
    assert [e.kb_id_ for e in nlp("Acme Corp met in Lima.").ents] == ["acme"]
    nlp.to_disk(tmp_path / "model")
    names.unlink()  # the saved pipeline carries the gazetteer
    loaded = spacy.load(tmp_path / "model")
    assert loaded.get_pipe_config("dateline")["document_type"] == "news"
    assert loaded.get_pipe_config("dateline")["reference_date"] == REF
    d = loaded("Acme Corp met in Lima on Thursday.")
    assert [e.kb_id_ for e in d.ents] == ["acme"]
    assert d.spans["timexes"][0]._.timex_value == "2026-03-05"


def test_set_gazetteer_survives_to_disk_and_bytes(tmp_path: pathlib.Path) -> None:
    nlp = blank()
    gaz = dateline.Gazetteer.from_records([{"name": "Acme Corp", "label": "ORG", "id": "acme", "attributes": {"hq": "Lima"}}])
    nlp.get_pipe("dateline").set_gazetteer(gaz)
    nlp.to_disk(tmp_path / "m")
    assert (tmp_path / "m" / "dateline" / "gazetteer.dlgaz").exists()
    for other in (spacy.load(tmp_path / "m"), blank().from_bytes(nlp.to_bytes())):
        (ent,) = other("Acme Corp met in Lima.").ents
        assert (ent.text, ent.kb_id_, ent._.entity_attributes) == ("Acme Corp", "acme", {"hq": "Lima"})


def test_world_gazetteer_writes_no_file(tmp_path: pathlib.Path) -> None:
    nlp = blank()
    nlp.to_disk(tmp_path / "m")
    assert not (tmp_path / "m" / "dateline" / "gazetteer.dlgaz").exists()
    assert [e.text for e in spacy.load(tmp_path / "m")("Rain in Lima.").ents] == ["Lima"]


def test_saved_gazetteer_file_as_config_path(tmp_path: pathlib.Path) -> None:
    gaz = dateline.Gazetteer.from_records([{"name": "Acme Corp", "label": "ORG", "id": "acme"}])
    gaz.save(tmp_path / "names.bin")
    nlp = blank(gazetteer=str(tmp_path / "names.bin"))
    assert [e.kb_id_ for e in nlp("Acme Corp met.").ents] == ["acme"]
