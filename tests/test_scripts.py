"""The repository's scripts (benchmarks, data builders) at least compile and
answer --help, so a broken benchmark is caught here rather than when someone
needs its figures."""

from __future__ import annotations

import py_compile
import subprocess
import sys

import pytest
from conftest import ROOT

SCRIPTS = sorted((ROOT / "benchmarks").glob("*.py")) + sorted((ROOT / "scripts").glob("*.py"))


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_script_compiles(path) -> None:
    py_compile.compile(str(path), doraise=True)


@pytest.mark.parametrize("path", sorted((ROOT / "benchmarks").glob("*.py")), ids=lambda p: p.name)
def test_benchmark_help(path) -> None:
    r = subprocess.run([sys.executable, str(path), "--help"], capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    assert b"usage" in r.stdout.lower()
