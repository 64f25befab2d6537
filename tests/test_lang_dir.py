"""Resource files read at run time from ``DATELINE_LANG_DIR``.

The variable is read once per process, so each case runs in a child
process with its own folder.
"""

import json
import os
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import json, sys
    import dateline
    kwargs = json.loads(sys.argv[1])
    try:
        nlp = dateline.Pipeline(**kwargs)
    except dateline.ConfigError as e:
        print(json.dumps({"error": str(e)}))
        raise SystemExit(0)
    doc = nlp("Talks resume on Fribsday.", reference_date="2026-03-05")
    print(json.dumps({"timexes": [[t.text, t.value] for t in doc.timexes]}))
    """
)


def run(lang_dir, **kwargs):
    env = dict(os.environ, DATELINE_LANG_DIR=str(lang_dir))
    out = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(kwargs)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def write(folder, rel, text):
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


BROKEN = '[[rule]]\nname = "broken"\npattern = "NOSUCHCLASS"\ncat = "date"\nmake = "point"\n'


def test_a_grammar_that_does_not_compile_is_an_error_with_language_auto(tmp_path):
    # Before, a pipeline identifying languages per document was built and
    # silently found no dates in English.
    write(tmp_path, "en/dates/extra.toml", BROKEN)
    out = run(tmp_path)
    assert "error" in out, out
    assert "lang/en/dates" in out["error"] and "NOSUCHCLASS" in out["error"], out


def test_a_grammar_that_does_not_compile_is_an_error_with_its_language(tmp_path):
    write(tmp_path, "en/dates/extra.toml", BROKEN)
    out = run(tmp_path, lang="en")
    assert "error" in out and "lang/en/dates" in out["error"], out


def test_a_broken_grammar_of_another_language_is_no_error_when_english_is_asked_for(tmp_path):
    write(tmp_path, "es/dates/extra.toml", BROKEN)
    out = run(tmp_path, lang="en")
    assert "timexes" in out, out


def made_up_day(pattern):
    """A rule file with one rule: `pattern` is the day after the reference date."""
    return textwrap.dedent(
        f"""
        [[rule]]
        name = "made-up-day"
        pattern = "{pattern}"
        cat = "deictic"
        make = "shift"
        set = {{ unit = "d" }}
        examples = ["on [Fribsday] => 2026-03-06"]
        """
    )


def test_an_added_rule_file_takes_effect(tmp_path):
    assert run(tmp_path) == {"timexes": []}
    write(tmp_path, "en/dates/extra.toml", made_up_day("fribsday"))
    out = run(tmp_path)
    assert out.get("timexes") == [["Fribsday", "2026-03-06"]], out


def test_a_rule_file_may_hold_the_lists_its_rules_read(tmp_path):
    lists = '[list]\nmade_up_days = ["fribsday", "glorpsday"]\n'
    write(tmp_path, "en/dates/extra.toml", lists + made_up_day("%made_up_days"))
    out = run(tmp_path)
    assert out.get("timexes") == [["Fribsday", "2026-03-06"]], out


def test_a_list_defined_in_two_files_is_an_error_naming_it(tmp_path):
    # `month_prep` is one of English's own lists (in `lists.toml`).
    write(tmp_path, "en/dates/extra.toml", '[list]\nmonth_prep = ["in"]\n')
    out = run(tmp_path)
    assert "error" in out, out
    assert "extra.toml" in out["error"] and "month_prep" in out["error"] and "twice" in out["error"], out
