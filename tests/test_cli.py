"""The command line, run as a user would (subprocesses)."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest
from conftest import ROOT, finish

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
    r = run("annotate", "--gazetteer", str(gaz), "--reference-date", "2026-03-05", "-", stdin=b"Doug Burgum left on Sunday.")
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
    assert not out.exists() or out.read_text() == "", "nothing half-written"
    assert list(tmp_path.glob(".dateline-*")) == []


def test_console_script_is_installed() -> None:
    exe = pathlib.Path(sys.executable).parent / "dateline"
    r = subprocess.run([str(exe), "--version"], capture_output=True, timeout=60)
    assert r.returncode == 0
    assert r.stdout.decode().strip() == "dateline 0.1.0"


# -- formats, folders, errors, interruption, progress ------------------------

import os  # noqa: E402
import signal  # noqa: E402
import time  # noqa: E402

import dateline  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.csv as pacsv  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

DOCS = [
    ("a1", "Officials in Caracas said on Thursday that Venezuela’s talks would last two days.", "2026-03-05"),
    ("a2", "Señor Gómez flew to Bogotá — “a long trip” — in January, and to Lima every week.", "2026-03-05"),
    ("a3", "No names, no dates.", None),
    ("a4", "The U.S. and the UK met in Geneva on March 2, 2026 at 3 p.m.", "2020-01-01"),
]


def write_jsonl(path: pathlib.Path, docs=DOCS) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i, t, d in docs:
            fh.write(json.dumps({"id": i, "text": t, "date": d}, ensure_ascii=False) + "\n")


def test_jsonl_records_equal_doc_to_dict(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src)
    r = run("annotate", "-q", str(src))
    assert r.returncode == 0, r.stderr
    recs = [json.loads(x) for x in r.stdout.decode().splitlines()]
    nlp = dateline.Pipeline()
    for (name, text, date), rec in zip(DOCS, recs):
        want = json.loads(json.dumps({"doc": name, **nlp(text, reference_date=date or "detect").to_dict()}))
        assert rec == want


def test_tables_option_limits_jsonl_parts(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src)
    r = run("annotate", "-q", "--tables", "entities", str(src))
    rec = json.loads(r.stdout.decode().splitlines()[0])
    assert set(rec) == {"doc", "text", "reference_date", "document_type", "lang", "entities"}
    bad = run("annotate", "--tables", "entities,words", str(src))
    assert bad.returncode == 2 and b"--tables" in bad.stderr


def make_folder(tmp_path: pathlib.Path) -> pathlib.Path:
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    (d / "one.txt").write_text("date 2026-03-05\nRain in Lima on Thursday.", encoding="utf-8")
    write_jsonl(d / "sub" / "two.jsonl", DOCS[:2])
    with (d / "three.csv").open("w", encoding="utf-8", newline="") as fh:
        import csv

        w = csv.writer(fh)
        w.writerow(["id", "text", "date"])
        w.writerow(["c1", "Snow in Oslo,\nthen Bern, on Friday.", "2026-03-05"])
    pq.write_table(pa.table({"text": [DOCS[3][1]], "date": [DOCS[3][2]]}), d / "four.parquet")
    (d / ".hidden.txt").write_text("Paris", encoding="utf-8")
    return d


def test_folder_of_mixed_formats_to_csv_tables(tmp_path: pathlib.Path) -> None:
    d = make_folder(tmp_path)
    out = tmp_path / "out.csv"
    r = run("annotate", "-q", str(d), "-o", str(out))
    assert r.returncode == 0, r.stderr
    ents = pacsv.read_csv(tmp_path / "out.entities.csv").to_pylist()
    tx = pacsv.read_csv(tmp_path / "out.timexes.csv", convert_options=pacsv.ConvertOptions(strings_can_be_null=True)).to_pylist()
    docs = [e["doc"] for e in ents]
    # Files in sorted order, folders walked, hidden files skipped.
    assert docs[0] == str(d / "four.parquet") + ":1"
    assert "c1" in docs and str(d / "one.txt") in docs and "a1" in docs
    assert not any("hidden" in x for x in docs)
    oslo = [e for e in ents if e["text"] == "Oslo"][0]
    assert (oslo["doc"], oslo["start"], oslo["end"], oslo["label"]) == ("c1", 8, 12, "LOC")
    friday = [t for t in tx if t["doc"] == "c1"][0]
    assert (friday["text"], friday["value"], str(friday["begin"])) == ("Friday", "2026-02-27", "2026-02-27")


def test_parquet_output_equals_annotate(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src)
    out = tmp_path / "spans.parquet"
    r = run("annotate", "-q", str(src), "-o", str(out), "--tables", "entities,timexes,tokens", "--batch-size", "2")
    assert r.returncode == 0, r.stderr
    nlp = dateline.Pipeline()
    res = nlp.annotate([t for _, t, _ in DOCS], reference_dates=[d or "detect" for _, _, d in DOCS])
    names = [n for n, _, _ in DOCS]
    for t in ("entities", "timexes", "tokens"):
        got = pq.read_table(tmp_path / f"spans.{t}.parquet").to_pylist()
        want = res.table(t, "arrow").to_pylist()
        for w in want:
            w["doc"] = names[w["doc"]]
        assert got == want, t


def test_on_error_skip_reports_and_keeps_going(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"id": "ok1", "text": "Rain in Lima."}\n'
        b"{not json\n"
        b'{"id": "x", "body": "no text field"}\n'
        b'{"id": "d", "text": "Oslo", "date": "2026-02-30"}\n'
        b'{"id": "u", "text": "bad \xff byte"}\n'
        b'{"id": "ok2", "text": "Snow in Bern."}\n'
    )
    out = tmp_path / "out.jsonl"
    r = run("annotate", "--on-error", "skip", str(src), "-o", str(out), "--batch-size", "3")
    assert r.returncode == 0, r.stderr
    err = r.stderr.decode()
    for where in (":2: invalid JSON", ":3: field 'text' is missing", ":4:", ":5: not valid UTF-8"):
        assert f"skipped {src}{where}" in err, err
    assert "2026-02-30" in err and "4 skipped" in err
    assert [json.loads(x)["doc"] for x in out.read_text(encoding="utf-8").splitlines()] == ["ok1", "ok2"]

    stop = run("annotate", str(src), "-o", str(out))
    assert stop.returncode == 1
    assert f"{src}:2: invalid JSON" in stop.stderr.decode()
    # What came before the bad record is kept, complete.
    assert [json.loads(x)["doc"] for x in out.read_text(encoding="utf-8").splitlines()] == ["ok1"]


def test_jobs_do_not_change_output(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, DOCS * 40)
    one = run("annotate", "-q", "--jobs", "1", "--batch-size", "7", str(src))
    two = run("annotate", "-q", "--jobs", "2", "--batch-size", "64", str(src))
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == 160


def big_corpus(path: pathlib.Path, n: int) -> None:
    text = " ".join(t for _, t, _ in DOCS) * 20
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"d{i}", "text": text, "date": "2026-03-05"}, ensure_ascii=False) + "\n")
    # The CLI fsyncs its output before the rename; on ext4 that can wait for
    # every dirty page of the disk, here hundreds of MB of this corpus. Flush
    # them now so the stop is timed, not the disk.
    os.sync()


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_ctrl_c_keeps_complete_valid_output(tmp_path: pathlib.Path, fmt: str) -> None:
    src = tmp_path / "big.jsonl"
    big_corpus(src, 60000)  # ~400 MB of text would take minutes; we stop long before
    out = tmp_path / f"out.{fmt}"
    p = subprocess.Popen(
        [sys.executable, "-m", "dateline", "annotate", str(src), "-o", str(out), "--tables", "entities", "--batch-size", "64"],
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(tmp_path.glob(".dateline-*")):
        time.sleep(0.05)
    time.sleep(1.5)
    assert p.poll() is None, "finished before the interrupt; make the corpus bigger"
    sent = time.monotonic()
    p.send_signal(signal.SIGINT)
    err = finish(p, 60)
    assert time.monotonic() - sent < 10, "stops promptly"
    assert p.returncode == 130, err
    assert b"stopped (interrupted) after" in err
    assert list(tmp_path.glob(".dateline-*")) == []
    if fmt == "jsonl":
        lines = out.read_text(encoding="utf-8").splitlines()
        assert 0 < len(lines) < 60000
        assert [json.loads(x)["doc"] for x in lines] == [f"d{i}" for i in range(len(lines))]
    else:
        table = pq.read_table(out)
        docs = sorted(set(table.column("doc").to_pylist()), key=lambda s: int(s[1:]))
        assert 0 < len(docs) < 60000 and docs == [f"d{i}" for i in range(len(docs))]


def test_progress_on_a_terminal_only(tmp_path: pathlib.Path) -> None:
    import pty

    src = tmp_path / "in.jsonl"
    write_jsonl(src, DOCS * 2000)
    out = tmp_path / "out.jsonl"
    master, slave = pty.openpty()
    p = subprocess.Popen(
        [sys.executable, "-m", "dateline", "annotate", str(src), "-o", str(out), "--batch-size", "100"],
        stderr=slave,
        stdout=subprocess.DEVNULL,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    p.wait(timeout=120)
    os.close(master)
    shown = b"".join(chunks).decode()
    assert p.returncode == 0
    assert "\r" in shown and "docs/s" in shown and "MB/s" in shown
    assert "8,000 documents" in shown
    piped = run("annotate", str(src), "-o", str(out))
    text = piped.stderr.decode()
    assert "\r" not in text and "8,000 documents" in text
    quiet = run("annotate", "-q", str(src), "-o", str(out))
    assert quiet.stderr == b""


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def test_memory_stays_bounded_on_a_large_stream(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "big.jsonl"
    big_corpus(src, 12000)  # ~80 MB
    size = src.stat().st_size
    assert size > 60e6
    # Polled from outside: a child's own ru_maxrss counts its parent's pages
    # from before exec.
    p = subprocess.Popen(
        [sys.executable, "-m", "dateline", "annotate", "-q", str(src), "-o", str(tmp_path / "o.csv"), "--tables", "entities"]
    )
    peak = 0.0
    while p.poll() is None:
        try:
            peak = max(peak, rss_mb(p.pid))
        except OSError:
            break
        time.sleep(0.02)
    assert p.wait(timeout=600) == 0
    # Interpreter + numpy/pyarrow imports ≈ 70 MB; the corpus is never held whole.
    assert 0 < peak < 200, peak


# -- document types, ranges, explanations -------------------------------------


def test_document_type_option_and_field(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    recs = [
        {"id": "m", "text": "He left yesterday.", "date": "2026-03-05", "kind": "colloquial"},
        {"id": "n", "text": "He left yesterday.", "date": "2026-03-05", "kind": ""},
        {"id": "o", "text": "He left yesterday.", "date": "2026-03-05"},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    r = run("annotate", "-q", "--document-type", "news", "--document-type-field", "kind", str(src))
    assert r.returncode == 0, r.stderr
    got = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert [(g["doc"], g["document_type"]) for g in got] == [("m", "colloquial"), ("n", "news"), ("o", "news")]
    assert [g["timexes"][0]["value"] for g in got] == ["2026-03-04"] * 3
    # The default field name is document_type; CSV columns work the same way.
    csv_src = tmp_path / "in.csv"
    csv_src.write_text("id,text,date,document_type\nc,He left yesterday.,2026-03-05,narrative\n", encoding="utf-8")
    r = run("annotate", "-q", str(csv_src), "-o", str(tmp_path / "out.csv"), "--tables", "timexes")
    assert r.returncode == 0, r.stderr
    rows = pacsv.read_csv(tmp_path / "out.csv").to_pylist()
    assert [(x["doc"], x["document_type"], x["text"]) for x in rows] == [("c", "narrative", "yesterday")]
    bad = run("annotate", "--document-type", "blog", str(src))
    assert bad.returncode == 2 and b"invalid choice: 'blog'" in bad.stderr


def test_unknown_document_type_in_a_record_is_a_bad_record(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "Rain in Lima."}\n{"id": "b", "text": "x", "document_type": "blog"}\n'
        '{"id": "c", "text": "Oslo.", "document_type": 7}\n{"id": "d", "text": "Snow in Bern."}\n',
        encoding="utf-8",
    )
    r = run("annotate", "--on-error", "skip", str(src))
    assert r.returncode == 0, r.stderr
    assert [json.loads(x)["doc"] for x in r.stdout.decode().splitlines()] == ["a", "d"]
    err = r.stderr.decode()
    assert f"skipped {src}:2: unknown document type \"blog\"; expected 'news', 'narrative', 'colloquial' or 'auto'" in err
    assert f"skipped {src}:3: document type must be a str or None, not int" in err
    stop = run("annotate", str(src))
    assert stop.returncode == 1 and f"{src}:2: unknown document type" in stop.stderr.decode()


def test_ranges_part_and_table(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "r", "text": "Talks ran from March 2 to March 6.", "date": "2026-03-05"}) + "\n")
    r = run("annotate", "-q", "--tables", "ranges", str(src))
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout)
    assert set(rec) == {"doc", "text", "reference_date", "document_type", "lang", "ranges"}
    assert rec["ranges"] == [
        {
            "start": 10, "end": 33, "text": "from March 2 to March 6", "sentence": 0, "value": "2026-03-02/2026-03-06",
            "begin_index": 0, "end_index": 1, "interval": ["2026-03-02", "2026-03-07"], "rule": "from-to",
        }
    ]
    out = tmp_path / "spans.parquet"
    r = run("annotate", "-q", str(src), "-o", str(out), "--tables", "timexes,ranges")
    assert r.returncode == 0, r.stderr
    ranges = pq.read_table(tmp_path / "spans.ranges.parquet").to_pylist()
    assert [(x["doc"], x["text"], x["begin_index"], x["end_index"], x["value"]) for x in ranges] == [
        ("r", "from March 2 to March 6", 0, 1, "2026-03-02/2026-03-06")
    ]
    open_src = tmp_path / "open.jsonl"
    open_src.write_text(json.dumps({"id": "s", "text": "Shut since March 2.", "date": "2026-03-05"}) + "\n")
    r = run("annotate", "-q", str(open_src), "-o", str(tmp_path / "r.csv"), "--tables", "ranges")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "r.csv").read_text().splitlines() == [
        "doc,start,end,text,begin_index,end_index,begin,end_date,value,rule,sentence",
        "s,5,18,since March 2,0,,2026-03-02,2026-03-06,2026-03-02/2026-03-05,since,0",
    ]


def test_explain_adds_explanations_to_json_lines(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src)
    r = run("annotate", "-q", "--explain", str(src))
    assert r.returncode == 0, r.stderr
    recs = [json.loads(x) for x in r.stdout.decode().splitlines()]
    nlp = dateline.Pipeline()
    for (name, text, date), rec in zip(DOCS, recs):
        want = json.loads(json.dumps({"doc": name, **nlp(text, reference_date=date or "detect").to_dict(explain=True)}))
        assert rec == want
    assert recs[0]["timexes"][0]["explanation"]["anchor"] == "reference"
    bad = run("annotate", "--explain", str(src), "-o", str(tmp_path / "x.csv"))
    assert bad.returncode == 2 and b"--explain is for JSONL output" in bad.stderr


def test_languages_from_option_and_field(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "text": "Ayer llegó el presidente.", "date": "2026-03-05", "language": "es"},
        {"id": "b", "text": "Gestern kam er.", "date": "2026-03-05", "language": "zz"},
        {"id": "c", "text": "He left yesterday.", "date": "2026-03-05"},
    ]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    r = run("annotate", "-q", "--tables", "timexes", "--lang-field", "language", "--on-error", "skip", str(src))
    assert r.returncode == 0, r.stderr
    recs = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [(x["doc"], x["lang"]) for x in recs] == [("a", "es"), ("c", "en")]
    assert recs[0]["timexes"][0]["value"] == "2026-03-04"
    assert 'unknown language "zz"' in r.stderr.decode()
    bad = run("annotate", "-q", "--lang", "xx", str(src))
    assert bad.returncode != 0 and 'unknown language "xx"' in bad.stderr.decode()
    de = run("annotate", "-q", "--tables", "timexes", "--lang", "de", str(src))
    assert de.returncode == 0, de.stderr
    assert [json.loads(line)["lang"] for line in de.stdout.decode().splitlines()] == ["de", "de", "de"]


def test_too_many_jobs_is_named_as_the_option(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Rain in Lima on Thursday.")
    r = run("annotate", "--jobs", "100000", str(src))
    err = r.stderr.decode()
    assert r.returncode == 2 and "--jobs must be at most" in err and "n_threads" not in err, err
