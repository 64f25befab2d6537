"""Saved gazetteers: nothing lost, nothing half-written, nothing crashes.

Damaged files fail the checksum, saving never follows a planted name nor
replaces a device or a FIFO, deep attributes and lone surrogates are clear
errors rather than crashes.
"""

from __future__ import annotations

import os
import pickle
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import dateline
import pytest
from dateline.exceptions import DatelineError, GazetteerError, SerializationError

TEXT = "ACME and Acme Inc. met in Lima and São Paulo; SAO PAULO too."


def small() -> dateline.Gazetteer:
    return dateline.Gazetteer.from_records(
        [
            {"name": "Acme Inc.", "label": "ORG", "id": "acme", "aliases": ["Acme"], "attributes": {"n": [1, {"a": "b"}]}},
            {"name": "Lima", "label": "LOC", "id": "geo:1"},
            {"name": "São Paulo", "label": "LOC", "case": "name"},
        ],
        fold_accents=True,
    )


def results(g: dateline.Gazetteer) -> list[Any]:
    doc = dateline.Pipeline(gazetteer=g, reference_date=None)(TEXT)
    return [g.entries(), [(e.start, e.end, e.text, e.label, e.id, e.attributes) for e in doc.entities]]


def test_every_flipped_byte_fails_the_load_or_changes_nothing(tmp_path: Path) -> None:
    gaz = small()
    path = tmp_path / "g.dlgaz"
    gaz.save(path)
    raw = path.read_bytes()
    want = results(gaz)
    silent, unnamed = [], []
    for k in range(len(raw)):
        for mask in (0x01, 0x80, 0xFF):
            damaged = bytearray(raw)
            damaged[k] ^= mask
            path.write_bytes(bytes(damaged))
            try:
                back = dateline.Gazetteer.load(path)
            except SerializationError as e:
                if str(path) not in str(e):
                    unnamed.append((k, mask, str(e)))
                continue
            if results(back) != want:
                silent.append((k, mask))
    assert silent == [], "damaged files loaded with other entries or entities"
    assert unnamed == [], "errors name the file"
    # In fact every damaged byte is caught: CRC-32C finds any burst of up to 32 bits.
    gaz.save(path)
    for k in range(12, len(raw), 5):
        damaged = bytearray(raw)
        damaged[k] ^= 0x10
        with pytest.raises(SerializationError):
            dateline.Gazetteer.from_bytes(bytes(damaged))
    path.write_bytes(raw[:-1] + bytes([raw[-1] ^ 0x10]))
    with pytest.raises(SerializationError, match=r"g\.dlgaz: compiled gazetteer: checksum mismatch \(file corrupted\?\)"):
        dateline.Gazetteer.load(path)
    with pytest.raises(SerializationError, match="checksum mismatch"):
        dateline.Gazetteer.from_bytes(raw[:40] + bytes([raw[40] ^ 4]) + raw[41:])


def test_older_binary_version_is_a_clear_error(tmp_path: Path) -> None:
    raw = small().to_bytes()
    path = tmp_path / "old.dlgaz"
    path.write_bytes(raw[:8] + (4).to_bytes(4, "little") + raw[12:])
    with pytest.raises(SerializationError, match=r"old\.dlgaz: compiled gazetteer version 4 is not supported \(expected 5\); rebuild it"):
        dateline.Gazetteer.load(path)


def test_save_does_not_follow_a_link_planted_at_the_temporary_name(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    path = tmp_path / "g.dlgaz"
    (tmp_path / "g.dlgaz.tmp").symlink_to(victim)
    small().save(path)
    assert victim.read_text() == "keep me"
    assert path.is_file() and not path.is_symlink()
    assert dateline.Gazetteer.load(path).entries() == small().entries()
    # The same for a pipeline, which saves through the same writer.
    ppath = tmp_path / "p.json"
    (tmp_path / "p.json.tmp").symlink_to(victim)
    dateline.Pipeline(gazetteer=small(), reference_date=None).save(ppath)
    assert victim.read_text() == "keep me"
    assert dateline.Pipeline.load(ppath).gazetteer.entries() == small().entries()
    # No temporary file is left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.dlgaz", "g.dlgaz.tmp", "p.json", "p.json.tmp", "victim.txt"]


def device(tmp_path: Path, name: str, minor: int) -> Path:
    """`/dev/NAME`, or as root a node of the same device in `tmp_path`: a
    build that replaced devices must not take the machine's `/dev/null`
    with it (only root can replace it, and only root can make a node)."""
    if os.geteuid() != 0:
        return Path("/dev") / name
    node = tmp_path / name
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    return node


def test_save_to_dev_null_keeps_the_device(tmp_path: Path) -> None:
    null = device(tmp_path, "null", 3)
    small().save(null)
    assert stat.S_ISCHR(os.stat(null).st_mode)
    dateline.Pipeline(reference_date=None).save(null)
    assert stat.S_ISCHR(os.stat(null).st_mode)
    full = device(tmp_path, "full", 7)
    with pytest.raises(OSError, match="full"):
        small().save(full)
    assert stat.S_ISCHR(os.stat(full).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == (["full", "null"] if os.geteuid() == 0 else [])


def test_save_to_a_fifo_streams_the_bytes(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # Opened for reading and writing, `keep` lets the reading end open at
    # once; its closing ends the stream, so nothing waits if no bytes come.
    keep = os.open(fifo, os.O_RDWR)
    rfd = os.open(fifo, os.O_RDONLY)
    got: list[bytes] = []

    def read_all() -> None:
        chunks = []
        while chunk := os.read(rfd, 1 << 16):
            chunks.append(chunk)
        got.append(b"".join(chunks))

    reader = threading.Thread(target=read_all)
    reader.start()
    try:
        small().save(fifo)
    finally:
        os.close(keep)
        reader.join()
        os.close(rfd)
    assert got == [small().to_bytes()]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_saved_file_mode_follows_the_umask(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        small().save(tmp_path / "g.dlgaz")
        dateline.Pipeline(reference_date=None).save(tmp_path / "p.json")
    finally:
        os.umask(old)
    for name in ("g.dlgaz", "p.json"):
        assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o666 & ~umask, name


def test_failed_save_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "dir"
    target.mkdir()
    with pytest.raises(OSError, match="dir"):
        small().save(target)
    assert [p.name for p in tmp_path.iterdir()] == ["dir"]


def nested(depth: int) -> Any:
    v: Any = "leaf"
    for k in range(depth):
        v = [v] if k % 2 else {"k": v}
    return v


DEEP = textwrap.dedent(
    """
    import sys
    import dateline
    v = 1
    for _ in range(20_000):
        v = [v]
    try:
        if sys.argv[1] == "records":
            dateline.Gazetteer.from_records([{"name": "Deep", "label": "X", "attributes": {"v": v}}])
        elif sys.argv[1] == "builder":
            b = dateline.GazetteerBuilder()
            b.add("Deep", "X", attributes={"v": v})
            b.build()
        else:
            import pandas as pd
            frame = pd.DataFrame({"name": ["Deep"], "label": ["X"], "v": [v]})
            dateline.Gazetteer.from_dataframe(frame)
    except dateline.GazetteerError as e:
        print("GazetteerError:", e)
    """
)


@pytest.mark.parametrize("builder", ["records", "builder", "dataframe"])
def test_attributes_nested_20000_deep_are_an_error_not_a_crash(builder: str) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    run = subprocess.run([sys.executable, "-c", DEEP, builder], capture_output=True, text=True, env=env, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    assert 'GazetteerError: records[0]: attribute "v" of "Deep" nests lists and dicts more than 64 levels deep' in run.stdout


def test_attribute_depth_limit_round_trips(tmp_path: Path) -> None:
    at_limit = nested(64)
    rec = {"name": "Deep", "label": "X", "attributes": {"v": at_limit, "w": nested(63)}}
    g = dateline.Gazetteer.from_records([rec])
    assert g.entries()[0]["attributes"] == {"v": at_limit, "w": nested(63)}
    g.save(tmp_path / "g.dlgaz")
    assert dateline.Gazetteer.load(tmp_path / "g.dlgaz").entries() == g.entries()
    assert pickle.loads(pickle.dumps(g)).entries() == g.entries()
    assert dateline.Gazetteer.from_json(g.to_json()).entries() == g.entries()
    (tmp_path / "g.json").write_text(g.to_json(), encoding="utf-8")
    assert dateline.Gazetteer.load(tmp_path / "g.json").entries() == g.entries()
    nlp = dateline.Pipeline(gazetteer=g, reference_date=None)
    nlp.save(tmp_path / "p.json")
    assert dateline.Pipeline.load(tmp_path / "p.json").gazetteer.entries() == g.entries()
    assert pickle.loads(pickle.dumps(nlp)).gazetteer.entries() == g.entries()
    deepvale = dateline.Gazetteer.from_records([{"name": "Deepvale", "label": "LOC", "attributes": {"v": at_limit}}])
    doc = dateline.Pipeline(gazetteer=deepvale, reference_date=None)("We met in Deepvale.")
    assert [e.attributes for e in doc.entities] == [{"v": at_limit}]
    # One level more: rejected when the entry is added, naming it and the limit.
    too_deep = {"name": "Deep", "label": "X", "attributes": {"v": nested(65)}}
    with pytest.raises(GazetteerError, match=r'records\[1\]: attribute "v" of "Deep" nests .* more than 64 levels'):
        dateline.Gazetteer.from_records([rec, too_deep])
    line = '{"name": "Deep", "label": "X", "v": ' + "[" * 65 + "1" + "]" * 65 + "}\n"
    (tmp_path / "deep.jsonl").write_text(line, encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"deep\.jsonl, line 1: attribute \"v\" of \"Deep\" nests .* more than 64"):
        dateline.Gazetteer.from_file(tmp_path / "deep.jsonl")
    # A list that holds itself is as deep as can be.
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(GazetteerError, match="more than 64 levels"):
        dateline.Gazetteer.from_records([{"name": "Loop", "label": "X", "attributes": {"v": loop}}])


@pytest.mark.parametrize(
    ("record", "where"),
    [
        ({"name": "Acme\ud800", "label": "ORG"}, r"name 'Acme\\ud800'"),
        ({"name": "Acme", "label": "\udcff"}, "label"),
        ({"name": "Acme", "label": "ORG", "id": "a\ud800"}, "id"),
        ({"name": "Acme", "label": "ORG", "aliases": ["ok", "b\ud800"]}, r"aliases\[1\]"),
        ({"name": "Acme", "label": "ORG", "aliases": "ok|b\ud800"}, "aliases"),
        ({"name": "Acme", "label": "ORG", "attributes": {"k\ud800": 1}}, "attribute key"),
        ({"name": "Acme", "label": "ORG", "attributes": {"k": ["\ud800"]}}, 'attribute "k"'),
    ],
)
def test_lone_surrogate_is_a_gazetteer_error_naming_the_entry(record: dict[str, Any], where: str) -> None:
    with pytest.raises(GazetteerError, match=rf"records\[1\]: {where}.*lone surrogate"):
        dateline.Gazetteer.from_records([{"name": "Lima", "label": "LOC"}, record])


def test_lone_surrogate_through_builder_and_dataframe() -> None:
    import pandas as pd

    b = dateline.GazetteerBuilder()
    b.add("Acme\udc80", "ORG")
    with pytest.raises(DatelineError, match=r"records\[0\]: name .* lone surrogate"):
        b.build()
    with pytest.raises(GazetteerError, match=r"records\[0\]: name .* lone surrogate"):
        dateline.Gazetteer.from_dataframe(pd.DataFrame({"name": ["Acme\udc80"], "label": ["ORG"]}, dtype=object))


def test_pipeline_load_of_binary_data_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    with pytest.raises(SerializationError, match=r"blob\.bin: not a saved pipeline: it looks like binary data"):
        dateline.Pipeline.load(path)
    # A saved pipeline damaged by a byte that is not UTF-8.
    nlp_path = tmp_path / "p.json"
    dateline.Pipeline(reference_date=None).save(nlp_path)
    raw = nlp_path.read_bytes()
    nlp_path.write_bytes(raw[:30] + b"\xff" + raw[31:])
    with pytest.raises(SerializationError, match=r"p\.json: not a saved pipeline: it looks like binary data"):
        dateline.Pipeline.load(nlp_path)
    # Bad UTF-8 past the bytes looked at to tell what a file is.
    nlp_path.write_bytes(raw[:-1] + b" " * 9000 + b"\xff" + raw[-1:])
    with pytest.raises(SerializationError, match=rf"p\.json: not valid UTF-8 \(byte {len(raw) - 1 + 9000}\)"):
        dateline.Pipeline.load(nlp_path)
