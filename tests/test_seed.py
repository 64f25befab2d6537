"""The seed article (../shared/data/seed): the foundation's acceptance check."""

from __future__ import annotations

import datetime as dt

import dateline

FOUNDATION_FORMS = {"2026-03-05", "Thursday", "January", "2019", "Sunday", "2025"}


def test_seed_reference_date_and_timexes(seed: tuple[str, dict]) -> None:
    text, gold = seed
    doc = dateline.Pipeline()(text)
    assert doc.reference_date == dt.date.fromisoformat(gold["dct"])
    got = {(t.start, t.end): (t.type, t.value) for t in doc.timexes}
    wanted = [g for g in gold["timexes"] if g["text"] in FOUNDATION_FORMS]
    assert len(wanted) == 6
    for g in wanted:
        assert got.get((g["start"], g["end"])) == (g["type"], g["value"]), g
    # The durations and vague references of the seed are found too.
    for g in gold["timexes"]:
        assert got.get((g["start"], g["end"])) == (g["type"], g["value"]), g


def test_seed_entities_with_gold_names(seed: tuple[str, dict]) -> None:
    text, gold = seed
    records = {}
    for e in gold["entities"]:
        records.setdefault(e["text"], {"name": e["text"], "label": e["label"], "id": e["id"]})
    nlp = dateline.Pipeline(gazetteer=dateline.Gazetteer.from_records(records.values()))
    doc = nlp(text)
    got = {(e.start, e.end): (e.label, e.id) for e in doc.entities}
    for g in gold["entities"]:
        assert got.get((g["start"], g["end"])) == (g["label"], g["id"]), g
    assert len(doc.entities) == len(gold["entities"])


def test_seed_world_gazetteer_places(seed: tuple[str, dict]) -> None:
    text, gold = seed
    doc = dateline.Pipeline()(text)
    got = {(e.start, e.end) for e in doc.entities}
    places = [g for g in gold["entities"] if g["label"] == "LOC"]
    assert places
    for g in places:
        assert (g["start"], g["end"]) in got, g


def test_seed_through_the_cli(seed: tuple[str, dict], tmp_path) -> None:
    """`dateline annotate` on the seed article, reference date detected, with a
    gazetteer file of the gold entity names."""
    import json
    import subprocess
    import sys

    from conftest import SEED_TXT

    _, gold = seed
    gaz = tmp_path / "seed-names.jsonl"
    with gaz.open("w", encoding="utf-8") as fh:
        for name in sorted({e["text"] for e in gold["entities"]}):
            first = next(e for e in gold["entities"] if e["text"] == name)
            fh.write(json.dumps({"name": name, "label": first["label"], "id": first["id"]}) + "\n")
    r = subprocess.run(
        [sys.executable, "-m", "dateline", "annotate", "--gazetteer", str(gaz), str(SEED_TXT)],
        capture_output=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout)
    assert rec["reference_date"] == gold["dct"]
    got_t = {(t["start"], t["end"]): t["value"] for t in rec["timexes"]}
    for g in gold["timexes"]:
        if g["text"] in FOUNDATION_FORMS:
            assert got_t.get((g["start"], g["end"])) == g["value"], g
    got_e = {(e["start"], e["end"]): (e["label"], e["id"]) for e in rec["entities"]}
    for g in gold["entities"]:
        assert got_e.get((g["start"], g["end"])) == (g["label"], g["id"]), g
