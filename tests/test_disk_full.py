"""A real full disk: a small tmpfs mounted for the test (as root), filled by
`save()` and by the CLI. Nothing is left under the final name or as a
temporary file, and the error is one clear line or a Python exception. (The
same paths are tested with an injected write error in test_cli_output.py
and test_gazetteer_integrity.py, which need no mount.)"""

from __future__ import annotations

import errno
import json
import os
import pathlib
import subprocess
import sys

import dateline
import pytest


@pytest.fixture
def tiny_disk(tmp_path: pathlib.Path):
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; the injected-error tests cover this path")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({r.stderr.decode().strip()}); the injected-error tests cover this path")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_save_on_a_full_disk(tiny_disk: pathlib.Path) -> None:
    gaz = dateline.Gazetteer.from_records([{"name": f"Place {i}", "label": "LOC", "id": f"p{i}"} for i in range(20000)])
    target = tiny_disk / "names.dlgaz"
    with pytest.raises(OSError) as info:
        gaz.save(target)
    assert info.value.errno == errno.ENOSPC or "No space left" in str(info.value)
    assert os.listdir(tiny_disk) == [], "no partial file, no temporary file"
    nlp = dateline.Pipeline(gazetteer=gaz)
    with pytest.raises(OSError):
        nlp.save(tiny_disk / "pipeline.json")
    assert os.listdir(tiny_disk) == []


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_cli_on_a_full_disk(tiny_disk: pathlib.Path, tmp_path: pathlib.Path, fmt: str) -> None:
    src = tmp_path / "in.jsonl"
    text = "Officials in Caracas said on Thursday that talks in Geneva would last two days. " * 5
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": text, "date": "2026-03-05"}) + "\n" for i in range(2000)))
    out = tiny_disk / f"out.{fmt}"
    r = subprocess.run(
        [sys.executable, "-m", "dateline", "annotate", "-q", str(src), "-o", str(out), "--jobs", "1"],
        capture_output=True, timeout=120,
    )
    err = r.stderr.decode()
    assert r.returncode == 1, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert "No space left on device" in err, err
    assert os.listdir(tiny_disk) == [], "nothing under the final name, no .part file"
