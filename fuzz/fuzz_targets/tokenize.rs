//! The tokenizer on any text, in every language: spans are ordered, inside
//! the text, on char boundaries, and sentences cover the tokens in order.
#![no_main]

use dateline_core::{Lang, Tokenizer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let langs: Vec<Lang> = Lang::all().collect();
    let lang = langs[usize::from(pick) % langs.len()];
    let tokenizer = Tokenizer::new(pick & 0x80 != 0).with_lang(lang);
    let (tokens, sentences) = tokenizer.tokenize_with_sentences(text);
    let mut last = 0;
    for t in &tokens {
        assert!(last <= t.start() && t.start() < t.end() && t.end() <= text.len(), "token {t:?} after {last}");
        assert!(text.is_char_boundary(t.start()) && text.is_char_boundary(t.end()), "token {t:?} splits a char");
        last = t.end();
    }
    let (mut last, mut next_token) = (0, 0);
    for s in sentences.iter(&tokens) {
        assert!(last <= s.start() && s.start() < s.end() && s.end() <= text.len(), "sentence {s:?} after {last}");
        assert_eq!(s.token_start(), next_token, "sentence {s:?} leaves tokens out");
        last = s.end();
        next_token = s.token_end();
    }
    assert_eq!(next_token, tokens.len());
});
