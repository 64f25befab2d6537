//! Tests of the tagger: tagging in pieces, sentences of tokens.

use super::{GROUP, SentenceOf, WINDOW, tag, tag_in_pieces};
use crate::Date;
use crate::dates::{DocumentType, TagOptions, grammar};
use crate::lang::Lang;
use crate::tokenize::Tokenizer;

/// One document of every example sentence of a language's rules (in
/// order, then shuffled by a stride), and text made of the grammar's words.
fn long_document(lang: Lang) -> String {
    let g = grammar(lang).unwrap();
    let mut lines: Vec<String> = Vec::new();
    for r in &g.rules {
        for ex in &r.examples {
            let body = ex.rsplit_once(" => ").map_or(ex.as_str(), |x| x.0);
            let body = body.strip_prefix("ref=").and_then(|b| b.split_once(':')).map_or(body, |x| x.1.trim_start());
            lines.push(body.replace(['[', ']'], ""));
        }
    }
    let n = lines.len();
    let stride: Vec<String> = (0..n).map(|k| lines[(k * 7919) % n].clone()).collect();
    let mut doc = lines.join("\n");
    doc.push_str("\n\n");
    doc.push_str(&stride.join(" "));
    doc.push_str("\n\n");
    doc.push_str(&crate::dates::scan_oracle::generated(g, 11, 6000));
    doc
}

/// A document tagged in pieces (small scan windows, small resolving
/// groups) gives exactly what one pass gives, for every document type
/// and with or without a reference date.
#[test]
fn tagging_in_pieces_changes_nothing() {
    for lang in [Lang::english(), Lang::from_code("es").unwrap(), Lang::from_code("de").unwrap()] {
        let g = grammar(lang).unwrap();
        let text = long_document(lang);
        let (tokens, sentences) = Tokenizer::default().with_lang(lang).tokenize_with_sentences(&text);
        assert!(tokens.len() > 5000 && tokens.len() < WINDOW, "{} tokens", tokens.len());
        for (document_type, reference) in [
            (DocumentType::Auto, Date::new(2026, 3, 5).ok()),
            (DocumentType::Auto, None),
            (DocumentType::Narrative, Date::new(1998, 2, 1).ok()),
            (DocumentType::Colloquial, Date::new(2026, 3, 5).ok()),
        ] {
            let opts = TagOptions { reference, document_type, prefer: None, lang: Some(lang) };
            let whole = tag(g, g.date_order, &text, &tokens, &sentences, &opts, false);
            assert!(
                whole.timexes.len() > 200 && (lang != Lang::english() || !whole.ranges.is_empty()),
                "{lang:?} {document_type:?} {}",
                whole.timexes.len()
            );
            for (window, group) in [(1, 1), (7, 3), (64, 50), (997, GROUP), (WINDOW, 2)] {
                let pieces = tag_in_pieces(g, g.date_order, &text, &tokens, &sentences, &opts, (window, group, false));
                assert!(
                    pieces == whole,
                    "{lang:?} {document_type:?} {reference:?}: window {window}, group {group} differ \
                     ({} and {} expressions)",
                    pieces.timexes.len(),
                    whole.timexes.len()
                );
            }
        }
    }
}

/// The rank gives what a table of every token's sentence gave, and the
/// token range of that sentence.
#[test]
fn sentence_of_equals_the_table() {
    let texts = [
        "",
        "One.",
        "He left. She stayed!\n\nA list:\n1. one\n2. two\nEnd",
        "  Mr. Smith arrived on March 5, 2026. \"Yes.\" (No.) ... and then?  Fine\n\n\n",
    ];
    for split in [true, false] {
        let tok = Tokenizer::new(split);
        for text in texts {
            let (tokens, sentences) = tok.tokenize_with_sentences(text);
            let mut table = vec![(0u32, 0, 0); tokens.len()];
            for (k, s) in sentences.iter(&tokens).enumerate() {
                for slot in table.iter_mut().take(s.token_end()).skip(s.token_start()) {
                    *slot = (u32::try_from(k).unwrap(), s.token_start(), s.token_end());
                }
            }
            let of = SentenceOf { sentences: &sentences, tokens: tokens.len() };
            for k in 0..=tokens.len() + 1 {
                assert_eq!(of.get(k), table.get(k).map(|t| t.0), "{text:?} token {k}");
                if let Some(&(_, a, b)) = table.get(k) {
                    assert_eq!(of.tokens_around(k), (a, b));
                }
            }
            // Tokens past those the sentences cover: sentence 0, and all the tokens around.
            if let Some(cut) = tokens.len().checked_sub(1).filter(|&c| c > 0) {
                let fewer = crate::tokenize::Sentences::from_ends(cut, std::iter::empty());
                let of = SentenceOf { sentences: &fewer, tokens: tokens.len() };
                assert_eq!(of.get(cut), Some(0));
                assert_eq!(of.tokens_around(cut), (0, tokens.len()));
            }
        }
    }
}
