"""The command line's output targets: stdout, files, devices, FIFOs, links,
directories; file modes; write errors; stops by signal."""

from __future__ import annotations

import errno
import json
import os
import pathlib
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from conftest import finish
from dateline import cli

DOC = '{"id": "a", "text": "Rain in Lima on Monday.", "date": "2026-03-05"}\n'


def run(*args: str, cwd: pathlib.Path | None = None, **kw) -> subprocess.CompletedProcess[bytes]:
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "dateline", *args], timeout=120, cwd=cwd, **kw)


def one_line_error(r: subprocess.CompletedProcess[bytes], *words: str) -> str:
    err = r.stderr.decode()
    assert r.returncode == 1, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dateline: error: "), err
    for w in words:
        assert w in lines[0], err
    return lines[0]


def test_dash_output_is_stdout(tmp_path: pathlib.Path) -> None:
    (tmp_path / "in.jsonl").write_text(DOC)
    r = run("annotate", "-q", "in.jsonl", "-o", "-", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["doc"] == "a"
    assert not (tmp_path / "-").exists()


def test_unknown_output_extension_is_an_error(tmp_path: pathlib.Path) -> None:
    (tmp_path / "in.jsonl").write_text(DOC)
    r = run("annotate", "in.jsonl", "-o", "out.xlsx", cwd=tmp_path)
    line = one_line_error(r, "out.xlsx", "'.xlsx'", ".jsonl", ".csv", ".parquet", "--output-format")
    assert "Traceback" not in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
    forced = run("annotate", "-q", "in.jsonl", "-o", "out.xlsx", "--output-format", "jsonl", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert json.loads((tmp_path / "out.xlsx").read_text())["doc"] == "a"
    bare = run("annotate", "-q", "in.jsonl", "-o", "out", cwd=tmp_path)  # no extension: JSONL
    assert bare.returncode == 0 and json.loads((tmp_path / "out").read_text())["doc"] == "a"


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_output_files_honour_the_umask(tmp_path: pathlib.Path, umask: int) -> None:
    (tmp_path / "in.jsonl").write_text(DOC)
    for out in ("o.jsonl", "o.csv", "o.parquet"):
        r = run("annotate", "-q", "in.jsonl", "-o", out, cwd=tmp_path, umask=umask)
        assert r.returncode == 0, r.stderr
        for f in tmp_path.glob(out.replace(".", "*.")):
            assert stat.S_IMODE(f.stat().st_mode) == 0o666 & ~umask, (f, oct(f.stat().st_mode))
    # An existing file keeps its mode, as open() would keep it.
    keep = tmp_path / "keep.jsonl"
    keep.write_text("")
    keep.chmod(0o640)
    assert run("annotate", "-q", "in.jsonl", "-o", "keep.jsonl", cwd=tmp_path, umask=umask).returncode == 0
    assert stat.S_IMODE(keep.stat().st_mode) == 0o640 and keep.read_text()


def test_disk_full_leaves_no_output_and_one_line(tmp_path: pathlib.Path, monkeypatch, capsys) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(DOC * 3000)
    out = tmp_path / "out.jsonl"
    out.write_text("the old complete file\n")
    real_write = os.write
    written = {"n": 0}

    def write(fd: int, data) -> int:  # a disk that fills up after 100 kB of output
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            target = ""
        if ".dateline-" in target:
            if written["n"] > 100_000:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            written["n"] += len(data)
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    code = cli.main(["annotate", "-q", "--jobs", "1", "--batch-size", "50", str(src), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip().splitlines() == [f"dateline: error: writing {out}: No space left on device"], err
    assert out.read_text() == "the old complete file\n", "the final name only holds a complete file"
    assert list(tmp_path.glob(".dateline-*")) == []


def test_write_error_in_a_subprocess_is_one_line(tmp_path: pathlib.Path) -> None:
    """A real kernel write error (the file size limit: EFBIG), with parallel writing."""
    import resource

    src = tmp_path / "in.jsonl"
    src.write_text(DOC * 3000)

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, 10_000))

    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"out.{fmt}"
        r = subprocess.run(
            [sys.executable, "-m", "dateline", "annotate", "-q", "in.jsonl", "-o", out.name, "--tables", "tokens"],
            cwd=tmp_path, capture_output=True, timeout=120, preexec_fn=limit,
        )
        one_line_error(r, f"writing {out.name}", "File too large")
        assert not out.exists() and list(tmp_path.glob(".dateline-*")) == []


def test_stdout_full_or_closed_is_one_line(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(DOC * 50)
    with open("/dev/full", "wb") as full:
        r = run("annotate", "-q", str(src), stdout=full)
    one_line_error(r, "stdout", "No space left on device")
    closed = subprocess.run(
        [sys.executable, "-m", "dateline", "annotate", "-q", str(src)],
        stderr=subprocess.PIPE, timeout=120, preexec_fn=lambda: os.close(1),
    )
    one_line_error(closed, "stdout is closed")


def null_device(tmp_path: pathlib.Path) -> pathlib.Path:
    """A null device to write to: as root a private one (a regression must
    never replace the machine's /dev/null), else /dev/null itself."""
    if os.geteuid() != 0:
        return pathlib.Path("/dev/null")
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return node


def test_devices_and_fifos_are_written_directly(tmp_path: pathlib.Path) -> None:
    (tmp_path / "in.jsonl").write_text(DOC)
    null = null_device(tmp_path)
    r = run("annotate", "-q", "in.jsonl", "-o", str(null), "--output-format", "parquet", "--tables", "entities", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISCHR(os.stat(null).st_mode)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    r = run("annotate", "-q", "in.jsonl", "-o", "fifo", cwd=tmp_path)
    reader.join(timeout=60)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode), "the FIFO is not replaced by a file"
    assert json.loads(got[0])["doc"] == "a"
    assert list(tmp_path.glob(".dateline-*")) == []


def test_a_link_as_output_keeps_pointing_at_its_file(tmp_path: pathlib.Path) -> None:
    (tmp_path / "in.jsonl").write_text(DOC)
    (tmp_path / "real.jsonl").write_text("")
    (tmp_path / "link.jsonl").symlink_to("real.jsonl")
    assert run("annotate", "-q", "in.jsonl", "-o", "link.jsonl", cwd=tmp_path).returncode == 0
    assert (tmp_path / "link.jsonl").is_symlink()
    assert json.loads((tmp_path / "real.jsonl").read_text())["doc"] == "a"


def test_output_directory_or_missing_directory_is_an_error_before_reading(tmp_path: pathlib.Path) -> None:
    (tmp_path / "adir").mkdir()
    # stdin is never read: the run stops before it (a read would hang on this pipe held open)
    rfd, wfd = os.pipe()
    try:
        r = run("annotate", "-", "-o", "adir", cwd=tmp_path, stdin=rfd)
    finally:
        os.close(rfd)
        os.close(wfd)
    one_line_error(r, "adir", "is a directory")
    for fmt in ("jsonl", "csv", "parquet"):
        r = run("annotate", "missing.txt", "-o", f"nodir/x.{fmt}", cwd=tmp_path)
        one_line_error(r, f"nodir/x.{fmt}", "no such directory nodir")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adir"]


# -- stops by signal: every table valid, all tables over the same documents ----


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    path = tmp_path_factory.mktemp("big") / "big.jsonl"
    text = "Officials in Caracas said on Thursday that talks in Geneva would last two days. " * 12
    with path.open("w", encoding="utf-8") as fh:
        for i in range(60000):
            fh.write(json.dumps({"id": f"d{i}", "text": text, "date": "2026-03-05"}) + "\n")
    os.sync()  # the CLI's fsync would otherwise wait for this file's dirty pages too
    return path


def _feed(fifo: pathlib.Path, stop: threading.Event) -> None:
    """Writes documents d0, d1, ... into `fifo` until the reader goes away:
    an endless input, so a stop never comes after the end however fast the
    machine is."""
    text = "Officials in Caracas said on Thursday that talks in Geneva would last two days. " * 12
    try:
        with fifo.open("w", encoding="utf-8") as fh:
            i = 0
            while not stop.is_set():
                fh.write("".join(json.dumps({"id": f"d{k}", "text": text, "date": "2026-03-05"}) + "\n" for k in range(i, i + 64)))
                i += 64
    except (BrokenPipeError, OSError):
        pass


def _interrupt(big: pathlib.Path, tmp_path: pathlib.Path, out: str, delay: float, sig: int, jobs: str = "1") -> tuple[int, str]:
    fifo = tmp_path / "in.jsonl"
    if fifo.exists():
        fifo.unlink()
    os.mkfifo(fifo)
    stop = threading.Event()
    feeder = threading.Thread(target=_feed, args=(fifo, stop), daemon=True)
    feeder.start()
    p = subprocess.Popen(
        [sys.executable, "-m", "dateline", "annotate", "in.jsonl", "-o", out, "--jobs", jobs, "--batch-size", "32"],
        cwd=tmp_path, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(tmp_path.glob(".dateline-*")):
        time.sleep(0.01)
    time.sleep(delay)
    assert p.poll() is None, "finished before the signal"
    p.send_signal(sig)
    try:
        err = finish(p, 60)
    finally:
        stop.set()
        feeder.join(timeout=10)
    return p.returncode, err.decode()


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
@pytest.mark.parametrize("delay", [0.0, 0.3, 0.8, 1.7])
def test_interrupted_tables_are_valid_and_in_lockstep(big: pathlib.Path, tmp_path: pathlib.Path, fmt: str, delay: float) -> None:
    code, err = _interrupt(big, tmp_path, f"out.{fmt}", delay, signal.SIGINT)
    assert code == 130, err
    assert "Traceback" not in err
    assert f"kept in out.entities.{fmt}, out.timexes.{fmt}" in err, err
    n = int(err.split("stopped (interrupted) after ")[1].split(" documents")[0].replace(",", ""))
    assert list(tmp_path.glob(".dateline-*")) == []
    for t in ("entities", "timexes"):
        path = tmp_path / f"out.{t}.{fmt}"
        table = pq.read_table(path) if fmt == "parquet" else pacsv.read_csv(path)  # a Parquet file has its footer
        docs = sorted(set(table.column("doc").to_pylist()), key=lambda s: int(s[1:]))
        assert docs == [f"d{i}" for i in range(n)], (t, len(docs), n)  # every document has entities and timexes


def test_a_stop_is_only_raised_while_waiting_for_input_and_never_lost() -> None:
    """The handler raises at once only inside `waiting()`; elsewhere (an import,
    a finalizer, a write) it records the signal and the next check raises. A
    KeyboardInterrupt swallowed where it was raised (Python ignores one raised
    in a finalizer) does not lose the stop."""
    def installed() -> cli.Signals:
        s = cli.Signals()
        s.install()
        return s

    s = installed()
    try:
        signal.raise_signal(signal.SIGINT)  # outside a wait: recorded, nothing raised
        assert s.received == signal.SIGINT
        with pytest.raises(KeyboardInterrupt):
            s.check()
        with pytest.raises(KeyboardInterrupt):
            s.check()  # again: the run has not begun to stop
        s.restore()

        s = installed()
        with s.waiting(), pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGTERM)  # waiting for input: at once
        s.restore()

        s = installed()
        with s.waiting():
            try:
                signal.raise_signal(signal.SIGINT)
            except KeyboardInterrupt:
                pass  # swallowed, as in a finalizer
        with pytest.raises(KeyboardInterrupt):
            s.check()
        s.stopping = True  # closing the outputs: later signals change nothing
        with s.waiting():
            signal.raise_signal(signal.SIGINT)
        s.check()
    finally:
        s.restore()


def test_a_stop_is_seen_while_the_input_is_slow_to_come() -> None:
    """With a reader thread (--jobs > 1) the main thread's wait for the next
    batch looks for a stop ten times a second."""
    release = threading.Event()

    def slow() -> Iterator[int]:
        yield 1
        release.wait(60)  # an input that does not come
        yield 2

    calls = []

    def check() -> None:
        calls.append(time.monotonic())
        if len(calls) >= 3:
            raise KeyboardInterrupt

    got = []
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        for item in cli._prefetch(slow(), check):
            got.append(item)
    release.set()
    assert got == [1] and len(calls) == 3 and time.monotonic() - start < 5


def test_sigterm_is_handled_like_ctrl_c(big: pathlib.Path, tmp_path: pathlib.Path) -> None:
    for jobs in ("1", "2"):
        code, err = _interrupt(big, tmp_path, "out.parquet", 1.5, signal.SIGTERM, jobs)
        assert code == 143, err
        assert "stopped (interrupted) after" in err and "Traceback" not in err
        assert list(tmp_path.glob(".dateline-*")) == [], "no .part file left"
        n = int(err.split("stopped (interrupted) after ")[1].split(" documents")[0].replace(",", ""))
        assert len(set(pq.read_table(tmp_path / "out.entities.parquet").column("doc").to_pylist())) == n


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_interrupt_at_random_points_for_every_format_and_jobs(big: pathlib.Path, tmp_path: pathlib.Path, fmt: str, jobs: str) -> None:
    """A stop at a random moment (seeded, so a failure can be replayed) keeps a
    complete output for every format and --jobs value: JSON lines whole and
    in order, tables valid and covering the same documents."""
    import random

    delay = random.Random(f"{fmt}-{jobs}").uniform(0.0, 1.5)
    code, err = _interrupt(big, tmp_path, f"out.{fmt}", delay, signal.SIGINT, jobs)
    assert code == 130 and "Traceback" not in err, (delay, err)
    n = int(err.split("stopped (interrupted) after ")[1].split(" documents")[0].replace(",", ""))
    assert list(tmp_path.glob(".dateline-*")) == []
    if fmt == "jsonl":
        docs = [json.loads(line)["doc"] for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
        assert docs == [f"d{i}" for i in range(n)], (delay, len(docs), n)
        return
    for t in ("entities", "timexes"):
        path = tmp_path / f"out.{t}.{fmt}"
        table = pq.read_table(path) if fmt == "parquet" else pacsv.read_csv(path)
        docs = sorted(set(table.column("doc").to_pylist()), key=lambda s: int(s[1:]))
        assert docs == [f"d{i}" for i in range(n)], (delay, t, len(docs), n)


def test_json_lines_carry_a_contractions_words(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "Vuelve del sur al norte."}) + "\n")
    r = run("annotate", "-q", str(src), "--lang", "es", "--tables", "tokens", "-o", str(tmp_path / "out.jsonl"))
    assert r.returncode == 0, r.stderr
    (rec,) = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    words = {t["text"]: t.get("words") for t in rec["tokens"]}
    assert words == {"Vuelve": None, "del": ["de", "el"], "sur": None, "al": ["a", "el"], "norte": None, ".": None}
