//! Runs the shared case tables in `testdata/` against the public API.

use std::sync::Arc;

use dateline_core::{
    Date, DocumentType, Entry, Gazetteer, Lang, Pipeline, PipelineOptions, ReferenceDate, TagOptions, TemporalTagger,
    Tokenizer,
};
use serde::Deserialize;

#[derive(Deserialize)]
struct TokCase {
    name: String,
    input: String,
    tokens: Vec<String>,
    sentences: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct TokFile {
    case: Vec<TokCase>,
}

#[derive(Deserialize, Debug)]
struct ExpTimex {
    text: String,
    #[serde(rename = "type")]
    timex_type: String,
    value: String,
    /// Checked only when the table gives it.
    #[serde(rename = "mod")]
    modifier: Option<String>,
    freq: Option<String>,
    quant: Option<String>,
}

impl PartialEq for ExpTimex {
    /// `self` is what the tagger found, `other` the table's expectation.
    fn eq(&self, other: &Self) -> bool {
        let opt = |got: &Option<String>, want: &Option<String>| want.is_none() || got == want;
        self.text == other.text
            && self.timex_type == other.timex_type
            && self.value == other.value
            && opt(&self.modifier, &other.modifier)
            && opt(&self.freq, &other.freq)
            && opt(&self.quant, &other.quant)
    }
}

#[derive(Deserialize, Debug, PartialEq)]
struct ExpRange {
    text: String,
    value: String,
}

#[derive(Deserialize)]
struct DateCase {
    name: String,
    input: String,
    reference_date: Option<String>,
    /// `news`, `narrative`, `colloquial` or `auto` (the default); when given,
    /// the type the document was anchored as is checked too (`auto` excepted).
    document_type: Option<String>,
    timexes: Vec<ExpTimex>,
    /// Checked only when the table gives them.
    ranges: Option<Vec<ExpRange>>,
}

#[derive(Deserialize)]
struct DateFile {
    /// The language of the file's cases (default `en`).
    lang: Option<String>,
    case: Vec<DateCase>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct ExpEntity {
    text: String,
    label: String,
    id: String,
    /// How it was found: `name` (the default), `person` or `repeat`.
    #[serde(default = "listed")]
    rule: String,
}

fn listed() -> String {
    "name".to_owned()
}

#[derive(Deserialize)]
struct GazCase {
    name: String,
    input: String,
    entities: Vec<ExpEntity>,
}

#[derive(Deserialize)]
struct GazFile {
    entry: Vec<Entry>,
    case: Vec<GazCase>,
}

const TOKENIZE: &[&str] = &[include_str!("../../../testdata/tokenize/conventions.toml")];
/// The texts of every `testdata/dates/*.toml`, by name.
fn date_files() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/dates");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("testdata/dates")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| (p.display().to_string(), std::fs::read_to_string(&p).expect("readable")))
        .collect();
    out.sort();
    assert!(out.len() >= 3, "the date tables are missing");
    out
}
const GAZETTEER: &[&str] = &[
    include_str!("../../../testdata/gazetteer/basic.toml"),
    include_str!("../../../testdata/gazetteer/name_rules.toml"),
];

#[test]
fn tokenize_tables() {
    let tok = Tokenizer::default();
    let mut failures = Vec::new();
    for file in TOKENIZE {
        let f: TokFile = toml::from_str(file).expect("valid TOML");
        for c in f.case {
            let (tokens, sents) = tok.tokenize_with_sentences(&c.input);
            let got: Vec<&str> = tokens.iter().map(|t| &c.input[t.start()..t.end()]).collect();
            if got != c.tokens {
                failures.push(format!("{}: tokens {got:?} != {:?}", c.name, c.tokens));
            }
            if let Some(exp) = &c.sentences {
                let got: Vec<&str> = sents.iter(&tokens).map(|s| &c.input[s.start()..s.end()]).collect();
                if &got != exp {
                    failures.push(format!("{}: sentences {got:?} != {exp:?}", c.name));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn date_tables() {
    let tok = Tokenizer::default();
    let tagger = TemporalTagger::default();
    let mut failures = Vec::new();
    for (name, file) in date_files() {
        let f: DateFile = toml::from_str(&file).unwrap_or_else(|e| panic!("{name}: {e}"));
        let lang = Lang::from_code(f.lang.as_deref().unwrap_or("en")).unwrap_or_else(|e| panic!("{name}: {e}"));
        for c in f.case {
            let reference = c.reference_date.as_deref().map(|d| Date::parse_iso(d).unwrap());
            let (tokens, sents) = tok.clone().with_lang(lang).tokenize_with_sentences(&c.input);
            let document_type = match c.document_type.as_deref() {
                None | Some("auto") => DocumentType::Auto,
                Some("news") => DocumentType::News,
                Some("narrative") => DocumentType::Narrative,
                Some("colloquial") => DocumentType::Colloquial,
                Some(other) => panic!("{}: unknown document_type {other}", c.name),
            };
            let opts = TagOptions { reference, document_type, prefer: None, lang: Some(lang) };
            let tagged = tagger.tag_document(&c.input, &tokens, &sents, &opts);
            if document_type != DocumentType::Auto && tagged.document_type != document_type {
                failures.push(format!("{}: anchored as {:?}", c.name, tagged.document_type));
            }
            if let Some(want) = &c.ranges {
                let got: Vec<ExpRange> = tagged
                    .ranges
                    .iter()
                    .map(|r| ExpRange { text: c.input[r.start..r.end].to_owned(), value: r.value() })
                    .collect();
                if &got != want {
                    failures.push(format!("{}: ranges {got:?} != {want:?}", c.name));
                }
            }
            let got: Vec<ExpTimex> = tagged
                .timexes
                .into_iter()
                .map(|t| ExpTimex {
                    text: c.input[t.start..t.end].to_owned(),
                    timex_type: t.timex_type.as_str().to_owned(),
                    value: t.value.into(),
                    modifier: t.modifier.map(|m| m.to_string()),
                    freq: t.freq.map(String::from),
                    quant: t.quant.map(|q| q.to_string()),
                })
                .collect();
            if got != c.timexes {
                failures.push(format!("{}: {got:?} != {:?}", c.name, c.timexes));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn gazetteer_tables() {
    let mut failures = Vec::new();
    for file in GAZETTEER {
        let f: GazFile = toml::from_str(file).expect("valid TOML");
        let gaz = Arc::new(Gazetteer::from_entries(f.entry, "table").unwrap());
        let nlp = Pipeline::with_gazetteer(PipelineOptions::default(), Arc::clone(&gaz));
        for c in f.case {
            let doc = nlp.process(&c.input, ReferenceDate::None);
            let got: Vec<ExpEntity> = doc
                .entities
                .iter()
                .map(|m| {
                    let e = gaz.entry(m.entry);
                    ExpEntity {
                        text: c.input[m.start..m.end].to_owned(),
                        label: e.label.to_owned(),
                        id: gaz.match_id(m.entry, m.name.as_deref()).to_owned(),
                        rule: m.rule.as_str().to_owned(),
                    }
                })
                .collect();
            if got != c.entities {
                failures.push(format!("{}: {got:?} != {:?}", c.name, c.entities));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
