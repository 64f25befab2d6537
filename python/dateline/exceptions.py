"""Exceptions raised by dateline.

Every dateline error is a :class:`DatelineError`; the ones caused by bad
values are also :class:`ValueError`, so ``except ValueError`` catches them.
Missing or unreadable files raise the built-in :class:`FileNotFoundError`,
:class:`PermissionError` or :class:`OSError`; wrong argument types raise
:class:`TypeError`.
"""

from __future__ import annotations

__all__ = ["ConfigError", "DatelineError", "GazetteerError", "SerializationError"]


class DatelineError(Exception):
    """Base class of dateline's own exceptions."""


class GazetteerError(DatelineError, ValueError):
    """A gazetteer source is unusable: empty, not UTF-8, missing a column,
    or a row with an empty name. The message names the source and line."""


class ConfigError(DatelineError, ValueError):
    """An option value is invalid (for example ``n_threads=0``)."""


class SerializationError(DatelineError, ValueError):
    """Serialized pipeline or gazetteer data cannot be read back."""
