#!/usr/bin/env bash
# Builds dateline's wheel into OUT (default dist/): one abi3 wheel for
# CPython >= 3.11 on this platform, tagged manylinux on Linux (the glibc
# version the build machine's symbols need). Needs the Rust toolchain (see
# rust-version in Cargo.toml) and Python >= 3.11; installs maturin into the
# local .venv when it is missing. With ZIG=1 and the `ziglang` package
# installed, links against an older glibc for a manylinux2014 wheel that
# installs on most Linux machines.
#
#   bash scripts/build_wheels.sh [OUT]
#   pip install OUT/dateline-*.whl        # no Rust needed to install it
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-dist}"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/maturin ]; then
    [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
    .venv/bin/python -m pip install --quiet "maturin>=1.9.4,<2"
fi
if [ "${ZIG:-0}" = 1 ]; then
    .venv/bin/maturin build --release --strip --zig --compatibility manylinux2014 --out "$OUT"
else
    .venv/bin/maturin build --release --strip --out "$OUT"
fi
