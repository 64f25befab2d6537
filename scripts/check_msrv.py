"""Checks that the workspace's `rust-version` (Cargo.toml) is the truth:
no crate in the build graph declares a newer one. (Clippy's
`incompatible_msrv` lint, run with `-D warnings` by the test script, checks
that our own code uses no newer standard-library API; the language features
we use, such as let chains, need 1.88.)"""

from __future__ import annotations

import json
import subprocess
import sys


def version(s: str) -> tuple[int, int, int]:
    parts = [int(p) for p in s.split(".")[:3] if p.isdigit()] + [0, 0, 0]
    return (parts[0], parts[1], parts[2])


def main() -> int:
    meta = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked"], check=True, capture_output=True, text=True
        ).stdout
    )
    ours = {p["name"]: p.get("rust_version") for p in meta["packages"] if p["id"] in meta["workspace_members"]}
    declared = {v for v in ours.values() if v}
    if len(declared) != 1:
        print(f"workspace crates disagree on rust-version: {ours}", file=sys.stderr)
        return 1
    msrv = declared.pop()
    newer = sorted(
        (p["name"], p["version"], p["rust_version"])
        for p in meta["packages"]
        if p.get("rust_version") and version(p["rust_version"]) > version(msrv)
    )
    if newer:
        for name, ver, rv in newer:
            print(f"{name} {ver} needs Rust {rv}, above the workspace's rust-version {msrv}", file=sys.stderr)
        return 1
    print(f"rust-version {msrv}: no dependency needs a newer Rust")
    return 0


if __name__ == "__main__":
    sys.exit(main())
