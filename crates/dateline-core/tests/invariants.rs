//! Invariants over random and adversarial text: no panic, spans ordered,
//! inside the text, on char boundaries; tokens cover every non-space char;
//! batches equal single calls whatever the thread count.

use dateline_core::{
    Date, Document, DocumentType, Gazetteer, Lang, Pipeline, PipelineOptions, ReferenceDate, TemporalTagger, Tokenizer,
};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "a",
    "Venezuela",
    "U.S.",
    "'s",
    "’s",
    "n't",
    "-",
    "—",
    "–",
    ".",
    "...",
    "…",
    ",",
    "!",
    "?",
    "\"",
    "“",
    "”",
    "'",
    "(",
    ")",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\u{a0}",
    "2026",
    "03",
    "/",
    "99/99/9999",
    "0000",
    "99999",
    "2026-02-30",
    "2026-03-05",
    "March",
    "May",
    "Thursday",
    "5th",
    "of",
    "the",
    "coming",
    "weeks",
    "two",
    "-day",
    "ago",
    "last",
    "year",
    "é",
    "e\u{301}",
    "😀",
    "👩‍👩‍👧",
    "東京",
    "مرحبا",
    "Ǆ",
    "İ",
    "ß",
    "$",
    "%",
    "#",
    "@",
    "http://x.y/z?q=1.",
    "a@b.co",
    "Mr.",
    "No.",
    "9:30",
    "p.m.",
    "'90s",
    "1990s",
    "twenty",
    "four",
    "hours",
    "12345678901234567890",
    "\u{200b}",
    "\u{2028}",
    "\r\n",
    ":)",
    "--",
    "---",
    "mid-",
    "e-mail",
    "CARACAS",
    "Jan.",
    "Sept.",
    "said",
    "will",
];

fn random_text(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| rng.pick(PIECES)).collect()
}

fn check(text: &str, doc: &Document) {
    let mut last = 0;
    for t in &doc.tokens {
        assert!(t.start() < t.end() && t.start() >= last && t.end() <= text.len(), "token order in {text:?}");
        assert!(text.is_char_boundary(t.start()) && text.is_char_boundary(t.end()));
        assert!(
            text[last..t.start()].chars().all(char::is_whitespace),
            "uncovered text {:?} in {text:?}",
            &text[last..t.start()]
        );
        assert!(!text[t.start()..t.end()].chars().any(char::is_whitespace), "space inside token in {text:?}");
        last = t.end();
    }
    assert!(text[last..].chars().all(char::is_whitespace));
    let mut last = 0;
    let mut next_token = 0;
    for s in doc.sentences() {
        assert_eq!(s.token_start(), next_token, "sentences tile the tokens in {text:?}");
        next_token = s.token_end();
        assert!(s.start() >= last && s.start() < s.end() && s.end() <= text.len());
        assert!(s.token_start() < s.token_end() && s.token_end() <= doc.tokens.len());
        last = s.end();
    }
    assert_eq!(next_token, doc.tokens.len());
    let mut last = 0;
    for e in &doc.entities {
        assert!(e.start >= last && e.start < e.end && e.end <= text.len());
        last = e.end;
    }
    let mut last = 0;
    for t in &doc.timexes {
        assert!(t.start >= last && t.start < t.end && t.end <= text.len(), "timex span in {text:?}");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert!(!t.value.is_empty());
        last = t.end;
    }
    let mut last = 0;
    for r in &doc.ranges {
        assert!(r.start >= last && r.start < r.end && r.end <= text.len(), "range span in {text:?}");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        for i in [r.begin_timex, r.end_timex].into_iter().flatten() {
            let t = &doc.timexes[i];
            assert!(r.start <= t.start && t.end <= r.end, "range end outside its range in {text:?}");
        }
        last = r.end;
    }
    assert_ne!(doc.document_type, DocumentType::Auto);
}

fn same(a: &Document, b: &Document) -> bool {
    a.tokens == b.tokens
        && a.sentences == b.sentences
        && a.entities == b.entities
        && a.timexes == b.timexes
        && a.ranges == b.ranges
        && a.reference_date == b.reference_date
        && a.document_type == b.document_type
}

#[test]
fn random_text_keeps_invariants() {
    let nlp = Pipeline::new(PipelineOptions::default());
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..3000 {
        let text = random_text(&mut rng, 1 + round % 60);
        for r in [ReferenceDate::Detect, ReferenceDate::None, ReferenceDate::Fixed(Date::new(2026, 3, 5).unwrap())] {
            check(&text, &nlp.process(&text, r));
        }
    }
}

#[test]
fn extreme_years_and_digit_runs() {
    let nlp = Pipeline::new(PipelineOptions::default());
    let extremes = [Date::new(1, 1, 1).unwrap(), Date::new(9999, 12, 31).unwrap()];
    for text in [
        "in January 9999 and 0001, 99999 years ago, next year",
        "last week 0000-01-01 9999-12-31 the coming weeks",
        &"9".repeat(10_000),
        &"March ".repeat(2000),
        "'00s '10s 2099s 1000s",
    ] {
        for r in extremes {
            check(text, &nlp.process(text, ReferenceDate::Fixed(r)));
        }
    }
}

#[test]
fn batch_equals_single_for_any_thread_count() {
    let nlp = Pipeline::new(PipelineOptions::default());
    let mut rng = Rng(42);
    let texts: Vec<String> = (0..200).map(|i| random_text(&mut rng, 5 + i % 40)).collect();
    let single: Vec<Document> = texts.iter().map(|t| nlp.process(t, ReferenceDate::Detect)).collect();
    for threads in [None, Some(1), Some(2), Some(3)] {
        let batch = nlp.process_batch(&texts, &[], threads).unwrap();
        assert_eq!(batch.len(), single.len());
        assert!(batch.iter().zip(&single).all(|(a, b)| same(a, b)), "threads {threads:?}");
    }
    assert!(nlp.process_batch(&texts, &[], Some(0)).is_err());
    assert!(nlp.process_batch(&texts, &[ReferenceDate::None], None).is_err());
}

#[test]
fn serde_round_trip_gives_same_results() {
    let gaz =
        Gazetteer::from_entries(vec![dateline_core::Entry::new("Dow Jones", "ORG", "dj").with_aliases(["DJIA"])], "t")
            .unwrap();
    let nlp = Pipeline::with_gazetteer(PipelineOptions::default(), std::sync::Arc::new(gaz));
    let back = Pipeline::from_json(&nlp.to_json().unwrap()).unwrap();
    let text = "The Dow Jones and the DJIA fell on Monday, March 2, 2026.";
    assert!(same(&nlp.process(text, ReferenceDate::None), &back.process(text, ReferenceDate::None)));
    assert_eq!(back.gazetteer().entries(), nlp.gazetteer().entries());
    assert!(Pipeline::from_json("{\"format_version\": 99, \"options\": {}}").is_err());
    assert!(Pipeline::from_json("not json").is_err());
}

#[test]
fn public_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Pipeline>();
    assert_send_sync::<Gazetteer>();
    assert_send_sync::<Tokenizer>();
    assert_send_sync::<TemporalTagger>();
    assert_send_sync::<Document>();
    assert_send_sync::<dateline_core::Error>();
}

/// Adversarial lists: very long names, punctuation-only names, duplicate ids,
/// mixed scripts, names that are all spaces or empty (rejected with the
/// record's number), persons for the name rules. Matching random texts made
/// of those names never panics, entities sit on token boundaries, in order,
/// without overlap, with every name rule and with `find_all`.
#[test]
fn adversarial_gazetteers_keep_invariants() {
    use dateline_core::Entry;
    use std::sync::Arc;
    let long = format!("Long {}", "x".repeat(10_000));
    let names: Vec<String> = vec![
        long.clone(),
        "...".into(),
        "—".into(),
        "'s".into(),
        "Caracas".into(),
        "Caracas".into(),
        "Καράκας Πόλη".into(),
        "東京".into(),
        "São Paulo".into(),
        "Nicolás Maduro".into(),
        "Ana María".into(),
        "U.S.".into(),
        "Acme Inc.".into(),
        "O'Brien".into(),
        "Dr. Who".into(),
        "CARACAS".into(),
        "😀 Smile".into(),
    ];
    let mut entries: Vec<Entry> = names
        .iter()
        .enumerate()
        .map(|(i, n)| Entry::new(n.clone(), if i % 3 == 0 { "PER" } else { "LOC" }, "same-id"))
        .collect();
    entries.push(Entry::new("Ana María", "PER", "other").with_aliases(["Ana", "", "   "]));
    let gaz = Arc::new(Gazetteer::from_entries(entries.clone(), "t").unwrap());
    for bad in ["", "  ", "\n"] {
        let mut e = entries.clone();
        e.push(Entry::new(bad, "LOC", "x"));
        let err = Gazetteer::from_entries(e, "t").unwrap_err().to_string();
        assert!(err.contains(&format!("line {}", entries.len() + 1)), "{err}");
    }
    let back = Gazetteer::from_bytes(&gaz.to_bytes().unwrap()).unwrap();
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    let pieces: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .chain(PIECES.iter().copied())
        .chain([" ", "  ", "\n", "P. ", "Ana "])
        .collect();
    for all in [false, true] {
        let options = PipelineOptions { all_matches: all, ..PipelineOptions::default() };
        let nlp = Pipeline::with_gazetteer(options, Arc::clone(&gaz));
        for _ in 0..300 {
            let n = 1 + (rng.next() % 40) as usize;
            let text: String = (0..n).map(|_| rng.pick(&pieces)).collect::<Vec<_>>().join(" ");
            let doc = nlp.process(&text, ReferenceDate::None);
            if all {
                for e in &doc.entities {
                    assert!(e.start < e.end && e.end <= text.len());
                }
            } else {
                check(&text, &doc);
            }
            for e in &doc.entities {
                assert!(doc.tokens.iter().any(|t| t.start() == e.start), "entity start off a token in {text:?}");
                assert!(doc.tokens.iter().any(|t| t.end() == e.end), "entity end off a token in {text:?}");
            }
            let toks = gaz.tokenizer().tokenize(&text);
            assert_eq!(gaz.find(&text, &toks), back.find(&text, &toks));
        }
    }
}

#[test]
fn document_types_and_languages_per_text_equal_single_calls() {
    let nlp = Pipeline::new(PipelineOptions::default());
    let mut rng = Rng(7);
    let texts: Vec<String> = (0..120).map(|i| random_text(&mut rng, 5 + i % 30)).collect();
    let kinds = [DocumentType::News, DocumentType::Narrative, DocumentType::Colloquial, DocumentType::Auto];
    let types: Vec<DocumentType> = (0..texts.len()).map(|i| kinds[i % 4]).collect();
    let r = ReferenceDate::Fixed(Date::new(2026, 3, 5).unwrap());
    let refs = vec![r; texts.len()];
    let all: Vec<Option<Lang>> = std::iter::once(None).chain(Lang::all().map(Some)).collect();
    let langs: Vec<Option<Lang>> = (0..texts.len()).map(|i| all[i % all.len()]).collect();
    let single: Vec<Document> =
        texts.iter().zip(&types).zip(&langs).map(|((t, &k), &l)| nlp.process_as(t, r, Some(k), l)).collect();
    for ((d, &k), &l) in single.iter().zip(&types).zip(&langs) {
        if k != DocumentType::Auto {
            assert_eq!(d.document_type, k);
        }
        if let Some(l) = l {
            assert_eq!(d.lang, l);
        }
    }
    for threads in [Some(1), Some(2)] {
        let batch = nlp.map_batch(&texts, &refs, &types, &langs, threads, |_, d| d).unwrap();
        assert!(batch.iter().zip(&single).all(|(a, b)| same(a, b) && a.lang == b.lang), "threads {threads:?}");
    }
    assert!(nlp.map_batch(&texts, &refs, &types[1..], &[], None, |_, d| d).is_err());
    assert!(nlp.map_batch(&texts, &refs, &types, &langs[1..], None, |_, d| d).is_err());
}

#[test]
fn hyphenated_words_in_every_language_keep_entities_on_token_bounds() {
    let nlp = Pipeline::new(PipelineOptions::default());
    let r = ReferenceDate::Fixed(Date::new(2026, 3, 5).unwrap());
    let texts = ["été-hiver, États-Unis et Saint-Pétersbourg", "-é-", "à-", "Guinée-Bissau e Timor-Leste", "x-ü-ç"];
    for lang in Lang::all() {
        for text in texts {
            let doc = nlp.process_as(text, r, None, Some(lang));
            for e in &doc.entities {
                assert!(doc.tokens.iter().any(|t| t.start() == e.start), "{lang}: {text:?}");
                assert!(doc.tokens.iter().any(|t| t.end() == e.end), "{lang}: {text:?}");
            }
        }
    }
}
