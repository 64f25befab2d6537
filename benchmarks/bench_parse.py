"""Speed of ``dateline.parse`` on short strings, and of ``dateparser.parse``
on the same strings in the same run (when dateparser is installed).

    pip install dateparser      # optional; or: pip install -e '.[bench]'
    python benchmarks/bench_parse.py [--calls 100000] [--dateparser-calls N]

Both parse the same strings, cycled, with the same reference date (a
Thursday). The first call of each is made before timing (dateline compiles
its grammar, dateparser loads its language data). dateparser is much slower,
so ``--dateparser-calls`` can make its run shorter; its figure is per call
either way. The table after the timings shows what each returned.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import platform
import sys
import time
from collections.abc import Callable

import dateline

REFERENCE = dt.datetime(2026, 3, 5)

STRINGS = [
    "yesterday",
    "tomorrow",
    "today",
    "March 5, 2026",
    "5 March 2026",
    "2026-03-05",
    "03/05/2026",
    "January 2025",
    "next Friday",
    "last Monday",
    "last month",
    "in 3 weeks",
    "two days ago",
    "3:30 p.m.",
    "tomorrow at 9 a.m.",
    "2026-03-06T14:30+01:00",
    "Thursday",
    "the day before yesterday",
    "We will meet in 3 weeks.",
    "He left on Monday.",
]


def per_call(fn: Callable[[str], object], calls: int) -> float:
    """Seconds per call of ``fn`` over ``calls`` strings cycled from STRINGS."""
    texts = list(itertools.islice(itertools.cycle(STRINGS), calls))
    start = time.perf_counter()
    for s in texts:
        fn(s)
    return (time.perf_counter() - start) / calls


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--calls", type=int, default=100_000, help="dateline.parse calls (default 100,000)")
    ap.add_argument("--dateparser-calls", type=int, default=None, help="dateparser.parse calls (default: --calls)")
    args = ap.parse_args()
    if args.calls < 1:
        ap.error("--calls must be at least 1")

    ref = REFERENCE.date()

    def dl(s: str) -> object:
        return dateline.parse(s, reference_date=ref)

    print(f"python {platform.python_version()}, dateline {dateline.__version__}, {len(STRINGS)} strings cycled")
    t0 = time.perf_counter()
    dl(STRINGS[0])
    print(f"dateline first call (grammar compiled): {(time.perf_counter() - t0) * 1e3:.1f} ms")
    t_dl = per_call(dl, args.calls)
    print(f"dateline.parse:   {t_dl * 1e6:8.2f} µs/call over {args.calls:,} calls")

    try:
        import dateparser  # type: ignore[import-untyped]
    except ImportError:
        print("dateparser.parse: not measured: dateparser is not installed (pip install dateparser)")
        dp = None
    else:
        settings = {"RELATIVE_BASE": REFERENCE}

        def dp(s: str) -> object:
            return dateparser.parse(s, languages=["en"], settings=settings)

        dp(STRINGS[0])
        n = args.dateparser_calls or args.calls
        t_dp = per_call(dp, n)
        print(f"dateparser.parse: {t_dp * 1e6:8.2f} µs/call over {n:,} calls (dateparser {dateparser.__version__})")
        print(f"dateline is {t_dp / t_dl:,.0f}x faster")

    print()
    print(f"{'string':<28} {'dateline value':<22} {'dateline datetime':<28} dateparser")
    for s in STRINGS:
        p = dl(s)
        value = "-" if p is None else p.value  # type: ignore[attr-defined]
        when = "-" if p is None or p.datetime is None else p.datetime.isoformat()  # type: ignore[attr-defined]
        other = "" if dp is None else str(dp(s))
        print(f"{s:<28} {value:<22} {when:<28} {other}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
