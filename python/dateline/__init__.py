"""dateline: tokens, gazetteer entities and normalised time expressions
from news text, with a Rust core.

>>> import dateline
>>> nlp = dateline.Pipeline(reference_date="2026-03-05")
>>> doc = nlp("Officials met in Caracas on Thursday.")
>>> [(e.text, e.label) for e in doc.entities]
[('Caracas', 'LOC')]
>>> [(t.text, t.type, t.value) for t in doc.timexes]
[('Thursday', 'DATE', '2026-03-05')]
>>> dateline.parse("yesterday", reference_date="2026-03-05").value
'2026-03-04'
"""

from __future__ import annotations

import os as _os

from dateline import _core, exceptions, gazetteers
from dateline._core import (
    Doc,
    Entity,
    Gazetteer,
    ParsedTime,
    Range,
    Sentence,
    Timex,
    Token,
    detect_language,
    languages,
)
from dateline._frames import Annotations
from dateline._gazframe import GazetteerBuilder
from dateline._parse import parse
from dateline._pipeline import Offsets, Pipeline
from dateline.display import render
from dateline.exceptions import ConfigError, DatelineError, GazetteerError, SerializationError

__version__: str = _core.__version__

__all__ = [
    "Annotations",
    "ConfigError",
    "DatelineError",
    "Doc",
    "Entity",
    "Gazetteer",
    "GazetteerBuilder",
    "GazetteerError",
    "Offsets",
    "ParsedTime",
    "Pipeline",
    "Range",
    "Sentence",
    "SerializationError",
    "Timex",
    "Token",
    "__version__",
    "detect_language",
    "exceptions",
    "gazetteers",
    "languages",
    "parse",
    "render",
]

# rayon's worker threads do not survive fork(): a forked child processes
# batches sequentially instead of deadlocking.
if hasattr(_os, "register_at_fork"):
    _os.register_at_fork(after_in_child=_core._after_fork_in_child)
