"""Tokenizing and sentence splitting speed: dateline against spaCy's blank
English tokenizer (and sentencizer) and pysbd, on the same text, in one run.

    pip install spacy pysbd          # peers (no model is downloaded)
    python benchmarks/bench_tokens.py [--mb 2] [--shared PATH]

Text: UD EWT dev raw text (rebuilt by the shared scorer), repeated to about
``--mb`` MB. Each system goes from a Python ``str`` to token and/or sentence
offsets usable in Python; peers are run exactly as ``../shared/eval/peer_tok.py``
defines them. Single thread; CPU time of the process, median of three runs. pysbd runs on a tenth of
the text (it is about 100x slower); MB/s is per its own input.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import time

import dateline

ROOT = pathlib.Path(__file__).resolve().parent.parent


RUNS = 3


def median_time(run) -> float:
    """CPU seconds of ``run()``, the median of RUNS runs (the first run of a
    batch also pays for first-touch page faults of its result arrays)."""
    times = []
    for _ in range(RUNS):
        t0 = time.process_time()
        run()
        times.append(time.process_time() - t0)
    return sorted(times)[len(times) // 2]


def timed(fn, texts) -> float:
    fn(texts[0])  # warm up

    def run():
        for t in texts:
            fn(t)

    return median_time(run)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--mb", type=float, default=2.0)
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    sys.path.insert(0, str(shared / "eval"))
    import peer_tok  # type: ignore[import-not-found]
    import tok_score  # type: ignore[import-not-found]

    base = [t for _, t in tok_score.raw_texts(str(shared / "data/ud/en_ewt-ud-dev.conllu"))]
    size = sum(len(t.encode()) for t in base)
    texts = base * max(1, round(args.mb * 1e6 / size))
    mb = sum(len(t.encode()) for t in texts) / 1e6

    nlp = dateline.Pipeline(reference_date=None, disable=["entities", "timexes"])
    tok_only = nlp

    def dl_offsets(t: str):
        d = tok_only(t)
        return d.token_spans(), d.sentence_spans()

    def dl_pipe_all(ts):
        for d in nlp.pipe(ts, n_threads=1, batch_size=256):
            d.token_spans()
            d.sentence_spans()

    rows = []
    rows.append(("dateline nlp.pipe -> token+sentence offsets (1 thread)", mb, median_time(lambda: dl_pipe_all(texts))))
    rows.append(("dateline nlp(text) -> token+sentence offsets", mb, timed(dl_offsets, texts)))

    def dl_numpy_all(ts):
        for d in nlp.pipe(ts, n_threads=1, batch_size=256):
            d.token_offsets()
            d.sentence_offsets()

    rows.append(
        ("dateline nlp.pipe -> numpy token+sentence offsets (1 thread)", mb, median_time(lambda: dl_numpy_all(texts)))
    )
    rows.append(
        (
            "dateline nlp.offsets -> flat numpy arrays for the batch (1 thread)",
            mb,
            median_time(lambda: nlp.offsets(texts, n_threads=1)),
        )
    )
    nlp.annotate(texts[:5]).tokens("arrow")  # pyarrow's first-use setup, not timed

    def dl_arrow():
        res = nlp.annotate(texts, n_threads=1)
        res.tokens("arrow")
        res.sentences("arrow")

    rows.append(("dateline annotate -> Arrow token+sentence tables (1 thread)", mb, median_time(dl_arrow)))
    facts = peer_tok.build_systems()
    for name, share in (("spacy_blank", 1.0), ("spacy_sentencizer", 1.0), ("pysbd", 0.1)):
        try:
            system = facts[name]()
        except (ImportError, KeyError) as e:
            print(f"skip {name}: {e}", file=sys.stderr)
            continue
        sub = texts[: max(1, int(len(texts) * share))]
        sub_mb = sum(len(t.encode()) for t in sub) / 1e6
        rows.append((f"{name} ({system.note}) offsets", sub_mb, timed(system.offsets, sub)))
    print(f"EWT dev raw text x{len(texts) // len(base)}: {mb:.2f} MB; CPU time, median of {RUNS} runs")
    ref = next(m / s for name, m, s in rows if "nlp.offsets" in name)
    for name, m, s in rows:
        rate = m / s
        print(f"{rate:9.2f} MB/s  {ref / rate:7.1f}x slower than nlp.offsets   {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
