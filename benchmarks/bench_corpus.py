"""Corpus-scale throughput and memory: dateline's columnar path
(``annotate(...).to_pandas()``), ``nlp.pipe`` and the CLI, against spaCy's
``nlp.pipe`` with a blank English tokenizer and an EntityRuler holding the
same gazetteer, in one run.

    pip install 'dateline[pandas]' spacy
    python benchmarks/bench_corpus.py [--mb 50] [--peer-mb 5] [--gazetteer world|conll]

The corpus is generated from the news in ``../shared/data`` (TimeBank and
AQUAINT texts with their creation dates, CoNLL-2003 train and dev articles,
the seed article), cycled to ``--mb`` MB of JSONL. Every measurement runs in
a fresh process; peak memory is that process's high-water mark (VmHWM), which
includes the corpus held as Python strings (shown as ``corpus RSS``). spaCy is
timed on the first ``--peer-mb`` MB (it is ~100x slower); MB/s are per each
system's own input, and ratios compare MB/s. Both annotate gazetteer entities;
dateline also tokenizes into sentences and tags time expressions, which spaCy
does not do here.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def make_corpus(shared: pathlib.Path, mb: float, path: pathlib.Path) -> tuple[int, int]:
    sys.path.insert(0, str(shared / "eval"))
    import timeml  # type: ignore[import-not-found]

    docs: list[tuple[str, str | None]] = []
    for p in timeml.iter_tml_paths([str(shared / "data/timeml/tbaq")]):
        d = timeml.read_tml(p)
        docs.append((d.text, d.dct[:10] if d.dct else None))
    for name in ("train.jsonl", "dev.jsonl"):
        with open(shared / "data/conll2003" / name, encoding="utf-8") as fh:
            for line in fh:
                docs.append((json.loads(line)["text"], None))
    docs.append(((shared / "data/seed/caracas-2026-03-05.txt").read_text(encoding="utf-8"), None))
    target = int(mb * 1e6)
    size = n = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < target:
            text, date = docs[n % len(docs)]
            fh.write(json.dumps({"id": f"d{n}", "text": text, "date": date or "detect"}, ensure_ascii=False) + "\n")
            size += len(text.encode("utf-8"))
            n += 1
    return n, size


def hwm_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def gazetteer(kind: str, shared: pathlib.Path):
    import dateline

    if kind == "world":
        return dateline.gazetteers.world()
    d = shared / "data/gazetteers"
    return dateline.Gazetteer.from_file(d / "conll-train.tsv") + dateline.Gazetteer.from_file(d / "geonames.tsv")


def worker(kind: str, corpus: str, limit_mb: float | None, gaz_kind: str, shared: pathlib.Path) -> dict:
    texts: list[str] = []
    dates: list[str] = []
    size = 0
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts.append(rec["text"])
            dates.append(rec["date"])
            size += len(rec["text"].encode("utf-8"))
            if limit_mb is not None and size >= limit_mb * 1e6:
                break
    corpus_rss = rss_mb()
    spans = 0
    if kind == "spacy":
        import spacy

        gaz = gazetteer(gaz_kind, shared)
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
        patterns = []
        for e in gaz.entries():
            for name in [e["name"], *e.get("aliases", [])]:
                patterns.append({"label": e["label"], "pattern": name, "id": e["id"]})
        t_build = time.perf_counter()
        ruler.add_patterns(patterns)
        build = time.perf_counter() - t_build
        t0 = time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=256):
            spans += sum(1 for _ in ((e.start_char, e.end_char, e.label_, e.ent_id_) for e in doc.ents))
        secs = time.perf_counter() - t0
        return {"seconds": secs, "mb": size / 1e6, "peak_mb": hwm_mb(), "corpus_mb": corpus_rss, "spans": spans, "build": build}

    import dateline

    if kind.startswith("annotate"):
        import pandas  # noqa: F401 - a notebook has it loaded already; not timed
        import pyarrow  # noqa: F401
    nlp = dateline.Pipeline(gazetteer=gazetteer(gaz_kind, shared) if gaz_kind != "world" else None)
    threads = 1 if kind.endswith("-1") else None
    t0 = time.perf_counter()
    if kind.startswith("annotate"):
        res = nlp.annotate(texts, reference_dates=dates, n_threads=threads)
        tables = res.to_pandas()
        spans = sum(len(t) for t in tables.values())
    elif kind.startswith("pipe"):
        for doc in nlp.pipe(texts, reference_dates=dates, n_threads=threads, batch_size=256):
            spans += len(doc.entities) + len(doc.timexes)
    elif kind.startswith("cli"):
        from dateline.cli import main

        out = tempfile.mkdtemp()
        argv = ["annotate", "-q", corpus, "-o", os.path.join(out, "spans.parquet"), "--batch-size", "256"]
        if threads:
            argv += ["--jobs", "1"]
        if main(argv) != 0:
            raise SystemExit("cli failed")
        import pyarrow.parquet as pq

        spans = sum(pq.read_metadata(os.path.join(out, f"spans.{t}.parquet")).num_rows for t in ("entities", "timexes"))
        size = os.path.getsize(corpus)  # the CLI reads the JSONL itself
    secs = time.perf_counter() - t0
    return {"seconds": secs, "mb": size / 1e6, "peak_mb": hwm_mb(), "corpus_mb": corpus_rss, "spans": spans}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("--peer-mb", type=float, default=5.0)
    ap.add_argument("--gazetteer", choices=["world", "conll"], default="world")
    ap.add_argument("--only", default=None, help="comma-separated measurements to run")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--limit-mb", type=float, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus, args.limit_mb, args.gazetteer, shared)))
        return 0

    tmp = pathlib.Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    corpus = tmp / "corpus.jsonl"
    n, size = make_corpus(shared, args.mb, corpus)
    print(f"corpus: {n:,} documents, {size / 1e6:.1f} MB of text ({corpus.stat().st_size / 1e6:.1f} MB JSONL); "
          f"gazetteer: {args.gazetteer}; {os.cpu_count()} cores")
    runs = [
        ("annotate-1", None, "dateline annotate(...).to_pandas(), 1 thread"),
        ("annotate-N", None, "dateline annotate(...).to_pandas(), all cores"),
        ("pipe-1", None, "dateline nlp.pipe (Doc objects), 1 thread"),
        ("pipe-N", None, "dateline nlp.pipe (Doc objects), all cores"),
        ("cli-1", None, "dateline annotate CLI -> Parquet, 1 thread"),
        ("cli-N", None, "dateline annotate CLI -> Parquet, all cores"),
        ("spacy", args.peer_mb, f"spaCy blank en + EntityRuler, nlp.pipe (first {args.peer_mb:g} MB)"),
    ]
    if args.only:
        keep = set(args.only.split(","))
        runs = [r for r in runs if r[0] in keep]
    results = {}
    for kind, limit, label in runs:
        cmd = [sys.executable, __file__, "--worker", kind, "--corpus", str(corpus), "--gazetteer", args.gazetteer,
               "--shared", str(shared)]
        if limit is not None:
            cmd += ["--limit-mb", str(limit)]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            print(f"{label}: failed\n{r.stderr[-2000:]}")
            continue
        res = json.loads(r.stdout.strip().splitlines()[-1])
        res["mbps"] = res["mb"] / res["seconds"]
        results[kind] = res
        extra = f", EntityRuler build {res['build']:.1f} s" if "build" in res else ""
        print(f"{label:58s} {res['mbps']:8.2f} MB/s  {res['seconds']:7.1f} s  peak {res['peak_mb']:7.0f} MB "
              f"(corpus RSS {res['corpus_mb']:.0f} MB)  {res['spans']:,} spans{extra}")
    if "spacy" in results:
        base = results["spacy"]["mbps"]
        for kind in ("annotate-1", "annotate-N", "pipe-1", "pipe-N", "cli-1", "cli-N"):
            if kind in results:
                print(f"ratio {kind} / spaCy: {results[kind]['mbps'] / base:.1f}x")
    for a, b in (("annotate-N", "annotate-1"), ("pipe-N", "pipe-1"), ("cli-N", "cli-1")):
        if a in results and b in results:
            print(f"scaling {a} / {b}: {results[a]['mbps'] / results[b]['mbps']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
