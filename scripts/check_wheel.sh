#!/usr/bin/env bash
# Installs a built wheel into a fresh venv whose PATH holds no Rust toolchain
# (nor anything but the venv), then runs the main job on the sample article
# and checks its output. Fails if the wheel needs cargo or rustc to install.
#
#   bash scripts/check_wheel.sh dist/dateline-*.whl
set -euo pipefail
cd "$(dirname "$0")/.."
WHEEL="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d)"
RM="$(command -v rm)"
trap '"$RM" -rf "$WORK"' EXIT
"$PYTHON" -m venv "$WORK/venv"
cp examples/sample-news.txt "$WORK/article.txt"
# From here on only the venv is on PATH, and no Rust home exists.
export PATH="$WORK/venv/bin" CARGO_HOME="$WORK/no-cargo" RUSTUP_HOME="$WORK/no-rustup"
if command -v cargo >/dev/null 2>&1 || command -v rustc >/dev/null 2>&1; then
    echo "check_wheel: cargo or rustc is still on PATH" >&2
    exit 1
fi
python -m pip install --quiet --disable-pip-version-check "$WHEEL"
cd "$WORK"
dateline annotate article.txt -q -o out.jsonl
python - <<'PY'
import json
recs = [json.loads(line) for line in open("out.jsonl", encoding="utf-8")]
assert len(recs) == 1, recs
rec = recs[0]
assert rec["reference_date"], "no reference date detected"
assert any(e["label"] == "LOC" for e in rec["entities"]), rec["entities"]
assert any(t["type"] == "DATE" for t in rec["timexes"]), rec["timexes"]
import dateline
print(f"wheel ok: dateline {dateline.__version__}, {len(rec['entities'])} entities, {len(rec['timexes'])} time expressions")
PY
