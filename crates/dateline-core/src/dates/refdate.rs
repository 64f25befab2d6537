//! Detecting a document's reference (creation) date from its header or
//! dateline: `date 2026-03-05`, `Published: March 5, 2026`,
//! `March 5, 2026 — …`, `CARACAS, March 5, 2026 (Reuters) - …`.

use super::{DocumentType, TagOptions, TemporalTagger, TimexType};
use crate::civil::Date;
use crate::lang::Lang;
use crate::tokenize::Tokenizer;

const KEYWORDS: &[&str] = &["date", "dated", "dct", "published", "posted", "updated", "filed", "created", "issued"];
const LINES: usize = 3;
const LINE_BYTES: usize = 240;

/// Looks for the reference date in the first lines of `text` with the
/// default tagger (see [`detect_reference_date_with`]).
#[must_use]
pub fn detect_reference_date(text: &str, tokenizer: &Tokenizer) -> Option<(Date, usize, usize)> {
    detect_reference_date_with(text, tokenizer, &TemporalTagger::default())
}

/// Looks for the reference date in the first lines of `text` with `tagger`
/// (so its date order reads the header): a complete calendar date, alone or
/// with a time, that follows a keyword such as `date`/`Published`, or that is
/// followed by a dash, colon or bracket, or that fills a short line. Returns
/// the date and the byte span where it was found.
#[must_use]
pub fn detect_reference_date_with(
    text: &str,
    tokenizer: &Tokenizer,
    tagger: &TemporalTagger,
) -> Option<(Date, usize, usize)> {
    detect_reference_date_in(text, tokenizer, tagger, tagger.lang_of(text, None))
}

/// As [`detect_reference_date_with`], reading the header in `lang`.
#[must_use]
pub fn detect_reference_date_in(
    text: &str,
    tokenizer: &Tokenizer,
    tagger: &TemporalTagger,
    lang: Lang,
) -> Option<(Date, usize, usize)> {
    let opts = TagOptions { reference: None, document_type: DocumentType::News, prefer: None, lang: Some(lang) };
    let mut offset = 0usize;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        seen += 1;
        if seen > LINES {
            break;
        }
        let mut cut = line.len().min(LINE_BYTES);
        while !line.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = &line[..cut];
        if !head.bytes().any(|b| b.is_ascii_digit()) {
            continue; // a complete date always has digits
        }
        let (tokens, sentences) = tokenizer.tokenize_with_sentences(head);
        for t in tagger.tag_document(head, &tokens, &sentences, &opts).timexes {
            if !matches!(t.timex_type, TimexType::Date | TimexType::Time) || t.value.len() < 10 {
                continue;
            }
            let Ok(date) = Date::parse_iso(&t.value[..10]) else {
                continue;
            };
            let before: Vec<&str> =
                tokens.iter().filter(|k| k.end() <= t.start).map(|k| &head[k.start()..k.end()]).collect();
            if before.len() > 6 || before.iter().any(|w| matches!(*w, "." | "!" | "?")) {
                continue;
            }
            let keyword = before
                .iter()
                .rev()
                .find(|w| !matches!(**w, ":" | "=" | "-"))
                .is_some_and(|w| KEYWORDS.contains(&w.to_lowercase().as_str()));
            let after = head[t.end..].trim_start();
            let separated = after.is_empty()
                || after.starts_with(['—', '–', '-', ':', '|', '(', '/', '\n'])
                || line.trim().len() <= 40;
            if keyword || separated {
                return Some((date, start + t.start, start + t.end));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(text: &str) -> Option<String> {
        detect_reference_date(text, &Tokenizer::default()).map(|d| d.0.to_string())
    }

    #[test]
    fn headers_and_datelines() {
        assert_eq!(detect("date 2026-03-05 CARACAS — The United States").as_deref(), Some("2026-03-05"));
        assert_eq!(detect("March 5, 2026 — Officials said").as_deref(), Some("2026-03-05"));
        assert_eq!(detect("CARACAS, March 5, 2026 (Reuters) - Talks").as_deref(), Some("2026-03-05"));
        assert_eq!(detect("Title\nPublished: 5 March 2026\n\nBody").as_deref(), Some("2026-03-05"));
        assert_eq!(detect("The talks that began on March 5, 2026 ended. Later"), None);
        assert_eq!(detect("No date here at all."), None);
        assert_eq!(detect("date 2026-02-30 bad"), None);
    }
}
