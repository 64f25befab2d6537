"""``python -m dateline``: the command-line interface."""

from dateline.cli import main

raise SystemExit(main())
