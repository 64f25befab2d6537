"""Speed per language: the whole pipeline (tokens, sentences, gazetteer,
dates) on the running text of each UD dev treebank in ``../shared/data/ud``,
one thread, the language given and identified (``lang="auto"``), in MB/s and
as a ratio to English (EWT dev) measured in the same run.

    python benchmarks/bench_langs.py [--repeat 7] [--shared PATH]

The texts differ in genre from language to language (news, wiki, reviews),
so the ratios compare languages on their own treebank's text; each figure is
the best of ``--repeat`` runs over about 1 MB (the dev texts repeated).
The runs go in rounds, every language once a round, so that a slow spell of
the machine falls on all languages alike; the process's CPU time is shown
beside the wall clock, as it does not count time the machine gave to others.
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


def timed(nlp: dateline.Pipeline, texts: list[str], langs: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run over `texts`."""
    w0, c0 = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, langs=langs, n_threads=1):
        pass
    return time.perf_counter() - w0, time.process_time() - c0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    sys.path.insert(0, str(shared / "eval"))
    import tok_score  # type: ignore[import-not-found]

    nlp = dateline.Pipeline(reference_date="2026-03-05")
    corpora: dict[str, tuple[list[str], float]] = {}
    for lang, name in FILES.items():
        path = shared / "data" / "ud" / name
        texts = [t for _, t in tok_score.raw_texts(str(path), layout="para")]
        # The dev texts go round until there is 1 MB of each language, so that
        # every figure is timed over the same amount of text.
        size = sum(len(t.encode("utf-8")) for t in texts)
        texts = texts * max(1, -(-1_000_000 // size))
        corpora[lang] = (texts, sum(len(t.encode("utf-8")) for t in texts) / 1e6)
        nlp("warm up", lang=lang)
    # best[lang, mode] = (wall, cpu) seconds, each the least over the rounds.
    inf = float("inf")
    best: dict[tuple[str, str], list[float]] = {(lang, m): [inf, inf] for lang in FILES for m in ("given", "auto")}
    for _ in range(args.repeat):
        for lang, (texts, _mb) in corpora.items():
            for mode in ("given", "auto"):
                wall, cpu = timed(nlp, texts, [lang if mode == "given" else "auto"] * len(texts))
                b = best[lang, mode]
                b[0], b[1] = min(b[0], wall), min(b[1], cpu)
    print(f"best of {args.repeat} rounds; MB/s by the wall clock, then by CPU time; ratios to English")
    head = f"{'lang':<5} {'MB':>5}"
    for mode in ("given", "auto"):
        head += f" {mode + ' wall':>11} {'vs en':>6} {mode + ' cpu':>10} {'vs en':>6}"
    print(head)
    for lang, (_texts, mb) in corpora.items():
        row = f"{lang:<5} {mb:5.2f}"
        for mode in ("given", "auto"):
            for k, width in ((0, 11), (1, 10)):
                speed, base = mb / best[lang, mode][k], corpora["en"][1] / best["en", mode][k]
                row += f" {speed:{width}.1f} {speed / base:6.2f}"
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
