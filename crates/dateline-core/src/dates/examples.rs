//! The rule tables check themselves: every example of every rule must give
//! its value through that rule, and every rule must fire in some example (a
//! row that can never fire, shadowed by another, fails here).

use std::collections::BTreeSet;

use super::grammar::{Grammar, Make};
use super::{DocumentType, TagOptions, Tagged, TemporalTagger};
use crate::civil::Date;
use crate::lang::Lang;
use crate::tokenize::Tokenizer;

/// An example line: `[ref=YYYY-MM-DD:|ref=none:] text with [span] rest => VALUE`.
struct Example {
    reference: Option<Date>,
    text: String,
    span: (usize, usize),
    value: String,
}

fn parse(line: &str) -> Result<Example, String> {
    let (mut body, value) = line.rsplit_once(" => ").ok_or("no ' => VALUE'")?;
    let mut reference = Date::new(2026, 3, 5).ok();
    if let Some(rest) = body.strip_prefix("ref=") {
        let (r, b) = rest.split_once(':').ok_or("ref= without ':'")?;
        reference = if r == "none" { None } else { Some(Date::parse_iso(r).map_err(|e| e.to_string())?) };
        body = b.trim_start();
    }
    let open = body.find('[').ok_or("no [")?;
    let close = body.find(']').ok_or("no ]")?;
    let text = format!("{}{}{}", &body[..open], &body[open + 1..close], &body[close + 1..]);
    Ok(Example { reference, text, span: (open, close - 1), value: value.trim().to_owned() })
}

fn tag(ex: &Example, lang: Lang) -> Tagged {
    let (tokens, sentences) = Tokenizer::default().with_lang(lang).tokenize_with_sentences(&ex.text);
    let opts =
        TagOptions { reference: ex.reference, document_type: DocumentType::Auto, prefer: None, lang: Some(lang) };
    TemporalTagger::default().tag_document(&ex.text, &tokens, &sentences, &opts)
}

/// Checks one example of `rule`; returns the rules it fired.
fn check(g: &'static Grammar, lang: Lang, rule: usize, line: &str) -> Result<Vec<&'static str>, String> {
    let r = &g.rules[rule];
    let ex = parse(line)?;
    let out = tag(&ex, lang);
    let (s, e) = ex.span;
    let found: Vec<String> = out
        .timexes
        .iter()
        .map(|t| format!("{:?}={}({})", &ex.text[t.start..t.end], t.value, t.explanation.rule()))
        .collect();
    let ranges: Vec<String> =
        out.ranges.iter().map(|x| format!("{:?}={}({})", &ex.text[x.start..x.end], x.value(), x.rule)).collect();
    if ex.value == "none" {
        if let Some(t) = out.timexes.iter().find(|t| t.start < e && s < t.end) {
            return Err(format!("expected nothing, found {:?} = {}", &ex.text[t.start..t.end], t.value));
        }
        return Ok(Vec::new());
    }
    let cat = g.categories[r.cat].as_str();
    if matches!(cat, "range" | "span") {
        let x = out
            .ranges
            .iter()
            .find(|x| (x.start, x.end) == (s, e))
            .ok_or_else(|| format!("no range over the span; found {ranges:?} {found:?}"))?;
        if x.value() != ex.value || x.rule != r.name {
            return Err(format!("range {} by {}, expected {} by {}", x.value(), x.rule, ex.value, r.name));
        }
        let mut fired = vec![x.rule];
        for t in &out.timexes {
            fired.push(t.explanation.rule());
            fired.extend(t.explanation.via().iter().copied());
        }
        return Ok(fired);
    }
    if r.make == Make::List {
        // The expressions of the span, their values joined by commas.
        let within: Vec<_> = out.timexes.iter().filter(|t| s <= t.start && t.end <= e).collect();
        let values: Vec<&str> = within.iter().map(|t| t.value.as_str()).collect();
        let spans = (within.first().map(|t| t.start), within.last().map(|t| t.end));
        if values.join(",") != ex.value || spans != (Some(s), Some(e)) || out.ranges.iter().any(|x| x.start == s) {
            return Err(format!("expected the list {} over the span; found {found:?} {ranges:?}", ex.value));
        }
        let mut fired = vec![r.name.as_str()];
        for t in within {
            fired.push(t.explanation.rule());
            fired.extend(t.explanation.via().iter().copied());
        }
        return Ok(fired);
    }
    let t = out
        .timexes
        .iter()
        .find(|t| (t.start, t.end) == (s, e))
        .ok_or_else(|| format!("no expression over the span; found {found:?}"))?;
    if t.value != ex.value {
        return Err(format!("value {} (rule {}), expected {}", t.value, t.explanation.rule(), ex.value));
    }
    if t.explanation.rule() != r.name {
        return Err(format!("found by rule {}, not {}", t.explanation.rule(), r.name));
    }
    let mut fired = vec![t.explanation.rule()];
    fired.extend(t.explanation.via().iter().copied());
    Ok(fired)
}

/// The problems of `lang`'s date rules: its grammar does not compile, an
/// example of a rule does not give its value through that rule, a top rule
/// has no example, or a rule never fires in any example. Empty when all is
/// well. For people who write a language (`cargo run --example lang_check`).
#[must_use]
pub fn check_examples(lang: Lang) -> Vec<String> {
    let mut failures = Vec::new();
    match super::grammar(lang) {
        Ok(g) => check_language(g, lang, &mut failures),
        Err(e) => failures.push(e.to_string()),
    }
    failures
}

#[test]
fn every_rule_example_gives_its_value_and_every_rule_fires() {
    let failures: Vec<String> = Lang::all().flat_map(check_examples).collect();
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

/// Checks the examples of every rule of `lang`'s grammar, and that every rule fires.
fn check_language(g: &'static Grammar, lang: Lang, failures: &mut Vec<String>) {
    let code = lang.code();
    let mut fired: BTreeSet<&str> = BTreeSet::new();
    for (i, r) in g.rules.iter().enumerate() {
        if r.top && r.examples.is_empty() {
            failures.push(format!("{code}: {}: a rule needs at least one example", r.name));
        }
        for line in &r.examples {
            match check(g, lang, i, line) {
                Ok(f) => fired.extend(f),
                Err(e) => failures.push(format!("{code}: {} / {line:?}: {e}", r.name)),
            }
        }
    }
    for r in &g.rules {
        if !fired.contains(r.name.as_str()) && !r.examples.iter().any(|x| x.ends_with("=> none")) {
            failures.push(format!("{code}: {}: never fires in any example", r.name));
        }
    }
}
