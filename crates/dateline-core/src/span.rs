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

#[cfg(test)]
mod tests {
    use super::*;

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
