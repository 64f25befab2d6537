"""Speed per language: the whole pipeline (tokens, sentences, gazetteer,
dates) on the running text of each UD dev treebank in ``../shared/data/ud``,
one thread, the language given and identified (``lang="auto"``), in MB/s and
as a ratio to English (EWT dev) measured in the same run.

    python benchmarks/bench_langs.py [--repeat 3] [--shared PATH]

The texts differ in genre from language to language (news, wiki, reviews),
so the ratios compare languages on their own treebank's text; each figure is
the best of ``--repeat`` runs over about 1 MB (the dev texts repeated).
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import time

import dateline

ROOT = pathlib.Path(__file__).resolve().parent.parent
FILES = {
    "en": "en_ewt-ud-dev.conllu",
    "es": "es_gsd-ud-dev.conllu",
    "fr": "fr_gsd-ud-dev.conllu",
    "de": "de_gsd-ud-dev.conllu",
    "pt": "pt_bosque-ud-dev.conllu",
    "it": "it_isdt-ud-dev.conllu",
    "nl": "nl_alpino-ud-dev.conllu",
}


def best(nlp: dateline.Pipeline, texts: list[str], langs: list[str], repeat: int) -> float:
    t = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, langs=langs, n_threads=1):
            pass
        t = min(t, time.perf_counter() - t0)
    return t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    sys.path.insert(0, str(shared / "eval"))
    import tok_score  # type: ignore[import-not-found]

    nlp = dateline.Pipeline(reference_date="2026-03-05")
    base = None
    print(f"{'lang':<5} {'MB':>6} {'given MB/s':>11} {'vs en':>7} {'auto MB/s':>10} {'vs en':>7}")
    for lang, name in FILES.items():
        path = shared / "data" / "ud" / name
        texts = [t for _, t in tok_score.raw_texts(str(path), layout="para")]
        # The dev texts go round until there is 1 MB of each language, so that
        # every figure is timed over the same amount of text.
        size = sum(len(t.encode("utf-8")) for t in texts)
        texts = texts * max(1, -(-1_000_000 // size))
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        nlp("warm up", lang=lang)
        given = mb / best(nlp, texts, [lang] * len(texts), args.repeat)
        auto = mb / best(nlp, texts, ["auto"] * len(texts), args.repeat)
        if base is None:
            base = (given, auto)
        print(f"{lang:<5} {mb:6.2f} {given:11.1f} {given / base[0]:7.2f} {auto:10.1f} {auto / base[1]:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
