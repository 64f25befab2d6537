"""Each loader given another loader's file names it, what it looks like and
the loader to use; every builder speaks one vocabulary (keywords, aliases);
a CSV quote never closed is an error naming its line."""

from __future__ import annotations

import warnings
from pathlib import Path

import dateline
import pytest
from dateline.exceptions import GazetteerError, SerializationError

RECORDS = [
    {"name": "Acme Inc.", "label": "ORG", "id": "acme", "aliases": ["Acme"]},
    {"name": "Lima", "label": "LOC", "id": "geo:1"},
]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    gaz = dateline.Gazetteer.from_records(RECORDS)
    out = {
        "compiled": tmp_path / "names.dlgaz",
        "gazetteer-json": tmp_path / "names.json",
        "pipeline": tmp_path / "nlp.json",
        "tsv": tmp_path / "names.tsv",
        "csv": tmp_path / "names.csv",
        "jsonl": tmp_path / "names.jsonl",
        "binary": tmp_path / "photo.png",
    }
    gaz.save(out["compiled"])
    out["gazetteer-json"].write_text(gaz.to_json(), encoding="utf-8")
    dateline.Pipeline(gazetteer=gaz, reference_date=None).save(out["pipeline"])
    out["tsv"].write_text("name\tlabel\tid\nLima\tLOC\tgeo:1\n", encoding="utf-8")
    out["csv"].write_text("name,label,id\nLima,LOC,geo:1\n", encoding="utf-8")
    out["jsonl"].write_text('{"name": "Lima", "label": "LOC"}\n', encoding="utf-8")
    out["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    return out


LOOKS = {
    "compiled": r"looks like a compiled gazetteer \(load it with Gazetteer\.load\)",
    "gazetteer-json": r"looks like a gazetteer saved as JSON \(load it with Gazetteer\.load\)",
    "pipeline": r"looks like a saved pipeline \(JSON; load it with Pipeline\.load\)",
    "tsv": r"looks like a TSV/CSV gazetteer list \(read it with Gazetteer\.from_file\)",
    "csv": r"looks like a TSV/CSV gazetteer list \(read it with Gazetteer\.from_file\)",
    "jsonl": r"looks like a JSONL gazetteer list \(read it with Gazetteer\.from_file\)",
    "binary": r"looks like binary data",
}


@pytest.mark.parametrize("kind", ["pipeline", "tsv", "csv", "jsonl", "binary"])
def test_gazetteer_load_of_other_files(files: dict[str, Path], kind: str) -> None:
    path = files[kind]
    with pytest.raises(SerializationError, match=rf"{path.name}: not a saved gazetteer: it {LOOKS[kind]}"):
        dateline.Gazetteer.load(path)


@pytest.mark.parametrize("kind", ["compiled", "gazetteer-json", "pipeline", "binary"])
def test_gazetteer_from_file_of_other_files(files: dict[str, Path], kind: str) -> None:
    path = files[kind]
    with pytest.raises(GazetteerError, match=rf"{path.name}: not a gazetteer list: it {LOOKS[kind]}"):
        dateline.Gazetteer.from_file(path)


@pytest.mark.parametrize("kind", ["compiled", "gazetteer-json", "tsv", "csv", "jsonl", "binary"])
def test_pipeline_load_of_other_files(files: dict[str, Path], kind: str) -> None:
    path = files[kind]
    with pytest.raises(SerializationError, match=rf"{path.name}: not a saved pipeline: it {LOOKS[kind]}"):
        dateline.Pipeline.load(path)


def test_each_loader_reads_its_own_files(files: dict[str, Path]) -> None:
    want = dateline.Gazetteer.from_records(RECORDS).entries()
    assert dateline.Gazetteer.load(files["compiled"]).entries() == want
    assert dateline.Gazetteer.load(files["gazetteer-json"]).entries() == want
    assert dateline.Pipeline.load(files["pipeline"]).gazetteer.entries() == want
    for kind in ("tsv", "csv", "jsonl"):
        assert [e["name"] for e in dateline.Gazetteer.from_file(files[kind]).entries()] == ["Lima"], kind


def test_one_keyword_vocabulary_for_files_and_frames(tmp_path: Path) -> None:
    import pandas as pd

    tsv = tmp_path / "n.tsv"
    tsv.write_text("n\tl\tk\ta\tc\tpop\nAcme Corp\tORG\tacme\tAcme|ACME Inc.\texact\t3\n", encoding="utf-8")
    frame = pd.DataFrame(
        {"n": ["Acme Corp"], "l": ["ORG"], "k": ["acme"], "a": ["Acme|ACME Inc."], "c": ["exact"], "pop": ["3"]}
    )
    columns = {
        "name_column": "n",
        "label_column": "l",
        "id_column": "k",
        "aliases_column": "a",
        "case_column": "c",
        "attribute_columns": ["pop"],
    }
    from_file = dateline.Gazetteer.from_file(tsv, **columns).entries()  # type: ignore[arg-type]
    from_frame = dateline.Gazetteer.from_dataframe(frame, **columns).entries()  # type: ignore[arg-type]
    assert from_file == from_frame
    assert from_file[0]["case"] == "exact" and from_file[0]["aliases"] == ["Acme", "ACME Inc."]


def test_old_dataframe_keywords_still_work_with_a_deprecation_warning() -> None:
    import pandas as pd

    frame = pd.DataFrame({"n": ["Acme Corp"], "l": ["ORG"], "a": [["Acme"]], "x": [1], "y": [2]})
    with pytest.warns(DeprecationWarning) as w:
        g = dateline.Gazetteer.from_dataframe(frame, name="n", label="l", id=None, aliases="a", attributes=["x"])
    assert sorted(str(m.message) for m in w) == [
        f"from_dataframe({old}=...) is deprecated: use {new}=... (the name from_file uses)"
        for old, new in [
            ("aliases", "aliases_column"),
            ("attributes", "attribute_columns"),
            ("id", "id_column"),
            ("label", "label_column"),
            ("name", "name_column"),
        ]
    ]
    assert all(m.filename == __file__ for m in w), "the warning points at the caller"
    new = dateline.Gazetteer.from_dataframe(
        frame, name_column="n", label_column="l", id_column=None, aliases_column="a", attribute_columns=["x"]
    )
    assert g.entries() == new.entries() == [
        {"name": "Acme Corp", "label": "ORG", "id": "Acme Corp", "aliases": ["Acme"], "attributes": {"x": 1}}
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dateline.Gazetteer.from_dataframe(frame, name_column="n", label_column="l", aliases_column="a")
    with pytest.raises(TypeError, match="from_dataframe\\(\\) got an unexpected keyword argument 'nmae'"):
        dateline.Gazetteer.from_dataframe(frame, nmae="n")  # type: ignore[call-arg]


def test_aliases_are_read_alike_by_every_builder(tmp_path: Path) -> None:
    import pandas as pd

    want = ["U.S.", "USA", "United States of America"]
    as_str = " U.S. | USA||United States of America "
    as_list = [" U.S.", "USA ", "", "United States of America"]
    built = {
        "records str": dateline.Gazetteer.from_records([{"name": "America", "label": "LOC", "aliases": as_str}]),
        "records list": dateline.Gazetteer.from_records([{"name": "America", "label": "LOC", "aliases": as_list}]),
        "frame str": dateline.Gazetteer.from_dataframe(pd.DataFrame({"name": ["America"], "label": ["LOC"], "aliases": [as_str]})),
        "frame list": dateline.Gazetteer.from_dataframe(
            pd.DataFrame({"name": ["America"], "label": ["LOC"], "aliases": [as_list]})
        ),
    }
    b = dateline.GazetteerBuilder()
    b.add("America", "LOC", aliases=as_list)
    built["builder"] = b.build()
    (tmp_path / "a.tsv").write_text(f"name\tlabel\taliases\nAmerica\tLOC\t{as_str}\n", encoding="utf-8")
    (tmp_path / "a.csv").write_text(f'name,label,aliases\nAmerica,LOC,"{as_str}"\n', encoding="utf-8")
    (tmp_path / "s.jsonl").write_text(f'{{"name": "America", "label": "LOC", "aliases": "{as_str}"}}\n', encoding="utf-8")
    items = ", ".join(f'"{a}"' for a in as_list)
    (tmp_path / "l.jsonl").write_text(f'{{"name": "America", "label": "LOC", "aliases": [{items}]}}\n', encoding="utf-8")
    for f in ("a.tsv", "a.csv", "s.jsonl", "l.jsonl"):
        built[f] = dateline.Gazetteer.from_file(tmp_path / f)
    for how, g in built.items():
        assert g.entries()[0]["aliases"] == want, how


def test_unterminated_csv_quote_names_file_and_line(tmp_path: Path) -> None:
    ok = tmp_path / "ok.csv"
    ok.write_text('name,label,id\n"Smith, John",PER,"p ""1"""\n"Two\nlines",ORG,o\n', encoding="utf-8")
    assert [e["name"] for e in dateline.Gazetteer.from_file(ok).entries()] == ["Smith, John", "Two\nlines"]
    last = tmp_path / "last.csv"
    last.write_text('name,label,id\nAcme,ORG,"acme\nLima,LOC,lima\nCusco,LOC,cusco\n', encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"last\.csv, line 2: unterminated quote"):
        dateline.Gazetteer.from_file(last)
    first = tmp_path / "first.csv"
    first.write_text('name,label,id\nLima,LOC,lima\n"Acme,ORG,acme\nCusco,LOC,cusco\n', encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"first\.csv, line 3: unterminated quote"):
        dateline.Gazetteer.from_file(first)
    # A quote inside an unquoted field is a character like any other (5'11", O"Brien).
    inner = tmp_path / "inner.csv"
    inner.write_text('name,label,height\nJo O"Neil,PER,5\'11"\n', encoding="utf-8")
    assert dateline.Gazetteer.from_file(inner).entries()[0]["attributes"] == {"height": "5'11\""}
