"""The command line, run as a user would (subprocesses)."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

from conftest import ROOT

SAMPLE = ROOT / "examples" / "sample-news.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "dateline", *args], input=stdin, capture_output=True, timeout=120)


def test_annotate_sample_text_file() -> None:
    r = run("annotate", str(SAMPLE))
    assert r.returncode == 0, r.stderr
    (rec,) = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert rec["doc"] == str(SAMPLE)
    assert rec["reference_date"] == "2026-06-12"
    text = rec["text"]
    for span in rec["tokens"] + rec["entities"] + rec["timexes"]:
        assert text[span["start"] : span["end"]] == span["text"]
    values = {t["text"]: t["value"] for t in rec["timexes"]}
    assert values["Tuesday"] == "2026-06-09"
    assert values["three-day"] == "P3D"
    assert values["next month"] == "2026-07"
    assert {e["text"] for e in rec["entities"]} >= {"LISBON", "Portugal", "Brazil", "Portuguese"}


def test_annotate_jsonl_with_fields_and_output_file(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "body": "Peru said on Monday it would act.", "day": "2026-03-05"}\n\n{"body": "In May 2020 Chile voted."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    r = run("annotate", "--input-format", "jsonl", "--text-field", "body", "--date-field", "day", "-o", str(out), "--jobs", "2", str(src))
    assert r.returncode == 0, r.stderr
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc"] for r in recs] == ["a", f"{src}:3"]
    assert [[(t["text"], t["value"]) for t in r["timexes"]] for r in recs] == [[("Monday", "2026-03-02")], [("May 2020", "2020-05")]]
    assert [[e["text"] for e in r["entities"]] for r in recs] == [["Peru"], ["Chile"]]


def test_annotate_stdin_with_gazetteer_and_reference_date(tmp_path: pathlib.Path) -> None:
    gaz = tmp_path / "g.tsv"
    gaz.write_text("name\tlabel\tid\nDoug Burgum\tPER\tburgum\n", encoding="utf-8")
    r = run("annotate", "--gazetteer", str(gaz), "--reference-date", "2026-03-05", "-", stdin="Doug Burgum left on Sunday.".encode())
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout)
    assert rec["doc"] == "<stdin>"
    assert [(e["text"], e["id"]) for e in rec["entities"]] == [("Doug Burgum", "burgum")]
    assert [t["value"] for t in rec["timexes"]] == ["2026-03-01"]


@pytest.mark.parametrize(
    "setup,args,message",
    [
        (lambda d: (d / "bad.txt").write_bytes(b"ok\n\xff\xfe"), ["bad.txt"], "bad.txt: not valid UTF-8 (line 2, byte 3)"),
        (lambda d: None, ["missing.txt"], "missing.txt: No such file or directory"),
        (lambda d: (d / "x.jsonl").write_text('{"text": 1}\n'), ["--input-format", "jsonl", "x.jsonl"], "x.jsonl:1: field 'text' is missing or not a string"),
        (lambda d: (d / "y.jsonl").write_text('{"text": "a", "date": "2026-02-30"}\n'), ["--input-format", "jsonl", "y.jsonl"], "2026-02-30"),
        (lambda d: (d / "t.txt").write_text("hi"), ["--reference-date", "2026-02-30", "t.txt"], "invalid date"),
        (lambda d: (d / "t.txt").write_text("hi"), ["--gazetteer", "nope.tsv", "t.txt"], "--gazetteer:"),
    ],
)
def test_cli_errors_exit_nonzero_without_traceback(tmp_path: pathlib.Path, setup, args: list[str], message: str) -> None:
    setup(tmp_path)
    out = tmp_path / "out.jsonl"
    r = subprocess.run(
        [sys.executable, "-m", "dateline", "annotate", "-o", str(out), *args], cwd=tmp_path, capture_output=True, timeout=120
    )
    err = r.stderr.decode()
    assert r.returncode == 1
    assert message in err
    assert "Traceback" not in err
    assert not out.exists(), "nothing half-written"
    assert list(tmp_path.glob(".dateline-*")) == []


def test_console_script_is_installed() -> None:
    exe = pathlib.Path(sys.executable).parent / "dateline"
    r = subprocess.run([str(exe), "--version"], capture_output=True, timeout=60)
    assert r.returncode == 0
    assert r.stdout.decode().strip() == "dateline 0.1.0"
