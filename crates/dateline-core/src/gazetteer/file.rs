//! Files of gazetteers and pipelines: what a file looks like (so that a
//! loader given another loader's file says which one to use), and writing a
//! file so that it is never seen half-written.

use std::io::Write;
use std::path::Path;

use crate::error::Error;

/// What a file looks like, from its first bytes ([`FileKind::sniff`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FileKind {
    /// A compiled gazetteer (`Gazetteer.save`, [`super::Gazetteer::to_bytes`]).
    Compiled,
    /// A gazetteer saved as JSON ([`super::Gazetteer::to_json`]).
    GazetteerJson,
    /// A saved pipeline ([`crate::Pipeline::to_json`]).
    PipelineJson,
    /// A JSONL gazetteer list (one object per line).
    Jsonl,
    /// A TSV or CSV gazetteer list (or any other text table).
    Table,
    /// Nothing but whitespace.
    Empty,
    /// Bytes that are not UTF-8 text, or hold NUL bytes.
    Binary,
    /// Text of no kind dateline reads as a whole file.
    Text,
}

/// How many bytes [`FileKind::sniff`] looks at.
pub const SNIFF_BYTES: usize = 8192;

impl FileKind {
    /// The kind of a file that starts with `head` (only its first
    /// `SNIFF_BYTES` are looked at).
    #[must_use]
    pub fn sniff(head: &[u8]) -> Self {
        let head = &head[..head.len().min(SNIFF_BYTES)];
        if head.starts_with(super::binary::MAGIC) {
            return Self::Compiled;
        }
        let text = match std::str::from_utf8(head) {
            Ok(t) => t,
            // A character cut by the end of the head is no sign of binary data.
            Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""),
            Err(_) => return Self::Binary,
        };
        if text.contains('\0') {
            return Self::Binary;
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).trim_start();
        if text.is_empty() {
            return Self::Empty;
        }
        let first = text.lines().next().unwrap_or("");
        if text.starts_with('{') {
            if text.contains("\"format_version\"") {
                if text.contains("\"options\"") {
                    return Self::PipelineJson;
                }
                if text.contains("\"entries\"") {
                    return Self::GazetteerJson;
                }
            }
            return Self::Jsonl;
        }
        if first.contains('\t') || first.contains(',') { Self::Table } else { Self::Text }
    }

    /// What the file looks like and which loader reads it, after "it":
    /// `looks like a TSV/CSV gazetteer list (read it with Gazetteer.from_file)`.
    #[must_use]
    pub fn hint(self) -> &'static str {
        match self {
            Self::Compiled => "looks like a compiled gazetteer (load it with Gazetteer.load)",
            Self::GazetteerJson => "looks like a gazetteer saved as JSON (load it with Gazetteer.load)",
            Self::PipelineJson => "looks like a saved pipeline (JSON; load it with Pipeline.load)",
            Self::Jsonl => "looks like a JSONL gazetteer list (read it with Gazetteer.from_file)",
            Self::Table => "looks like a TSV/CSV gazetteer list (read it with Gazetteer.from_file)",
            Self::Empty => "is empty",
            Self::Binary => "looks like binary data, not a file dateline writes or reads",
            Self::Text => "looks like text that is neither a gazetteer list nor a saved gazetteer or pipeline",
        }
    }

    /// A short name (`compiled`, `gazetteer-json`, `pipeline`, `jsonl`,
    /// `table`, `empty`, `binary`, `text`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Compiled => "compiled",
            Self::GazetteerJson => "gazetteer-json",
            Self::PipelineJson => "pipeline",
            Self::Jsonl => "jsonl",
            Self::Table => "table",
            Self::Empty => "empty",
            Self::Binary => "binary",
            Self::Text => "text",
        }
    }
}

/// A temporary name beside `path` that no other writer picks:
/// `.NAME.<random>.tmp` in the same directory.
fn temporary_name(path: &Path, attempt: u32) -> std::path::PathBuf {
    use std::hash::{BuildHasher, RandomState};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let salt = (std::process::id(), nanos, COUNTER.fetch_add(1, Ordering::Relaxed), attempt);
    let random = RandomState::new().hash_one(salt);
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    // Room for the prefix and suffix within a 255-byte file name.
    let mut cut = name.len().min(200);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    path.with_file_name(format!(".{}.{random:016x}.tmp", &name[..cut]))
}

/// Writes `data` to `path` so that no reader sees it half-written: into a
/// new file beside it (created exclusively: a name planted there, even a
/// symbolic link, is never followed), flushed to disk, then renamed over
/// `path`. On failure the new file is removed and `path` is as it was. The
/// file gets the mode `open()` would give it (`0o666` less the umask).
///
/// A `path` that exists and is not a regular file or a directory (a device
/// such as `/dev/null`, a FIFO) is written to directly and never replaced.
///
/// # Errors
/// [`Error::Io`] naming `path`.
pub fn write_atomically(path: &Path, data: &[u8]) -> Result<(), Error> {
    let io = |source| Error::Io { path: path.display().to_string(), source };
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        let mut f = std::fs::OpenOptions::new().write(true).open(path).map_err(io)?;
        f.write_all(data).and_then(|()| f.flush()).map_err(io)?;
        return Ok(());
    }
    if path.file_name().is_none() {
        return Err(io(std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name")));
    }
    let mut attempt = 0;
    let (tmp, mut file) = loop {
        let tmp = temporary_name(path, attempt);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 16 => attempt += 1,
            Err(e) => return Err(io(e)),
        }
    };
    let written = file.write_all(data).and_then(|()| file.flush()).and_then(|()| file.sync_all()).and_then(|()| {
        drop(file);
        std::fs::rename(&tmp, path)
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    // The rename itself reaches the disk with the directory (best effort:
    // not every system lets a directory be opened for this).
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_each_kind() {
        let cases: [(&[u8], FileKind); 11] = [
            (b"DLGAZ\0\0\0\x05\0\0\0", FileKind::Compiled),
            (b"{\"format_version\":1,\"entries\":[]}", FileKind::GazetteerJson),
            (b"{\"format_version\":1,\"options\":{}}", FileKind::PipelineJson),
            (b"{\"name\": \"Lima\", \"label\": \"LOC\"}\n", FileKind::Jsonl),
            (b"\xef\xbb\xbfname\tlabel\nLima\tLOC\n", FileKind::Table),
            (b"name,label\n", FileKind::Table),
            (b" \n\n", FileKind::Empty),
            (b"\x89PNG\r\n\x1a\n", FileKind::Binary),
            (b"n\0a\0m\0e\0", FileKind::Binary),
            (b"just words\n", FileKind::Text),
            (b"S\xc3\xa3o Paulo,LOC\n", FileKind::Table),
        ];
        for (head, kind) in cases {
            assert_eq!(FileKind::sniff(head), kind, "{head:?}");
        }
        // A character cut by the end of the sniffed bytes is not binary data.
        let mut long = b"name,label\n".to_vec();
        long.resize(SNIFF_BYTES - 1, b'a');
        long.extend_from_slice("é".as_bytes());
        assert_eq!(FileKind::sniff(&long), FileKind::Table);
    }
}
