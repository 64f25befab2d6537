//! The pipeline: tokenize, split sentences, match the gazetteer and tag time
//! expressions, for one document or many in parallel.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::civil::Date;
use crate::dates::{DateOrder, DocumentType, TagOptions, TemporalTagger, TimeRange, Timex, detect_reference_date_in};
use crate::error::Error;
use crate::gazetteer::{Entry, Folding, Gazetteer, NameRules, Rule, world};
use crate::lang::Lang;
use crate::parallel;
use crate::tokenize::{Sentence, Sentences, Token, Tokenizer};

/// Version of the serialized pipeline and gazetteer formats.
pub const FORMAT_VERSION: u32 = 1;

/// Pipeline options.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct PipelineOptions {
    /// Whether every line break ends a sentence (default `true`).
    pub split_on_newlines: bool,
    /// How to read ambiguous numeric dates (`None`, the default: the
    /// language's order, month first in English, day first elsewhere).
    pub date_order: Option<DateOrder>,
    /// The language of the documents when a call gives none (`None`, the
    /// default: identified per document).
    pub lang: Option<Lang>,
    /// How relative time expressions are anchored when a call gives no
    /// document type (default: chosen per document).
    pub document_type: DocumentType,
    /// The reference date used when a call gives none (default: detect).
    pub reference_date: ReferenceDate,
    /// Threads for batches: `None` for rayon's global pool, else at most
    /// [`parallel::max_threads`].
    pub n_threads: Option<usize>,
    /// Extra abbreviations for the tokenizer (`Gen.`): they keep their period.
    pub abbreviations: Vec<String>,
    /// Tokenizer special cases: chunk text → pieces (see [`Tokenizer::with_special_case`]).
    pub special_cases: std::collections::BTreeMap<String, Vec<String>>,
    /// Whether to find gazetteer entities (default `true`).
    pub entities: bool,
    /// Whether to find time expressions (default `true`).
    pub timexes: bool,
    /// Whether entity matches are leftmost-longest and non-overlapping
    /// (`false`, the default) or every match, nested and overlapping (`true`).
    pub all_matches: bool,
    /// The name rules run after leftmost-longest matching (all by default;
    /// not with `all_matches`).
    pub name_rules: NameRules,
}

impl PipelineOptions {
    /// Checks the options: the tokenizer entries, `n_threads` and the date
    /// grammars they use.
    ///
    /// # Errors
    /// [`Error::Config`] for an invalid abbreviation or special case, an
    /// `n_threads` outside `1..=`[`parallel::max_threads`], or a date
    /// grammar that does not compile (see [`TemporalTagger::with_lang`]).
    pub fn check(&self) -> Result<(), Error> {
        parallel::check_threads(self.n_threads)?;
        TemporalTagger::with_lang(self.date_order, self.document_type, self.lang)?;
        self.tokenizer().map(drop)
    }

    /// Builds the tokenizer these options describe.
    ///
    /// # Errors
    /// [`Error::Config`] for an invalid abbreviation or special case.
    pub fn tokenizer(&self) -> Result<Tokenizer, Error> {
        let mut t = Tokenizer::new(self.split_on_newlines).with_abbreviations(&self.abbreviations)?;
        for (text, pieces) in &self.special_cases {
            t = t.with_special_case(text, pieces.clone())?;
        }
        Ok(t)
    }
}

impl Default for PipelineOptions {
    fn default() -> Self {
        Self {
            split_on_newlines: true,
            date_order: None,
            lang: None,
            document_type: DocumentType::Auto,
            reference_date: ReferenceDate::Detect,
            n_threads: None,
            abbreviations: Vec::new(),
            special_cases: std::collections::BTreeMap::new(),
            entities: true,
            timexes: true,
            all_matches: false,
            name_rules: NameRules::default(),
        }
    }
}

/// Where a document's reference date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReferenceDate {
    /// Find it in the document's header or dateline; none if absent.
    Detect,
    /// This date.
    Fixed(Date),
    /// No reference date: relative expressions stay underspecified.
    None,
}

/// A gazetteer match with its entry index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// Index of the entry in the pipeline's gazetteer.
    pub entry: u32,
    /// Other entries with the same name (see [`crate::Match::alternatives`]).
    pub alternatives: Vec<u32>,
    /// How it was found (see [`crate::Match::rule`]).
    pub rule: Rule,
    /// The id of a person found by a name rule (see [`crate::Match::name`]).
    pub name: Option<Box<str>>,
}

/// The analysis of one document. Offsets are bytes into its text.
#[derive(Clone, Debug)]
pub struct Document {
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// Sentences in order, over the tokens: [`Self::sentence`] and
    /// [`Self::sentences`] read them.
    pub sentences: Sentences,
    /// Gazetteer entities in order.
    pub entities: Vec<Entity>,
    /// Time expressions in order.
    pub timexes: Vec<Timex>,
    /// Ranges written as one phrase, over the time expressions.
    pub ranges: Vec<TimeRange>,
    /// The reference date used, if any.
    pub reference_date: Option<Date>,
    /// The document type the time expressions were anchored as.
    pub document_type: DocumentType,
    /// The language the document was analysed in.
    pub lang: Lang,
}

impl Document {
    /// Drops the tokens (8 bytes each), for documents kept in bulk whose
    /// tokens are seldom read: [`Self::tokens_again`] gives them back.
    pub fn drop_tokens(&mut self) {
        self.sentences.keep_spans(&self.tokens);
        self.tokens = Vec::new();
    }

    /// Sentence `i` (below `self.sentences.len()`).
    ///
    /// # Panics
    /// If `i` is out of range.
    #[must_use]
    pub fn sentence(&self, i: usize) -> Sentence {
        self.sentences.get(i, &self.tokens)
    }

    /// The sentences in order.
    pub fn sentences(&self) -> impl Iterator<Item = Sentence> + '_ {
        self.sentences.iter(&self.tokens)
    }

    /// This document's tokens and sentences made again from its text with
    /// `pipeline` (the pipeline that analysed it), in a document that holds
    /// nothing else but its reference date, type and language.
    #[must_use]
    pub fn tokens_again(&self, pipeline: &Pipeline, text: &str) -> Document {
        let (tokens, sentences) = pipeline.tokens_of(text, self.lang);
        Document {
            tokens,
            sentences,
            entities: Vec::new(),
            timexes: Vec::new(),
            ranges: Vec::new(),
            reference_date: self.reference_date,
            document_type: self.document_type,
            lang: self.lang,
        }
    }

    /// The index of the sentence holding byte `at`: the first sentence that
    /// ends after it (the last one for a byte past them all, 0 when there
    /// are none). A span's sentence is the one holding its start.
    #[must_use]
    pub fn sentence_of(&self, at: usize) -> usize {
        self.sentences.at_byte(at, &self.tokens)
    }
}

/// The tokens with every word joined by hyphens split into its parts
/// (`États` `-` `Unis`), or `None` if no token is such a word.
fn hyphen_parts(text: &str, tokens: &[Token]) -> Option<Vec<Token>> {
    let joined = |t: &Token| {
        let w = &text[t.start()..t.end()];
        w.len() > 2 && w.contains('-') && !w.starts_with('-') && !w.ends_with('-')
    };
    if !tokens.iter().any(joined) {
        return None;
    }
    let mut out = Vec::with_capacity(tokens.len() + 8);
    for t in tokens {
        if !joined(t) {
            out.push(*t);
            continue;
        }
        let mut start = t.start();
        for (i, _) in text[t.start()..t.end()].match_indices('-') {
            let at = t.start() + i;
            if at > start {
                out.push(Token::new(start, at, false));
            }
            out.push(Token::new(at, at + 1, false));
            start = at + 1;
        }
        if start < t.end() {
            out.push(Token::new(start, t.end(), t.space_after()));
        }
    }
    Some(out)
}

/// Tokenizer, gazetteer and temporal tagger together. Immutable; share it
/// between threads freely.
#[derive(Debug, Clone)]
pub struct Pipeline {
    options: PipelineOptions,
    tokenizer: Tokenizer,
    /// The tokenizer for each language (`Lang::all()` order).
    tokenizers: Vec<Tokenizer>,
    tagger: TemporalTagger,
    gazetteer: Arc<Gazetteer>,
    /// Whether the gazetteer is the built-in world gazetteer.
    builtin_gazetteer: bool,
}

/// The serialized pipeline. `O` is [`PipelineOptions`] when writing and a
/// JSON value when reading, so that `n_threads` is checked (as a config
/// error) whatever number was written, even one too large for a `usize`.
#[derive(Serialize, Deserialize)]
struct PipelineData<O> {
    format_version: u32,
    options: O,
    /// `None` for the built-in world gazetteer.
    gazetteer: Option<Vec<Entry>>,
    #[serde(default = "yes")]
    common_word_guard: bool,
    #[serde(default)]
    folding: Folding,
}

fn yes() -> bool {
    true
}

impl Pipeline {
    /// A pipeline with the built-in world gazetteer.
    #[must_use]
    pub fn new(options: PipelineOptions) -> Self {
        let mut p = Self::with_gazetteer(options, world());
        p.builtin_gazetteer = true;
        p
    }

    /// A pipeline with the given gazetteer. Invalid tokenizer entries in the
    /// options are left out; [`PipelineOptions::tokenizer`] reports them, and
    /// [`Pipeline::try_with_gazetteer`] fails on them.
    #[must_use]
    pub fn with_gazetteer(options: PipelineOptions, gazetteer: Arc<Gazetteer>) -> Self {
        let tokenizer = options.tokenizer().unwrap_or_else(|_| Tokenizer::new(options.split_on_newlines));
        let tokenizer = tokenizer.with_lang(options.lang.unwrap_or_else(Lang::english));
        Self {
            tokenizers: Lang::all().map(|l| tokenizer.clone().with_lang(l)).collect(),
            tokenizer,
            tagger: TemporalTagger::with_lang(options.date_order, options.document_type, options.lang)
                .unwrap_or_default(),
            options,
            gazetteer,
            builtin_gazetteer: false,
        }
    }

    /// A pipeline with the given gazetteer (`None`: the world gazetteer),
    /// checking the tokenizer options.
    ///
    /// # Errors
    /// As [`PipelineOptions::check`].
    pub fn try_with_gazetteer(options: PipelineOptions, gazetteer: Option<Arc<Gazetteer>>) -> Result<Self, Error> {
        options.check()?;
        Ok(match gazetteer {
            Some(g) => Self::with_gazetteer(options, g),
            None => Self::new(options),
        })
    }

    /// The options.
    #[must_use]
    pub fn options(&self) -> &PipelineOptions {
        &self.options
    }

    /// The gazetteer.
    #[must_use]
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.gazetteer
    }

    /// The tokenizer (for the options' language; English if it is `None`).
    #[must_use]
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// The tokenizer for `lang`.
    #[must_use]
    pub fn tokenizer_for(&self, lang: Lang) -> &Tokenizer {
        self.tokenizers.get(lang.index()).unwrap_or(&self.tokenizer)
    }

    /// The tokens and sentences [`Pipeline::process_as`] gives `text` when
    /// it is analysed in `lang` (the document's [`Document::lang`]): a
    /// caller that keeps only the entities and time expressions of a long
    /// document (the tokens and sentences take 8 and 16 bytes each, 2x the
    /// text of news) can drop them and make them again when asked.
    ///
    /// ```
    /// use dateline_core::{Pipeline, PipelineOptions, ReferenceDate};
    /// let p = Pipeline::new(PipelineOptions::default());
    /// let text = "Le 5 mars, l'Assemblée a voté. Puis rien.";
    /// let doc = p.process(text, ReferenceDate::None);
    /// assert_eq!(p.tokens_of(text, doc.lang), (doc.tokens, doc.sentences));
    /// ```
    #[must_use]
    pub fn tokens_of(&self, text: &str, lang: Lang) -> (Vec<Token>, Sentences) {
        self.tokenizer_for(lang).tokenize_with_sentences(text)
    }

    /// Analyses one document with the options' document type.
    #[must_use]
    pub fn process(&self, text: &str, reference: ReferenceDate) -> Document {
        self.process_as(text, reference, None, self.options.lang)
    }

    /// Analyses one document as `document_type` (`None`: the options') in
    /// `lang` (`None`: identified from the text).
    #[must_use]
    pub fn process_as(
        &self,
        text: &str,
        reference: ReferenceDate,
        document_type: Option<DocumentType>,
        lang: Option<Lang>,
    ) -> Document {
        let lang = lang.unwrap_or_else(|| crate::lang::detect(text));
        let tokenizer = self.tokenizer_for(lang);
        let (mut tokens, sentences) = self.tokens_of(text, lang);
        let reference_date = match reference {
            ReferenceDate::Fixed(d) => Some(d),
            ReferenceDate::None => None,
            // Only the time expressions use it: with them off, none is looked for.
            ReferenceDate::Detect if !self.options.timexes => None,
            ReferenceDate::Detect => detect_reference_date_in(text, tokenizer, &self.tagger, lang).map(|d| d.0),
        };
        // The gazetteer's names are split at hyphens; a language that keeps
        // hyphenated words whole (`États-Unis`) is matched over their parts,
        // and a match must begin and end where the document's tokens do.
        let parts = if tokenizer.keeps_hyphens() { hyphen_parts(text, &tokens) } else { None };
        let gaz_tokens = parts.as_deref().unwrap_or(&tokens);
        let mut entities: Vec<Entity> = if !self.options.entities {
            Vec::new()
        } else if self.options.all_matches {
            self.gazetteer.find_all(text, gaz_tokens)
        } else {
            self.gazetteer.find_with_rules(text, gaz_tokens, self.options.name_rules)
        }
        .into_iter()
        .filter(|m| {
            parts.is_none()
                || (tokens.binary_search_by_key(&m.start, |t| t.start()).is_ok()
                    && tokens.binary_search_by_key(&m.end, |t| t.end()).is_ok())
        })
        .map(|m| Entity {
            start: m.start,
            end: m.end,
            entry: m.entry,
            alternatives: m.alternatives,
            rule: m.rule,
            name: m.name,
        })
        .collect();
        // Collected in the matcher's larger list: kept at their own size.
        entities.shrink_to_fit();
        let document_type = document_type.unwrap_or(self.options.document_type);
        let tagged = if self.options.timexes {
            let opts = TagOptions { reference: reference_date, document_type, prefer: None, lang: Some(lang) };
            self.tagger.tag_document_owned(text, &mut tokens, &sentences, &opts)
        } else {
            crate::dates::Tagged {
                document_type: if document_type == DocumentType::Auto { DocumentType::News } else { document_type },
                ..Default::default()
            }
        };
        Document {
            tokens,
            sentences,
            entities,
            timexes: tagged.timexes,
            ranges: tagged.ranges,
            reference_date,
            document_type: tagged.document_type,
            lang,
        }
    }

    /// Analyses many documents in parallel, results in input order.
    /// `references` holds one entry per text, or is empty for the options'
    /// default reference date on all.
    ///
    /// # Errors
    /// [`Error::Config`] if `references` has the wrong length or `n_threads`
    /// is zero.
    pub fn process_batch<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        references: &[ReferenceDate],
        n_threads: Option<usize>,
    ) -> Result<Vec<Document>, Error> {
        self.map_batch(texts, references, &[], &[], n_threads, |_, doc| doc)
    }

    /// As [`Pipeline::process_batch`], handing each document to `f` (with its
    /// position) on the worker thread, so that what is kept of it — a compact
    /// form, a JSON line — is made in parallel too. `document_types` and
    /// `langs` hold one entry per text, or are empty for the options' on all
    /// (a `None` language is identified from the text).
    ///
    /// # Errors
    /// As [`Pipeline::process_batch`]; also if `document_types` or `langs`
    /// has the wrong length.
    pub fn map_batch<S, R, F>(
        &self,
        texts: &[S],
        references: &[ReferenceDate],
        document_types: &[DocumentType],
        langs: &[Option<Lang>],
        n_threads: Option<usize>,
        f: F,
    ) -> Result<Vec<R>, Error>
    where
        S: AsRef<str> + Sync,
        R: Send,
        F: Fn(usize, Document) -> R + Sync + Send,
    {
        if !references.is_empty() && references.len() != texts.len() {
            return Err(Error::Config(format!("{} reference dates for {} texts", references.len(), texts.len())));
        }
        if !document_types.is_empty() && document_types.len() != texts.len() {
            return Err(Error::Config(format!("{} document types for {} texts", document_types.len(), texts.len())));
        }
        if !langs.is_empty() && langs.len() != texts.len() {
            return Err(Error::Config(format!("{} languages for {} texts", langs.len(), texts.len())));
        }
        let idx: Vec<usize> = (0..texts.len()).collect();
        parallel::map_ordered(&idx, n_threads, |&i| {
            let r = references.get(i).copied().unwrap_or(self.options.reference_date);
            let lang = if langs.is_empty() { self.options.lang } else { langs[i] };
            f(i, self.process_as(texts[i].as_ref(), r, document_types.get(i).copied(), lang))
        })
    }

    /// Serializes the pipeline (options and gazetteer entries) as JSON.
    ///
    /// # Errors
    /// [`Error::Serialization`] if JSON encoding fails.
    pub fn to_json(&self) -> Result<String, Error> {
        let data = PipelineData {
            format_version: FORMAT_VERSION,
            options: self.options.clone(),
            gazetteer: (!self.builtin_gazetteer).then(|| self.gazetteer.entries().to_vec()),
            common_word_guard: self.gazetteer.common_word_guard(),
            folding: self.gazetteer.folding(),
        };
        serde_json::to_string(&data).map_err(|e| Error::Serialization(e.to_string()))
    }

    /// Rebuilds a pipeline from [`Pipeline::to_json`] output.
    ///
    /// # Errors
    /// [`Error::Serialization`] if the data is malformed or of another format
    /// version; [`Error::Gazetteer`] if its entries are invalid;
    /// [`Error::Config`] if its options are (see [`PipelineOptions::check`]).
    pub fn from_json(json: &str) -> Result<Self, Error> {
        let bad = |e: serde_json::Error| Error::Serialization(e.to_string());
        let data: PipelineData<serde_json::Value> = serde_json::from_str(json).map_err(bad)?;
        if data.format_version != FORMAT_VERSION {
            return Err(Error::Serialization(format!(
                "format_version {} is not supported (expected {FORMAT_VERSION})",
                data.format_version
            )));
        }
        if let Some(n @ serde_json::Value::Number(num)) = data.options.get("n_threads")
            && num.as_u64().is_none_or(|v| usize::try_from(v).is_err())
        {
            return Err(parallel::threads_error(&n.to_string(), num.as_f64().is_some_and(|v| v >= 1.0)));
        }
        let options: PipelineOptions = serde_json::from_value(data.options).map_err(bad)?;
        options.check()?;
        Ok(match data.gazetteer {
            None => Self::new(options),
            Some(entries) => Self::with_gazetteer(
                options,
                Arc::new(Gazetteer::from_entries_folded(
                    entries,
                    "serialized pipeline",
                    data.common_word_guard,
                    data.folding,
                )?),
            ),
        })
    }
}

#[derive(Serialize, Deserialize)]
struct GazetteerData {
    format_version: u32,
    entries: Vec<Entry>,
    #[serde(default = "yes")]
    common_word_guard: bool,
    #[serde(default)]
    folding: Folding,
}

impl Gazetteer {
    /// Serializes the entries as JSON (with a format version).
    ///
    /// # Errors
    /// [`Error::Serialization`] if JSON encoding fails.
    pub fn to_json(&self) -> Result<String, Error> {
        serde_json::to_string(&GazetteerData {
            format_version: FORMAT_VERSION,
            entries: self.entries().to_vec(),
            common_word_guard: self.common_word_guard(),
            folding: self.folding(),
        })
        .map_err(|e| Error::Serialization(e.to_string()))
    }

    /// Rebuilds a gazetteer from [`Gazetteer::to_json`] output.
    ///
    /// # Errors
    /// [`Error::Serialization`] if the data is malformed or of another version.
    pub fn from_json(json: &str) -> Result<Self, Error> {
        let data: GazetteerData = serde_json::from_str(json).map_err(|e| Error::Serialization(e.to_string()))?;
        if data.format_version != FORMAT_VERSION {
            return Err(Error::Serialization(format!(
                "format_version {} is not supported (expected {FORMAT_VERSION})",
                data.format_version
            )));
        }
        Self::from_entries_folded(data.entries, "serialized gazetteer", data.common_word_guard, data.folding)
    }
}
