"""The README's examples that are not doctests, run as written on files the
test makes (the doctests run through pytest's --doctest-glob; the Dask and
Spark examples run in tests/test_dask.py and tests/test_spark.py)."""

from __future__ import annotations

import gzip
import json
import os
import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
ARTICLE = "date 2026-03-05\nCARACAS — Talks in Lima on Thursday, after a two-day visit to Bogotá."


def block(section: str, lang: str) -> str:
    """The first ```lang block after the heading `section`."""
    start = README.index(section)
    m = re.compile(rf"```{lang}\n(.*?)```", re.S).search(README, start)
    assert m is not None, f"no {lang} block after {section!r}"
    return m.group(1)


@pytest.fixture
def workdir(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> pathlib.Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "names.tsv").write_text("name\tlabel\tid\nAcme Corp\tORG\tacme\n", encoding="utf-8")
    return tmp_path


def test_batch_script_example(workdir: pathlib.Path) -> None:
    records = [
        {"id": "a", "text": ARTICLE},
        {"id": "b", "text": "Acme Corp opened in Oslo on Monday.", "date": "2026-03-05"},
    ]
    (workdir / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    exec(compile(block("## In a batch script", "python"), "README.md", "exec"), {})
    out = [json.loads(line) for line in (workdir / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in out] == ["a", "b"]
    assert out[0]["reference_date"] == "2026-03-05"  # no date field: detected from the header
    assert [e["id"] for e in out[1]["entities"]] == ["acme"]
    assert [t["value"] for t in out[1]["timexes"]] == ["2026-03-02"]


def test_shell_examples(workdir: pathlib.Path) -> None:
    (workdir / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (workdir / "article1.txt").write_text(ARTICLE, encoding="utf-8")
    (workdir / "article2.txt").write_text("Rain in Quito on Monday.", encoding="utf-8")
    (workdir / "corpus").mkdir()
    (workdir / "corpus" / "one.txt").write_text(ARTICLE, encoding="utf-8")
    with gzip.open(workdir / "news.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "n1", "body": "Oslo on Friday.", "published": "2026-03-05"}) + "\n")
    (workdir / "biographies.jsonl").write_text(json.dumps({"id": "b1", "text": "Born in 1901, he left the next year."}) + "\n")
    env = {**os.environ, "PATH": f"{pathlib.Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    lines = [ln.split("#")[0].strip() for ln in block("The same from the shell", "sh").splitlines()]
    for line in filter(None, lines):
        r = subprocess.run(["bash", "-c", line], cwd=workdir, capture_output=True, env=env, timeout=120)
        assert r.returncode == 0, (line, r.stderr.decode())
    # (out.jsonl is written twice; the narrative example's is the last)
    last = [json.loads(x) for x in (workdir / "out.jsonl").read_text().splitlines()]
    assert [r["doc"] for r in last] == ["b1"] and "explanation" in last[0]["timexes"][0]
    assert (workdir / "spans.entities.parquet").exists() and (workdir / "spans.timexes.parquet").exists()
    assert "Oslo" in (workdir / "spans.csv").read_text(encoding="utf-8")
