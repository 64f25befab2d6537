"""The command line's input: folders, compression, special files, document
size, skipped records, gazetteers and pipeline options."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import pathlib
import subprocess
import sys

import dateline
import pytest
from dateline import cli


def run(*args: str, cwd: pathlib.Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "dateline", *args], input=stdin, capture_output=True, timeout=120, cwd=cwd)


def docs(r: subprocess.CompletedProcess[bytes]) -> list[str]:
    assert r.returncode == 0, r.stderr
    return [json.loads(x)["doc"] for x in r.stdout.decode().splitlines()]


def test_skip_summary_counts_written_and_skipped(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "Rain in Lima.", "date": "2026-02-30"}\n'
        '{"id": "b", "text": "Snow in Oslo."}\n'
        '{"id": "c", "text": "x", "document_type": "blog"}\n'
    )
    r = run("annotate", "--on-error", "skip", str(src))
    assert docs(r) == ["b"]
    summary = r.stderr.decode().strip().splitlines()[-1]
    assert summary.startswith("dateline: 1 document, ") and summary.endswith(", 2 skipped"), summary


def test_folders_read_input_extensions_only_and_glob_chooses(tmp_path: pathlib.Path) -> None:
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text("Rain in Lima on Monday.")
    (d / "sub" / "b.jsonl").write_text('{"id": "b", "text": "Snow in Oslo."}\n')
    (d / "notes.md").write_text("# Rain in Paris")
    (d / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe")
    (d / "old.gz").write_bytes(gzip.compress(b"\xff\xfe binary"))
    r = run("annotate", str(d))
    assert docs(r) == [str(d / "a.txt"), "b"]
    assert f"dateline: {d}: 3 files without an input extension" in r.stderr.decode()
    md = run("annotate", "-q", "--glob", "*.md", str(d))
    assert docs(md) == [str(d / "notes.md")]
    sub = run("annotate", "-q", "--glob", "sub/*", "--glob", "a.*", str(d))
    assert docs(sub) == [str(d / "a.txt"), "b"]


@pytest.mark.parametrize("suffix,pack", [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)])
def test_compressed_inputs_read_transparently(tmp_path: pathlib.Path, suffix: str, pack) -> None:
    d = tmp_path / "corpus"
    d.mkdir()
    (d / f"news.jsonl{suffix}").write_bytes(pack(b'{"id": "j", "text": "Rain in Lima on Monday.", "date": "2026-03-05"}\n'))
    (d / f"csvs.csv{suffix}").write_bytes(pack(b"id,text\nc,Snow in Oslo.\n"))
    (d / f"story.txt{suffix}").write_bytes(pack("Señor Gómez flew to Bogotá.".encode()))
    r = run("annotate", "-q", str(d))
    assert docs(r) == ["c", "j", str(d / f"story.txt{suffix}")]
    rec = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert rec[1]["timexes"][0]["value"] == "2026-03-02"
    assert rec[2]["text"] == "Señor Gómez flew to Bogotá."
    bad = tmp_path / f"bad.jsonl{suffix}"
    bad.write_bytes(b"not compressed at all")
    err = run("annotate", str(bad))
    assert err.returncode == 1 and "Traceback" not in err.stderr.decode()
    assert err.stderr.decode().startswith(f"dateline: error: {bad}: ")


def test_zstd_without_the_module_is_a_clear_error(tmp_path: pathlib.Path, monkeypatch, capsys) -> None:
    src = tmp_path / "news.jsonl.zst"
    src.write_bytes(b"\x28\xb5\x2f\xfd")
    monkeypatch.setitem(sys.modules, "zstandard", None)  # import zstandard fails
    assert cli.main(["annotate", str(src)]) == 1
    err = capsys.readouterr().err
    assert err == f"dateline: error: {src}: reading .zst files needs the zstandard package (pip install zstandard)\n"


def test_folders_skip_devices_fifos_and_links_to_them(tmp_path: pathlib.Path) -> None:
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text("Rain in Lima.")
    (d / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(d / "pipe.txt")
    (d / "gone.txt").symlink_to(d / "nowhere")
    r = run("annotate", str(d))  # would hang on the FIFO or fill memory from /dev/zero
    assert docs(r) == [str(d / "a.txt")]
    assert "3 entries not a regular file" in r.stderr.decode()


def test_max_doc_bytes(tmp_path: pathlib.Path) -> None:
    big = "Rain in Lima. " * 100  # 1,400 bytes
    (tmp_path / "big.txt").write_text(big)
    (tmp_path / "ok.txt").write_text("Snow in Oslo.")
    (tmp_path / "in.jsonl").write_text(
        json.dumps({"id": "x", "text": big}) + "\n" + json.dumps({"id": "y", "text": "Oslo"}) + "\n"
    )
    (tmp_path / "in.csv").write_text(f"id,text\nc1,{big}\nc2,Oslo\n")
    stop = run("annotate", "--max-doc-bytes", "1k", "big.txt", cwd=tmp_path)
    assert stop.returncode == 1
    assert stop.stderr.decode() == "dateline: error: big.txt: a document larger than --max-doc-bytes (1,000 bytes)\n"
    skip = run("annotate", "--max-doc-bytes", "1000", "--on-error", "skip", "big.txt", "ok.txt", "in.jsonl", "in.csv", cwd=tmp_path)
    assert docs(skip) == ["ok.txt", "y", "c2"]
    err = skip.stderr.decode()
    for where in ("big.txt", "in.jsonl:1", "in.csv:2"):
        assert f"skipped {where}: a document larger than --max-doc-bytes (1,000 bytes)" in err, err
    # /dev/zero named on the command line is read as a stream, up to the cap
    zero = run("annotate", "--max-doc-bytes", "1M", "/dev/zero")
    assert zero.returncode == 1 and "/dev/zero: a document larger than --max-doc-bytes" in zero.stderr.decode()
    assert run("annotate", "--max-doc-bytes", "lots", "ok.txt", cwd=tmp_path).returncode == 2


def test_a_named_fifo_is_read_as_a_stream(tmp_path: pathlib.Path) -> None:
    fifo = tmp_path / "in.jsonl"
    os.mkfifo(fifo)
    p = subprocess.Popen([sys.executable, "-m", "dateline", "annotate", "-q", str(fifo)], stdout=subprocess.PIPE)
    with open(fifo, "w") as fh:
        fh.write('{"id": "f", "text": "Rain in Lima."}\n')
    out, _ = p.communicate(timeout=60)
    assert p.returncode == 0 and json.loads(out)["doc"] == "f"


# -- gazetteers and pipeline options -------------------------------------------


def test_saved_gazetteer_and_combining_with_the_world_list(tmp_path: pathlib.Path) -> None:
    g = dateline.Gazetteer.from_records([{"name": "Doug Burgum", "label": "PER", "id": "burgum"}])
    g.save(tmp_path / "mine.gaz")
    text = b"Doug Burgum flew to Peru."
    saved = json.loads(run("annotate", "--gazetteer", "mine.gaz", "-", cwd=tmp_path, stdin=text).stdout)
    assert [e["id"] for e in saved["entities"]] == ["burgum"]
    both = run("annotate", "--gazetteer", "mine.gaz", "--gazetteer", "world", "-", cwd=tmp_path, stdin=text)
    assert both.returncode == 0, both.stderr
    assert [(e["text"], e["label"]) for e in json.loads(both.stdout)["entities"]] == [("Doug Burgum", "PER"), ("Peru", "LOC")]


def test_gazetteer_folding_options(tmp_path: pathlib.Path) -> None:
    (tmp_path / "g.tsv").write_text("name\tlabel\tid\nBogotá\tLOC\tbog\n")
    text = b"We flew to BOGOTA and to bogota."
    plain = json.loads(run("annotate", "--gazetteer", "g.tsv", "-", cwd=tmp_path, stdin=text).stdout)
    assert plain["entities"] == []
    folded = run("annotate", "--gazetteer", "g.tsv", "--ignore-case", "--fold-accents", "-", cwd=tmp_path, stdin=text)
    assert [e["text"] for e in json.loads(folded.stdout)["entities"]] == ["BOGOTA", "bogota"]
    wrong = run("annotate", "--ignore-case", "-", cwd=tmp_path, stdin=text)
    assert wrong.returncode == 1 and "apply to --gazetteer list files" in wrong.stderr.decode()


def test_date_order_overlaps_name_rules_and_disable() -> None:
    text = b"date 2026-01-01\nTalks in New York on 03/05/2026."
    mdy = json.loads(run("annotate", "--date-order", "mdy", "-", stdin=text).stdout)
    dmy = json.loads(run("annotate", "--date-order", "dmy", "-", stdin=text).stdout)
    assert [t["value"] for t in mdy["timexes"]][-1] == "2026-03-05"
    assert [t["value"] for t in dmy["timexes"]][-1] == "2026-05-03"
    assert run("annotate", "--date-order", "ymd", "-", stdin=text).returncode == 2
    longest = json.loads(run("annotate", "-", stdin=text).stdout)
    every = json.loads(run("annotate", "--overlaps", "all", "--name-rules", "none", "-", stdin=text).stdout)
    assert len(every["entities"]) > len(longest["entities"])
    off = json.loads(run("annotate", "--disable", "entities,timexes", "-", stdin=text).stdout)
    assert off["entities"] == [] and off["timexes"] == [] and off["tokens"]
    bad = run("annotate", "--disable", "tokens", "-", stdin=text)
    assert bad.returncode == 2 and b"--disable takes some of entities,timexes, not tokens" in bad.stderr
