"""Shared fixtures: the repository's testdata tables and, where present, the
project's shared data folder (``../shared`` beside the checkout).

``HYPOTHESIS_PROFILE=long`` selects the hypothesis profile ``long`` (many more
examples, no deadline) for long property runs; without it the default profile
is used. Tests that fix ``max_examples`` in their own ``@settings`` keep it."""

from __future__ import annotations

import os
import pathlib
import subprocess
import tomllib

import pytest
from hypothesis import settings

settings.register_profile("long", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = pathlib.Path(__file__).resolve().parent.parent
TESTDATA = ROOT / "testdata"
SHARED = ROOT.parent / "shared"
SEED_TXT = SHARED / "data" / "seed" / "caracas-2026-03-05.txt"
SEED_GOLD = SHARED / "data" / "seed" / "caracas-2026-03-05.gold.json"


def finish(p: subprocess.Popen, timeout: float) -> bytes:
    """The stderr of `p` once it exits; if it runs past `timeout` seconds it
    is killed (no process outlives its test) and the test fails with what it
    printed."""
    try:
        _, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        _, err = p.communicate()
        pytest.fail(f"still running {timeout} s after the signal; it printed: {(err or b'').decode(errors='replace')[-2000:]}")
    return err or b""


def load_tables(kind: str) -> list[tuple[str, dict, dict]]:
    """(file stem, whole file, case) for every case of testdata/<kind>/*.toml."""
    out = []
    for path in sorted((TESTDATA / kind).glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data.get("case", []):
            out.append((path.stem, data, case))
    return out


@pytest.fixture(scope="session")
def seed() -> tuple[str, dict]:
    if not SEED_TXT.exists():
        pytest.skip(f"shared seed article not found at ../shared/data/seed (looked in {SEED_TXT.parent.name})")
    import json

    return SEED_TXT.read_text(encoding="utf-8"), json.loads(SEED_GOLD.read_text(encoding="utf-8"))
