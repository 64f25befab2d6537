"""The command line with a person in front of it: a terminal, a pager or
`head` closing the pipe, progress with a percentage and an ETA."""

from __future__ import annotations

import json
import os
import pathlib
import pty
import subprocess
import sys

import pytest


def write_corpus(path: pathlib.Path, n: int) -> None:
    text = "Officials in Caracas said on Thursday that talks in Geneva would last two days. " * 4
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"d{i}", "text": text, "date": "2026-03-05"}) + "\n")


def on_terminal(args: list[str], stdout_tty: bool, stderr_tty: bool, stdin: int | None = None) -> tuple[int, str, str]:
    """Runs the CLI with stdout and/or stderr on a pseudo-terminal; returns (status, stdout, stderr)."""
    master, slave = pty.openpty()
    p = subprocess.Popen(
        [sys.executable, "-m", "dateline", *args],
        stdin=stdin,
        stdout=slave if stdout_tty else subprocess.PIPE,
        stderr=slave if stderr_tty else subprocess.PIPE,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    piped_out = p.stdout.read() if p.stdout else b""
    piped_err = p.stderr.read() if p.stderr else b""
    for f in (p.stdout, p.stderr):
        if f:
            f.close()
    p.wait(timeout=120)
    os.close(master)
    shown = b"".join(chunks).decode().replace("\r\n", "\n")
    out = shown if stdout_tty else piped_out.decode()
    err = shown if stderr_tty and not stdout_tty else piped_err.decode()
    return p.returncode, out, err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_reader_closing_the_pipe_is_a_quiet_stop(tmp_path: pathlib.Path, jobs: str) -> None:
    src = tmp_path / "big.jsonl"
    write_corpus(src, 20000)
    p = subprocess.Popen(
        [sys.executable, "-m", "dateline", "annotate", str(src), "--jobs", jobs], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert p.stdout is not None and p.stderr is not None
    first = p.stdout.readline()  # like `| head -1`
    p.stdout.close()
    err = p.stderr.read().decode()
    p.stderr.close()
    p.wait(timeout=60)
    assert json.loads(first)["doc"] == "d0"
    assert err == "", err  # no traceback, no "stopped (error)", no summary
    assert p.returncode == 0


def test_human_summary_on_a_terminal(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "news.txt"
    src.write_text("date 2026-03-05\nPeru said on Monday it would act in Lima for two days.\n", encoding="utf-8")
    code, out, _ = on_terminal(["annotate", str(src)], stdout_tty=True, stderr_tty=True)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{src}  (en, news, reference date 2026-03-05)"
    assert lines[1].split() == ["ENTITY", "LABEL", "ID"]
    assert lines[2].split() == ["Peru", "LOC", "geonames:3932488"]
    assert lines[3].split() == ["Lima", "LOC", "geonames:3936456"]
    assert lines[1].index("LABEL") == lines[2].index("LOC")  # aligned columns
    assert lines[4].split() == ["TIME", "EXPRESSION", "TYPE", "VALUE"]
    assert [x.split()[-1] for x in lines[5:8]] == ["2026-03-05", "2026-03-02", "P2D"]
    assert lines[4].index("VALUE") == lines[6].index("2026-03-02")
    assert "{" not in out
    assert "\x1b[K" not in out, "no live progress line among the documents"
    # JSON when asked for, on a terminal too
    code, out, _ = on_terminal(["annotate", "--output-format", "jsonl", str(src)], stdout_tty=True, stderr_tty=False)
    assert code == 0 and json.loads(out)["doc"] == str(src)
    # piped: JSON lines as before; --format human asks for the summary there too
    r = subprocess.run([sys.executable, "-m", "dateline", "annotate", "-q", str(src)], capture_output=True, timeout=120)
    assert json.loads(r.stdout)["doc"] == str(src)
    r = subprocess.run([sys.executable, "-m", "dateline", "annotate", "-q", "--format", "human", str(src)], capture_output=True, timeout=120)
    assert r.stdout.decode().splitlines()[0].startswith(str(src))


def test_progress_shows_percentage_and_eta_for_files_only(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    write_corpus(src, 12000)
    out = tmp_path / "out.jsonl"
    code, _, err = on_terminal(["annotate", str(src), "-o", str(out), "--batch-size", "100"], stdout_tty=False, stderr_tty=True)
    assert code == 0
    live = [x for x in err.split("\r") if "docs/s" in x][:-1]
    assert live and all("% of " in x and "MB, ETA " in x for x in live[1:]), live
    last = err.strip().splitlines()[-1]
    assert "12,000 documents" in last and "%" not in last
    with open(src, "rb") as fh:  # from stdin: the size is unknown
        code, _, err = on_terminal(
            ["annotate", "--input-format", "jsonl", "-", "-o", str(out), "--batch-size", "100"], stdout_tty=False, stderr_tty=True, stdin=fh.fileno()
        )
    assert code == 0 and "docs/s" in err and "%" not in err and "ETA" not in err
