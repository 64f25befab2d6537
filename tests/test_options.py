"""Every bad option value raises ConfigError (a DatelineError and a
ValueError) naming the option, wherever the option is given: the
constructor, a call, a batch, dateline.parse."""

from __future__ import annotations

import dateline
import pytest
from dateline.exceptions import ConfigError

BAD_CONSTRUCTOR = [
    ({"date_order": "ymd"}, "date_order"),
    ({"overlaps": "some"}, "overlaps"),
    ({"disable": ["tokens"]}, "disable"),
    ({"document_type": "blog"}, "document type"),
    ({"lang": "xx"}, "unknown language"),
    ({"name_rules": ["nicknames"]}, "name_rules"),
    ({"n_threads": 0}, "n_threads"),
    ({"reference_date": "2026-13-01"}, "reference_date"),
    ({"reference_date": "yesterday"}, "reference_date"),
]


@pytest.mark.parametrize("kwargs, names", BAD_CONSTRUCTOR)
def test_constructor(kwargs: dict, names: str) -> None:
    with pytest.raises(ConfigError, match=names):
        dateline.Pipeline(**kwargs)


def test_per_call_and_per_document() -> None:
    nlp = dateline.Pipeline()
    for kwargs, names in (
        ({"document_type": "blog"}, "document type"),
        ({"lang": "xx"}, "unknown language"),
        ({"reference_date": "2026-02-30"}, "reference_date"),
    ):
        with pytest.raises(ConfigError, match=names):
            nlp("text", **kwargs)
    with pytest.raises(ConfigError, match=r"reference_dates\[1\]"):
        list(nlp.pipe(["a", "b"], reference_dates=[None, "2026-02-30"]))
    with pytest.raises(ConfigError, match="document type"):
        nlp.annotate(["a"], document_types=["blog"])
    with pytest.raises(ConfigError, match=r"langs\[0\]"):
        nlp.annotate(["a"], langs=["xx"])


def test_parse_options() -> None:
    for kwargs, names in (
        ({"prefer": "later"}, "prefer"),
        ({"date_order": "ymd"}, "date_order"),
        ({"reference_date": "detect"}, "needs a document"),
        ({"document_type": "blog"}, "document type"),
    ):
        with pytest.raises(ConfigError, match=names):
            dateline.parse("next Friday", **kwargs)


def test_config_error_is_a_value_error_and_a_dateline_error() -> None:
    with pytest.raises(ValueError):
        dateline.Pipeline(overlaps="some")
    with pytest.raises(dateline.DatelineError):
        dateline.Pipeline(overlaps="some")
