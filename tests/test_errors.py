"""Bad input raises a named exception with a clear message, never a panic."""

from __future__ import annotations

import pathlib

import dateline
import pytest
from dateline import ConfigError, DatelineError, GazetteerError, SerializationError


@pytest.fixture(scope="module")
def nlp() -> dateline.Pipeline:
    return dateline.Pipeline(reference_date=None)


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a"]])
def test_non_str_text(nlp: dateline.Pipeline, bad: object) -> None:
    with pytest.raises(TypeError, match=r"text must be str, not "):
        nlp(bad)  # type: ignore[arg-type]


def test_non_str_item_in_batch_names_its_index(nlp: dateline.Pipeline) -> None:
    with pytest.raises(TypeError, match=r"texts\[1028\] must be str, not int"):
        list(nlp.pipe(["ok"] * 1028 + [5], batch_size=1024))
    with pytest.raises(TypeError, match="not a single str"):
        nlp.pipe("just one string")


def test_lone_surrogate(nlp: dateline.Pipeline) -> None:
    with pytest.raises(ValueError, match=r"text contains a lone surrogate at index 3"):
        nlp("abc\ud800def")
    with pytest.raises(ValueError, match=r"texts\[1\] contains a lone surrogate at index 0"):
        list(nlp.pipe(["fine", "\udfff"]))


@pytest.mark.parametrize(
    "bad,match",
    [
        ("2026-02-30", r"invalid date \"2026-02-30\": day does not exist in that month"),
        ("2026-13-01", r"month must be between 1 and 12"),
        ("yesterday", r"expected an ISO date YYYY-MM-DD"),
        ("", r"expected an ISO date"),
    ],
)
def test_invalid_reference_date(bad: str, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        dateline.Pipeline(reference_date=bad)
    with pytest.raises(ValueError, match=match):
        dateline.Pipeline()("text", reference_date=bad)


def test_reference_date_wrong_type() -> None:
    with pytest.raises(TypeError, match=r"reference_date must be a datetime.date, an ISO date string, \"detect\", \"none\" or None, not int"):
        dateline.Pipeline(reference_date=20260305)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"reference_dates\[1\]: invalid date"):
        list(dateline.Pipeline().pipe(["a", "b"], reference_dates=[None, "2026-02-30"]))


def test_unknown_option_values_list_valid_ones() -> None:
    with pytest.raises(ValueError, match=r"date_order must be one of 'mdy', 'dmy', None, not 'ymd'"):
        dateline.Pipeline(date_order="ymd")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"n_threads must be a positive integer or None, not 0"):
        dateline.Pipeline(n_threads=0)
    with pytest.raises(ValueError, match=r"batch_size must be at least 1"):
        dateline.Pipeline().pipe(["a"], batch_size=0)
    with pytest.raises(TypeError, match="gazetteer must be a dateline.Gazetteer"):
        dateline.Pipeline(gazetteer="world.tsv")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"format must be one of 'tsv', 'csv', 'jsonl' or None, not 'xml'"):
        dateline.Gazetteer.from_file("x.xml", format="xml")  # type: ignore[arg-type]


def write(tmp_path: pathlib.Path, name: str, data: bytes) -> pathlib.Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_gazetteer_file_missing(tmp_path: pathlib.Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"nope\.tsv"):
        dateline.Gazetteer.from_file(tmp_path / "nope.tsv")


def test_gazetteer_file_empty(tmp_path: pathlib.Path) -> None:
    with pytest.raises(GazetteerError, match=r"empty\.tsv: the file is empty"):
        dateline.Gazetteer.from_file(write(tmp_path, "empty.tsv", b""))
    with pytest.raises(GazetteerError, match=r"header\.tsv: no entries"):
        dateline.Gazetteer.from_file(write(tmp_path, "header.tsv", b"name\tlabel\tid\n"))


def test_gazetteer_file_not_utf8(tmp_path: pathlib.Path) -> None:
    p = write(tmp_path, "latin1.tsv", "name\tlabel\nCaracas\tLOC\nBogot\xe1\tLOC\n".encode("latin-1"))
    with pytest.raises(GazetteerError, match=r"latin1\.tsv, line 3: not valid UTF-8"):
        dateline.Gazetteer.from_file(p)


def test_gazetteer_file_missing_column(tmp_path: pathlib.Path) -> None:
    p = write(tmp_path, "cols.csv", b"name,kind\nCaracas,LOC\n")
    with pytest.raises(GazetteerError, match=r"cols\.csv, line 1: missing column \"label\" \(header has: name, kind\)"):
        dateline.Gazetteer.from_file(p)
    g = dateline.Gazetteer.from_file(p, label_column="kind")
    assert g.entries() == [{"name": "Caracas", "label": "LOC", "id": "Caracas", "aliases": []}]


def test_gazetteer_file_empty_name_names_line(tmp_path: pathlib.Path) -> None:
    p = write(tmp_path, "names.tsv", b"name\tlabel\tid\nCaracas\tLOC\t1\n \tLOC\t2\n")
    with pytest.raises(GazetteerError, match=r"names\.tsv, line 3: empty name"):
        dateline.Gazetteer.from_file(p)
    j = write(tmp_path, "names.jsonl", b'{"name": "Caracas", "label": "LOC"}\n{"name": "", "label": "LOC"}\n')
    with pytest.raises(GazetteerError, match=r"names\.jsonl, line 2: empty name"):
        dateline.Gazetteer.from_file(j)
    bad_json = write(tmp_path, "bad.jsonl", b'{"name": "Caracas", "label": "LOC"}\n{"name": \n')
    with pytest.raises(GazetteerError, match=r"bad\.jsonl, line 2: invalid JSON"):
        dateline.Gazetteer.from_file(bad_json)


def test_gazetteer_files_load_in_every_format(tmp_path: pathlib.Path) -> None:
    tsv = write(tmp_path, "g.tsv", b"name\tlabel\tid\taliases\nUnited States\tLOC\tUS\tU.S.|USA\n")
    csv = write(tmp_path, "g.csv", b'name,label,id,aliases\n"United States",LOC,US,"U.S.|USA"\n')
    jsonl = write(tmp_path, "g.jsonl", b'{"name": "United States", "label": "LOC", "id": "US", "aliases": ["U.S.", "USA"]}\n')
    sniffed = write(tmp_path, "g.names", b"name\tlabel\tid\taliases\nUnited States\tLOC\tUS\tU.S.|USA\n")
    for p in (tsv, csv, jsonl, sniffed):
        g = dateline.Gazetteer.from_file(p)
        doc = dateline.Pipeline(gazetteer=g)("The U.S. and the USA.")
        assert [(e.text, e.id) for e in doc.entities] == [("U.S.", "US"), ("USA", "US")], p.name


def test_gazetteer_records_errors() -> None:
    with pytest.raises(GazetteerError, match=r"records, line 2: empty name"):
        dateline.Gazetteer.from_records([{"name": "a", "label": "X"}, {"name": "  ", "label": "X"}])
    with pytest.raises(ValueError, match=r"records\[0\] has no \"label\" key"):
        dateline.Gazetteer.from_records([{"name": "a"}])
    with pytest.raises(TypeError, match=r"records\[1\] must be a dict, not str"):
        dateline.Gazetteer.from_records([{"name": "a", "label": "X"}, "b"])
    with pytest.raises(TypeError, match=r"records\[0\]\[\"aliases\"\] must be a list of str or a '\|'-separated str"):
        dateline.Gazetteer.from_records([{"name": "a", "label": "X", "aliases": 3}])
    with pytest.raises(TypeError, match=r"records\[0\]\[\"name\"\] must be str, not int"):
        dateline.Gazetteer.from_records([{"name": 1, "label": "X"}])


def test_serialized_data_errors() -> None:
    with pytest.raises(SerializationError, match="cannot load serialized data"):
        dateline.Gazetteer.from_json("{not json")
    with pytest.raises(SerializationError, match="format_version 7 is not supported"):
        dateline.Pipeline.from_json('{"format_version": 7, "options": {}, "gazetteer": null}')


def test_exception_hierarchy() -> None:
    for cls in (GazetteerError, ConfigError, SerializationError):
        assert issubclass(cls, DatelineError) and issubclass(cls, ValueError)
    with pytest.raises(ConfigError, match="reference_dates has 1 items for 2 texts"):
        dateline.Pipeline()._core.process_batch(["a", "b"], [None], None, 0)
