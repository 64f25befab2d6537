"""Run dateline over the sentence-level cases of ``../shared/data/multilingual`` and score them.

    python benchmarks/eval_rt.py                 # rt-en.jsonl
    python benchmarks/eval_rt.py --langs en es   # several files, one score each
    python benchmarks/eval_rt.py --errors 40     # show errors
    python benchmarks/eval_rt.py --langs es --lang auto   # identify each case's language

Each case is analysed in its file's language (``--lang given``, the default)
or with ``lang="auto"`` (``--lang auto``: the language identified from the
sentence, reported as the share identified right).

Each case is analysed with its reference date. The cases come from a dialogue
assistant, so the pipeline runs with ``document_type="auto"`` (the default).
The scorer (``rt_score.py``) counts a range as one expression (``from 4 to 22
this month``), where TimeML and ``doc.timexes`` annotate each end: a range is
written out as one system expression spanning it, its ``begin`` the first day
of the range and its value in the scorer's ``(begin,end,duration)`` notation;
expressions inside a range (its ends, the day they fall on) are not written again.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import time

import dateline

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _clock(v: str) -> float | None:
    """Hours since midnight of a time-only value (``T17``, ``T09:30``)."""
    m = re.fullmatch(r"T(\d\d)(?::(\d\d))?(?::(\d\d))?", v)
    if not m:
        return None
    return int(m[1]) + int(m[2] or 0) / 60 + int(m[3] or 0) / 3600


def _span(b: str, e: str) -> str | None:
    """The duration between two TIMEX3 values, in the scorer's notation."""
    hb, he = _clock(b), _clock(e)
    if hb is not None and he is not None:
        minutes = round(((he - hb) % 24) * 60)
        h, m = divmod(minutes, 60)
        return "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "") if minutes else None
    return None


def range_value(doc: dateline.Doc, r: dateline.Range) -> str:
    """A range as the scorer writes one, ``(begin,end,duration)``, from the
    values of its ends (times of day) or its days."""
    if r.begin_index is not None and r.end_index is not None:
        b, e = doc.timexes[r.begin_index].value, doc.timexes[r.end_index].value
        span = _span(b, e)
        if span:
            return f"({b},{e},{span})"
    lo, hi = r.interval if r.interval else (None, None)
    if lo and hi:
        return f"({lo.isoformat()},{hi.isoformat()},P{(hi - lo).days}D)"
    return r.value


def system_record(case_id: str, doc: dateline.Doc) -> dict:
    out = []
    ends: set[int] = set()
    for r in doc.ranges:
        ends.update(k for k in (r.begin_index, r.end_index) if k is not None)
        # `until tomorrow`, `bis März 2008`: a range with only its end written
        # is that end in these cases' convention (the begin is the day it is
        # said), as `since March` is its begin.
        if r.begin_index is None and r.end_index is not None:
            t = doc.timexes[r.end_index]
            iv = t.interval
            out.append({"start": r.start, "end": r.end, "value": t.value, "begin": iv[0].isoformat() if iv else None})
            continue
        begin = r.interval[0].isoformat() if r.interval and r.interval[0] else None
        out.append({"start": r.start, "end": r.end, "value": range_value(doc, r), "begin": begin})
    spans = [(r.start, r.end) for r in doc.ranges]
    for k, t in enumerate(doc.timexes):
        # The ends, and the day both ends fall on (`monday 8-9am`), are the range's.
        if k in ends or any(s <= t.start and t.end <= e for s, e in spans):
            continue
        iv = t.interval
        out.append({"start": t.start, "end": t.end, "value": t.value, "begin": iv[0].isoformat() if iv else None})
    out.sort(key=lambda x: x["start"])
    return {"id": case_id, "timexes": out}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--langs", nargs="*", default=["en"], help="languages (rt-LANG.jsonl files)")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (default: ../shared)")
    ap.add_argument("--errors", type=int, default=0, help="show N errors per file")
    ap.add_argument("--document-type", default=None, help="document_type for every case (default: the pipeline's)")
    ap.add_argument("--lang", choices=["given", "auto"], default="given", help="the file's language, or identify it")
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    scorer = shared / "eval" / "rt_score.py"
    if not scorer.exists():
        print(f"shared scorer not found: {scorer}", file=sys.stderr)
        return 2
    kwargs = {"document_type": args.document_type} if args.document_type else {}
    nlp = dateline.Pipeline(disable=["entities"], **kwargs)
    for lang in args.langs:
        path = shared / "data" / "multilingual" / f"rt-{lang}.jsonl"
        cases = [json.loads(line) for line in path.open(encoding="utf-8")]
        t0 = time.perf_counter()
        docs = list(
            nlp.pipe(
                [c["text"] for c in cases],
                reference_dates=[c["reference_date"] for c in cases],
                langs=[lang if args.lang == "given" else "auto"] * len(cases),
                n_threads=1,
            )
        )
        elapsed = time.perf_counter() - t0
        if args.lang == "auto":
            right = sum(d.lang == lang for d in docs)
            print(f"   language identified right: {right}/{len(docs)} ({100 * right / max(1, len(docs)):.1f}%)")
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
            for c, d in zip(cases, docs):
                fh.write(json.dumps(system_record(c["id"], d)) + "\n")
            sys_path = fh.name
        print(f"== rt-{lang}: {len(cases)} cases, {elapsed * 1000:.0f} ms")
        cmd = [sys.executable, str(scorer), str(path), "--sys", sys_path]
        if args.errors:
            cmd += ["--errors", str(args.errors)]
        subprocess.run(cmd, check=True)
        pathlib.Path(sys_path).unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
