//! The gazetteer matcher: names from the first line (`|` between names, `;`
//! between aliases), matched in the rest of the text with every matching
//! mode, and the world gazetteer on the same text. No panic; matches inside
//! the text, on char boundaries, with entry indices in range.
#![no_main]

use dateline_core::{Entry, Gazetteer, Match, NameRules, Tokenizer, world};
use libfuzzer_sys::fuzz_target;

fn check(text: &str, g: &Gazetteer, found: &[Match]) {
    for m in found {
        assert!(m.start < m.end && m.end <= text.len(), "{m:?}");
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end), "{m:?}");
        assert!((m.entry as usize) < g.len(), "{m:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let (names, text) = input.split_once('\n').unwrap_or(("", input));
    let entries: Vec<Entry> = names
        .split('|')
        .take(64)
        .enumerate()
        .map(|(i, n)| {
            let mut parts = n.split(';');
            let name = parts.next().unwrap_or("");
            let label = if i % 2 == 0 { "GPE" } else { "PERSON" };
            Entry::new(name, label, format!("id{i}")).with_aliases(parts.take(4))
        })
        .collect();
    let tokens = Tokenizer::default().tokenize(text);
    if let Ok(g) = Gazetteer::from_entries_with(entries, "fuzz", data.len().is_multiple_of(2)) {
        check(text, &g, &g.find(text, &tokens));
        check(text, &g, &g.find_all(text, &tokens));
        check(text, &g, &g.find_with_rules(text, &tokens, NameRules::default()));
    }
    let w = world();
    check(text, &w, &w.find(text, &tokens));
});
