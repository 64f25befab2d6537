//! Byte offsets to character offsets.
//!
//! The core works in UTF-8 byte offsets; Python indexes strings by code point.
//! [`CharOffsets`] converts one to the other in O(1) per offset.

/// A byte-offset → character-offset table for one text.
///
/// ```
/// use dateline_core::CharOffsets;
/// let text = "Nicolás Maduro";
/// let map = CharOffsets::new(text);
/// assert_eq!(map.char_index(text.find("Maduro").unwrap()), 8);
/// assert_eq!(map.char_index(text.len()), 14);
/// ```
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// `None` for ASCII text (identity); else the char index of every byte
    /// offset, plus one entry for the end.
    table: Option<Vec<u32>>,
    len: usize,
}

impl CharOffsets {
    /// Builds the table for `text`.
    ///
    /// # Panics
    /// Never for texts under 4 GiB; texts over [`crate::MAX_TEXT_BYTES`] are rejected earlier by the
    /// binding.
    #[must_use]
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self { table: None, len: text.len() };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        for (i, c) in text.char_indices() {
            for slot in &mut table[i..i + c.len_utf8()] {
                *slot = n;
            }
            n = n.saturating_add(1);
        }
        table[text.len()] = n;
        Self { table: Some(table), len: text.len() }
    }

    /// The character index of byte offset `byte` (clamped to the text's end).
    #[must_use]
    pub fn char_index(&self, byte: usize) -> usize {
        let b = byte.min(self.len);
        match &self.table {
            None => b,
            Some(t) => t[b] as usize,
        }
    }
}

/// Byte offset → character offset by walking from the previous query: O(1)
/// memory and O(distance) per query, the right tool for spans visited in
/// text order (a document's tokens, or its few entities). ASCII text is the
/// identity.
///
/// ```
/// use dateline_core::span::CharCursor;
/// let text = "Nicolás Maduro, Bogotá";
/// let mut c = CharCursor::new(text);
/// assert_eq!(c.at(text.find("Maduro").unwrap()), 8);
/// assert_eq!(c.at(text.find("Bogotá").unwrap()), 16);
/// assert_eq!(c.at(0), 0);
/// assert_eq!(c.at(text.len()), 22);
/// ```
#[derive(Debug, Clone)]
pub struct CharCursor<'a> {
    bytes: &'a [u8],
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    /// A cursor at the start of `text`.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        Self { bytes: text.as_bytes(), ascii: text.is_ascii(), byte: 0, chars: 0 }
    }

    /// The character index of byte offset `byte` (clamped to the text's
    /// end; a byte inside a character counts as that character's start).
    pub fn at(&mut self, byte: usize) -> usize {
        let b = byte.min(self.bytes.len());
        if self.ascii {
            return b;
        }
        let is_start = |x: u8| (x as i8) >= -0x40; // not a continuation byte
        if b >= self.byte {
            self.chars += self.bytes[self.byte..b].iter().filter(|&&x| is_start(x)).count();
        } else {
            self.chars -= self.bytes[b..self.byte].iter().filter(|&&x| is_start(x)).count();
        }
        self.byte = b;
        self.chars
    }
}

/// Byte offset → character offset for one text, in a sixteenth of its size:
/// the character count at every 64th byte, and a count of the bytes since
/// (at most 63 read per query). Nothing for ASCII text (the identity).
///
/// ```
/// use dateline_core::span::CharIndex;
/// let text = "Nicolás Maduro, Bogotá";
/// let ix = CharIndex::new(text);
/// assert_eq!(ix.at(text, text.find("Maduro").unwrap()), 8);
/// assert_eq!(ix.at(text, text.len()), 22);
/// ```
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// The characters before byte `64 * k`; empty for ASCII text.
    blocks: Vec<u32>,
}

const BLOCK: usize = 64;

fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&x| (x as i8) >= -0x40).count()
}

impl CharIndex {
    /// The index of `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self::default();
        }
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut n = 0usize;
        blocks.push(0);
        for chunk in text.as_bytes().chunks_exact(BLOCK) {
            n += char_starts(chunk);
            // Texts are under MAX_TEXT_BYTES (2 GiB), so counts fit.
            blocks.push(u32::try_from(n).unwrap_or(u32::MAX));
        }
        Self { blocks }
    }

    /// The character index of byte offset `byte` of `text` (the text the
    /// index was made of; clamped to its end).
    #[must_use]
    #[inline]
    pub fn at(&self, text: &str, byte: usize) -> usize {
        let b = byte.min(text.len());
        if self.blocks.is_empty() {
            return b;
        }
        let k = b / BLOCK;
        self.blocks[k] as usize + char_starts(&text.as_bytes()[k * BLOCK..b])
    }

    /// The memory it holds, in bytes.
    #[must_use]
    pub fn heap_size(&self) -> usize {
        self.blocks.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sparse index gives the table's character index at every
    /// character boundary, around block edges and for ASCII text.
    #[test]
    fn index_agrees_with_table() {
        let unit = "a😀b — ünï ok 文字 end ";
        let texts = [String::new(), "plain ascii".repeat(20), unit.repeat(23), format!("{}é", "x".repeat(63))];
        for text in &texts {
            let table = CharOffsets::new(text);
            let ix = CharIndex::new(text);
            for b in text.char_indices().map(|(i, _)| i).chain([text.len()]) {
                assert_eq!(ix.at(text, b), table.char_index(b), "byte {b} of {text:?}");
            }
            assert_eq!(ix.at(text, text.len() + 5), text.chars().count());
            assert!(ix.heap_size() <= text.len() / 16 + 8);
        }
    }

    #[test]
    fn cursor_agrees_with_table_in_any_order() {
        let text = "a😀b — ünï ok 文字 end";
        let table = CharOffsets::new(text);
        let mut cur = CharCursor::new(text);
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let order: Vec<usize> = bounds.iter().copied().chain(bounds.iter().rev().copied()).step_by(3).collect();
        for b in order {
            assert_eq!(cur.at(b), table.char_index(b), "byte {b}");
        }
    }
}
