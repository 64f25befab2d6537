"""Speed of dateline's temporal tagging against dateparser's ``search_dates``
on the same news texts, in one run.

    pip install dateparser      # or: pip install -e '.[bench]'
    python benchmarks/bench_dates.py [--docs 20] [--shared PATH]

Texts: the TimeBank and AQUAINT documents of ../shared (plain text, each with
its creation date as the reference date). dateparser is slow, so it runs on
the first ``--docs`` documents; dateline runs on the same ones (single
thread), and on all documents for a steadier figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import sys
import time

import dateline

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--docs", type=int, default=20)
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    sys.path.insert(0, str(shared / "eval"))
    import timeml  # type: ignore[import-not-found]

    try:
        from dateparser.search import search_dates  # type: ignore[import-untyped]
    except ImportError:
        print("dateparser is not installed: pip install dateparser", file=sys.stderr)
        return 2
    dirs = [str(shared / "data/timeml/tbaq/timebank"), str(shared / "data/timeml/tbaq/aquaint")]
    docs = [timeml.read_tml(p) for p in timeml.iter_tml_paths(dirs)]
    texts = [d.text for d in docs]
    refs = [(d.dct or "")[:10] or None for d in docs]
    subset, subset_refs = texts[: args.docs], refs[: args.docs]
    mb_sub = sum(len(t.encode()) for t in subset) / 1e6
    mb_all = sum(len(t.encode()) for t in texts) / 1e6
    nlp = dateline.Pipeline(gazetteer=dateline.Gazetteer.from_records([]))

    found_dl = sum(len(d.timexes) for d in nlp.pipe(subset, reference_dates=subset_refs, n_threads=1))
    t0 = time.perf_counter()
    for _ in range(20):
        list(nlp.pipe(subset, reference_dates=subset_refs, n_threads=1))
    t_dl = (time.perf_counter() - t0) / 20
    t0 = time.perf_counter()
    for _ in range(5):
        list(nlp.pipe(texts, reference_dates=refs, n_threads=1))
    t_dl_all = (time.perf_counter() - t0) / 5

    search_dates("It happened on Monday, March 2, 1998.", languages=["en"])  # load its data first
    t0 = time.perf_counter()
    found_dp = 0
    for text, ref in zip(subset, subset_refs):
        base = dt.datetime.fromisoformat(ref) if ref else None
        res = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base} if base else None)
        found_dp += len(res or [])
    t_dp = time.perf_counter() - t0

    print(f"{len(subset)} documents, {mb_sub * 1e3:.1f} KB (all {len(texts)}: {mb_all:.2f} MB)")
    print(f"dateline nlp.pipe, 1 thread   {mb_sub / t_dl:10.3f} MB/s on the subset ({found_dl} expressions); "
          f"{mb_all / t_dl_all:.2f} MB/s on all documents")
    print(f"dateparser search_dates       {mb_sub / t_dp:10.5f} MB/s ({found_dp} dates)")
    print(f"ratio (dateline / dateparser) {t_dp / t_dl:10.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
