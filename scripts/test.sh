#!/usr/bin/env bash
# The whole test suite, from a fresh clone: Rust (fmt, clippy, cargo test)
# then Python (a local .venv, the extension built with maturin, pytest, the
# stub check). Needs only the Rust toolchain and Python >= 3.11 with venv.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --workspace --quiet

echo "== python environment (.venv)"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade "maturin>=1.9.4,<2"
# Builds the extension into the venv and installs the `test` extras of pyproject.toml.
VIRTUAL_ENV="$PWD/.venv" .venv/bin/maturin develop --quiet --release --extras test

echo "== pytest"
.venv/bin/python -m pytest -q -p no:cacheprovider
echo "== stubs match the extension"
.venv/bin/python -m mypy.stubtest dateline._core
