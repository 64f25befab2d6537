//! Columnar results: one table per kind of span over a batch of documents.
//!
//! The data-science path turns a corpus into tables (one row per span) without
//! creating an object per span. The columns here are plain vectors whose
//! layout the binding can hand to numpy and Arrow without copying: integers
//! as `i64`, strings in Arrow's large-utf8 layout (offsets plus bytes),
//! categorical columns as `i32` codes into a small list of categories, dates
//! as days since 1970-01-01.
//!
//! Offsets in these tables are **character** offsets (what Python `str`
//! indices count), unlike the rest of the core.

pub mod offsets;
mod rows;

use rustc_hash::FxHashMap;

use crate::Gazetteer;
use crate::pipeline::Document;

/// The value used for a missing date in a [`Column::Date`] column (numpy's `NaT`).
pub const NO_DATE: i64 = i64::MIN;

/// Strings in Arrow's large-utf8 layout: row `i` is
/// `data[offsets[i]..offsets[i + 1]]`, optionally with a validity mask.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StrColumn {
    /// `rows + 1` offsets into `data`, starting at 0.
    pub offsets: Vec<i64>,
    /// The UTF-8 bytes of all rows, back to back.
    pub data: Vec<u8>,
    /// `Some(mask)` when some rows are missing (`false` = missing).
    pub valid: Option<Vec<bool>>,
}

impl StrColumn {
    fn new() -> Self {
        Self { offsets: vec![0], data: Vec::new(), valid: None }
    }

    /// An empty column with room for `rows` rows of `bytes` bytes in all.
    fn with_capacity(rows: usize, bytes: usize) -> Self {
        let mut offsets = Vec::with_capacity(rows + 1);
        offsets.push(0);
        Self { offsets, data: Vec::with_capacity(bytes), valid: None }
    }

    fn push(&mut self, s: &str) {
        self.data.extend_from_slice(s.as_bytes());
        self.offsets.push(self.data.len() as i64);
        if let Some(v) = &mut self.valid {
            v.push(true);
        }
    }

    fn push_opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.push(s),
            None => {
                let rows = self.offsets.len() - 1;
                let v = self.valid.get_or_insert_with(|| vec![true; rows]);
                v.push(false);
                self.offsets.push(self.data.len() as i64);
            }
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `i`, or `None` when missing. Panics if `i` is out of range.
    pub fn get(&self, i: usize) -> Option<&str> {
        if self.valid.as_ref().is_some_and(|v| !v[i]) {
            return None;
        }
        let (a, b) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
        // Every row was pushed as a whole &str, so the slice is valid UTF-8.
        std::str::from_utf8(&self.data[a..b]).ok()
    }
}

/// Codes into a list of categories; code `-1` is a missing value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatColumn {
    /// One code per row.
    pub codes: Vec<i32>,
    /// The distinct values, in order of first appearance (or a fixed order).
    pub categories: Vec<String>,
}

/// Builds a [`CatColumn`], assigning codes in order of first appearance.
#[derive(Default)]
struct CatBuilder {
    col: CatColumn,
    index: FxHashMap<String, i32>,
    /// Codes by the address and length of strings already seen: the
    /// gazetteer's labels and ids come back as the same `&str` row after
    /// row, and two numbers hash faster than the text. Equal strings at
    /// different addresses still get one code, through `index`.
    seen: FxHashMap<(usize, usize), i32>,
}

impl CatBuilder {
    fn with_capacity(rows: usize) -> Self {
        let mut b = Self::default();
        b.col.codes.reserve(rows);
        b
    }

    fn fixed(categories: &[&str]) -> Self {
        let mut b = Self::default();
        for c in categories {
            b.code(c);
        }
        b.col.codes.clear();
        b
    }

    /// [`Self::code`] for a string that stays where it is, unchanged, for
    /// as long as this builder lives (a gazetteer's label or id).
    fn code_stable(&mut self, s: &str) -> i32 {
        let key = (s.as_ptr() as usize, s.len());
        if let Some(&code) = self.seen.get(&key) {
            self.col.codes.push(code);
            return code;
        }
        let code = self.code(s);
        self.seen.insert(key, code);
        code
    }

    fn code(&mut self, s: &str) -> i32 {
        let code = match self.index.get(s) {
            Some(&c) => c,
            None => {
                let c = self.col.categories.len() as i32;
                self.col.categories.push(s.to_owned());
                self.index.insert(s.to_owned(), c);
                c
            }
        };
        self.col.codes.push(code);
        code
    }

    fn push_opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.code(s);
            }
            None => self.col.codes.push(-1),
        }
    }
}

/// One column of a [`Table`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Column {
    /// 64-bit integers.
    Int(Vec<i64>),
    /// Booleans.
    Bool(Vec<bool>),
    /// Strings.
    Str(StrColumn),
    /// Categorical strings.
    Cat(CatColumn),
    /// Days since 1970-01-01; [`NO_DATE`] where missing.
    Date(Vec<i64>),
    /// 64-bit integers, some missing: the values (0 where missing) and
    /// whether each is present.
    OptInt(Vec<i64>, Vec<bool>),
    /// Seconds since 1970-01-01T00:00, wall-clock time as written (no
    /// zone); [`NO_DATE`] where missing.
    Time(Vec<i64>),
    /// Seconds since 1970-01-01T00:00Z: an instant in UTC; [`NO_DATE`]
    /// where missing.
    TimeUtc(Vec<i64>),
}

impl Column {
    /// Number of rows.
    pub fn len(&self) -> usize {
        match self {
            Column::Int(v) | Column::Date(v) | Column::OptInt(v, _) | Column::Time(v) | Column::TimeUtc(v) => v.len(),
            Column::Bool(v) => v.len(),
            Column::Str(s) => s.len(),
            Column::Cat(c) => c.codes.len(),
        }
    }

    /// Makes room for `more` rows (strings: at the bytes a row its rows so
    /// far average), so that appending them does not grow it by doubling.
    fn reserve_rows(&mut self, more: usize) {
        match self {
            Column::Int(v) | Column::Date(v) | Column::Time(v) | Column::TimeUtc(v) => v.reserve_exact(more),
            Column::OptInt(v, ok) => {
                v.reserve_exact(more);
                ok.reserve_exact(more);
            }
            Column::Bool(v) => v.reserve_exact(more),
            Column::Str(s) => {
                let per_row = s.data.len().div_ceil(s.len().max(1));
                s.offsets.reserve_exact(more);
                s.data.reserve_exact(more.saturating_mul(per_row) + more.saturating_mul(per_row) / 8);
                if let Some(ok) = &mut s.valid {
                    ok.reserve_exact(more);
                }
            }
            Column::Cat(c) => c.codes.reserve_exact(more),
        }
    }

    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Named columns of equal length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// `(name, column)` pairs in display order.
    pub columns: Vec<(&'static str, Column)>,
}

impl Table {
    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, |(_, c)| c.len())
    }

    /// The column called `name`.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|(n, _)| *n == name).map(|(_, c)| c)
    }
}

/// The kinds of table: one per kind of span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    /// Gazetteer entities.
    Entities,
    /// Time expressions.
    Timexes,
    /// Tokens.
    Tokens,
    /// Sentences.
    Sentences,
    /// Ranges of time written as one phrase (`from March 2 to March 6`).
    Ranges,
}

impl TableKind {
    /// Every kind, in the order their names are listed in messages.
    pub const ALL: [TableKind; 5] = [Self::Entities, Self::Timexes, Self::Ranges, Self::Sentences, Self::Tokens];

    /// The rows this kind's table of `docs` has (tokens: as the documents
    /// hold them, 0 if they were dropped).
    fn rows<'a>(self, docs: impl Iterator<Item = &'a Document>) -> usize {
        docs.map(|d| match self {
            Self::Entities => d.entities.len(),
            Self::Timexes => d.timexes.len(),
            Self::Ranges => d.ranges.len(),
            Self::Sentences => d.sentences.len(),
            Self::Tokens => d.tokens.len(),
        })
        .sum()
    }

    /// Parses `entities`, `timexes`, `ranges`, `sentences` or `tokens`.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The table's name: `entities`, `timexes`, `ranges`, `sentences` or `tokens`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Entities => "entities",
            Self::Timexes => "timexes",
            Self::Ranges => "ranges",
            Self::Sentences => "sentences",
            Self::Tokens => "tokens",
        }
    }
}

/// One analysed document as the table builders see it.
pub struct DocRef<'a> {
    /// The document text.
    pub text: &'a str,
    /// Its analysis.
    pub doc: &'a Document,
}

/// Builds the table of `kind` for `docs`; the `doc` column holds
/// `first_doc + position`.
pub fn build(kind: TableKind, docs: &[DocRef<'_>], gazetteer: &Gazetteer, first_doc: i64) -> Table {
    match kind {
        TableKind::Entities => rows::entities(docs, gazetteer, first_doc),
        TableKind::Timexes => rows::timexes(docs, first_doc),
        TableKind::Ranges => rows::ranges(docs, first_doc),
        TableKind::Tokens => rows::tokens(docs, first_doc),
        TableKind::Sentences => rows::sentences(docs, first_doc),
    }
}

/// Documents per chunk when tables are built in parallel.
const CHUNK: usize = 512;
/// Chunks built in parallel before they are joined (a wave of 4 chunks of
/// 512 documents: few parts alive at once, enough to keep 2 to 4 threads busy).
const WAVE: usize = 4;

/// `part(a..b)` for consecutive chunks of `n` documents, in parallel, joined
/// in order (categories keep their order of first appearance).
fn chunked<F>(n: usize, rows: usize, n_threads: Option<usize>, part: F) -> Result<Table, crate::Error>
where
    F: Fn(std::ops::Range<usize>) -> Table + Sync + Send,
{
    chunked_in_waves(n, rows, n_threads, WAVE, part)
}

/// [`chunked`] with `wave` chunks built in parallel before they are joined;
/// `rows`: the rows the table will have (0 if not known), room for which is
/// made once.
fn chunked_in_waves<F>(
    n: usize,
    rows: usize,
    n_threads: Option<usize>,
    wave: usize,
    part: F,
) -> Result<Table, crate::Error>
where
    F: Fn(std::ops::Range<usize>) -> Table + Sync + Send,
{
    if n_threads == Some(1) || !crate::parallel::parallelism() {
        // One thread: one part, nothing to join.
        return Ok(part(0..n));
    }
    let starts: Vec<usize> = (0..n.max(1)).step_by(CHUNK).collect();
    // A wave of chunks at a time, each joined as soon as its wave is done:
    // the parts alive at once are one wave's, not a second copy of the table.
    let mut joined = Joined { rows, ..Joined::default() };
    for wave in starts.chunks(wave.max(1)) {
        for t in crate::parallel::map_ordered(wave, n_threads, |&a| part(a..(a + CHUNK).min(n)))? {
            joined.push(t);
        }
    }
    Ok(joined.finish())
}

/// [`build`] on chunks of documents in parallel, then joined: the same
/// table as [`build`] (categories in order of first appearance), for any
/// thread count.
///
/// # Errors
/// [`crate::Error::Config`] if `n_threads` is `Some(0)` or the pool cannot start.
pub fn build_parallel(
    kind: TableKind,
    docs: &[DocRef<'_>],
    gazetteer: &Gazetteer,
    n_threads: Option<usize>,
) -> Result<Table, crate::Error> {
    let rows = kind.rows(docs.iter().map(|d| d.doc));
    chunked(docs.len(), rows, n_threads, |r| build(kind, &docs[r.clone()], gazetteer, r.start as i64))
}

/// [`build_parallel`] over texts and their documents, given apart (as a
/// batch keeps them). With `tokens_from`, the documents were kept without
/// their tokens ([`Document::drop_tokens`]): the tokens table tokenizes each
/// text again with that pipeline, in its document's language, a chunk at a
/// time (the same tokens and sentences the analysis had).
///
/// # Errors
/// [`crate::Error::Config`] if `texts` and `docs` differ in length, or
/// `n_threads` is `Some(0)` or the pool cannot start.
pub fn build_documents(
    kind: TableKind,
    texts: &[&str],
    docs: &[Document],
    gazetteer: &Gazetteer,
    tokens_from: Option<&crate::Pipeline>,
    n_threads: Option<usize>,
) -> Result<Table, crate::Error> {
    if texts.len() != docs.len() {
        return Err(crate::Error::Config(format!("{} texts for {} documents", texts.len(), docs.len())));
    }
    chunked(docs.len(), kind.rows(docs.iter()), n_threads, |r| {
        let (texts, docs) = (&texts[r.clone()], &docs[r.clone()]);
        let rebuilt: Vec<Document>;
        let docs = match tokens_from {
            Some(p) if kind == TableKind::Tokens => {
                rebuilt = texts.iter().zip(docs).map(|(t, d)| d.tokens_again(p, t)).collect();
                &rebuilt[..]
            }
            _ => docs,
        };
        let refs: Vec<DocRef<'_>> = texts.iter().zip(docs).map(|(t, d)| DocRef { text: t, doc: d }).collect();
        build(kind, &refs, gazetteer, r.start as i64)
    })
}

impl Column {
    /// Appends `other`'s rows. `index` maps this column's categories to
    /// their codes (made on first use, kept up to date for the next call).
    fn append(&mut self, other: Column, index: &mut Option<FxHashMap<String, i32>>) {
        match (self, other) {
            (Column::Int(a), Column::Int(b))
            | (Column::Date(a), Column::Date(b))
            | (Column::Time(a), Column::Time(b))
            | (Column::TimeUtc(a), Column::TimeUtc(b)) => a.extend(b),
            (Column::Bool(a), Column::Bool(b)) => a.extend(b),
            (Column::OptInt(a, va), Column::OptInt(b, vb)) => {
                a.extend(b);
                va.extend(vb);
            }
            (Column::Str(a), Column::Str(b)) => {
                let rows_a = a.len();
                let base = a.data.len() as i64;
                a.data.extend_from_slice(&b.data);
                a.offsets.extend(b.offsets[1..].iter().map(|o| o + base));
                match (&mut a.valid, b.valid) {
                    (None, None) => {}
                    (Some(va), None) => va.extend(std::iter::repeat_n(true, b.offsets.len() - 1)),
                    (va @ None, Some(vb)) => {
                        let mut v = vec![true; rows_a];
                        v.extend(vb);
                        *va = Some(v);
                    }
                    (Some(va), Some(vb)) => va.extend(vb),
                }
            }
            (Column::Cat(a), Column::Cat(b)) => {
                let index =
                    index.get_or_insert_with(|| a.categories.iter().cloned().zip(0..).collect::<FxHashMap<_, _>>());
                let mut remap = Vec::with_capacity(b.categories.len());
                for c in b.categories {
                    let code = match index.get(&c) {
                        Some(&code) => code,
                        None => {
                            let code = a.categories.len() as i32;
                            index.insert(c.clone(), code);
                            a.categories.push(c);
                            code
                        }
                    };
                    remap.push(code);
                }
                a.codes.extend(b.codes.iter().map(|&k| if k < 0 { k } else { remap[k as usize] }));
            }
            // Tables of one kind always have the same column types.
            _ => {}
        }
    }
}

impl Table {
    /// The rows of `parts` one after the other (same kind of table).
    pub fn concat(parts: Vec<Table>) -> Table {
        let mut joined = Joined::default();
        for t in parts {
            joined.push(t);
        }
        joined.finish()
    }
}

/// Tables joined one after another as they come (categorical codes remapped
/// through one index per column).
#[derive(Default)]
struct Joined {
    table: Option<Table>,
    indexes: Vec<Option<FxHashMap<String, i32>>>,
    /// The rows the joined table will have, when known (0: not known).
    rows: usize,
}

impl Joined {
    fn push(&mut self, mut t: Table) {
        match &mut self.table {
            None => {
                self.indexes = vec![None; t.columns.len()];
                let more = self.rows.saturating_sub(t.columns.first().map_or(0, |c| c.1.len()));
                if more > 0 {
                    for (_, c) in &mut t.columns {
                        c.reserve_rows(more);
                    }
                }
                self.table = Some(t);
            }
            Some(first) => {
                for (((_, a), (_, b)), index) in first.columns.iter_mut().zip(t.columns).zip(&mut self.indexes) {
                    a.append(b, index);
                }
            }
        }
    }

    fn finish(self) -> Table {
        self.table.unwrap_or(Table { columns: Vec::new() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Date, Entry, Pipeline, PipelineOptions, ReferenceDate};
    use std::sync::Arc;

    fn run(texts: &[&str]) -> (Pipeline, Vec<Document>) {
        let g = Gazetteer::builder()
            .entry(Entry::new("Caracas", "LOC", "geonames:3646738"))
            .entry(Entry::new("Venezuela", "LOC", "geonames:3625428"))
            .entry(Entry::new("Lima", "LOC", "geonames:3936456"))
            .entry(Entry::new("Quito", "LOC", "geonames:3652462"))
            .entry(Entry::new("Bogotá", "GPE", "geonames:3688689"))
            .build()
            .unwrap();
        let nlp = Pipeline::with_gazetteer(PipelineOptions::default(), Arc::new(g));
        let r = ReferenceDate::Fixed(Date::new(2026, 3, 5).unwrap());
        let docs = texts.iter().map(|t| nlp.process(t, r)).collect();
        (nlp, docs)
    }

    fn refs<'a>(texts: &[&'a str], docs: &'a [Document]) -> Vec<DocRef<'a>> {
        texts.iter().zip(docs).map(|(t, d)| DocRef { text: t, doc: d }).collect()
    }

    fn ints(t: &Table, name: &str) -> Vec<i64> {
        match t.column(name) {
            Some(Column::Int(v) | Column::Date(v)) => v.clone(),
            other => panic!("{name}: {other:?}"),
        }
    }

    #[test]
    fn entity_rows_carry_char_offsets_and_categories() {
        let texts = ["Señor in Caracas, Venezuela.", "nothing here", "Caracas again"];
        let (nlp, docs) = run(&texts);
        let t = build(TableKind::Entities, &refs(&texts, &docs), nlp.gazetteer(), 10);
        assert_eq!(t.rows(), 3);
        assert_eq!(ints(&t, "doc"), [10, 10, 12]);
        // "Señor in " is 9 characters but 10 bytes.
        assert_eq!(ints(&t, "start"), [9, 18, 0]);
        assert_eq!(ints(&t, "end"), [16, 27, 7]);
        let Some(Column::Str(text)) = t.column("text") else { panic!() };
        assert_eq!((0..3).map(|i| text.get(i).unwrap()).collect::<Vec<_>>(), ["Caracas", "Venezuela", "Caracas"]);
        let Some(Column::Cat(id)) = t.column("id") else { panic!() };
        assert_eq!(id.codes, [0, 1, 0]);
        assert_eq!(id.categories, ["geonames:3646738", "geonames:3625428"]);
    }

    #[test]
    fn timex_rows_have_intervals_and_missing_values() {
        let texts = ["It happened on Thursday for two days.", "", "Every week."];
        let (_, docs) = run(&texts);
        let t = build(TableKind::Timexes, &refs(&texts, &docs), &Gazetteer::empty(), 0);
        assert_eq!(t.rows(), 3);
        assert_eq!(ints(&t, "doc"), [0, 0, 2]);
        let Some(Column::Str(value)) = t.column("value") else { panic!() };
        assert_eq!(value.get(0), Some("2026-03-05"));
        assert_eq!(value.get(1), Some("P2D"));
        let begin = ints(&t, "begin");
        assert_eq!(begin[0], Date::new(2026, 3, 5).unwrap().to_epoch_days());
        assert_eq!(ints(&t, "end_date")[0], Date::new(2026, 3, 6).unwrap().to_epoch_days());
        assert_eq!(begin[1], NO_DATE);
        let Some(Column::Cat(kind)) = t.column("type") else { panic!() };
        assert_eq!(kind.categories, ["DATE", "TIME", "DURATION", "SET"]);
        assert_eq!(kind.codes, [0, 2, 3]);
        let Some(Column::Cat(quant)) = t.column("quant") else { panic!() };
        assert_eq!(quant.codes, [-1, -1, 0]);
        assert_eq!(quant.categories, ["EVERY"]);
        let Some(Column::Str(freq)) = t.column("freq") else { panic!() };
        assert_eq!(freq.get(0), None);
        assert_eq!(freq.offsets.len(), 4);
        let Some(Column::Cat(doctype)) = t.column("document_type") else { panic!() };
        assert_eq!(doctype.categories, ["news", "narrative", "colloquial"]);
        let want: Vec<i32> = [0, 0, 2]
            .iter()
            .map(|&k| docs[k].document_type)
            .map(|d| match d {
                crate::DocumentType::Narrative => 1,
                crate::DocumentType::Colloquial => 2,
                _ => 0,
            })
            .collect();
        assert_eq!(doctype.codes, want);
    }

    #[test]
    fn range_rows_point_at_their_timexes() {
        let texts = ["Señor, talks ran from March 2 to March 6.", "No range.", "Closed since March 2 in Lima."];
        let (_, docs) = run(&texts);
        let t = build(TableKind::Ranges, &refs(&texts, &docs), &Gazetteer::empty(), 0);
        assert_eq!(t.rows(), 2);
        assert_eq!(ints(&t, "doc"), [0, 2]);
        // "Señor" is 5 characters and 6 bytes.
        assert_eq!(ints(&t, "start"), [17, 7]);
        assert_eq!(ints(&t, "end"), [40, 20]);
        let Some(Column::Str(text)) = t.column("text") else { panic!() };
        assert_eq!([text.get(0), text.get(1)], [Some("from March 2 to March 6"), Some("since March 2")]);
        let Some(Column::OptInt(bi, bk)) = t.column("begin_index") else { panic!() };
        assert_eq!((bi.as_slice(), bk.as_slice()), (&[0, 0][..], &[true, true][..]));
        let Some(Column::OptInt(ei, ek)) = t.column("end_index") else { panic!() };
        assert_eq!((ei[0], ek.as_slice()), (1, &[true, false][..]));
        let day = |m, d| Date::new(2026, m, d).unwrap().to_epoch_days();
        assert_eq!(ints(&t, "begin"), [day(3, 2), day(3, 2)]);
        assert_eq!(ints(&t, "end_date")[0], day(3, 7));
        let Some(Column::Str(value)) = t.column("value") else { panic!() };
        assert_eq!(value.get(0), Some("2026-03-02/2026-03-06"));
        assert!(matches!(t.column("rule"), Some(Column::Cat(c)) if c.codes.len() == 2));
        assert!(t.columns.iter().all(|(_, c)| c.len() == 2));
    }

    #[test]
    fn table_kinds_parse_their_names() {
        for k in TableKind::ALL {
            assert_eq!(TableKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(TableKind::parse("dates"), None);
    }

    #[test]
    fn parallel_build_equals_serial_build() {
        let base = ["Caracas on Thursday and Venezuela.", "", "Ünï every week in Caracas", "twice a day, Venezuela"];
        // Names seen only in the last chunks: their categories are appended when the parts are joined.
        let late = ["Rain in Lima and Quito from March 2 to March 6.", "Bogotá, then Caracas since May."];
        let texts: Vec<&str> = (0..2000)
            .map(|i| if i > 1500 && i % 5 == 0 { late[i % 2] } else { base[(i * 7 + i / 3) % base.len()] })
            .collect();
        let (nlp, docs) = run(&texts);
        let r = refs(&texts, &docs);
        for kind in TableKind::ALL {
            let serial = build(kind, &r, nlp.gazetteer(), 0);
            for threads in [Some(1), Some(2), None] {
                assert_eq!(build_parallel(kind, &r, nlp.gazetteer(), threads).unwrap(), serial, "{kind:?}");
                assert_eq!(
                    build_documents(kind, &texts, &docs, nlp.gazetteer(), None, threads).unwrap(),
                    serial,
                    "{kind:?}"
                );
                for wave in [1, 3] {
                    let waves = chunked_in_waves(r.len(), 0, threads, wave, |c| {
                        build(kind, &r[c.clone()], nlp.gazetteer(), c.start as i64)
                    });
                    assert_eq!(waves.unwrap(), serial, "{kind:?} in waves of {wave}");
                }
            }
        }
    }

    #[test]
    fn token_and_sentence_tables_agree_with_documents() {
        let texts = ["Don't go. Now!", "Ünïcode — ok"];
        let (_, docs) = run(&texts);
        let r = refs(&texts, &docs);
        let tok = build(TableKind::Tokens, &r, &Gazetteer::empty(), 0);
        let n: usize = docs.iter().map(|d| d.tokens.len()).sum();
        assert_eq!(tok.rows(), n);
        assert!(tok.columns.iter().all(|(_, c)| c.len() == n));
        let Some(Column::Str(text)) = tok.column("text") else { panic!() };
        assert_eq!(text.get(0), Some("Do"));
        assert_eq!(text.get(1), Some("n't"));
        assert_eq!(ints(&tok, "sentence")[..6], [0, 0, 0, 0, 1, 1]);
        let sent = build(TableKind::Sentences, &r, &Gazetteer::empty(), 0);
        assert_eq!(ints(&sent, "doc"), [0, 0, 1]);
        assert_eq!(ints(&sent, "start"), [0, 10, 0]);
        assert_eq!(ints(&sent, "end"), [9, 14, 12]);
    }
}
