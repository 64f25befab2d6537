#!/usr/bin/env bash
# The whole test suite, from a fresh clone: Rust (fmt, clippy, cargo test)
# then Python (a local .venv, the extension built with maturin, pytest, the
# stub check, the wheel installed without Rust). Needs the Rust toolchain and
# Python >= 3.11 with venv. Chromium (for the screenshot tests) is installed
# from the system's packages only when DATELINE_REQUIRE_BROWSER=1 (CI);
# otherwise, when it is missing, those tests are skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
# The debug build of the tests takes about 0.9 GB of disk this way, 2 GB with
# full debug info and incremental caches (a CI machine may have little room).
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
export CARGO_PROFILE_DEV_DEBUG="${CARGO_PROFILE_DEV_DEBUG:-line-tables-only}"

echo "== rust-version tells the truth"
"$PYTHON" scripts/check_msrv.py
echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --workspace --quiet
if [ "${DATELINE_FREE_DISK:-0}" = 1 ]; then
    # CI (.ci/run): the debug build is not needed again; free its room for the release build.
    rm -rf target/debug
fi

echo "== headless browser (display tests screenshot the HTML rendering)"
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 \
    && ! command -v google-chrome >/dev/null 2>&1; then
    if [ "${DATELINE_REQUIRE_BROWSER:-0}" = 1 ]; then
        # CI (.ci/run sets DATELINE_REQUIRE_BROWSER=1): install it, so the tests always run there.
        if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
            echo "DATELINE_REQUIRE_BROWSER=1 but Chromium is missing and cannot be installed (needs root and apt-get)" >&2
            exit 1
        fi
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "Chromium not found: tests/test_display.py's screenshot tests will be skipped" \
            "(install your system's 'chromium' package to run them; CI installs it)"
    fi
fi

echo "== python environment (.venv)"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade "maturin>=1.9.4,<2"
# Builds the extension into the venv and installs the `test` extras of pyproject.toml.
VIRTUAL_ENV="$PWD/.venv" .venv/bin/maturin develop --quiet --release --extras test

echo "== ruff (Python lint)"
.venv/bin/python -m ruff check python tests benchmarks scripts
echo "== pytest"
.venv/bin/python -m pytest -q -p no:cacheprovider
echo "== type check of the Python package"
.venv/bin/python -m mypy --ignore-missing-imports --no-error-summary python/dateline
echo "== stubs match the extension"
.venv/bin/python -m mypy.stubtest dateline._core
echo "== the wheel installs and runs with no Rust toolchain"
WHEELS="$(mktemp -d)"
bash scripts/build_wheels.sh "$WHEELS" >/dev/null 2>&1 || bash scripts/build_wheels.sh "$WHEELS"
bash scripts/check_wheel.sh "$WHEELS"/dateline-*.whl
rm -rf "$WHEELS"
