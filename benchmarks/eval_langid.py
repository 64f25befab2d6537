"""Language identification (``lang="auto"``): accuracy and speed.

    python benchmarks/eval_langid.py [--shared PATH]

Accuracy: the sentences of the UD dev treebanks of ``../shared/data/ud``
(English EWT and the six other languages), split at 40 characters (the
issue's bar is 99% on the longer ones), and the sentence-level cases of
``../shared/data/multilingual/rt-*.jsonl`` (short dialogue sentences).
Each is identified among the languages dateline has folders for; a wrong
answer is any other language. Speed: ``dateline.detect_language`` over whole
documents (the TimeBank/AQUAINT news texts and the Spanish TimeBank), in MB
of document per second; identification reads the first 2 KB of a document.
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys
import time

import dateline
from bench_langs import FILES as UD  # the UD dev treebank of each language

ROOT = pathlib.Path(__file__).resolve().parent.parent


def ud_sentences(path: pathlib.Path) -> list[str]:
    return [line[len("# text = ") :].strip() for line in path.open(encoding="utf-8") if line.startswith("# text = ")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (default: ../shared)")
    ap.add_argument("--errors", type=int, default=0, help="show N errors per language (long sentences)")
    args = ap.parse_args()
    data = pathlib.Path(args.shared) / "data"
    if not (data / "ud").is_dir():
        print(f"UD data not found in {data}", file=sys.stderr)
        return 2
    known = set(dateline.languages())
    print(f"languages with folders: {', '.join(sorted(known))}")
    print(f"{'lang':<5} {'UD > 40 chars':>20} {'UD <= 40 chars':>20} {'rt cases':>20}")
    for lang, name in UD.items():
        if lang not in known:
            print(f"{lang:<5} (no folder)")
            continue
        sents = ud_sentences(data / "ud" / name)
        cols = []
        wrong_long: collections.Counter[str] = collections.Counter()
        shown = 0
        for group in ([s for s in sents if len(s) > 40], [s for s in sents if len(s) <= 40]):
            right = 0
            for s in group:
                got = dateline.detect_language(s)
                right += got == lang
                if got != lang and len(s) > 40:
                    wrong_long[got] += 1
                    if shown < args.errors:
                        print(f"   {lang} -> {got}: {s}")
                        shown += 1
            cols.append(f"{100 * right / max(1, len(group)):6.2f}% of {len(group):5d}")
        rt = data / "multilingual" / f"rt-{lang}.jsonl"
        cases = [json.loads(line)["text"] for line in rt.open(encoding="utf-8")] if rt.exists() else []
        right = sum(dateline.detect_language(t) == lang for t in cases)
        cols.append(f"{100 * right / max(1, len(cases)):6.2f}% of {len(cases):5d}")
        print(f"{lang:<5} {cols[0]:>20} {cols[1]:>20} {cols[2]:>20}   long errors: {dict(wrong_long)}")

    sys.path.insert(0, str(pathlib.Path(args.shared) / "eval"))
    import timeml  # type: ignore[import-not-found]

    for name, folder in (("news (TimeBank+AQUAINT)", "timeml/tbaq"), ("Spanish news (es-timebank)", "timeml/es-timebank-train")):
        texts = [timeml.read_tml(p).text for p in timeml.iter_tml_paths([str(data / folder)])]
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        best = float("inf")
        for _ in range(5):
            t0 = time.perf_counter()
            for t in texts:
                dateline.detect_language(t)
            best = min(best, time.perf_counter() - t0)
        found = collections.Counter(dateline.detect_language(t) for t in texts)
        print(f"speed, {name}: {len(texts)} documents, {mb:.2f} MB, {mb / best:.0f} MB/s, {len(texts) / best:.0f} docs/s; found {dict(found)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
