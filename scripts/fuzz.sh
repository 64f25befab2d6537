#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ for SECONDS each (default 60):
#   scripts/fuzz.sh [SECONDS] [TARGET ...]
# Targets: tokenize, dates, gazetteer_match, gazetteer_load (all by default).
# With a nightly toolchain the targets run with AddressSanitizer; otherwise
# on stable without a sanitizer (`-s none`). Without cargo-fuzz (install it
# with `cargo install cargo-fuzz`) or a toolchain that can build the targets
# it says so and exits 0. The corpus grows in fuzz/corpus/TARGET (seeded from
# testdata/ when empty); a crash is saved in fuzz/artifacts/TARGET and makes
# the script exit 1 after the other targets have run. Debug assertions and
# overflow checks are on (cargo-fuzz's default).
set -uo pipefail
cd "$(dirname "$0")/.."

secs="${1:-60}"
if ! [[ "$secs" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: scripts/fuzz.sh [SECONDS] [TARGET ...] (SECONDS a positive integer, not '$secs')" >&2
    exit 2
fi
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(tokenize dates gazetteer_match gazetteer_load)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: cargo-fuzz is not installed (cargo install cargo-fuzz); nothing run"
    exit 0
fi

# nightly with AddressSanitizer if it builds, else stable without a sanitizer.
echo "fuzz: building the targets"
if cargo +nightly --version >/dev/null 2>&1 && cargo +nightly fuzz build >/dev/null 2>&1; then
    fuzz=(cargo +nightly fuzz run)
    how="nightly, AddressSanitizer"
elif cargo fuzz build -s none >/dev/null 2>&1; then
    fuzz=(cargo fuzz run -s none)
    how="stable, no sanitizer"
else
    echo "fuzz: neither a nightly toolchain nor cargo-fuzz on stable (-s none) can build the targets; nothing run"
    exit 0
fi

# Seeds: the inputs of the case tables, behind the bytes each target reads
# first (language, reference date, names line).
seed() {
    local target="$1" dir="fuzz/corpus/$1"
    [ -n "$(ls -A "$dir" 2>/dev/null)" ] && return
    mkdir -p "$dir"
    command -v python3 >/dev/null 2>&1 || return 0
    python3 - "$target" "$dir" <<'PY' || true
import pathlib, sys, tomllib
target, out = sys.argv[1], pathlib.Path(sys.argv[2])
kind = {"tokenize": "tokenize", "dates": "dates", "gazetteer_match": "gazetteer"}.get(target)
if kind is None:
    sys.exit(0)
heads = {
    "tokenize": [b"\x00", b"\x81"],
    "dates": [b"\x00\x00\x03\x01", b"\x05\x00\x01\x01", b"\x05\x00\x02\x01", b"\x00\x00\x00\x02"],
    "gazetteer_match": [b"Caracas|Nicolas Maduro;Maduro|New York\n", b"\n"],
}[target]
n = 0
for path in sorted(pathlib.Path("testdata", kind).glob("*.toml")):
    for case in tomllib.loads(path.read_text(encoding="utf-8")).get("case", []):
        text = case.get("input", "").encode()
        for head in heads:
            (out / f"seed-{n}").write_bytes(head + text)
            n += 1
PY
}

echo "fuzz: ${secs}s per target ($how): ${targets[*]}"
failed=()
for t in "${targets[@]}"; do
    seed "$t"
    echo "== $t"
    "${fuzz[@]}" "$t" -- -max_total_time="$secs" -rss_limit_mb=4096 -timeout=20 -print_final_stats=1 2>&1 \
        | grep -E '^(Done [0-9]+ runs|stat::(number_of_executed_units|peak_rss_mb)|==[0-9]+==|thread .* panicked|SUMMARY|Test unit written|Crash)'
    status=${PIPESTATUS[0]}
    if [ "$status" -ne 0 ]; then
        failed+=("$t")
        echo "fuzz: $t FAILED (see fuzz/artifacts/$t)"
    else
        echo "fuzz: $t ran ${secs}s without a crash"
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: crashes in ${failed[*]}"
    exit 1
fi
