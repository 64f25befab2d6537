//! The compiled (binary) form of a gazetteer: entries and tries as they
//! are, so that loading needs no recompilation.
//!
//! Layout (version 5): the magic `DLGAZ\0\0\0`, the version (`u32`, little
//! endian), the payload's length (`u64`), the payload (postcard), then a
//! CRC-32C (Castagnoli) of every byte before it (`u32`). Any damage to one
//! byte, and any burst of up to 32 damaged bits, is detected before the
//! payload is decoded; the structural checks of the payload (every node,
//! symbol and entry index in range) stay as a second line.

use serde::{Deserialize, Serialize};

use super::trie::{Bloom, Trie};
use super::{Folding, Gazetteer, names, store};
use crate::error::Error;
use crate::tokenize::Tokenizer;

/// The first bytes of a compiled gazetteer file.
pub(crate) const MAGIC: &[u8; 8] = b"DLGAZ\0\0\0";
/// Version of the compiled (binary) format. Names are stored as the
/// tokenizer splits them, so a change to how it splits a name's words (4: a
/// clitic standing alone, `Lord 's`, is one token) changes the version too;
/// 5 added the payload length and the checksum.
pub const BINARY_VERSION: u32 = 5;
/// Magic, version and payload length.
const HEADER: usize = 8 + 4 + 8;

#[derive(Serialize)]
struct CompiledRef<'a> {
    entries: &'a store::EntryStore,
    exact: &'a Trie,
    upper: &'a Trie,
    folded: &'a Trie,
    folded_changed_ends: &'a [u64],
    folded_changed_starts: &'a Bloom,
    folded_depth: usize,
    lower: &'a Trie,
    common_word_guard: bool,
    folding: Folding,
}

#[derive(Deserialize)]
struct Compiled {
    entries: store::EntryStore,
    exact: Trie,
    upper: Trie,
    folded: Trie,
    folded_changed_ends: Vec<u64>,
    folded_changed_starts: Bloom,
    folded_depth: usize,
    lower: Trie,
    common_word_guard: bool,
    folding: Folding,
}

/// CRC-32C lookup tables for slicing by 8 (reflected polynomial `0x82F63B78`).
const CRC_TABLES: [[u32; 256]; 8] = {
    let mut t = [[0u32; 256]; 8];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 { (c >> 1) ^ 0x82F6_3B78 } else { c >> 1 };
            k += 1;
        }
        t[0][i] = c;
        i += 1;
    }
    let mut i = 0;
    while i < 256 {
        let mut j = 1;
        while j < 8 {
            let prev = t[j - 1][i];
            t[j][i] = (prev >> 8) ^ t[0][(prev & 0xff) as usize];
            j += 1;
        }
        i += 1;
    }
    t
};

/// The CRC-32C (Castagnoli) of `data`, as iSCSI, ext4 and SSE 4.2 compute it.
#[must_use]
pub(crate) fn crc32c(data: &[u8]) -> u32 {
    let t = &CRC_TABLES;
    let mut crc = !0u32;
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let lo = crc ^ u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        crc = t[7][(lo & 0xff) as usize]
            ^ t[6][((lo >> 8) & 0xff) as usize]
            ^ t[5][((lo >> 16) & 0xff) as usize]
            ^ t[4][(lo >> 24) as usize]
            ^ t[3][c[4] as usize]
            ^ t[2][c[5] as usize]
            ^ t[1][c[6] as usize]
            ^ t[0][c[7] as usize];
    }
    for &b in chunks.remainder() {
        crc = (crc >> 8) ^ t[0][((crc ^ u32::from(b)) & 0xff) as usize];
    }
    !crc
}

impl Gazetteer {
    /// The compiled gazetteer as bytes: a magic header, [`BINARY_VERSION`],
    /// the payload's length, the entries and the tries themselves (so that
    /// loading needs no recompilation), and a CRC-32C of all of it.
    ///
    /// # Errors
    /// [`Error::Serialization`] if encoding fails.
    pub fn to_bytes(&self) -> Result<Vec<u8>, Error> {
        let data = CompiledRef {
            entries: &self.entries,
            exact: &self.exact,
            upper: &self.upper,
            folded: &self.folded,
            folded_changed_ends: &self.folded_changed_ends,
            folded_changed_starts: &self.folded_changed_starts,
            folded_depth: self.folded_depth,
            lower: &self.lower,
            common_word_guard: self.common_word_guard,
            folding: self.folding,
        };
        let mut out = Vec::with_capacity(HEADER + 4 + self.entries.len() * 48);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&BINARY_VERSION.to_le_bytes());
        out.extend_from_slice(&[0; 8]);
        postcard::to_io(&data, &mut out).map_err(|x| Error::Serialization(x.to_string()))?;
        let len = (out.len() - HEADER) as u64;
        out[12..HEADER].copy_from_slice(&len.to_le_bytes());
        let crc = crc32c(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        Ok(out)
    }

    /// Whether `bytes` start like [`Gazetteer::to_bytes`] output.
    #[must_use]
    pub fn is_compiled(bytes: &[u8]) -> bool {
        bytes.starts_with(MAGIC)
    }

    /// Loads [`Gazetteer::to_bytes`] output.
    ///
    /// # Errors
    /// [`Error::Serialization`] if the bytes are not a compiled gazetteer, are
    /// of another version, are cut short or too long, fail the checksum, or
    /// are damaged (checked: every node, symbol and entry index is in range).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let bad = |m: String| Error::Serialization(m);
        if !bytes.starts_with(MAGIC) || bytes.len() < 12 {
            return Err(bad("not a compiled dateline gazetteer (bad header)".into()));
        }
        let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
        if version != BINARY_VERSION {
            return Err(bad(format!(
                "compiled gazetteer version {version} is not supported (expected {BINARY_VERSION}); \
                 rebuild it from its source list, or load it with the dateline that saved it and save it again"
            )));
        }
        let cut = || bad("compiled gazetteer is cut short or has extra bytes (file corrupted?)".into());
        let Some((len, rest)) = bytes.get(12..HEADER).zip(bytes.get(HEADER..)) else {
            return Err(cut());
        };
        let len = u64::from_le_bytes(len.try_into().map_err(|_| cut())?);
        if rest.len() < 4 || len != (rest.len() - 4) as u64 {
            return Err(cut());
        }
        let (body, crc) = bytes.split_at(bytes.len() - 4);
        if crc32c(body) != u32::from_le_bytes(crc.try_into().map_err(|_| cut())?) {
            return Err(bad("compiled gazetteer: checksum mismatch (file corrupted?)".into()));
        }
        let data: Compiled =
            postcard::from_bytes(&body[HEADER..]).map_err(|e| bad(format!("damaged compiled gazetteer: {e}")))?;
        data.entries.check().map_err(bad)?;
        for t in [&data.exact, &data.upper, &data.folded, &data.lower] {
            t.check(data.entries.len()).map_err(bad)?;
        }
        if data.folded_changed_ends.len() != data.folded.nodes().div_ceil(64) || !data.folded_changed_starts.check() {
            return Err(bad("damaged compiled gazetteer: folded name marks".into()));
        }
        let (given, first_person) = names::given_names(&data.entries);
        Ok(Self {
            given,
            first_person,
            entries: data.entries,
            tokenizer: Tokenizer::default(),
            exact: data.exact,
            upper: data.upper,
            common_word_guard: data.common_word_guard,
            folding: data.folding,
            folded: data.folded,
            folded_changed_ends: data.folded_changed_ends,
            folded_changed_starts: data.folded_changed_starts,
            folded_depth: data.folded_depth,
            lower: data.lower,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32c_check_values() {
        // The check value of the CRC-32C catalogue entry, and RFC 3720's test vectors.
        assert_eq!(crc32c(b"123456789"), 0xE306_9283);
        assert_eq!(crc32c(&[0u8; 32]), 0x8A91_36AA);
        assert_eq!(crc32c(&[0xffu8; 32]), 0x62A8_AB43);
        let inc: Vec<u8> = (0..32).collect();
        assert_eq!(crc32c(&inc), 0x46DD_794E);
        assert_eq!(crc32c(b""), 0);
        // Every length, against the byte-at-a-time definition.
        let data: Vec<u8> = (0..100u32).map(|i| (i * 37 + 11) as u8).collect();
        for n in 0..data.len() {
            let mut c = !0u32;
            for &b in &data[..n] {
                c ^= u32::from(b);
                for _ in 0..8 {
                    c = if c & 1 == 1 { (c >> 1) ^ 0x82F6_3B78 } else { c >> 1 };
                }
            }
            assert_eq!(crc32c(&data[..n]), !c, "{n}");
        }
    }
}
