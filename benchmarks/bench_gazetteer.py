"""Gazetteer matching speed, build time and memory: dateline against
pyahocorasick, flashtext and (optionally) spaCy's PhraseMatcher, on the same
list and the same news text, in one run.

    pip install pyahocorasick flashtext pyarrow [spacy]
    python benchmarks/bench_gazetteer.py [--mb 5] [--entries 1000000] [--with-spacy] [--passes 3] [--fold-accents]

List: ``../shared/data/gazetteers/conll-train.tsv`` + ``geonames.tsv``
(~365k entries); ``--entries N`` pads it with synthetic two-word names
(``Alder Brook 17``-style, deterministic) to N entries. Text: CoNLL-2003 dev
articles, cycled to ``--mb`` MB. Every system runs in its own process
(build time and peak memory VmHWM are its own), scans the text ``--passes`` times
(the best and the median scan are printed: this kind of shared machine slows
down and speeds up by a third from second to second) and produces labelled spans
``(start, end, label, id)``:

- dateline: ``Gazetteer.from_file([both files])``, then
  ``Pipeline(disable=["timexes"]).pipe`` — tokenizing, token-boundary
  matching, the common-word guard, all-caps handling, the name rules, from a
  Python str to Entity objects whose (start, end, label, id) are read; then the
  compiled form is saved and the time to ``Gazetteer.load`` it is printed;
- dateline arrow (or numpy without pyarrow): the same pipeline through the
  columnar path, ``Pipeline.annotate(texts).entities("arrow")``: one table
  of every span (doc, start, end, text, label, id, ...), no object per span.
  Its scans alternate with the Doc-object scans in the same process, and
  both must find the same number of spans;
- pyahocorasick: an automaton of every name, ``iter_long`` over the text
  (leftmost-longest), then kept only at word boundaries (the filter a user
  must add to avoid `Jones` inside `Jonesy`);
- flashtext: ``KeywordProcessor(case_sensitive=True)`` with ``span_info``;
- spaCy (``--with-spacy``): blank English tokenizer + PhraseMatcher.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SYLLABLES = ["al", "der", "bro", "ok", "ma", "ren", "tis", "vel", "ko", "nar", "li", "sen", "dor", "ga", "bel", "fin"]


def entries(shared: pathlib.Path, n: int | None) -> list[tuple[str, str, str]]:
    out = []
    for f in ("conll-train.tsv", "geonames.tsv"):
        with open(shared / "data/gazetteers" / f, encoding="utf-8") as fh:
            next(fh)
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 3 and parts[0].strip():
                    out.append((parts[0], parts[1], parts[2]))
    k = 0
    while n is not None and len(out) < n:
        a = "".join(SYLLABLES[(k >> s) % 16] for s in (0, 4, 8)).capitalize()
        b = "".join(SYLLABLES[(k >> s) % 16] for s in (12, 16)).capitalize()
        out.append((f"{a} {b} {k % 97}", "MISC", f"syn:{k}"))
        k += 1
    return out


def text(shared: pathlib.Path, mb: float) -> list[str]:
    docs = [json.loads(x)["text"] for x in open(shared / "data/conll2003/dev.jsonl", encoding="utf-8")]
    out, size, i = [], 0, 0
    while size < mb * 1e6:
        out.append(docs[i % len(docs)])
        size += len(docs[i % len(docs)].encode())
        i += 1
    return out


def hwm_mb() -> float:
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(scan, passes: int) -> tuple[list[float], int]:
    """Seconds of each of ``passes`` runs of ``scan``, and what it returned."""
    secs, found = [], 0
    for _ in range(passes):
        t = time.perf_counter()
        found = scan()
        secs.append(time.perf_counter() - t)
    return secs, found


def worker(system: str, args: argparse.Namespace) -> dict:
    shared = pathlib.Path(args.shared)
    docs = text(shared, args.mb)
    ents = entries(shared, args.entries)
    tsv = None
    if system == "dateline" and args.entries:
        tsv = pathlib.Path(args.tmp) / "padded.tsv"
        with open(tsv, "w", encoding="utf-8") as fh:
            fh.write("name\tlabel\tid\n")
            for e in ents:
                fh.write("\t".join(e) + "\n")
    base = hwm_mb()
    t0 = time.perf_counter()
    if system == "dateline":
        import dateline

        d = shared / "data/gazetteers"
        fold = {"fold_accents": True} if args.fold_accents else {}
        if tsv is not None:
            gaz = dateline.Gazetteer.from_file(tsv, **fold)
        else:
            gaz = dateline.Gazetteer.from_file([d / "conll-train.tsv", d / "geonames.tsv"], **fold)
        nlp = dateline.Pipeline(gazetteer=gaz, reference_date=None, disable=["timexes"])
        build = time.perf_counter() - t0
        build_peak = hwm_mb()

        def scan() -> int:
            n = 0
            for doc in nlp.pipe(docs, n_threads=1):
                n += len([(e.start, e.end, e.label, e.id) for e in doc.entities])
            return n

        try:
            import pyarrow  # noqa: F401

            table_format = "arrow"
        except ImportError:
            table_format = "numpy"

        def scan_columns() -> int:
            table = nlp.annotate(docs, n_threads=1).entities(table_format)
            return table.num_rows if table_format == "arrow" else len(table["start"])

        # Both ways in turns, so that both see the same moments of the machine.
        secs, cols_secs = [], []
        for _ in range(args.passes):
            s1, spans = timed(scan, 1)
            s2, cols_spans = timed(scan_columns, 1)
            secs += s1
            cols_secs += s2
        if cols_spans != spans:
            raise SystemExit(f"dateline: {cols_spans} spans in the table but {spans} from Doc objects")
        extra = {"cols_seconds": cols_secs, "cols_format": table_format}
        compiled = pathlib.Path(args.tmp) / "compiled.dlgaz"
        gaz.save(compiled)
        t2 = time.perf_counter()
        dateline.Gazetteer.load(compiled)
        load = time.perf_counter() - t2
    elif system == "pyahocorasick":
        import ahocorasick

        A = ahocorasick.Automaton()
        for name, label, id_ in ents:
            A.add_word(name, (len(name), label, id_))
        A.make_automaton()
        build = time.perf_counter() - t0

        def scan() -> int:
            found = 0
            for t in docs:
                n = len(t)
                for end, (length, _label, _id) in A.iter_long(t):
                    start = end - length + 1
                    if (start == 0 or not t[start - 1].isalnum()) and (end + 1 == n or not t[end + 1].isalnum()):
                        found += 1
            return found

        secs, spans = timed(scan, args.passes)
    elif system == "flashtext":
        from flashtext import KeywordProcessor

        kp = KeywordProcessor(case_sensitive=True)
        for name, label, id_ in ents:
            kp.add_keyword(name, (label, id_))
        build = time.perf_counter() - t0
        secs, spans = timed(lambda: sum(len(kp.extract_keywords(t, span_info=True)) for t in docs), args.passes)
    else:
        import spacy
        from spacy.matcher import PhraseMatcher

        nlp = spacy.blank("en")
        pm = PhraseMatcher(nlp.vocab)
        batch: dict[str, list] = {}
        for name, label, _ in ents:
            batch.setdefault(label, []).append(name)
        for label, names in batch.items():
            pm.add(label, list(nlp.tokenizer.pipe(names)))
        build = time.perf_counter() - t0

        def scan() -> int:
            n = 0
            for doc in nlp.pipe(docs):
                n += len([(s.start_char, s.end_char) for s in spacy.util.filter_spans([doc[a:b] for _, a, b in pm(doc)])])
            return n

        secs, spans = timed(scan, args.passes)
    if system != "dateline":
        build_peak, load, extra = hwm_mb(), None, {}
    mb = sum(len(t.encode()) for t in docs) / 1e6
    return {
        "build": build,
        "seconds": secs,
        "mb": mb,
        "peak": build_peak,
        "base": base,
        "spans": spans,
        "entries": len(ents),
        "load": load,
        **extra,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--entries", type=int, default=None)
    ap.add_argument("--with-spacy", action="store_true")
    ap.add_argument("--fold-accents", action="store_true",
                    help="dateline also matches names with accents and typography folded (Nicolas finds Nicolás)")
    ap.add_argument("--passes", type=int, default=3, help="scans of the text per system (best and median printed)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--tmp", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.passes < 1:
        ap.error("--passes must be at least 1")
    if args.worker:
        print(json.dumps(worker(args.worker, args)))
        return 0
    import tempfile

    tmp = tempfile.mkdtemp(prefix="dateline-gaz-")
    systems = ["dateline", "pyahocorasick", "flashtext"] + (["spacy"] if args.with_spacy else [])
    results = {}
    for s in systems:
        cmd = [sys.executable, __file__, "--worker", s, "--shared", args.shared, "--mb", str(args.mb), "--tmp", tmp,
               "--passes", str(args.passes)]
        if args.entries:
            cmd += ["--entries", str(args.entries)]
        if args.fold_accents:
            cmd += ["--fold-accents"]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            print(f"{s}: failed ({r.stderr.strip().splitlines()[-1] if r.stderr.strip() else r.returncode})")
            continue
        res = json.loads(r.stdout.strip().splitlines()[-1])
        secs = sorted(res["seconds"])
        res["mbps"] = res["mb"] / secs[0]
        res["median"] = res["mb"] / secs[len(secs) // 2]
        results[s] = res
        if "cols_seconds" in res:
            secs = sorted(res["cols_seconds"])
            cols = dict(res, mbps=res["mb"] / secs[0], median=res["mb"] / secs[len(secs) // 2])
            results[f"dateline {res['cols_format']}"] = cols
    first = next(iter(results.values()))
    print(f"{first['entries']:,} entries; {first['mb']:.1f} MB of CoNLL-2003 dev news; one thread; {os.cpu_count()} cores;"
          f" MB/s of the best of {args.passes} scans (median in brackets)"
          + ("; dateline folds accents and typography" if args.fold_accents else ""))
    for s, r in results.items():
        load = f"  load compiled {r['load']:.2f} s" if r.get("load") is not None else ""
        print(f"{s:14s} {r['mbps']:8.2f} MB/s ({r['median']:.2f})  build {r['build']:6.2f} s  peak after build {r['peak']:7.0f} MB "
              f"(+{r['peak'] - r['base']:.0f} MB over the loaded inputs)  {r['spans']:,} spans{load}")
    ours = [s for s in results if s.startswith("dateline")]
    for d in ours:
        for s, r in results.items():
            if s not in ours:
                print(f"{d} / {s}: {results[d]['mbps'] / r['mbps']:.1f}x faster, "
                      f"build {r['build'] / results[d]['build']:.1f}x faster")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
