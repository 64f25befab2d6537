//! [`Token`] and [`Sentence`]: byte ranges of a text, in 8 and 16 bytes.

/// The longest text a tokenizer takes, in bytes: token offsets are kept in
/// 31 bits (2 GiB less one byte).
pub const MAX_TEXT_BYTES: usize = (1 << 31) - 1;

const SPACE_BIT: u32 = 1 << 31;
/// On `start`: the token was joined at hyphens before digits (`1929-89`).
const PARTS_BIT: u32 = 1 << 31;

/// One token: a half-open byte range of the text, and whether whitespace
/// follows it. Kept in 8 bytes (31-bit offsets and a flag), so texts are
/// limited to [`MAX_TEXT_BYTES`].
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    start: u32,
    /// The end offset, with [`SPACE_BIT`] set when whitespace follows.
    end: u32,
}

impl Token {
    /// The token of bytes `start..end`.
    ///
    /// # Panics
    /// If `end` is over [`MAX_TEXT_BYTES`] or `start > end` (the tokenizer
    /// refuses longer texts before making tokens).
    #[must_use]
    #[inline]
    pub fn new(start: usize, end: usize, space_after: bool) -> Self {
        assert!(start <= end && end <= MAX_TEXT_BYTES, "token {start}..{end}: offsets past {MAX_TEXT_BYTES}");
        #[allow(clippy::cast_possible_truncation)]
        Self { start: start as u32, end: end as u32 | if space_after { SPACE_BIT } else { 0 } }
    }

    /// As [`Token::new`], for a token the language rules joined at hyphens
    /// before digits (`1929-89`, `6-2`, `G-3`), as UD writes them; the date
    /// tagger reads its parts apart ([`Token::has_parts`]).
    #[must_use]
    #[inline]
    pub(crate) fn with_parts(start: usize, end: usize, space_after: bool) -> Self {
        let mut t = Self::new(start, end, space_after);
        t.start |= PARTS_BIT;
        t
    }

    /// Whether the token was joined at hyphens before digits
    /// ([`Token::with_parts`]).
    #[must_use]
    #[inline]
    pub fn has_parts(self) -> bool {
        self.start & PARTS_BIT != 0
    }

    /// Byte offset of the first byte.
    #[must_use]
    #[inline]
    pub fn start(self) -> usize {
        (self.start & !PARTS_BIT) as usize
    }

    /// Byte offset one past the last byte.
    #[must_use]
    #[inline]
    pub fn end(self) -> usize {
        (self.end & !SPACE_BIT) as usize
    }

    /// Whether whitespace follows the token.
    #[must_use]
    #[inline]
    pub fn space_after(self) -> bool {
        self.end & SPACE_BIT != 0
    }

    /// Sets whether whitespace follows the token.
    #[inline]
    pub fn set_space_after(&mut self, space_after: bool) {
        self.end = (self.end & !SPACE_BIT) | if space_after { SPACE_BIT } else { 0 };
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("start", &self.start())
            .field("end", &self.end())
            .field("space_after", &self.space_after())
            .finish()
    }
}

/// One sentence: a byte range of the text and the range of its tokens, kept
/// in 16 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sentence {
    start: u32,
    end: u32,
    token_start: u32,
    token_end: u32,
}

impl Sentence {
    /// The sentence of bytes `start..end` and tokens `token_start..token_end`.
    ///
    /// # Panics
    /// If a value is over [`MAX_TEXT_BYTES`] (the tokenizer refuses longer
    /// texts before making sentences).
    #[must_use]
    #[inline]
    pub fn new(start: usize, end: usize, token_start: usize, token_end: usize) -> Self {
        let small = |v: usize| {
            assert!(v <= MAX_TEXT_BYTES, "sentence offset {v} past {MAX_TEXT_BYTES}");
            #[allow(clippy::cast_possible_truncation)]
            let v = v as u32;
            v
        };
        Self { start: small(start), end: small(end), token_start: small(token_start), token_end: small(token_end) }
    }

    /// Byte offset of the sentence's first token.
    #[must_use]
    #[inline]
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// Byte offset one past its last token.
    #[must_use]
    #[inline]
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// Index of its first token.
    #[must_use]
    #[inline]
    pub fn token_start(self) -> usize {
        self.token_start as usize
    }

    /// Index one past its last token.
    #[must_use]
    #[inline]
    pub fn token_end(self) -> usize {
        self.token_end as usize
    }
}
