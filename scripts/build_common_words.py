"""Build crates/dateline-core/lang/en/common_words.txt, the English word list the
gazetteer's common-word guard consults.

Source: SCOWL via Debian's `wamerican-small` package (/usr/share/dict/american-english-small),
Copyright 2000-2011 by Kevin Atkinson, permissive licence (see
crates/dateline-core/lang/en/COMMON_WORDS_LICENSE). Only the entries written in lower case
are kept: capitalised entries are proper names, which the guard must not touch.

Run:  apt-get install wamerican-small && python scripts/build_common_words.py
"""

from __future__ import annotations

import pathlib
import re
import sys

SRC = pathlib.Path("/usr/share/dict/american-english-small")
OUT = pathlib.Path(__file__).resolve().parent.parent / "crates" / "dateline-core" / "lang" / "en" / "common_words.txt"


def main() -> int:
    if not SRC.exists():
        print(f"{SRC} not found: apt-get install wamerican-small", file=sys.stderr)
        return 2
    words = sorted({w for w in SRC.read_text(encoding="utf-8").split() if re.fullmatch(r"[a-z]{2,}", w)})
    OUT.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
