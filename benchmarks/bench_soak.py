"""Soak run: a big JSONL stream through ``dateline annotate`` (the CLI,
writing JSONL to a file) and through ``Pipeline.annotate`` in chunks, each in
its own process, watching its memory as the documents go by.

    python benchmarks/bench_soak.py [--gb 2] [--only cli,annotate] [--jobs N]

The corpus is generated from the news in ``../shared/data`` (as
``bench_corpus.py`` does: TimeBank and AQUAINT texts with their dates,
CoNLL-2003 articles, the seed article), cycled to ``--gb`` GB of text. For
each run it reports documents/s, MB/s (of text), the peak resident size
(VmHWM of the child) and the resident size (VmRSS) after 10k, 100k, 500k
and 1M documents and at the end: memory that keeps growing with the
documents is a leak. The CLI's progress is read off its output file (one
line per document; with every table, the default, the output is about 15
times the text: mind the disk); ``Pipeline.annotate`` reports after each
chunk.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
MILESTONES = (10_000, 100_000, 500_000, 1_000_000)


def proc_mb(pid: int, key: str) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT / "python") + os.pathsep + e.get("PYTHONPATH", "")
    return e


class Lines:
    """Counts the lines written so far to the CLI's output (its temporary
    file while it runs, the final file after)."""

    def __init__(self, out: pathlib.Path) -> None:
        self.out = out
        self.path: str | None = None
        self.pos = 0
        self.n = 0

    def count(self) -> int:
        if self.path is None or not os.path.exists(self.path):
            parts = glob.glob(str(self.out.parent / ".dateline-*.part")) + glob.glob(str(self.out) + "*")
            if not parts:
                return self.n
            if self.path is not None:  # renamed: count the final file from where we were
                parts = [str(self.out)] if self.out.exists() else parts
            self.path = parts[0]
        try:
            with open(self.path, "rb") as fh:
                fh.seek(self.pos)
                while chunk := fh.read(1 << 24):
                    self.n += chunk.count(b"\n")
                    self.pos += len(chunk)
        except OSError:
            pass
        return self.n


def run_cli(corpus: pathlib.Path, tmp: pathlib.Path, jobs: int | None, every: float, tables: str | None) -> dict:
    out = tmp / "out.jsonl"
    cmd = [sys.executable, "-m", "dateline", "annotate", str(corpus), "-o", str(out), "-q", "--date-field", "date"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    if tables:
        cmd += ["--tables", tables]
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env(), stderr=subprocess.PIPE, text=True)
    lines = Lines(out)
    rss_at: dict[int, float] = {}
    peak = 0.0
    samples = []
    while p.poll() is None:
        time.sleep(every)
        rss = proc_mb(p.pid, "VmRSS")
        hwm = proc_mb(p.pid, "VmHWM")
        if rss is None:
            break
        peak = max(peak, hwm or 0.0)
        n = lines.count()
        samples.append((time.perf_counter() - t0, n, rss))
        for m in MILESTONES:
            if n >= m and m not in rss_at:
                rss_at[m] = rss
    err = p.stderr.read() if p.stderr else ""
    p.wait()
    secs = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"dateline annotate failed ({p.returncode}):\n{err}")
    n = lines.count()
    out.unlink()
    return {"docs": n, "secs": secs, "peak_mb": peak, "rss_at": rss_at, "rss_end": samples[-1][2] if samples else None}


def annotate_worker(corpus: str, chunk: int, jobs: int | None) -> None:
    """Runs in the child: reads the corpus in chunks, annotates each, and
    prints a JSON line of progress after each."""
    import dateline

    nlp = dateline.Pipeline()
    n = 0
    t0 = time.perf_counter()

    def report(texts: list[str], dates: list[str]) -> None:
        nonlocal n
        ann = nlp.annotate(texts, reference_dates=dates, n_threads=jobs)
        rows = len(ann.entities("numpy")["start"]) + len(ann.timexes("numpy")["start"])
        n += len(texts)
        print(
            json.dumps(
                {
                    "docs": n,
                    "rows": rows,
                    "secs": time.perf_counter() - t0,
                    "rss": proc_mb(os.getpid(), "VmRSS"),
                    "hwm": proc_mb(os.getpid(), "VmHWM"),
                }
            ),
            flush=True,
        )

    texts: list[str] = []
    dates: list[str] = []
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            texts.append(d["text"])
            dates.append(d["date"])
            if len(texts) == chunk:
                report(texts, dates)
                texts, dates = [], []
    if texts:
        report(texts, dates)


def run_annotate(corpus: pathlib.Path, chunk: int, jobs: int | None) -> dict:
    cmd = [sys.executable, __file__, "--worker", str(corpus), "--chunk", str(chunk)]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env(), stdout=subprocess.PIPE, text=True)
    rss_at: dict[int, float] = {}
    last: dict = {}
    assert p.stdout is not None
    for line in p.stdout:
        last = json.loads(line)
        for m in MILESTONES:
            if last["docs"] >= m and m not in rss_at:
                rss_at[m] = last["rss"]
    if p.wait() != 0:
        raise SystemExit("the Pipeline.annotate worker failed")
    return {
        "docs": last.get("docs", 0),
        "secs": time.perf_counter() - t0,
        "peak_mb": last.get("hwm", 0.0),
        "rss_at": rss_at,
        "rss_end": last.get("rss"),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--gb", type=float, default=2.0, help="GB of text to stream (default 2)")
    ap.add_argument("--only", default="cli,annotate", help="comma-separated: cli, annotate")
    ap.add_argument("--jobs", type=int, default=None, help="threads (default: all cores)")
    ap.add_argument("--chunk", type=int, default=10_000, help="documents per Pipeline.annotate call")
    ap.add_argument("--every", type=float, default=1.0, help="seconds between samples of the CLI")
    ap.add_argument(
        "--tables",
        default=None,
        help="the CLI's --tables (default: its own, every table; tokens make the output ~15x the text)",
    )
    ap.add_argument("--corpus", default=None, help="an existing corpus JSONL (id, text, date) to use")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        annotate_worker(args.worker, args.chunk, args.jobs)
        return 0
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_corpus import make_corpus

    with tempfile.TemporaryDirectory(prefix="dateline-soak-") as d:
        tmp = pathlib.Path(d)
        if args.corpus:
            corpus = pathlib.Path(args.corpus)
            size = os.path.getsize(corpus)
            n = sum(1 for _ in open(corpus, "rb"))
        else:
            corpus = tmp / "corpus.jsonl"
            t = time.perf_counter()
            n, size = make_corpus(pathlib.Path(args.shared), args.gb * 1000, corpus)
            print(
                f"corpus: {n:,} documents, {size / 1e6:,.0f} MB of text "
                f"({os.path.getsize(corpus) / 1e6:,.0f} MB of JSONL), made in {time.perf_counter() - t:.0f}s"
            )
        runs = {
            "cli": lambda: run_cli(corpus, tmp, args.jobs, args.every, args.tables),
            "annotate": lambda: run_annotate(corpus, args.chunk, args.jobs),
        }
        head = "".join(f"{'RSS@' + (f'{m // 1000}k' if m < 10**6 else f'{m // 10**6}M'):>9}" for m in MILESTONES)
        print(f"{'run':9} {'docs':>10} {'secs':>7} {'docs/s':>8} {'MB/s':>6} {'peak MB':>8}{head} {'RSS end':>8}")
        for name in args.only.split(","):
            r = runs[name]()
            rss = "".join(f"{r['rss_at'][m]:9.0f}" if m in r["rss_at"] else f"{'-':>9}" for m in MILESTONES)
            print(
                f"{name:9} {r['docs']:>10,} {r['secs']:7.0f} {r['docs'] / r['secs']:8.0f} "
                f"{size / 1e6 * r['docs'] / max(n, 1) / r['secs']:6.1f} {r['peak_mb']:8.0f}{rss} "
                f"{r['rss_end'] or 0:8.0f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
