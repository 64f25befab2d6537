"""Gazetteer NER on CoNLL-2003 dev with the shared scorer.

    python benchmarks/eval_ner.py [--gazetteer FILE ...] [--split dev|train] [--name-rules persons,...]

Default gazetteer: the raw CoNLL-train names plus GeoNames
(../shared/data/gazetteers/conll-train.tsv and geonames.tsv), as the
gazetteer issue measures. Prints build time, the scorer's P/R/F1 and the
matching throughput.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time

import dateline

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--gazetteer", nargs="*", help="TSV files (default: conll-train.tsv + geonames.tsv)")
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--name-rules", default="persons,longer_names,repeats", help="comma-separated; '' for none")
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    gaz_files = args.gazetteer or [
        str(shared / "data/gazetteers/conll-train.tsv"),
        str(shared / "data/gazetteers/geonames.tsv"),
    ]
    t0 = time.perf_counter()
    records = []
    for f in gaz_files:
        records.extend(dateline.Gazetteer.from_file(f).entries())
    gaz = dateline.Gazetteer.from_records(records)
    build = time.perf_counter() - t0
    gold_path = shared / f"data/conll2003/{args.split}.jsonl"
    docs = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rules = [r for r in args.name_rules.split(",") if r]
    nlp = dateline.Pipeline(gazetteer=gaz, reference_date=None, name_rules=rules)
    t0 = time.perf_counter()
    out = list(nlp.pipe([d["text"] for d in docs], n_threads=1))
    elapsed = time.perf_counter() - t0
    mb = sum(len(d["text"].encode()) for d in docs) / 1e6
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for d, res in zip(docs, out):
            ents = [{"start": e.start, "end": e.end, "label": e.label} for e in res.entities]
            fh.write(json.dumps({"doc": d["doc"], "entities": ents}) + "\n")
        sys_path = fh.name
    print(f"gazetteer: {len(gaz)} entries from {len(gaz_files)} file(s), built in {build:.2f} s")
    print(f"{args.split}: {len(docs)} documents, {mb:.2f} MB, full pipeline 1 thread {mb / elapsed:.1f} MB/s")
    subprocess.run([sys.executable, str(shared / "eval/ner_score.py"), str(gold_path), sys_path, "--labels", "PER,LOC,ORG,MISC"], check=True)
    pathlib.Path(sys_path).unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
