"""Run dateline over TimeML folders and score it with the shared TempEval-3 scorer.

    python benchmarks/eval_timex.py                      # TimeBank and AQUAINT from ../shared
    python benchmarks/eval_timex.py DIR [DIR...] [--errors 30] [--shared PATH]
    python benchmarks/eval_timex.py ../shared/data/timeml/wikiwars-train --document-type narrative
    python benchmarks/eval_timex.py ../shared/data/timeml/es-timebank-train --lang es

Each document is analysed with its creation date (DCT) as the reference date,
as TempEval-3 does. Prints the scorer's strict/relaxed/type/value figures per
folder, and the throughput of ``nlp.pipe`` on the same texts.
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
    ap.add_argument("dirs", nargs="*", help="TimeML folders (default: shared tbaq/timebank and tbaq/aquaint)")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (default: ../shared)")
    ap.add_argument("--errors", type=int, default=0, help="show N errors per folder")
    ap.add_argument(
        "--document-type",
        default="auto",
        choices=["auto", "news", "narrative", "colloquial"],
        help="how documents are anchored (default: auto, chosen per document)",
    )
    ap.add_argument("--lang", default="auto", help="the documents' language (default: auto, identified per document)")
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    evaldir = shared / "eval"
    if not (evaldir / "timeml.py").exists():
        print(f"shared eval scripts not found in {evaldir}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(evaldir))
    import timeml  # type: ignore[import-not-found]

    dirs = args.dirs or [str(shared / "data/timeml/tbaq/timebank"), str(shared / "data/timeml/tbaq/aquaint")]
    nlp = dateline.Pipeline(document_type=args.document_type, lang=args.lang)
    for d in dirs:
        docs = [timeml.read_tml(p) for p in timeml.iter_tml_paths([d])]
        texts = [doc.text for doc in docs]
        t0 = time.perf_counter()
        out = list(nlp.pipe(texts, reference_dates=[doc.dct or None for doc in docs], n_threads=1))
        elapsed = time.perf_counter() - t0
        found: dict[str, int] = {}
        for res in out:
            found[res.lang] = found.get(res.lang, 0) + 1
        print("   languages:", ", ".join(f"{k} {v}" for k, v in sorted(found.items())))
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
            for doc, res in zip(docs, out):
                rec = {
                    "doc": doc.doc,
                    "timexes": [{"start": t.start, "end": t.end, "type": t.type, "value": t.value, "text": t.text} for t in res.timexes],
                }
                fh.write(json.dumps(rec) + "\n")
            sys_path = fh.name
        print(f"== {pathlib.Path(d).name}: {len(docs)} documents, {mb:.2f} MB, nlp.pipe 1 thread {mb / elapsed:.1f} MB/s")
        cmd = [sys.executable, str(evaldir / "timex_score.py"), d, "--sys", sys_path, "--by-type"]
        if args.errors:
            cmd += ["--errors", str(args.errors)]
        subprocess.run(cmd, check=True)
        pathlib.Path(sys_path).unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
