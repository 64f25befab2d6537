//! Sentence splitting over tokens.

use serde::{Deserialize, Serialize};

use super::{Token, Tokenizer};

/// One sentence: a byte range of the text and the range of its tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte offset of the sentence's first token.
    pub start: usize,
    /// Byte offset one past its last token.
    pub end: usize,
    /// Index of its first token.
    pub token_start: usize,
    /// Index one past its last token.
    pub token_end: usize,
}

fn is_closing(w: &str) -> bool {
    matches!(w, "\"" | "”" | "’" | "'" | ")" | "]" | "}" | "»")
}

fn is_terminal(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| c == '.' || c == '!' || c == '?' || c == '…')
}

/// Whether the gap between two tokens holds a line break (or a blank line).
fn gap_breaks(gap: &str) -> (bool, bool) {
    let newlines = gap.bytes().filter(|&b| b == b'\n').count()
        + gap.chars().filter(|&c| c == '\u{2028}' || c == '\u{2029}').count();
    (newlines >= 1, newlines >= 2)
}

pub(super) fn split(tok: &Tokenizer, text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut sent_start = 0usize;
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        let w = &text[tokens[i].start..tokens[i].end];
        let mut boundary_after = None;
        if i + 1 < n {
            let (line, blank) = gap_breaks(&text[tokens[i].end..tokens[i + 1].start]);
            if blank || (line && tok.split_on_newlines) {
                boundary_after = Some(i);
            }
        }
        if boundary_after.is_none() {
            let abbreviation = w.len() > 1 && w.ends_with('.') && !is_terminal(w);
            let terminal = is_terminal(w) || abbreviation;
            if terminal {
                // Absorb closing quotes and brackets.
                let mut j = i;
                while j + 1 < n && is_closing(&text[tokens[j + 1].start..tokens[j + 1].end]) {
                    j += 1;
                }
                if j + 1 >= n {
                    boundary_after = Some(j);
                } else {
                    let next = &text[tokens[j + 1].start..tokens[j + 1].end];
                    let next_first = next.chars().next().unwrap_or(' ');
                    let starts_upper = next_first.is_uppercase()
                        || next_first.is_ascii_digit()
                        || matches!(next_first, '"' | '“' | '‘' | '(' | '[' | '\'' | '—' | '-' | '`' | '«' | '„');
                    let ok = if abbreviation {
                        !tok.is_non_final_abbreviation(w) && starts_upper && tok.is_sentence_starter(next)
                    } else if w.chars().all(|c| c == '.' || c == '…') && w != "." {
                        // Ellipsis: continue unless a capitalised word follows.
                        next_first.is_uppercase() && next != "I"
                    } else {
                        starts_upper
                    };
                    if ok {
                        boundary_after = Some(j);
                    }
                }
                if let Some(j) = boundary_after {
                    i = j;
                }
            }
        }
        if let Some(j) = boundary_after {
            out.push(Sentence {
                start: tokens[sent_start].start,
                end: tokens[j].end,
                token_start: sent_start,
                token_end: j + 1,
            });
            sent_start = j + 1;
        }
        i += 1;
    }
    if sent_start < n {
        out.push(Sentence {
            start: tokens[sent_start].start,
            end: tokens[n - 1].end,
            token_start: sent_start,
            token_end: n,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::Tokenizer;

    fn sents(text: &str) -> Vec<&str> {
        let (_, s) = Tokenizer::default().tokenize_with_sentences(text);
        s.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn splits_and_keeps() {
        assert_eq!(sents("He left. She stayed."), ["He left.", "She stayed."]);
        assert_eq!(
            sents("Mr. Smith met Dr. Jones on Jan. 5 in the U.S. Embassy."),
            ["Mr. Smith met Dr. Jones on Jan. 5 in the U.S. Embassy."]
        );
        assert_eq!(sents("It grew 3.5 percent. No. 3 won."), ["It grew 3.5 percent.", "No. 3 won."]);
        assert_eq!(sents("He lives in the U.S. The rest stay."), ["He lives in the U.S.", "The rest stay."]);
        assert_eq!(sents("“Go home.” Then he left."), ["“Go home.”", "Then he left."]);
        assert_eq!(sents("a line\nanother"), ["a line", "another"]);
        assert_eq!(sents("wait... and then"), ["wait... and then"]);
    }

    #[test]
    fn newline_option() {
        let t = Tokenizer::new(false);
        let text = "a line\nanother\n\nthird";
        let (_, s) = t.tokenize_with_sentences(text);
        let got: Vec<&str> = s.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["a line\nanother", "third"]);
    }
}
