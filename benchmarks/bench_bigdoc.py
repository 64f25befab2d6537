"""Memory of one huge document: the peak RSS of ``nlp(text)`` followed by
reading ``doc.timexes`` and ``doc.entities`` (not the tokens), as a multiple
of the document's size in UTF-8 bytes.

    python benchmarks/bench_bigdoc.py [--mb 100] [--only news,lines]

Documents: ``news``, the news of ``../shared/data`` (CoNLL-2003 train and dev
articles, TimeBank and AQUAINT texts) joined by blank lines and cycled to
``--mb`` MB, and ``lines``, ``"x\\n"`` repeated to ``--mb`` MB. Each is
measured in a fresh process: after a warm-up on a short text (which loads the
gazetteer and the lexicons), the text is built, the peak is reset
(``/proc/self/clear_refs``) and the text analysed; the growth of the peak
(VmHWM) over the resident size before the text was built is reported. So the multiple
includes the text itself (one byte per byte for ASCII; Python keeps a str).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def status_mb(key: str) -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def news_text(shared: pathlib.Path, size: int) -> str:
    sys.path.insert(0, str(shared / "eval"))
    import timeml  # type: ignore[import-not-found]

    texts: list[str] = []
    for name in ("train.jsonl", "dev.jsonl"):
        with open(shared / "data/conll2003" / name, encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh)
    for p in timeml.iter_tml_paths([str(shared / "data/timeml/tbaq")]):
        texts.append(timeml.read_tml(p).text)
    parts: list[str] = []
    n = i = 0
    while n < size:
        t = texts[i % len(texts)]
        parts.append(t)
        n += len(t.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def make_text(kind: str, shared: pathlib.Path, mb: float) -> str:
    size = int(mb * 1e6)
    if kind == "lines":
        return "x\n" * (size // 2)
    return news_text(shared, size)


def worker(kind: str, mb: float, shared: pathlib.Path) -> dict:
    sys.path.insert(0, str(ROOT / "python"))
    import dateline

    nlp = dateline.Pipeline(reference_date="2026-03-05")
    warm = nlp("Nicolás Maduro spoke in Caracas on Monday, March 2, 2026.\nx\n")
    _ = (warm.timexes, warm.entities)
    del warm
    base = status_mb("VmRSS")
    text = make_text(kind, shared, mb)
    size = len(text) if text.isascii() else len(text.encode("utf-8"))
    after_text = status_mb("VmRSS")
    # The peak from here: the text and what analysing it takes.
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    t0 = time.perf_counter()
    doc = nlp(text)
    n_timexes, n_entities = len(doc.timexes), len(doc.entities)
    secs = time.perf_counter() - t0
    peak = status_mb("VmHWM")
    return {
        "kind": kind,
        "mb": size / 1e6,
        "timexes": n_timexes,
        "entities": n_entities,
        "text_mb": after_text - base,
        "peak_mb": peak - base,
        "multiple": (peak - base) * 1024 * 1024 / size,
        "secs": secs,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--mb", type=float, default=100.0)
    ap.add_argument("--only", default="news,lines", help="comma-separated: news, lines")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    if args.worker:
        print(json.dumps(worker(args.worker, args.mb, shared)))
        return 0
    print(f"{'document':8} {'MB':>7} {'text MB':>8} {'peak MB':>8} {'x size':>7} {'secs':>6}  timexes/entities")
    for kind in args.only.split(","):
        cmd = [sys.executable, __file__, "--worker", kind, "--mb", str(args.mb), "--shared", str(shared)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(f"{kind}: failed\n{out.stderr}", file=sys.stderr)
            return 1
        r = json.loads(out.stdout)
        print(
            f"{kind:8} {r['mb']:7.1f} {r['text_mb']:8.0f} {r['peak_mb']:8.0f} {r['multiple']:7.1f} "
            f"{r['secs']:6.1f}  {r['timexes']}/{r['entities']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
