"""Notebook display: Doc._repr_html_ and dateline.render, checked as HTML and
as pixels in a real browser (headless Chromium, which scripts/test.sh installs
from Debian's packages when missing)."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import dateline
import pytest
from PIL import Image

ENTITY_LOC = (0xA6, 0xD8, 0xF5)  # LOC background in render.rs
TIMEX = (0xFF, 0xE0, 0x8A)  # TIMEX_COLOUR in render.rs


@pytest.fixture(scope="module")
def nlp() -> dateline.Pipeline:
    return dateline.Pipeline(reference_date="2026-03-05")


def visible_text(snippet: str) -> str:
    """The text a reader sees, minus the badges and the header line."""
    body = re.sub(r'<div style="font-size: 12px;[^>]*>.*?</div>', "", snippet, count=1)
    body = re.sub(r"<span[^>]*>.*?</span>", "", body)
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def test_repr_html_shows_labels_ids_and_values(nlp: dateline.Pipeline) -> None:
    doc = nlp("Officials met in Caracas on Thursday & talked <for hours>.")
    h = doc._repr_html_()
    assert visible_text(h) == doc.text
    assert 'class="dateline-entity"' in h and 'class="dateline-timex"' in h
    assert "LOC · geonames:3646738" in h
    assert "DATE 2026-03-05" in h
    assert "&lt;" in h and "&gt;." in h and "<for" not in h
    assert "<script" not in h and "http" not in h


def test_render_joins_documents_and_limits(nlp: dateline.Pipeline) -> None:
    docs = list(nlp.pipe(["Rain in Lima.", "Sun in Oslo on Friday.", "Nothing."]))
    out = dateline.render(docs)
    assert str(out).count('class="dateline-doc"') == 3
    assert out._repr_html_() == str(out)
    short = dateline.render(docs, limit=1)
    assert str(short).count('class="dateline-doc"') == 1
    assert "2 more not shown" in str(short)
    assert str(dateline.render(docs[0])).count('class="dateline-doc"') == 1
    with pytest.raises(TypeError, match="dateline.Doc"):
        dateline.render(["text"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="limit"):
        dateline.render(docs, limit=-1)


def _browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    message = "no Chromium found: the screenshot tests need a headless browser (Debian's 'chromium' package)"
    if os.environ.get("DATELINE_REQUIRE_BROWSER") == "1":
        raise AssertionError(message + "; CI (DATELINE_REQUIRE_BROWSER=1) must run them")
    pytest.skip(message + "; install it to run them (CI installs it and always runs them)")


def screenshot(page: str, tmp_path: Path, name: str) -> Image.Image:
    src = tmp_path / f"{name}.html"
    src.write_text(page, encoding="utf-8")
    png = tmp_path / f"{name}.png"
    cmd = [
        _browser(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-color-profile=srgb",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=800,300",
        f"--screenshot={png}",
        src.as_uri(),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    return Image.open(png).convert("RGB")


def pixels_like(img: Image.Image, colour: tuple[int, int, int], tol: int = 6) -> list[tuple[int, int]]:
    w, h = img.size
    data = img.load()
    assert data is not None
    out = []
    for y in range(0, h, 2):
        for x in range(0, w, 2):
            p = data[x, y]
            if all(abs(p[i] - colour[i]) <= tol for i in range(3)):
                out.append((x, y))
    return out


def test_highlights_render_in_a_real_browser(nlp: dateline.Pipeline, tmp_path: Path) -> None:
    doc = nlp("Officials met in Caracas on Thursday.")
    img = screenshot(dateline.render(doc).page(), tmp_path, "annotated")
    loc = pixels_like(img, ENTITY_LOC)
    tmx = pixels_like(img, TIMEX)
    # Each highlight is a filled box of several hundred pixels (sampled 1 in 4).
    assert len(loc) > 150, len(loc)
    assert len(tmx) > 150, len(tmx)
    # On one line, the entity box comes before the time expression's box.
    assert max(x for x, _ in loc) < min(x for x, _ in tmx)
    loc_rows = {y for _, y in loc}
    assert loc_rows & {y for _, y in tmx}

    plain = nlp("Nothing to see here.")
    img2 = screenshot(dateline.render(plain).page(), tmp_path, "plain")
    assert pixels_like(img2, ENTITY_LOC) == []
    assert pixels_like(img2, TIMEX) == []
    # The page is not blank: the text itself is drawn (dark pixels).
    dark = pixels_like(img2, (0x1D, 0x1D, 0x1D), tol=40)
    assert len(dark) > 20, len(dark)
