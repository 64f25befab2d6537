#!/usr/bin/env bash
# The whole test suite, from a fresh clone: Rust (fmt, clippy, cargo test)
# then Python (a local .venv, the extension built with maturin, pytest, the
# stub check). Needs the Rust toolchain and Python >= 3.11 with venv; installs
# Chromium from the system's packages (apt) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --workspace --quiet

echo "== headless browser (display tests screenshot the HTML rendering)"
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 \
    && ! command -v google-chrome >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        SUDO=""
        if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
        $SUDO apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
    else
        echo "Chromium is needed for tests/test_display.py; install it with your package manager" >&2
        exit 1
    fi
fi

echo "== python environment (.venv)"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade "maturin>=1.9.4,<2"
# Builds the extension into the venv and installs the `test` extras of pyproject.toml.
VIRTUAL_ENV="$PWD/.venv" .venv/bin/maturin develop --quiet --release --extras test

echo "== pytest"
.venv/bin/python -m pytest -q -p no:cacheprovider
echo "== type check of the Python package"
.venv/bin/python -m mypy --ignore-missing-imports --no-error-summary python/dateline
echo "== stubs match the extension"
.venv/bin/python -m mypy.stubtest dateline._core
