//! The oracle of the scan's fast paths: the start tables (which rules are
//! tried at a token) and the shortcuts of the matcher must change nothing.
//! The same text is scanned twice, once as usual and once with every rule
//! tried at every token and no shortcut, and the expressions found (with the
//! pieces they were built of) must be the same.

use super::DateOrder;
use super::grammar::Grammar;
use super::scan::{Node, Scan};
use super::value::{NodeId, Value};
use crate::tokenize::Tokenizer;

/// A node and its pieces, as text (node ids, which depend on the order
/// rules were tried in, replaced by what they point to).
fn show(nodes: &[Node], id: NodeId, out: &mut String) {
    let n = &nodes[id as usize];
    out.push_str(&format!("[{}..{} r{} ", n.start, n.end, n.rule));
    let sub = |label: &str, id: NodeId, out: &mut String| {
        out.push_str(label);
        show(nodes, id, out);
    };
    match &n.value {
        Value::Range { begin, end, on } => {
            sub("range ", *begin, out);
            sub(" to ", *end, out);
            if let Some(o) = on {
                sub(" on ", *o, out);
            }
        }
        Value::For { point, duration } => {
            sub("for ", *point, out);
            sub(" ", *duration, out);
        }
        Value::List3 { items } => {
            for (k, x) in items.iter().enumerate() {
                sub(if k == 0 { "list " } else { ", " }, *x, out);
            }
        }
        Value::Since(x) => sub("since ", *x, out),
        Value::Until(x) => sub("until ", *x, out),
        Value::Offset { base, unit, n, f } => {
            sub("offset ", *base, out);
            out.push_str(&format!(" {unit:?} {n} {f:?}"));
        }
        Value::Span { duration, dir, f } => {
            if let Some(d) = duration {
                sub("span ", *d, out);
            }
            out.push_str(&format!(" {dir:?} {f:?}"));
        }
        v => out.push_str(&format!("{v:?}")),
    }
    out.push_str(" of");
    for &s in n.subs.as_slice() {
        out.push(' ');
        show(nodes, s, out);
    }
    out.push(']');
}

fn scan(g: &Grammar, text: &str, slow: bool) -> Vec<String> {
    scan_collecting(g, text, slow, usize::MAX)
}

/// The expressions of `text`, dropping unneeded nodes from `collect` nodes on.
fn scan_collecting(g: &Grammar, text: &str, slow: bool, collect: usize) -> Vec<String> {
    scan_in(g, &Tokenizer::default(), DateOrder::Mdy, text, slow, collect)
}

/// [`scan_collecting`] with a language's tokenizer and date order.
fn scan_in(g: &Grammar, tok: &Tokenizer, order: DateOrder, text: &str, slow: bool, collect: usize) -> Vec<String> {
    let toks = tok.tokenize(text);
    let mut scan = Scan::new(g, text, &toks, order).collecting_from(collect);
    if slow {
        scan = scan.slow();
    }
    let tops = scan.run();
    tops.iter()
        .map(|&id| {
            let mut s = String::new();
            show(&scan.nodes, id, &mut s);
            s
        })
        .collect()
}

fn assert_same(g: &Grammar, text: &str) {
    let fast = scan(g, text, false);
    let slow = scan(g, text, true);
    if fast != slow {
        let k = fast.iter().zip(&slow).position(|(a, b)| a != b).unwrap_or(fast.len().min(slow.len()));
        panic!(
            "fast and slow scans differ at expression {k}:\n fast: {:?}\n slow: {:?}\n(of {} and {})",
            fast.get(k),
            slow.get(k),
            fast.len(),
            slow.len()
        );
    }
}

/// The tests' deterministic numbers, held as a state.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        crate::test_rng::below(&mut self.0, n)
    }
}

/// Text made of the grammar's own words, numbers in the forms dates take,
/// punctuation and other words, sometimes written together.
pub(crate) fn generated(g: &Grammar, seed: u64, tokens: usize) -> String {
    let mut words: Vec<&str> = g.vocab.keys().map(AsRef::as_ref).collect();
    words.sort_unstable();
    let other =
        ["the", "a", "said", "of", "and", "to", "in", "people", "report", "-", ",", ".", "'s", "$", "%", "(", ")"];
    let numbers = [
        "5",
        "12",
        "31",
        "2026",
        "1998",
        "1990s",
        "'90s",
        "'96",
        "12:30",
        "5th",
        "3/4",
        "1998-03-05",
        "03/05/2026",
        "mid-1990s",
        "Q1",
        "2pm",
        "8p.m.",
        "10",
        "100",
        "1,000",
        "24",
        "1",
        "2",
        "30",
        "0800",
        "FY2026",
        "H1",
        "½",
        "555-1234",
        "19",
        "20th",
        "3",
        "7",
        "4Q96",
    ];
    let mut rng = Rng(seed | 1);
    let mut out = String::new();
    for _ in 0..tokens {
        let w = match rng.below(10) {
            0..=5 => words[rng.below(words.len())],
            6 | 7 => numbers[rng.below(numbers.len())],
            _ => other[rng.below(other.len())],
        };
        let w = match rng.below(6) {
            0 => w.to_uppercase(),
            1 => {
                let mut c = w.chars();
                c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
            }
            _ => w.to_owned(),
        };
        out.push_str(&w);
        out.push_str(if rng.below(8) == 0 { "" } else { " " });
    }
    out
}

#[test]
fn start_tables_and_shortcuts_change_nothing_on_generated_text() {
    let g = super::english().unwrap();
    for seed in 1..=12u64 {
        assert_same(g, &generated(g, seed.wrapping_mul(0x9E37_79B9_7F4A_7C15), 3000));
    }
}

#[test]
fn start_tables_and_shortcuts_change_nothing_on_the_rule_examples() {
    let g = super::english().unwrap();
    let mut text = String::new();
    for r in &g.rules {
        for ex in &r.examples {
            let body = ex.rsplit_once(" => ").map_or(ex.as_str(), |(b, _)| b);
            let body = body.split_once(':').filter(|(p, _)| p.starts_with("ref=")).map_or(body, |(_, b)| b);
            text.push_str(&body.replace(['[', ']'], ""));
            text.push_str(" . ");
        }
    }
    assert_same(g, &text);
}

/// The number and ordinal words begin only the builtins that can read them
/// (`a` is no day, `twenty` may begin `twenty-second`): text of those words
/// in the places dates put them.
#[test]
fn start_tables_change_nothing_on_number_words() {
    use super::grammar::lexicon::Class;
    let g = super::english().unwrap();
    let mut words: Vec<&str> = g
        .lex
        .entries
        .iter()
        .filter(|e| matches!(e.class, Class::Number | Class::Ordinal) && e.rest.is_empty())
        .map(|e| e.first.as_ref())
        .collect();
    words.sort_unstable();
    words.dedup();
    let other = [
        "-", "of", "the", "day", "May", "2020", "week", "at", "5pm", "thousand", "and", "before", "quarter", "half",
        "century", "in", "years", "ago", "on", ",", "month", "this",
    ];
    let mut rng = Rng(11);
    for _ in 0..8 {
        let mut text = String::new();
        for _ in 0..4000 {
            let w = if rng.below(2) == 0 { words[rng.below(words.len())] } else { other[rng.below(other.len())] };
            text.push_str(w);
            text.push(' ');
        }
        assert_same(g, &text);
    }
}

/// Tokens of letters only are passed over unless their word starts a rule;
/// a word that leads a shape is found when written with more after it.
#[test]
fn start_tables_change_nothing_on_words_that_lead_shapes() {
    let g = super::english().unwrap();
    let mut leads: Vec<&str> =
        g.vocab.iter().filter(|(_, id)| !g.words[**id as usize].lead.is_empty()).map(|(w, _)| w.as_ref()).collect();
    leads.sort_unstable();
    assert!(!leads.is_empty());
    let mut text = String::new();
    for w in leads {
        for form in [w.to_owned(), w.to_uppercase(), format!("{w}s"), format!("x{w}")] {
            for after in ["31", "/2021", "-2015", "-1990s", "31 , 1994", "s", "-", "2", ""] {
                text.push_str(&format!("on {form}{after} . "));
            }
        }
    }
    assert_same(g, &text);
}

/// Dropping the nodes no expression is built of changes no expression,
/// however often it is done (a long document's scan does it).
#[test]
fn dropping_unneeded_nodes_changes_nothing() {
    let g = super::english().unwrap();
    let mut texts: Vec<String> =
        (1..=6u64).map(|s| generated(g, s.wrapping_mul(0x9E37_79B9_7F4A_7C15), 4000)).collect();
    let mut examples = String::new();
    for r in &g.rules {
        for ex in &r.examples {
            let body = ex.rsplit_once(" => ").map_or(ex.as_str(), |(b, _)| b);
            let body = body.split_once(':').filter(|(p, _)| p.starts_with("ref=")).map_or(body, |(_, b)| b);
            examples.push_str(&body.replace(['[', ']'], ""));
            examples.push_str(" . ");
        }
    }
    texts.push(examples);
    for text in &texts {
        let kept = scan_collecting(g, text, false, usize::MAX);
        assert!(!kept.is_empty());
        for every in [1, 7, 100] {
            assert_eq!(scan_collecting(g, text, false, every), kept, "collecting from {every} nodes");
        }
        assert_eq!(scan_collecting(g, text, true, 1), kept, "slow scan collecting");
    }
}

#[test]
fn token_ids_equal_the_lookup_of_the_lower_case_form() {
    use super::grammar::lexicon::key;
    let g = super::english().unwrap();
    let mut rng = Rng(7);
    let mut tokens: Vec<String> = Vec::new();
    for w in g.vocab.keys() {
        tokens.push(w.to_string());
        tokens.push(w.to_uppercase());
        tokens.push(format!("{w}x"));
        tokens.push(w.chars().skip(1).collect());
    }
    let alphabet: Vec<char> = "abcdefghijklmnopqrstuvwxyzAEIOUST.-'’0129 é\0".chars().collect();
    for _ in 0..20_000 {
        let n = 1 + rng.below(12);
        tokens.push((0..n).map(|_| alphabet[rng.below(alphabet.len())]).collect());
    }
    for t in &tokens {
        assert_eq!(g.token_id(t), g.word_id(&key(t)), "{t:?}");
    }
}

/// The other languages' grammars: the scan with its start tables and
/// shortcuts finds what trying every rule at every token finds, on text of
/// each grammar's words and on its rule examples, with the language's
/// tokenizer and date order. The words most common in running text, which
/// start no expression but share first bytes with some shapes and rules,
/// and tokens led by bytes beyond ASCII are mixed in.
#[test]
fn start_tables_and_shortcuts_change_nothing_in_other_languages() {
    let common = [
        "de", "van", "een", "het", "in", "la", "di", "della", "l'", "è", "à", "é", "où", "año", "des", "die", "der",
        "den", "dat", "op", "aan", "uur", "dins", "maand", "weken", "ſ", "٣", "５", "١٢", "²", "½", "€", "«", "»", "’",
        "'t",
    ];
    for code in ["es", "fr", "de", "pt", "it", "nl"] {
        let lang = crate::Lang::from_code(code).unwrap();
        let g = super::grammar(lang).unwrap();
        let tok = Tokenizer::default().with_lang(lang);
        let order = DateOrder::Dmy;
        let same = |text: &str| {
            let fast = scan_in(g, &tok, order, text, false, usize::MAX);
            let slow = scan_in(g, &tok, order, text, true, usize::MAX);
            assert_eq!(fast, slow, "{code}");
        };
        let mut rng = Rng(0x51_7CC1_B727_220A);
        for seed in 1..=4u64 {
            let base = generated(g, seed.wrapping_mul(0x9E37_79B9_7F4A_7C15), 2500);
            let mut text = String::new();
            for w in base.split(' ') {
                text.push_str(w);
                text.push(' ');
                if rng.below(3) == 0 {
                    text.push_str(common[rng.below(common.len())]);
                    text.push_str(if rng.below(6) == 0 { "" } else { " " });
                }
            }
            same(&text);
        }
        let mut text = String::new();
        for r in &g.rules {
            for ex in &r.examples {
                let body = ex.rsplit_once(" => ").map_or(ex.as_str(), |(b, _)| b);
                let body = body.split_once(':').filter(|(p, _)| p.starts_with("ref=")).map_or(body, |(_, b)| b);
                text.push_str(&body.replace(['[', ']'], ""));
                text.push_str(" . ");
            }
        }
        same(&text);
    }
}

/// In every language, a word that leads a shape (`mid-2025`, `medio-maart`,
/// `mi-juin`), in either case and written with what the shape goes on with:
/// the scan tries the shape where trying every rule finds it. The Dutch
/// words of `medio-`, `begin-`, `eind-` and `midden-` were once cut to four
/// letters (`medi`), which no token is, and their shapes went untried.
#[test]
fn shapes_led_by_words_are_tried_in_every_language() {
    use super::grammar::lexicon::Class;
    for code in ["en", "es", "fr", "de", "pt", "it", "nl"] {
        let lang = crate::Lang::from_code(code).unwrap();
        let g = super::grammar(lang).unwrap();
        let tok = Tokenizer::default().with_lang(lang);
        let mut months: Vec<&str> = g
            .lex
            .entries
            .iter()
            .filter(|e| e.class == Class::Month && e.rest.is_empty())
            .map(|e| e.first.as_ref())
            .collect();
        months.sort_unstable();
        let mut afters: Vec<String> = ["-2025", "-1990s", "-2015 ,", "/2021", "2", "-", ""].map(String::from).to_vec();
        afters.extend(months.iter().step_by(3).map(|m| format!("-{m} 1998")));
        let mut leads: Vec<&str> =
            g.vocab.iter().filter(|(_, id)| !g.words[**id as usize].lead.is_empty()).map(|(w, _)| w.as_ref()).collect();
        leads.sort_unstable();
        if code == "nl" {
            for w in ["medio", "begin", "eind", "midden"] {
                assert!(g.word_id(w).is_some_and(|id| !g.words[id as usize].lead.is_empty()), "{w}");
            }
        }
        let mut text = String::new();
        for w in leads {
            for form in [w.to_owned(), w.to_uppercase()] {
                for after in &afters {
                    text.push_str(&format!("x {form}{after} . "));
                }
            }
        }
        let fast = scan_in(g, &tok, DateOrder::Dmy, &text, false, usize::MAX);
        let slow = scan_in(g, &tok, DateOrder::Dmy, &text, true, usize::MAX);
        assert_eq!(fast, slow, "{code}");
    }
}

#[test]
fn the_needs_of_each_token_are_those_of_the_next_max_span_tokens() {
    use super::scan::MAX_SPAN;
    let g = super::english().unwrap();
    for (seed, n) in [(3u64, 1usize), (4, MAX_SPAN - 1), (5, MAX_SPAN), (6, MAX_SPAN + 1), (7, 5 * MAX_SPAN + 17)] {
        let text = generated(g, seed, n);
        let tokens = Tokenizer::default().tokenize(&text);
        let scan = Scan::new(g, &text, &tokens, DateOrder::Mdy);
        let needs = |k: usize| g.word_needs.get(scan.ids.get(k) as usize).copied().unwrap_or(0);
        assert_eq!(scan.ahead.len(), tokens.len());
        for i in 0..tokens.len() {
            let want = (i..tokens.len().min(i + MAX_SPAN)).fold(0, |m, k| m | needs(k));
            assert_eq!(scan.ahead[i], want, "seed {seed}, token {i} of {}", tokens.len());
        }
    }
}

/// A word that decides the second token of the rules it starts
/// (`own_second.rs`) is followed by the tokens those rules may go on with,
/// and by others: the rules left out must be those with no match.
#[test]
fn second_tokens_of_a_first_word_change_nothing() {
    let g = super::english().unwrap();
    let mut owners: Vec<(&str, u32)> = g
        .vocab
        .iter()
        .filter(|(_, id)| g.words[**id as usize].own.is_some())
        .map(|(w, id)| (w.as_ref(), *id))
        .collect();
    owners.sort_unstable();
    assert!(owners.len() > 10, "{}", owners.len());
    let mut by_id: Vec<&str> = vec![""; g.words.len()];
    for (w, &id) in &g.vocab {
        by_id[id as usize] = w;
    }
    let mut rng = Rng(29);
    let mut text = String::new();
    for (w, id) in owners {
        let own = g.words[id as usize].own.as_deref().unwrap();
        let mut seconds: Vec<&str> = own.words.keys().map(|&k| by_id[k as usize]).collect();
        seconds.sort_unstable();
        for k in 0..24 {
            let second = match k % 3 {
                0 if !seconds.is_empty() => seconds[rng.below(seconds.len())].to_owned(),
                _ => generated(g, rng.below(1 << 30) as u64, 1),
            };
            let rest = generated(g, rng.below(1 << 30) as u64, 4);
            text.push_str(&format!("{w} {second} {rest} . "));
        }
    }
    assert_same(g, &text);
}
