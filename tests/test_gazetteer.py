"""Gazetteer behaviour: the common-word guard and its persistence."""

from __future__ import annotations

import pickle

import dateline
import pytest

RECORDS = [
    {"name": "The", "label": "LOC", "id": "junk-the"},
    {"name": "at", "label": "LOC", "id": "junk-at"},
    {"name": "3", "label": "ORG", "id": "junk-3"},
    {"name": "Reading", "label": "LOC", "id": "reading"},
    {"name": "New York", "label": "LOC", "id": "nyc"},
]
TEXT = "The mayor of New York arrived at Reading at 3 pm."


def found(gaz: dateline.Gazetteer) -> list[tuple[str, str]]:
    return [(e.text, e.id) for e in dateline.Pipeline(gazetteer=gaz)(TEXT).entities]


def test_guard_skips_ordinary_words_and_numbers() -> None:
    gaz = dateline.Gazetteer.from_records(RECORDS)
    assert gaz.common_word_guard is True
    assert found(gaz) == [("New York", "nyc"), ("Reading", "reading")]


def test_guard_can_be_switched_off() -> None:
    gaz = dateline.Gazetteer.from_records(RECORDS, common_word_guard=False)
    assert gaz.common_word_guard is False
    assert found(gaz) == [("The", "junk-the"), ("New York", "nyc"), ("at", "junk-at"), ("Reading", "reading"), ("at", "junk-at"), ("3", "junk-3")]


def test_guard_setting_survives_pickle_and_pipelines() -> None:
    gaz = dateline.Gazetteer.from_records(RECORDS, common_word_guard=False)
    assert pickle.loads(pickle.dumps(gaz)).common_word_guard is False
    nlp = pickle.loads(pickle.dumps(dateline.Pipeline(gazetteer=gaz)))
    assert [e.text for e in nlp(TEXT).entities][:1] == ["The"]


def test_guard_applies_to_files(tmp_path) -> None:
    p = tmp_path / "g.tsv"
    p.write_text("name\tlabel\tid\nThe\tLOC\tx\nReading\tLOC\treading\n", encoding="utf-8")
    assert found(dateline.Gazetteer.from_file(p)) == [("Reading", "reading")]
    assert [t for t, _ in found(dateline.Gazetteer.from_file(p, common_word_guard=False))] == ["The", "Reading"]


def test_common_word_names_need_name_casing() -> None:
    gaz = dateline.Gazetteer.from_records([{"name": "Reading", "label": "LOC", "id": "reading"}])
    nlp = dateline.Pipeline(gazetteer=gaz)
    text = "Reading is fun. We moved to Reading. READING WINS. reading again."
    assert [(e.text, e.start) for e in nlp(text).entities] == [("Reading", 28)]
    off = dateline.Pipeline(gazetteer=dateline.Gazetteer.from_records([{"name": "Reading", "label": "LOC"}], common_word_guard=False))
    assert [e.start for e in off(text).entities] == [0, 28, 37]


def test_world_gazetteer_countries_match_at_sentence_start() -> None:
    doc = dateline.Pipeline()("China said on Monday that Turkey and Chad agreed.")
    assert [e.text for e in doc.entities] == ["China", "Turkey", "Chad"]


def test_every_candidate_for_a_name_is_available() -> None:
    gaz = dateline.Gazetteer.from_records(
        [
            {"name": "Washington", "label": "LOC", "id": "geo:washington-dc"},
            {"name": "Washington", "label": "PER", "id": "george-washington"},
            {"name": "George Washington", "label": "PER", "id": "george-washington"},
        ]
    )
    doc = dateline.Pipeline(gazetteer=gaz)("Officials in Washington praised George Washington.")
    first, second = doc.entities
    assert (first.text, first.label, first.id) == ("Washington", "LOC", "geo:washington-dc")
    assert first.candidates == [("LOC", "geo:washington-dc"), ("PER", "george-washington")]
    assert second.candidates == [("PER", "george-washington")]
    d = doc.to_dict()["entities"]
    assert d[0]["candidates"] == [("LOC", "geo:washington-dc"), ("PER", "george-washington")]
    assert "candidates" not in d[1]


def test_merging_gazetteers_keeps_the_left_ids_first() -> None:
    mine = dateline.Gazetteer.from_records([{"name": "Caracas", "label": "LOC", "id": "my:caracas"}])
    merged = mine + dateline.gazetteers.world()
    assert len(merged) == 1 + len(dateline.gazetteers.world())
    doc = dateline.Pipeline(gazetteer=merged)("Caracas and Bogotá.")
    assert [(e.text, e.id) for e in doc.entities] == [("Caracas", "my:caracas"), ("Bogotá", "geonames:3688689")]
    assert doc.entities[0].candidates == [("LOC", "my:caracas"), ("LOC", "geonames:3646738")]
    with pytest.raises(TypeError, match="can only add a Gazetteer to a Gazetteer, not list"):
        mine + []  # type: ignore[operator]


def test_save_and_load(tmp_path) -> None:
    gaz = dateline.Gazetteer.from_records([{"name": "Reading", "label": "LOC", "id": "r", "aliases": ["Redding"]}], common_word_guard=False)
    p = tmp_path / "g.json"
    gaz.save(p)
    back = dateline.Gazetteer.load(p)
    assert back.entries() == gaz.entries() and back.common_word_guard is False
    nlp = dateline.Pipeline(gazetteer=back, reference_date="2026-03-05", abbreviations=["Gov."])
    nlp.save(tmp_path / "nlp.json")
    nlp2 = dateline.Pipeline.load(tmp_path / "nlp.json")
    text = "Reading is near Redding, Gov. Smith said on Sunday."
    assert nlp2(text).to_dict() == nlp(text).to_dict()
    assert [e.id for e in nlp2(text).entities] == ["r", "r"]
    with pytest.raises(FileNotFoundError, match="missing.json"):
        dateline.Gazetteer.load(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text('{"format_version": 9, "entries": []}')
    with pytest.raises(dateline.SerializationError, match="format_version 9 is not supported"):
        dateline.Gazetteer.load(tmp_path / "bad.json")


def test_case_and_accent_folding() -> None:
    recs = [{"name": "Nicolás Maduro", "label": "PER", "id": "maduro"}, {"name": "Caracas", "label": "LOC", "id": "ccs"}]
    text = "Nicolas Maduro, NICOLÁS MADURO and nicolás maduro visited caracas and Caracas."
    exact = dateline.Pipeline(gazetteer=dateline.Gazetteer.from_records(recs))(text)
    assert [e.text for e in exact.entities] == ["NICOLÁS MADURO", "Caracas"]
    folded = dateline.Gazetteer.from_records(recs, case_sensitive=False, fold_accents=True)
    assert folded.case_sensitive is False and folded.fold_accents is True
    doc = dateline.Pipeline(gazetteer=folded)(text)
    assert [e.text for e in doc.entities] == ["Nicolas Maduro", "NICOLÁS MADURO", "nicolás maduro", "caracas", "Caracas"]
    assert all(doc.text[e.start : e.end] == e.text for e in doc.entities)
    back = pickle.loads(pickle.dumps(dateline.Pipeline(gazetteer=folded)))
    assert [e.text for e in back(text).entities] == [e.text for e in doc.entities]
    accents_only = dateline.Gazetteer.from_records(recs, fold_accents=True)
    assert [e.text for e in dateline.Pipeline(gazetteer=accents_only)(text).entities] == ["Nicolas Maduro", "NICOLÁS MADURO", "Caracas"]


# -- attributes, DataFrames, the builder ---------------------------------------


def test_attributes_travel_with_matches(tmp_path) -> None:
    import json as _json
    import pickle

    gaz = dateline.Gazetteer.from_records(
        [
            {"name": "Acme Corp", "label": "ORG", "id": "acme", "attributes": {"ticker": "ACME", "employees": 1200, "listed": True, "tags": ["a", "b"]}},
            {"name": "Lima", "label": "LOC", "attributes": None},
        ]
    )
    nlp = dateline.Pipeline(gazetteer=gaz, reference_date=None)
    doc = nlp("Acme Corp opened in Lima.")
    acme, lima = doc.entities
    assert acme.attributes == {"ticker": "ACME", "employees": 1200, "listed": True, "tags": ["a", "b"]}
    assert lima.attributes == {}
    d = doc.to_dict()
    assert d["entities"][0]["attributes"]["ticker"] == "ACME" and "attributes" not in d["entities"][1]
    assert gaz.entries()[0]["attributes"]["employees"] == 1200
    back = pickle.loads(pickle.dumps(gaz))
    assert back.entries() == gaz.entries()
    gaz.save(tmp_path / "g.json")
    assert dateline.Gazetteer.load(tmp_path / "g.json").entries() == gaz.entries()
    # The CLI writes them too.
    line = nlp._core.annotate_jsonl(["Acme Corp."], None, ["x"], 1, ["entities"])
    assert _json.loads(line)["entities"][0]["attributes"]["listed"] is True


def test_attribute_errors_name_the_record() -> None:
    with pytest.raises(TypeError, match=r'records\[0\]\["attributes"\]\["when"\]'):
        dateline.Gazetteer.from_records([{"name": "X", "label": "L", "attributes": {"when": object()}}])
    with pytest.raises(TypeError, match=r'records\[0\]\["attributes"\] must be a dict'):
        dateline.Gazetteer.from_records([{"name": "X", "label": "L", "attributes": ["a"]}])
    with pytest.raises(ValueError, match="not a finite number"):
        dateline.Gazetteer.from_records([{"name": "X", "label": "L", "attributes": {"x": float("inf")}}])


def test_file_columns_become_attributes(tmp_path) -> None:
    tsv = tmp_path / "g.tsv"
    tsv.write_text("name\tlabel\tid\tcountry\tpopulation\nLima\tLOC\tlima\tPE\t9750000\nCusco\tLOC\tcusco\tPE\t\n", encoding="utf-8")
    g = dateline.Gazetteer.from_file(tsv)
    assert [e.get("attributes") for e in g.entries()] == [{"country": "PE", "population": "9750000"}, {"country": "PE"}]
    only = dateline.Gazetteer.from_file(tsv, attribute_columns=["country"])
    assert only.entries()[0]["attributes"] == {"country": "PE"}
    none = dateline.Gazetteer.from_file(tsv, attribute_columns=[])
    assert "attributes" not in none.entries()[0]
    with pytest.raises(dateline.GazetteerError, match="missing attribute column \"iso\""):
        dateline.Gazetteer.from_file(tsv, attribute_columns=["iso"])
    jl = tmp_path / "g.jsonl"
    jl.write_text('{"name": "Lima", "label": "LOC", "population": 9750000, "codes": {"iata": "LIM"}}\n', encoding="utf-8")
    assert dateline.Gazetteer.from_file(jl).entries()[0]["attributes"] == {"population": 9750000, "codes": {"iata": "LIM"}}


def test_from_dataframe_pandas_and_polars() -> None:
    import pandas as pd
    import polars as pl

    data = {
        "name": ["Acme Corp", "Lima", "Cusco"],
        "label": ["ORG", "LOC", "LOC"],
        "id": ["acme", None, "cusco"],
        "aliases": ["Acme|ACME Inc.", None, ""],
        "population": [None, 9750000, 430000],
    }
    for frame in (pd.DataFrame(data), pl.DataFrame(data)):
        g = dateline.Gazetteer.from_dataframe(frame)
        entries = g.entries()
        assert [e["id"] for e in entries] == ["acme", "Lima", "cusco"]
        assert entries[0]["aliases"] == ["Acme", "ACME Inc."]
        assert "attributes" not in entries[0]
        assert entries[1]["attributes"] == {"population": 9750000}
        doc = dateline.Pipeline(gazetteer=g, reference_date=None)("ACME Inc. hires in Lima.")
        assert [(e.text, e.id) for e in doc.entities] == [("ACME Inc.", "acme"), ("Lima", "Lima")]
    lists = pd.DataFrame({"n": ["Acme Corp"], "l": ["ORG"], "a": [["Acme"]]})
    g = dateline.Gazetteer.from_dataframe(lists, name_column="n", label_column="l", id_column=None, aliases_column="a")
    assert g.entries()[0]["aliases"] == ["Acme"]
    with pytest.raises(KeyError, match="name column 'name'"):
        dateline.Gazetteer.from_dataframe(lists)
    with pytest.raises(TypeError, match="pandas or polars DataFrame"):
        dateline.Gazetteer.from_dataframe([{"name": "x"}])


def test_builder_adds_incrementally() -> None:
    b = dateline.GazetteerBuilder()
    for i in range(1000):
        b.add(f"Company Number {i}", "ORG", id=f"c{i}")
    first = b.build()
    b.add("Lima", "LOC", attributes={"country": "PE"})
    second = b.build(case_sensitive=False)
    assert len(first) == 1000 and len(second) == 1001
    doc = dateline.Pipeline(gazetteer=second, reference_date=None)("company number 7 left LIMA")
    assert [(e.id, e.attributes) for e in doc.entities] == [("c7", {}), ("Lima", {"country": "PE"})]
    assert len(dateline.GazetteerBuilder().build()) == 0
    with pytest.raises(ValueError, match="empty name"):
        b.add(" ", "LOC")
        b.build()


def test_overlaps_all_returns_nested_matches(tmp_path) -> None:
    gaz = dateline.Gazetteer.from_records(
        [
            {"name": "New York", "label": "LOC", "id": "nyc"},
            {"name": "New York Times", "label": "ORG", "id": "nyt"},
            {"name": "York", "label": "LOC", "id": "york"},
            {"name": "Times Square", "label": "LOC", "id": "tsq"},
        ]
    )
    text = "The New York Times Square office."
    longest = dateline.Pipeline(gazetteer=gaz, reference_date=None)
    assert [e.id for e in longest(text).entities] == ["nyt"]
    nlp = dateline.Pipeline(gazetteer=gaz, reference_date=None, overlaps="all")
    assert nlp.overlaps == "all"
    ents = nlp(text).entities
    assert [(e.text, e.id) for e in ents] == [("New York", "nyc"), ("New York Times", "nyt"), ("York", "york"), ("Times Square", "tsq")]
    assert all(text[e.start : e.end] == e.text for e in ents)
    # Kept through save/load and in the tables.
    nlp.save(tmp_path / "p.json")
    assert dateline.Pipeline.load(tmp_path / "p.json").overlaps == "all"
    assert len(nlp.annotate([text]).entities()) == 4
    assert "LOC · tsq" in nlp(text)._repr_html_()  # crossing spans are drawn cut, not dropped
    with pytest.raises(ValueError, match="overlaps must be one of"):
        dateline.Pipeline(overlaps="some")  # type: ignore[arg-type]


def test_per_entry_case_rules(tmp_path) -> None:
    gaz = dateline.Gazetteer.from_records(
        [
            {"name": "WHO", "label": "ORG", "case": "exact"},
            {"name": "Apple", "label": "ORG", "case": "name"},
            {"name": "Acme", "label": "ORG"},
        ],
        common_word_guard=True,
    )
    nlp = dateline.Pipeline(gazetteer=gaz, reference_date=None)
    found = [e.text for e in nlp("WHO said Apple and Acme grew. Apple fell. I ate an apple. WHO WANTS ACME AND APPLE").entities]
    # WHO exact (also in the all-caps line: it is written exactly so there); Apple only capitalised mid-sentence;
    # Acme anywhere including all caps; APPLE not in all-caps text.
    assert found == ["WHO", "Apple", "Acme", "WHO", "ACME"]
    assert [e.get("case") for e in gaz.entries()] == ["exact", "name", None]
    tsv = tmp_path / "g.tsv"
    tsv.write_text("name\tlabel\tcase\nIBM\tORG\texact\nApple\tORG\tname\n", encoding="utf-8")
    assert [e.get("case") for e in dateline.Gazetteer.from_file(tsv).entries()] == ["exact", "name"]
    tsv.write_text("name\tlabel\tcase\nIBM\tORG\tloud\n", encoding="utf-8")
    with pytest.raises(dateline.GazetteerError, match=r"line 2.*case must be one of"):
        dateline.Gazetteer.from_file(tsv)
    with pytest.raises(ValueError, match=r'records\[0\]\["case"\]'):
        dateline.Gazetteer.from_records([{"name": "X", "label": "L", "case": "upper"}])
    g2 = pickle_roundtrip(gaz)
    assert g2.entries() == gaz.entries()


def pickle_roundtrip(obj):
    import pickle

    return pickle.loads(pickle.dumps(obj))


def test_compiled_binary_save_load(tmp_path) -> None:
    gaz = dateline.Gazetteer.from_records(
        [
            {"name": "Acme Inc.", "label": "ORG", "id": "acme", "aliases": ["Acme"], "attributes": {"n": 1}},
            {"name": "Lima", "label": "LOC", "case": "name"},
        ],
        fold_accents=True,
    )
    path = tmp_path / "g.dlgaz"
    gaz.save(path)
    raw = path.read_bytes()
    assert raw.startswith(b"DLGAZ")
    back = dateline.Gazetteer.load(path)
    assert back.entries() == gaz.entries() and back.fold_accents
    text = "ACME and Acme Inc. met in Lima."
    def run(g: dateline.Gazetteer) -> list[tuple[str, str, dict]]:
        return [(e.text, e.id, e.attributes) for e in dateline.Pipeline(gazetteer=g, reference_date=None)(text).entities]

    assert run(back) == run(gaz)
    assert dateline.Gazetteer.from_bytes(gaz.to_bytes()).entries() == gaz.entries()
    # JSON written by to_json still loads.
    (tmp_path / "g.json").write_text(gaz.to_json(), encoding="utf-8")
    assert dateline.Gazetteer.load(tmp_path / "g.json").entries() == gaz.entries()
    # Damaged or foreign files raise a clear error, never crash.
    path.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(dateline.SerializationError, match="cut short"):
        dateline.Gazetteer.load(path)
    path.write_bytes(b"\xff\xfe garbage")
    with pytest.raises(dateline.SerializationError, match="not a saved gazetteer: it looks like binary data"):
        dateline.Gazetteer.load(path)


def test_name_rules_are_options_saved_with_the_pipeline() -> None:
    gaz = dateline.Gazetteer.from_records(
        [
            {"name": "Gary Lindqvist", "label": "PER", "id": "p1"},
            {"name": "Gary", "label": "LOC", "id": "l1"},
        ]
    )
    text = "Gary Pellew scored. Pellew was cheered."
    nlp = dateline.Pipeline(gazetteer=gaz, reference_date=None)
    assert nlp.name_rules == ["persons", "longer_names", "repeats"]
    got = [(e.text, e.label, e.id, e.rule, e.attributes) for e in nlp(text).entities]
    assert got == [
        ("Gary Pellew", "PER", "Gary Pellew", "person", {}),
        ("Pellew", "PER", "Gary Pellew", "repeat", {}),
    ]
    assert nlp(text).to_dict()["entities"][1]["rule"] == "repeat"
    plain = dateline.Pipeline(gazetteer=gaz, reference_date=None, name_rules=())
    assert plain.name_rules == []
    assert [(e.text, e.label, e.rule) for e in plain(text).entities] == [("Gary", "LOC", "name")]
    back = pickle.loads(pickle.dumps(plain))
    assert back.name_rules == [] and [e.text for e in back(text).entities] == ["Gary"]
    only = dateline.Pipeline(gazetteer=gaz, reference_date=None, name_rules=["persons"])
    assert [e.rule for e in only(text).entities] == ["person"]
    with pytest.raises(ValueError, match="name_rules"):
        dateline.Pipeline(gazetteer=gaz, name_rules=["people"])


def test_from_file_compiles_a_list_of_files_in_order(tmp_path) -> None:
    a = tmp_path / "a.tsv"
    b = tmp_path / "b.jsonl"
    a.write_text("name\tlabel\tid\nWashington\tLOC\tgeo:dc\n", encoding="utf-8")
    b.write_text('{"name": "Washington", "label": "PER", "id": "gw"}\n{"name": "Acme", "label": "ORG"}\n', encoding="utf-8")
    gaz = dateline.Gazetteer.from_file([a, str(b)])
    assert [(e["name"], e["id"]) for e in gaz.entries()] == [("Washington", "geo:dc"), ("Washington", "gw"), ("Acme", "Acme")]
    doc = dateline.Pipeline(gazetteer=gaz, reference_date=None)("Acme opened in Washington.")
    assert [(e.text, e.id, e.candidates) for e in doc.entities] == [
        ("Acme", "Acme", [("ORG", "Acme")]),
        ("Washington", "geo:dc", [("LOC", "geo:dc"), ("PER", "gw")]),
    ]
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\tlabel\nOslo\tLOC\n\tLOC\n", encoding="utf-8")
    with pytest.raises(dateline.GazetteerError, match=r"bad\.tsv, line 3: empty name"):
        dateline.Gazetteer.from_file([a, bad])
    with pytest.raises(ValueError, match="empty list"):
        dateline.Gazetteer.from_file([])
    with pytest.raises(TypeError, match="path must be"):
        dateline.Gazetteer.from_file(3)  # type: ignore[arg-type]


def test_name_rule_spans_are_str_indices_in_non_ascii_text() -> None:
    gaz = dateline.Gazetteer.from_records([{"name": "José Núñez", "label": "PER", "id": "jn"}])
    text = "😀 «José Ñandú» met José Núñez Ávila in Córdoba. Later Núñez and Ñandú spoke."
    doc = dateline.Pipeline(gazetteer=gaz, reference_date=None)(text)
    got = [(e.text, e.id, e.rule) for e in doc.entities]
    assert got == [
        ("José Ñandú", "José Ñandú", "person"),
        ("José Núñez Ávila", "José Núñez Ávila", "person"),
        ("Núñez", "José Núñez Ávila", "repeat"),
        ("Ñandú", "José Ñandú", "repeat"),
    ]
    for e in doc.entities:
        assert doc.text[e.start : e.end] == e.text
