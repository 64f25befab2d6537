"""Parallel scaling of the three batch paths, and how long each holds the GIL.

    pip install blingfire spacy        # optional peers (no model is downloaded)
    python benchmarks/bench_parallel.py [--mb 8] [--repeats 5] [--threads 2]

The text is the news that ``bench_corpus.py`` generates (TimeBank and AQUAINT,
CoNLL-2003 train and dev articles, the seed article), cycled to ``--mb`` MB:
documents of ordinary size. Measured, interleaved in one run (every
repetition runs each measurement once, in turn, so a noisy neighbour hits
them all alike), wall clock, median of ``--repeats``; a measurement shorter
than 0.4 s is made of as many passes over the text as bring it to about
0.4 s, and its figures are per pass:

- ``annotate``: ``nlp.annotate(texts, n_threads=k).entities("arrow")``
- ``offsets``: ``nlp.offsets(texts, n_threads=k)``, and the same text in
  1 MB calls (``offsets-1mb``)
- ``pipe``: ``nlp.pipe(texts, n_threads=k)`` reading every token of every
  Doc as an object (``[t.text for t in doc.tokens]``); ``pipe-tok`` is the
  same with ``disable=["entities", "timexes"]`` (each document's reference
  date and language are still found), ``pipe-bare`` with a tokenizer and
  nothing else (also ``reference_date=None, lang="en"``), as the peers are.

each at 1 thread and at ``--threads``; peers on one thread: blingfire's
``text_to_words(t).split()`` and spaCy's blank English tokenizer
(``[t.text for t in nlp.make_doc(t)]``, on an eighth of the text: MB/s are
per each one's own input), when installed.

CPU time is recorded too (a busy machine disturbs it far less than wall
time): the calling thread's CPU time at k threads is the serial part, from
which the speed-up on k idle cores is bounded.

The GIL share is measured apart from the timings: a probe thread counts
loop turns while a 1-thread run goes on, against its count alone; the share
of the run's wall time in which the probe could not run is the time the path
held the GIL (Python code included: for ``pipe`` the loop over the tokens is
part of the path). The probe needs a core of its own: on a busy machine it
also counts the time it waited for a CPU, and the CPU accounting above is
the better measure.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable

ROOT = pathlib.Path(__file__).resolve().parent.parent
MIN_RUN = 0.4  # seconds: the least a timed run lasts (see `passes`)
sys.path.insert(0, str(ROOT / "benchmarks"))


def load_texts(shared: pathlib.Path, mb: float) -> list[str]:
    from bench_corpus import make_corpus  # type: ignore[import-not-found]

    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        path = pathlib.Path(tmp) / "corpus.jsonl"
        make_corpus(shared, mb, path)
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line)["text"] for line in fh]


def probe_rate(seconds: float = 0.3) -> float:
    """Loop turns per second of the probe thread's loop, alone."""
    n = 0
    t0 = time.perf_counter()
    end = t0 + seconds
    while True:
        for _ in range(1000):
            n += 1
        if time.perf_counter() >= end:
            break
    return n / (time.perf_counter() - t0)


def gil_share(run: Callable[[], object], alone: float) -> float:
    """The share of ``run()``'s wall time in which another Python thread
    could not run."""
    count = 0
    stop = threading.Event()

    def probe() -> None:
        nonlocal count
        while not stop.is_set():
            for _ in range(1000):
                count += 1

    th = threading.Thread(target=probe)
    th.start()
    try:
        time.sleep(0.01)
        before = count
        t0 = time.perf_counter()
        run()
        wall = time.perf_counter() - t0
        turns = count - before
    finally:
        stop.set()
        th.join()
    return max(0.0, 1.0 - turns / (alone * wall))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--mb", type=float, default=8.0)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--only", default=None, help="comma-separated paths (annotate,offsets,pipe,pipe-tok,pipe-bare,peers)")
    args = ap.parse_args()
    import dateline

    texts = load_texts(pathlib.Path(args.shared), args.mb)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    nlp = dateline.Pipeline()
    # Tokens only (the reference date and the language are still found in
    # each document), and a tokenizer and nothing else, as blingfire and
    # spaCy's blank pipeline are.
    tok_nlp = dateline.Pipeline(disable=["entities", "timexes"])
    bare_nlp = dateline.Pipeline(disable=["entities", "timexes"], reference_date=None, lang="en")
    nlp.annotate(texts[:20]).entities("arrow")  # pyarrow's first-use setup, not timed

    def pipe_tokens(p: dateline.Pipeline, k: int) -> Callable[[], int]:
        def run() -> int:
            n = 0
            for doc in p.pipe(texts, n_threads=k):
                n += len([t.text for t in doc.tokens])
            return n

        return run

    def offsets_in_calls(k: int | None, per_call_mb: float) -> Callable[[], None]:
        calls: list[list[str]] = [[]]
        size = 0
        for t in texts:
            calls[-1].append(t)
            size += len(t)
            if size >= per_call_mb * 1e6:
                calls.append([])
                size = 0

        def run() -> None:
            for c in calls:
                if c:
                    nlp.offsets(c, n_threads=k)

        return run

    keep = set(args.only.split(",")) if args.only else None
    runs: dict[str, Callable[[], object]] = {}
    sizes: dict[str, float] = {}  # MB of text of a run, when not all of it
    for k in (1, args.threads):
        if keep is None or "annotate" in keep:
            runs[f"annotate/{k}"] = lambda k=k: nlp.annotate(texts, n_threads=k).entities("arrow")
        if keep is None or "offsets" in keep:
            runs[f"offsets/{k}"] = lambda k=k: nlp.offsets(texts, n_threads=k)
        if keep is None or "pipe" in keep:
            runs[f"pipe/{k}"] = pipe_tokens(nlp, k)
        if keep is None or "pipe-tok" in keep:
            runs[f"pipe-tok/{k}"] = pipe_tokens(tok_nlp, k)
        if keep is None or "pipe-bare" in keep:
            runs[f"pipe-bare/{k}"] = pipe_tokens(bare_nlp, k)
    if keep is None or "offsets" in keep:
        runs[f"offsets-1mb/{args.threads}"] = offsets_in_calls(args.threads, 1.0)
    if keep is None or "peers" in keep:
        try:
            from blingfire import text_to_words

            runs["blingfire/1"] = lambda: [text_to_words(t).split() for t in texts]
        except ImportError as e:
            print(f"skip blingfire: {e}", file=sys.stderr)
        try:
            import spacy

            blank = spacy.blank("en")
            few = texts[: len(texts) // 8]  # it is about 10x slower: an eighth of the text
            sizes["spacy-blank/1"] = sum(len(t.encode("utf-8")) for t in few) / 1e6
            runs["spacy-blank/1"] = lambda: [[t.text for t in blank.make_doc(t)] for t in few]
        except ImportError as e:
            print(f"skip spacy: {e}", file=sys.stderr)

    times: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}  # CPU seconds of the process
    main_cpu: dict[str, list[float]] = {name: [] for name in runs}  # CPU seconds of this thread
    # A path that takes less than MIN_RUN seconds goes round several times
    # in each timed run (the figures are per pass): a 50 ms run is mostly
    # noise on a machine that is not idle.
    passes: dict[str, int] = {}
    for name, run in runs.items():  # warm-up: first-touch of pages and pools
        t0 = time.perf_counter()
        run()
        passes[name] = max(1, round(MIN_RUN / max(time.perf_counter() - t0, 1e-3)))
    for _ in range(args.repeats):
        for name, run in runs.items():
            n = passes[name]
            c0, m0, t0 = time.process_time(), time.thread_time(), time.perf_counter()
            for _pass in range(n):
                run()
            times[name].append((time.perf_counter() - t0) / n)
            cpu[name].append((time.process_time() - c0) / n)
            main_cpu[name].append((time.thread_time() - m0) / n)
    alone = probe_rate()
    shares = {name: gil_share(run, alone) for name, run in runs.items() if name.endswith("/1") and "/" in name}

    print(
        f"{len(texts):,} documents, {mb:.1f} MB of news; {os.cpu_count()} cores; wall clock, median of "
        f"{args.repeats} interleaved runs (min-max shown)"
    )
    med = {name: statistics.median(ts) for name, ts in times.items()}
    speed = {name: sizes.get(name, mb) / med[name] for name in med}
    for name, ts in times.items():
        share = f"  GIL held {shares[name]:4.0%}" if name in shares else ""
        print(f"{name:22s} {speed[name]:8.1f} MB/s  {med[name]:7.3f} s  ({min(ts):.3f}-{max(ts):.3f}){share}")
    k = args.threads
    for path in ("annotate", "offsets", "pipe", "pipe-tok", "pipe-bare"):
        if f"{path}/1" in med and f"{path}/{k}" in med:
            best = min(times[f"{path}/1"]) / min(times[f"{path}/{k}"])
            print(
                f"speed-up {path:9s} {k} threads / 1 thread: {med[f'{path}/1'] / med[f'{path}/{k}']:.2f}x "
                f"(best runs: {best:.2f}x, less disturbed by a busy machine)"
            )
    # CPU accounting, which a busy machine disturbs far less than wall
    # time: the CPU time of the calling thread at k threads is the serial
    # part (GIL-held work, Python code); the rest ran on the workers. On k
    # idle cores a run takes at least max(total / k, serial) (the serial part
    # fully overlapped with the workers, as pipe's read-ahead allows) and at
    # most serial + rest / k (no overlap).
    print("CPU time at k threads (median): serial share = the calling thread's CPU / the process's")
    for path in ("annotate", "offsets", "pipe", "pipe-tok", "pipe-bare"):
        name = f"{path}/{k}"
        if name not in med or f"{path}/1" not in med:
            continue
        total, serial = statistics.median(cpu[name]), statistics.median(main_cpu[name])
        one = statistics.median(cpu[f"{path}/1"])
        best, worst = max(total / k, serial), serial + (total - serial) / k
        print(
            f"  {path:9s} process {total:6.3f} s (1 thread: {one:6.3f} s), serial {serial:6.3f} s "
            f"({serial / total:4.0%}); projected speed-up on {k} idle cores "
            f"{one / worst:.2f}x-{one / best:.2f}x"
        )
    if f"offsets-1mb/{k}" in med and f"offsets/{k}" in med:
        one_cpu, small_cpu = statistics.median(cpu[f"offsets/{k}"]), statistics.median(cpu[f"offsets-1mb/{k}"])
        print(
            f"offsets one {mb:.0f} MB call / 1 MB calls: wall time {med[f'offsets/{k}'] / med[f'offsets-1mb/{k}']:.2f}, "
            f"CPU time {one_cpu / small_cpu:.2f}"
        )
    for peer in ("blingfire/1", "spacy-blank/1"):
        for path in ("pipe", "pipe-tok", "pipe-bare"):
            if peer in med and f"{path}/{k}" in med:
                print(f"{path}/{k} / {peer.split('/')[0]} (speed): {speed[f'{path}/{k}'] / speed[peer]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
