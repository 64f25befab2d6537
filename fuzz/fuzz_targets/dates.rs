//! The date tagger on any text, any reference date (years 1 to 9999, the
//! ends included) and document type: no panic; spans inside the text on char
//! boundaries; intervals and ranges non-empty.
#![no_main]

use dateline_core::{Date, DocumentType, Lang, TagOptions, TemporalTagger, Tokenizer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_at_checked(4) else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let (first, last) = (Date::new(1, 1, 1).unwrap(), Date::new(9999, 12, 31).unwrap());
    let span = last.to_epoch_days() - first.to_epoch_days() + 1;
    let n = i64::from(u16::from_le_bytes([head[0], head[1]]));
    // Near either end of the calendar, or anywhere in it.
    let reference = match head[2] % 4 {
        0 => None,
        1 => Some(first.add_days(n % 800)),
        2 => Some(last.add_days(-(n % 800))),
        _ => Date::from_epoch_days(first.to_epoch_days() + (n * 97) % span),
    };
    let document_type = [DocumentType::Auto, DocumentType::News, DocumentType::Narrative, DocumentType::Colloquial]
        [usize::from(head[3] % 4)];
    let langs: Vec<Lang> = Lang::all().collect();
    let lang = (head[3] >= 128).then(|| langs[usize::from(head[3] / 4) % langs.len()]);
    let tokenizer = Tokenizer::default().with_lang(lang.unwrap_or_else(Lang::english));
    let (tokens, sentences) = tokenizer.tokenize_with_sentences(text);
    let opts = TagOptions { reference, document_type, prefer: None, lang };
    let tagged = TemporalTagger::default().tag_document(text, &tokens, &sentences, &opts);
    for t in &tagged.timexes {
        assert!(t.start < t.end && t.end <= text.len(), "{t:?}");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end), "{t:?}");
        assert!(!t.value.is_empty(), "{t:?}");
        if let Some((a, b)) = t.interval() {
            assert!(a < b, "empty interval {a}..{b} of {:?} at {reference:?}", t.value);
        }
    }
    for r in &tagged.ranges {
        if let (Some(a), Some(b)) = (r.begin, r.end_day) {
            assert!(a < b, "empty range {a}..{b} at {reference:?}");
        }
        let _ = r.value();
    }
});
