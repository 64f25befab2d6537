//! Tests of the gazetteer: folded names, compiled bytes, every match.

use super::*;

thread_local! {
    /// Walk every folded name at every token (the definition the shortcut must equal).
    pub(super) static EVERY_FOLDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Walking only the names folding changes where the text's words are
/// as written gives the matches of walking every folded name everywhere.
#[test]
fn changed_folded_names_suffice_where_words_are_unchanged() {
    let names = [
        ("Sale", "MISC"),
        ("Salé", "LOC"),
        ("Mar", "MISC"),
        ("Mär", "LOC"),
        ("New York", "LOC"),
        ("Sao", "MISC"),
        ("Bogotá", "LOC"),
        ("Bogotá", "ORG"),
        ("São Paulo", "ORG"),
        ("Bogota", "ORG"),
        ("São Paulo", "LOC"),
        ("Sao Paulo Norte", "LOC"),
        ("Nicolás Maduro", "PER"),
        ("Maduro", "PER"),
        ("Café Tacuba", "ORG"),
        ("Cafe", "MISC"),
        ("New York", "LOC"),
        ("New York Times", "ORG"),
        ("Côte d’Ivoire", "LOC"),
        ("Cote d'Ivoire", "LOC"),
        ("Zürich", "LOC"),
        ("Paulo", "PER"),
        ("Times", "ORG"),
    ];
    // Words folding changes are one in five of the text, as names are rare.
    let changed = ["Salé", "Mär", "Bogotá", "BOGOTÁ", "São", "Nicolás", "Café", "Côte", "d’Ivoire", "Zürich"];
    let plain = [
        "Bogota", "Sao", "Paulo", "Norte", "Nicolas", "Maduro", "Cafe", "Tacuba", "New", "York", "Times", "Cote",
        "d'Ivoire", "Zurich", "the", "in", ",", ".", "said", "and", "of", "Sale", "sale", "Mar", "The",
    ];
    for case_insensitive in [false, true] {
        let folding = Folding { case_insensitive, accents: true };
        let entries: Vec<Entry> =
            names.iter().enumerate().map(|(k, (n, l))| Entry::new(*n, *l, format!("id:{k}"))).collect();
        let g = Gazetteer::from_entries_folded(entries, "t", true, folding).unwrap();
        let every = |f: &dyn Fn() -> Vec<Match>| {
            EVERY_FOLDED.set(true);
            let m = f();
            EVERY_FOLDED.set(false);
            m
        };
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let below = crate::test_rng::below;
        let mut changed_walks = 0;
        for _ in 0..3000 {
            let n = 1 + below(&mut seed, 12);
            let words: Vec<&str> = (0..n)
                .map(|_| {
                    if below(&mut seed, 5) == 0 {
                        changed[below(&mut seed, changed.len())]
                    } else {
                        plain[below(&mut seed, plain.len())]
                    }
                })
                .collect();
            let text = words.join(" ");
            let tokens = g.tokenizer().tokenize(&text);
            assert_eq!(g.find(&text, &tokens), every(&|| g.find(&text, &tokens)), "{text}");
            assert_eq!(g.find_all(&text, &tokens), every(&|| g.find_all(&text, &tokens)), "{text}");
            let words = g.prepare_window(&text, &tokens, 0);
            changed_walks += (0..tokens.len())
                .filter(|&i| {
                    !g.walk_every_folded(&words, i) && g.folded_changed_starts.may_contain_hash(words.steps.hashes[i])
                })
                .count();
        }
        if !case_insensitive {
            // (Folding case changes every capitalised word: the shortcut is rare then.)
            assert!(changed_walks > 100, "the shortcut was taken {changed_walks} times");
        }
    }
}

/// Borrowed folding gives what folding gives, for every option.
#[test]
fn fold_cow_equals_fold() {
    let words =
        ["Caracas", "caracas", "CARACAS", "Nicolás", "Maduro’s", "U.S.", "1989", "—", "e-mail", "İstanbul", "ǅ", ""];
    for case_insensitive in [false, true] {
        for accents in [false, true] {
            let f = Folding { case_insensitive, accents };
            for w in words {
                assert_eq!(f.fold_cow(w), f.fold(w), "{w} {f:?}");
            }
        }
    }
    assert!(matches!(Folding { case_insensitive: false, accents: true }.fold_cow("Caracas"), Cow::Borrowed(_)));
}

#[test]
fn compiled_bytes_round_trip_and_reject_damage() {
    let g = Gazetteer::from_entries(
        vec![
            Entry::new("New York", "LOC", "nyc").with_attribute("pop", 8_000_000),
            Entry::new("Acme Inc.", "ORG", "acme").with_aliases(["Acme"]),
            Entry::new("Acme", "PER", "acme-person"),
        ],
        "t",
    )
    .unwrap();
    let bytes = g.to_bytes().unwrap();
    assert!(Gazetteer::is_compiled(&bytes));
    let again = Gazetteer::from_entries(g.entries(), "t").unwrap();
    assert_eq!(again.to_bytes().unwrap(), bytes, "the compiled bytes are the same from build to build");
    let back = Gazetteer::from_bytes(&bytes).unwrap();
    assert_eq!(back.entries(), g.entries());
    let text = "NEW YORK: Acme Inc. and Acme met in New York.";
    let toks = g.tokenizer().tokenize(text);
    assert_eq!(back.find(text, &toks), g.find(text, &toks));
    assert!(Gazetteer::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(Gazetteer::from_bytes(b"{\"format_version\": 1}").is_err());
    let mut other = bytes.clone();
    other[8] = 9;
    assert!(Gazetteer::from_bytes(&other).unwrap_err().to_string().contains("version 9"));
    // Flipping bytes never panics: it loads or fails cleanly.
    for k in (12..bytes.len()).step_by(7) {
        let mut d = bytes.clone();
        d[k] ^= 0x5a;
        if let Ok(x) = Gazetteer::from_bytes(&d) {
            let _ = x.find(text, &toks);
        }
    }
}

#[test]
fn all_matches_include_nested_and_overlapping() {
    let g = gaz(&[("New York", "LOC"), ("New York Times", "ORG"), ("York", "LOC"), ("Times Square", "LOC")]);
    let text = "The New York Times Square office";
    let all: Vec<&str> =
        g.find_all(text, &g.tokenizer().tokenize(text)).iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(all, ["New York", "New York Times", "York", "Times Square"]);
    assert_eq!(found(&g, text), ["New York Times"]);
}

fn gaz(names: &[(&str, &str)]) -> Gazetteer {
    Gazetteer::from_entries(names.iter().map(|(n, l)| Entry::new(*n, *l, *n)).collect(), "t").unwrap()
}

fn found(g: &Gazetteer, text: &str) -> Vec<String> {
    g.find(text, &g.tokenizer().tokenize(text)).iter().map(|m| text[m.start..m.end].to_owned()).collect()
}

#[test]
fn boundaries_longest_and_possessive() {
    let g = gaz(&[("Dow Jones", "ORG"), ("Jones", "PER"), ("Venezuela", "LOC"), ("Moody's", "ORG"), ("Moody", "PER")]);
    assert_eq!(found(&g, "Dow Jonesy Jones and Dow  Jones"), ["Jones", "Dow  Jones"]);
    assert_eq!(found(&g, "Venezuela's oil and Moody's"), ["Venezuela", "Moody's"]);
    assert_eq!(found(&g, "Dow Jones"), ["Dow Jones"]);
    assert_eq!(found(&g, "Dow said"), Vec::<String>::new());
}

#[test]
fn all_caps_text_matches_any_case() {
    let g = gaz(&[("Caracas", "LOC")]);
    assert_eq!(found(&g, "CARACAS — Caracas and caracas"), ["CARACAS", "Caracas"]);
}

#[test]
fn empty_name_is_an_error_naming_the_record() {
    let err = Gazetteer::from_entries(vec![Entry::new("a", "L", "1"), Entry::new(" ", "L", "2")], "x.tsv").unwrap_err();
    assert_eq!(err.to_string(), "x.tsv, line 2: empty name");
}
