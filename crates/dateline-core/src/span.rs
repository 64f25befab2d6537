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
    /// Never for texts under 4 GiB; longer texts are rejected earlier by the
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
