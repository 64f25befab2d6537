//! Reading gazetteer entries from TSV, CSV and JSONL files.
//!
//! Tabular files need a header row naming the columns; the name column is
//! required, `label` is required unless a default label is given, `id`
//! defaults to the name, and `aliases` holds alternative names separated by
//! `|`. JSONL files hold one object per line with the same keys (`aliases`
//! may be a list of strings).

use std::path::Path;

use serde_json::Value;

use super::Entry;
use super::file::{FileKind, SNIFF_BYTES};
use crate::error::Error;

/// The layout of a gazetteer file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FileFormat {
    /// Tab-separated values with a header row.
    Tsv,
    /// Comma-separated values (RFC 4180 quoting) with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

impl FileFormat {
    /// The format implied by a file name's extension, if any.
    #[must_use]
    pub fn from_extension(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "tsv" | "tab" | "txt" => Some(Self::Tsv),
            "csv" => Some(Self::Csv),
            "jsonl" | "ndjson" | "json" => Some(Self::Jsonl),
            _ => None,
        }
    }
}

/// Column names to read (defaults: `name`, `label`, `id`, `aliases`).
#[derive(Clone, Debug)]
pub struct Columns {
    /// Column holding the name.
    pub name: String,
    /// Column holding the label.
    pub label: String,
    /// Column holding the id.
    pub id: String,
    /// Column holding `|`-separated aliases.
    pub aliases: String,
    /// Column holding a per-entry case rule (`exact`, `name`; empty: default).
    pub case: String,
    /// Columns (JSONL: keys) kept as entry attributes; `None` keeps every
    /// other column, `Some(vec![])` none.
    pub attributes: Option<Vec<String>>,
}

impl Default for Columns {
    fn default() -> Self {
        Self {
            name: "name".into(),
            label: "label".into(),
            id: "id".into(),
            aliases: "aliases".into(),
            case: "case".into(),
            attributes: None,
        }
    }
}

/// Reads the entries of a gazetteer file.
///
/// `format` is taken from the extension when `None` (`.tsv`, `.csv`,
/// `.jsonl`), and sniffed from the first line otherwise.
///
/// # Errors
/// [`Error::Io`] if the file cannot be read; [`Error::Gazetteer`] naming the
/// file and line if it is empty, not UTF-8, lacks a required column, or has a
/// row with an empty name or label or malformed JSON/CSV.
pub fn read_entries(path: &Path, format: Option<FileFormat>, columns: &Columns) -> Result<Vec<Entry>, Error> {
    let mut out = Vec::new();
    read_entries_into(path, format, columns, &mut |e, _| {
        out.push(e);
        Ok(())
    })?;
    Ok(out)
}

/// Files of this many bytes or more (TSV and CSV) are parsed as they are read.
const STREAM_FROM: u64 = 1 << 20;

/// As [`read_entries`], handing each entry to `sink` as it is read.
pub(crate) fn read_entries_into(
    path: &Path,
    format: Option<FileFormat>,
    columns: &Columns,
    sink: &mut Sink<'_>,
) -> Result<(), Error> {
    let shown = path.display().to_string();
    let io_error = |source| Error::Io { path: shown.clone(), source };
    let mut file = std::fs::File::open(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    let size = meta.len();
    if meta.is_file() {
        refuse_other_files(&mut file).map_err(|e| match e {
            Ok(message) => Error::Gazetteer { source_name: shown.clone(), line: 0, message },
            Err(source) => io_error(source),
        })?;
    }
    if size >= STREAM_FROM && format.or_else(|| FileFormat::from_extension(path)) != Some(FileFormat::Jsonl) {
        // A large table is parsed as it is read: its text is never held whole.
        let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
        let head = std::io::BufRead::fill_buf(&mut reader).map_err(io_error)?;
        let bom = usize::from(head.starts_with(b"\xef\xbb\xbf")) * 3;
        let first = head[bom..].split(|&b| b == b'\n').next().unwrap_or(&[]);
        let format = format
            .or_else(|| FileFormat::from_extension(path))
            .unwrap_or_else(|| sniff_format(&String::from_utf8_lossy(first)));
        if format != FileFormat::Jsonl {
            std::io::BufRead::consume(&mut reader, bom);
            let bad = |line: usize, message: String| Error::Gazetteer { source_name: shown.clone(), line, message };
            let delimiter = if format == FileFormat::Tsv { b'\t' } else { b',' };
            return some_entries(&bad, sink, |count| read_table(reader, bom, delimiter, columns, &bad, count));
        }
    }
    let bytes = std::fs::read(path).map_err(io_error)?;
    let bad = |line: usize, message: String| Error::Gazetteer { source_name: shown.clone(), line, message };
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(bad(line, format!("not valid UTF-8 (byte {})", e.valid_up_to())));
        }
    };
    parse_entries_into(text, format.or_else(|| FileFormat::from_extension(path)), columns, &shown, sink)
}

/// Fails (`Ok(message)`) on a file that is no gazetteer list but one that
/// another loader reads (a compiled gazetteer, a saved pipeline) or binary
/// data; rewinds the file otherwise.
fn refuse_other_files(file: &mut std::fs::File) -> Result<(), Result<String, std::io::Error>> {
    use std::io::{Read, Seek};
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    file.by_ref().take(SNIFF_BYTES as u64).read_to_end(&mut head).map_err(Err)?;
    let kind = FileKind::sniff(&head);
    let foreign = match kind {
        FileKind::Compiled | FileKind::GazetteerJson | FileKind::PipelineJson => true,
        // Text in another encoding (Latin-1) gets the line of its first bad byte instead.
        FileKind::Binary => head.contains(&0),
        _ => false,
    };
    if foreign {
        return Err(Ok(format!("not a gazetteer list: it {}", kind.hint())));
    }
    file.rewind().map_err(Err)?;
    Ok(())
}

/// Parses gazetteer entries from the text of a file; `source_name` names it in
/// errors. `format` is sniffed from the first line when `None`.
///
/// # Errors
/// [`Error::Gazetteer`] naming the source and line, as for [`read_entries`].
pub fn parse_entries(
    text: &str,
    format: Option<FileFormat>,
    columns: &Columns,
    source_name: &str,
) -> Result<Vec<Entry>, Error> {
    let mut out = Vec::new();
    parse_entries_into(text, format, columns, source_name, &mut |e, _| {
        out.push(e);
        Ok(())
    })?;
    Ok(out)
}

/// A consumer of parsed entries with the line each came from.
pub(crate) type Sink<'a> = dyn FnMut(Entry, usize) -> Result<(), Error> + 'a;

/// As [`parse_entries`], handing each entry to `sink` as it is read (no list
/// of the whole file is made).
pub(crate) fn parse_entries_into(
    text: &str,
    format: Option<FileFormat>,
    columns: &Columns,
    source_name: &str,
    sink: &mut Sink<'_>,
) -> Result<(), Error> {
    let bad = |line: usize, message: String| Error::Gazetteer { source_name: source_name.to_owned(), line, message };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(bad(0, "the file is empty".into()));
    }
    let format = format.unwrap_or_else(|| sniff_format(text.lines().next().unwrap_or("")));
    some_entries(&bad, sink, |count| match format {
        FileFormat::Jsonl => read_jsonl(text, columns, &bad, count),
        FileFormat::Tsv => read_table(text.as_bytes(), 0, b'\t', columns, &bad, count),
        FileFormat::Csv => read_table(text.as_bytes(), 0, b',', columns, &bad, count),
    })
}

/// Runs `read` with a sink that counts the entries it hands on to `sink`;
/// a file without any is an error.
fn some_entries(
    bad: &dyn Fn(usize, String) -> Error,
    sink: &mut Sink<'_>,
    read: impl FnOnce(&mut Sink<'_>) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut n = 0usize;
    read(&mut |e, line| {
        n += 1;
        sink(e, line)
    })?;
    if n == 0 {
        return Err(bad(0, "no entries (only a header?)".into()));
    }
    Ok(())
}

/// The format of a file whose first line is `first`: JSON lines if it opens
/// an object, TSV if it has a tab, CSV otherwise.
fn sniff_format(first: &str) -> FileFormat {
    if first.trim_start().starts_with('{') {
        FileFormat::Jsonl
    } else if first.contains('\t') {
        FileFormat::Tsv
    } else {
        FileFormat::Csv
    }
}

/// The aliases of a `|`-separated string (`"U.S.|USA"`), trimmed, empty
/// ones left out: how every builder reads aliases given as one string (a
/// list of strings is taken item by item, each trimmed).
#[must_use]
pub fn split_aliases(s: &str) -> Vec<String> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect()
}

fn finish(
    name: &str,
    label: &str,
    id: Option<&str>,
    aliases: Vec<String>,
    line: usize,
    bad: &dyn Fn(usize, String) -> Error,
) -> Result<Entry, Error> {
    let name = name.trim();
    if name.is_empty() {
        return Err(bad(line, "empty name".into()));
    }
    let label = label.trim();
    if label.is_empty() {
        return Err(bad(line, format!("empty label for name {name:?}")));
    }
    let id = id.map(str::trim).filter(|s| !s.is_empty()).unwrap_or(name);
    Ok(Entry {
        name: name.to_owned(),
        label: label.to_owned(),
        id: id.to_owned(),
        aliases,
        attributes: std::collections::BTreeMap::new(),
        case: super::CaseRule::Default,
    })
}

/// The entries of a TSV or CSV table read from `input`, which starts
/// `offset` bytes into its file (after a byte-order mark).
fn read_table(
    input: impl std::io::Read,
    offset: usize,
    delimiter: u8,
    columns: &Columns,
    bad: &dyn Fn(usize, String) -> Error,
    sink: &mut Sink<'_>,
) -> Result<(), Error> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(false)
        .quoting(delimiter == b',')
        .from_reader(QuoteWatch::new(input, delimiter, delimiter == b','));
    // A quoted field never closed runs to the end of the file: the reader
    // takes it as one field, where the file meant many rows.
    let unterminated = |reader: &csv::Reader<QuoteWatch<_>>| {
        reader
            .get_ref()
            .unterminated()
            .map(|line| bad(line, "unterminated quote: a field opened with \" here is never closed".into()))
    };
    let raw_headers = reader.byte_headers().map_err(|e| bad(1, format!("cannot read the header: {e}")))?.clone();
    let headers = csv::StringRecord::from_byte_record(raw_headers)
        .map_err(|e| bad(1, format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to())))?;
    let find = |col: &str| headers.iter().position(|h| h.trim() == col);
    let shown_headers = || headers.iter().collect::<Vec<_>>().join(", ");
    let name_i = find(&columns.name)
        .ok_or_else(|| bad(1, format!("missing column {:?} (header has: {})", columns.name, shown_headers())))?;
    let label_i = find(&columns.label)
        .ok_or_else(|| bad(1, format!("missing column {:?} (header has: {})", columns.label, shown_headers())))?;
    let id_i = find(&columns.id);
    let alias_i = find(&columns.aliases);
    let case_i = find(&columns.case);
    let fixed = [Some(name_i), Some(label_i), id_i, alias_i, case_i];
    let attr_cols: Vec<(usize, String)> = match &columns.attributes {
        None => headers
            .iter()
            .enumerate()
            .filter(|(i, _)| !fixed.contains(&Some(*i)))
            .map(|(i, h)| (i, h.trim().to_owned()))
            .collect(),
        Some(wanted) => {
            let mut v = Vec::with_capacity(wanted.len());
            for w in wanted {
                let i = find(w).ok_or_else(|| {
                    bad(1, format!("missing attribute column {w:?} (header has: {})", shown_headers()))
                })?;
                v.push((i, w.clone()));
            }
            v
        }
    };
    // One record reused for every row, read as bytes and checked as UTF-8 here
    // (the error names the line and the byte in the file).
    let mut raw = csv::ByteRecord::new();
    loop {
        let more = reader.read_byte_record(&mut raw).map_err(|e| {
            if let Some(err) = unterminated(&reader) {
                return err;
            }
            let line = e.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
            let message = match e.kind() {
                csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                    format!("expected {expected_len} fields, found {len}")
                }
                _ => e.to_string(),
            };
            bad(line, message)
        })?;
        if !more {
            return unterminated(&reader).map_or(Ok(()), Err);
        }
        let line = raw.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        let start = raw.position().map_or(0, csv::Position::byte);
        let mut rec = match csv::StringRecord::from_byte_record(std::mem::take(&mut raw)) {
            Ok(r) => r,
            Err(e) => {
                let (field, valid) = (e.utf8_error().field(), e.utf8_error().valid_up_to());
                // The fields before the bad one and their delimiters.
                let before: usize = e.into_byte_record().iter().take(field).map(|f| f.len() + 1).sum();
                let byte = offset + usize::try_from(start).unwrap_or(0) + before + valid;
                return Err(bad(line, format!("not valid UTF-8 (byte {byte})")));
            }
        };
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue; // blank line
        }
        let get = |i: usize| rec.get(i).unwrap_or("");
        let aliases = alias_i.map(|i| split_aliases(get(i))).unwrap_or_default();
        let mut entry = finish(get(name_i), get(label_i), id_i.map(get), aliases, line, bad)?;
        if let Some(i) = case_i {
            entry.case = super::CaseRule::parse(get(i)).map_err(|m| bad(line, m))?;
        }
        for (i, key) in &attr_cols {
            let v = get(*i).trim();
            if !v.is_empty() {
                entry.attributes.insert(key.clone(), Value::String(v.to_owned()));
            }
        }
        sink(entry, line)?;
        raw = std::mem::take(&mut rec).into_byte_record();
    }
}

/// Reads through to the CSV reader, following the quoting state as RFC 4180
/// (and the csv crate) define it, to tell a file that ends inside a quoted
/// field and the line where that field opened.
struct QuoteWatch<R> {
    inner: R,
    delimiter: u8,
    quoting: bool,
    state: QuoteState,
    /// The current line (1-based).
    line: usize,
    /// The line where the open quoted field started.
    opened: usize,
    at_end: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum QuoteState {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: its end, or the first of a doubled quote.
    QuoteInQuoted,
}

impl<R> QuoteWatch<R> {
    fn new(inner: R, delimiter: u8, quoting: bool) -> Self {
        Self { inner, delimiter, quoting, state: QuoteState::FieldStart, line: 1, opened: 0, at_end: false }
    }

    /// The line of a quoted field still open at the end of the file.
    fn unterminated(&self) -> Option<usize> {
        (self.at_end && self.state == QuoteState::Quoted).then_some(self.opened)
    }

    fn watch(&mut self, bytes: &[u8]) {
        use QuoteState::{FieldStart, QuoteInQuoted, Quoted, Unquoted};
        for &b in bytes {
            let end_of_field = b == self.delimiter || b == b'\n' || b == b'\r';
            self.state = match (self.state, b) {
                (FieldStart, b'"') => {
                    self.opened = self.line;
                    Quoted
                }
                (Quoted, b'"') => QuoteInQuoted,
                (Quoted, _) => Quoted,
                (QuoteInQuoted, b'"') => Quoted,
                (_, _) if end_of_field => FieldStart,
                (_, _) => Unquoted,
            };
            if b == b'\n' {
                self.line += 1;
            }
        }
    }
}

impl<R: std::io::Read> std::io::Read for QuoteWatch<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if self.quoting {
            self.watch(&buf[..n]);
        }
        self.at_end |= n == 0 && !buf.is_empty();
        Ok(n)
    }
}

fn read_jsonl(
    text: &str,
    columns: &Columns,
    bad: &dyn Fn(usize, String) -> Error,
    sink: &mut Sink<'_>,
) -> Result<(), Error> {
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(raw).map_err(|e| bad(line, format!("invalid JSON: {e}")))?;
        let Value::Object(obj) = v else {
            return Err(bad(line, "expected a JSON object".into()));
        };
        let string = |key: &str, required: bool| -> Result<Option<String>, Error> {
            match obj.get(key) {
                None | Some(Value::Null) if !required => Ok(None),
                None | Some(Value::Null) => Err(bad(line, format!("missing key {key:?}"))),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(Value::Number(n)) => Ok(Some(n.to_string())),
                Some(other) => Err(bad(line, format!("{key:?} must be a string, not {other}"))),
            }
        };
        let name = string(&columns.name, true)?.unwrap_or_default();
        let label = string(&columns.label, true)?.unwrap_or_default();
        let id = string(&columns.id, false)?;
        let aliases = match obj.get(&columns.aliases) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => split_aliases(s),
            Some(Value::Array(items)) => {
                let mut v = Vec::with_capacity(items.len());
                for it in items {
                    match it {
                        Value::String(s) if !s.trim().is_empty() => v.push(s.trim().to_owned()),
                        Value::String(_) => {}
                        other => {
                            return Err(bad(line, format!("aliases must be strings, not {other}")));
                        }
                    }
                }
                v
            }
            Some(other) => {
                return Err(bad(line, format!("aliases must be a list of strings, not {other}")));
            }
        };
        let mut entry = finish(&name, &label, id.as_deref(), aliases, line, bad)?;
        match obj.get(&columns.case) {
            None | Some(Value::Null) => {}
            Some(Value::String(c)) => entry.case = super::CaseRule::parse(c).map_err(|m| bad(line, m))?,
            Some(other) => return Err(bad(line, format!("case must be a string, not {other}"))),
        }
        let fixed = [&columns.name, &columns.label, &columns.id, &columns.aliases, &columns.case];
        match &columns.attributes {
            None => {
                for (k, v) in &obj {
                    if !fixed.contains(&k) && !v.is_null() {
                        entry.attributes.insert(k.clone(), v.clone());
                    }
                }
            }
            Some(wanted) => {
                for k in wanted {
                    if let Some(v) = obj.get(k).filter(|v| !v.is_null()) {
                        entry.attributes.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        sink(entry, line)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file large enough to be parsed as it is read gives the entries and
    /// the errors (with their line) of parsing its whole text.
    #[test]
    fn large_tables_stream_like_their_text() {
        let dir = std::env::temp_dir().join(format!("dateline-io-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let mut tsv = String::from("\u{feff}name\tlabel\tid\taliases\tpop\n");
        let mut k = 0;
        while tsv.len() < (STREAM_FROM as usize) * 2 {
            tsv.push_str(&format!("Name {k} São\tLOC\tid:{k}\tN{k}|Nom {k}\t{}\n", k % 7));
            if k % 1000 == 0 {
                tsv.push_str("\t\t\t\t\n"); // a blank row
            }
            k += 1;
        }
        let mut csv_text = String::from("name,label,id\n");
        while csv_text.len() < (STREAM_FROM as usize) * 2 {
            csv_text.push_str(&format!("\"Smith, {k}\",PER,\"p\"\"{k}\"\n"));
            k += 1;
        }
        let columns = Columns::default();
        for (file, text) in [("big.tsv", &tsv), ("big.csv", &csv_text), ("big.txt", &tsv)] {
            let path = dir.join(file);
            std::fs::write(&path, text).expect("written");
            let streamed = read_entries(&path, None, &columns).expect("valid");
            let whole = parse_entries(text, None, &columns, "x").expect("valid");
            assert_eq!(streamed, whole, "{file}");
            assert!(streamed.len() > 10_000);
        }
        // Bad UTF-8 and a short row deep in the file: the same line as the text's.
        let mut bytes = tsv.clone().into_bytes();
        let at = bytes.len() - 40;
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        bytes[at] = 0xff;
        let path = dir.join("bad.tsv");
        std::fs::write(&path, &bytes).expect("written");
        let err = read_entries(&path, None, &columns).expect_err("bad UTF-8").to_string();
        assert!(err.contains(&format!("line {line}: not valid UTF-8 (byte {at})")), "{err}");
        let short = format!("{tsv}Only\tLOC\n");
        std::fs::write(&path, &short).expect("written");
        let err = read_entries(&path, None, &columns).expect_err("short row").to_string();
        let line = short.lines().count();
        assert!(err.contains(&format!("line {line}: expected 5 fields, found 2")), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
