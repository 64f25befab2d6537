//! A document as a self-contained HTML snippet: the text with entities and
//! time expressions highlighted, each followed by a small badge with its
//! label and id or its type and normalised value. Inline styles only: no
//! script, no stylesheet, no network resource, so it renders the same in a
//! notebook, a saved page or an e-mail.

use std::fmt::Write;

use crate::Gazetteer;
use crate::pipeline::Document;

/// Background colours for common entity labels; others get one from
/// [`PALETTE`] chosen by the label's bytes (stable across runs).
const LABEL_COLOURS: [(&str, &str); 8] = [
    ("LOC", "#a6d8f5"),
    ("GPE", "#a6d8f5"),
    ("PER", "#f5c6a6"),
    ("PERSON", "#f5c6a6"),
    ("ORG", "#c9b8f2"),
    ("NORP", "#b8ecc5"),
    ("MISC", "#e8e3a0"),
    ("PRODUCT", "#f2b8d6"),
];
const PALETTE: [&str; 6] = ["#d4e9b0", "#f7d9a8", "#b8e3e0", "#e3c4f0", "#f0c4c4", "#c4d4f0"];
/// The time-expression highlight (a warm yellow with an orange underline).
pub const TIMEX_COLOUR: &str = "#ffe08a";
const TIMEX_LINE: &str = "#e08a00";

/// The background colour used for entity `label`.
pub fn label_colour(label: &str) -> &'static str {
    LABEL_COLOURS.iter().find(|(l, _)| *l == label).map_or_else(
        || {
            let h = label.bytes().fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
            PALETTE[(h as usize) % PALETTE.len()]
        },
        |(_, c)| c,
    )
}

fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

struct Mark {
    start: usize,
    end: usize,
    colour: &'static str,
    timex: bool,
    badge: String,
    title: String,
}

/// Renders `doc` (analysed from `text`) as an HTML `<div>`.
///
/// Spans are drawn in text order; a span inside another is drawn nested, and
/// one that crosses another's boundary is drawn as far as that boundary goes
/// no further (both stay listed in the badge titles).
pub fn html(text: &str, doc: &Document, gazetteer: &Gazetteer) -> String {
    let mut marks: Vec<Mark> = Vec::with_capacity(doc.entities.len() + doc.timexes.len());
    for m in &doc.entities {
        let e = gazetteer.entry(m.entry);
        let id = gazetteer.match_id(m.entry, m.name.as_deref());
        let mut title = format!("{} {}", e.label, id);
        for &a in &m.alternatives {
            let alt = gazetteer.entry(a);
            let _ = write!(title, "; also {} {}", alt.label, alt.id);
        }
        marks.push(Mark {
            start: m.start,
            end: m.end,
            colour: label_colour(e.label),
            timex: false,
            badge: if id == e.name || m.name.is_some() { e.label.to_owned() } else { format!("{} · {}", e.label, id) },
            title,
        });
    }
    for t in &doc.timexes {
        let mut title = format!("{} {}", t.timex_type.as_str(), t.value);
        if let Some(m) = t.modifier {
            let _ = write!(title, " mod={m}");
        }
        if let Some((a, b)) = t.interval() {
            let _ = write!(title, " [{a}, {b})");
        }
        marks.push(Mark {
            start: t.start,
            end: t.end,
            colour: TIMEX_COLOUR,
            timex: true,
            badge: format!("{} {}", t.timex_type.as_str(), t.value),
            title,
        });
    }
    marks.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));

    let mut out = String::with_capacity(text.len() * 2 + marks.len() * 240);
    out.push_str(
        "<div class=\"dateline-doc\" style=\"font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; \
         font-size: 15px; line-height: 2.3; white-space: pre-wrap; color: #1d1d1d; background: #ffffff; \
         padding: 10px 14px; border: 1px solid #e2e2e2; border-radius: 6px; max-width: 60em;\">",
    );
    if let Some(r) = doc.reference_date {
        let _ = write!(
            out,
            "<div style=\"font-size: 12px; line-height: 1.6; color: #666666; white-space: normal; \
             margin-bottom: 6px;\">reference date {r} · {} entities · {} time expressions</div>",
            doc.entities.len(),
            doc.timexes.len()
        );
    }
    let mut pos = 0usize;
    let mut open: Vec<usize> = Vec::new(); // ends of the open marks
    let close = |out: &mut String, badge: &str, timex: bool| {
        let colour = if timex { "#8a4b00" } else { "#333333" };
        let _ = write!(
            out,
            "<span style=\"font-size: 10px; font-weight: 700; letter-spacing: 0.02em; color: {colour}; \
             margin-left: 5px; vertical-align: middle; text-transform: none;\">"
        );
        escape(out, badge);
        out.push_str("</span></mark>");
    };
    let mut badges: Vec<(String, bool)> = Vec::new();
    for m in &marks {
        // Close marks that end before this one starts.
        while let Some(&end) = open.last() {
            if end > m.start {
                break;
            }
            escape(&mut out, &text[pos..end]);
            pos = end;
            open.pop();
            if let Some((b, t)) = badges.pop() {
                close(&mut out, &b, t);
            }
        }
        // A mark crossing the open one's end is cut there.
        let end = open.last().map_or(m.end, |&e| m.end.min(e));
        if m.start < pos || end <= m.start {
            continue;
        }
        escape(&mut out, &text[pos..m.start]);
        pos = m.start;
        let style = if m.timex {
            format!(
                "background: {}; border-bottom: 2px solid {TIMEX_LINE}; padding: 2px 4px; margin: 0 1px; \
                 border-radius: 4px;",
                m.colour
            )
        } else {
            format!("background: {}; padding: 2px 4px; margin: 0 1px; border-radius: 4px;", m.colour)
        };
        let kind = if m.timex { "timex" } else { "entity" };
        let _ = write!(out, "<mark class=\"dateline-{kind}\" style=\"{style}\" title=\"");
        escape(&mut out, &m.title);
        out.push_str("\">");
        open.push(end);
        badges.push((m.badge.clone(), m.timex));
    }
    while let Some(end) = open.pop() {
        escape(&mut out, &text[pos..end]);
        pos = end;
        if let Some((b, t)) = badges.pop() {
            close(&mut out, &b, t);
        }
    }
    escape(&mut out, &text[pos..]);
    out.push_str("</div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Date, Entry, Pipeline, PipelineOptions, ReferenceDate};
    use std::sync::Arc;

    fn render(text: &str) -> String {
        let g = Gazetteer::builder()
            .entry(Entry::new("Caracas", "LOC", "geonames:3646738"))
            .entry(Entry::new("Acme <Corp>", "ORG", "Acme <Corp>"))
            .build()
            .unwrap();
        let nlp = Pipeline::with_gazetteer(PipelineOptions::default(), Arc::new(g));
        let doc = nlp.process(text, ReferenceDate::Fixed(Date::new(2026, 3, 5).unwrap()));
        html(text, &doc, nlp.gazetteer())
    }

    fn strip_tags(html: &str) -> String {
        let mut out = String::new();
        let mut depth = 0;
        let mut in_badge = 0usize;
        let mut rest = html;
        while let Some(c) = rest.chars().next() {
            if c == '<' {
                let close = rest.find('>').unwrap();
                let tag = &rest[..=close];
                if tag.starts_with("<span") {
                    in_badge += 1;
                } else if tag == "</span>" {
                    in_badge -= 1;
                } else if tag.starts_with("<div style") {
                    depth += 1;
                } else if tag == "</div>" && depth > 0 {
                    depth -= 1;
                    rest = &rest[close + 1..];
                    continue;
                }
                rest = &rest[close + 1..];
                continue;
            }
            if in_badge == 0 && depth == 0 {
                out.push(c);
            }
            rest = &rest[c.len_utf8()..];
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn highlights_entities_and_timexes_with_badges() {
        let h = render("Talks in Caracas on Thursday.");
        assert!(h.contains("<mark class=\"dateline-entity\""));
        assert!(h.contains("Caracas<span"));
        assert!(h.contains("LOC · geonames:3646738"));
        assert!(h.contains("DATE 2026-03-05"));
        assert!(h.contains(TIMEX_COLOUR));
        assert!(!h.contains("<script"));
        assert!(!h.contains("http"));
    }

    #[test]
    fn text_survives_escaping_and_nesting() {
        for text in [
            "Acme <Corp> & \"friends\" met in Caracas on March 5, 2026.",
            "<b>not a tag</b> in Caracas — ünïcödé on Thursday at 3 p.m.",
            "",
            "Caracas",
        ] {
            let h = render(text);
            assert_eq!(strip_tags(&h), text, "{h}");
            assert!(!h.contains("<b>"));
        }
    }

    #[test]
    fn unknown_labels_get_a_stable_colour() {
        assert_eq!(label_colour("LOC"), "#a6d8f5");
        assert_eq!(label_colour("DRUG"), label_colour("DRUG"));
        assert!(PALETTE.contains(&label_colour("DRUG")));
    }
}
