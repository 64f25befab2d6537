//! [`Sentences`]: a document's sentences as the tokens that end them, one
//! bit a token (a list of [`Sentence`]s took 16 bytes a sentence: a text of
//! one-word lines held eight times its size in sentences).

use std::ops::Range;

use super::bits::{Bits, Ranked};
use super::{MAX_TEXT_BYTES, Sentence, Token};

/// The sentences of a document: consecutive runs of its tokens that cover
/// them all, kept as the set of tokens that end one, with a count of the
/// sentences before every 64 tokens (about a fifth of a byte a token in all).
/// A [`Sentence`] is made from the tokens when it is read ([`Self::get`],
/// [`Self::iter`]); a document that lets go of its tokens keeps its
/// sentences' byte spans instead ([`Self::keep_spans`]).
///
/// ```
/// use dateline_core::{Sentences, Tokenizer};
/// let text = "One. Two three.";
/// let (tokens, sentences) = Tokenizer::default().tokenize_with_sentences(text);
/// assert_eq!(sentences.len(), 2);
/// assert_eq!(sentences.tokens_of(1), 2..5);
/// assert_eq!(sentences.of_token(3), 1);
/// let s = sentences.get(1, &tokens);
/// assert_eq!(&text[s.start()..s.end()], "Two three.");
/// assert_eq!(sentences, Sentences::from_ends(5, [1, 4]));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sentences {
    /// Index `k`: token `k` is the last of its sentence.
    ends: Ranked,
    /// The tokens the sentences cover.
    tokens: usize,
    /// The byte spans, once the document's tokens are gone.
    spans: Option<Vec<[u32; 2]>>,
}

impl Sentences {
    /// The sentences of `tokens` tokens that end after the tokens `ends`
    /// (ascending, each below `tokens`); the last token always ends one.
    ///
    /// # Panics
    /// If an end is not below `tokens`, or `tokens` is over
    /// [`MAX_TEXT_BYTES`].
    #[must_use]
    pub fn from_ends(tokens: usize, ends: impl IntoIterator<Item = usize>) -> Self {
        let mut bits = Bits::with_len(tokens);
        for k in ends {
            assert!(k < tokens, "sentence end at token {k} of {tokens}");
            bits.set(k);
        }
        Self::from_bits(tokens, bits)
    }

    /// As [`Self::from_ends`], from the ends as a set.
    pub(crate) fn from_bits(tokens: usize, mut ends: Bits) -> Self {
        assert!(tokens <= MAX_TEXT_BYTES, "{tokens} tokens over {MAX_TEXT_BYTES}");
        if tokens > 0 {
            ends.set(tokens - 1);
        }
        Self { ends: Ranked::new(ends), tokens, spans: None }
    }

    /// The number of sentences.
    #[must_use]
    #[inline]
    pub fn len(&self) -> usize {
        self.ends.count()
    }

    /// Whether there are none (a text with no tokens).
    #[must_use]
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.ends.count() == 0
    }

    /// The number of tokens the sentences cover.
    #[must_use]
    pub fn token_count(&self) -> usize {
        self.tokens
    }

    /// The index of the sentence holding token `k` (below
    /// [`Self::token_count`]): the sentences ended before it.
    #[must_use]
    #[inline]
    pub fn of_token(&self, k: usize) -> usize {
        debug_assert!(k < self.tokens);
        self.ends.rank(k)
    }

    /// The tokens of sentence `i` (below [`Self::len`]).
    ///
    /// # Panics
    /// If `i` is out of range.
    #[must_use]
    pub fn tokens_of(&self, i: usize) -> Range<usize> {
        assert!(i < self.len(), "sentence {i} of {}", self.len());
        let start = if i == 0 { 0 } else { self.ends.select(i - 1) + 1 };
        start..self.ends.select(i) + 1
    }

    /// The token ranges of the sentences, in order.
    pub fn ranges(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut start = 0;
        self.ends.bits().ones().map(move |k| {
            let r = start..k + 1;
            start = k + 1;
            r
        })
    }

    /// Sentence `i` (below [`Self::len`]), with its byte span read from
    /// `tokens` (the tokens it was made over) or from the spans kept when
    /// they were let go.
    ///
    /// # Panics
    /// If `i` is out of range, or `tokens` are not the sentences' tokens.
    #[must_use]
    pub fn get(&self, i: usize, tokens: &[Token]) -> Sentence {
        self.make(self.tokens_of(i), i, tokens)
    }

    /// The sentences, in order (see [`Self::get`]).
    pub fn iter<'a>(&'a self, tokens: &'a [Token]) -> impl Iterator<Item = Sentence> + 'a {
        self.ranges().enumerate().map(move |(i, r)| self.make(r, i, tokens))
    }

    fn make(&self, r: Range<usize>, i: usize, tokens: &[Token]) -> Sentence {
        let (start, end) = match &self.spans {
            Some(spans) => (spans[i][0] as usize, spans[i][1] as usize),
            None => (tokens[r.start].start(), tokens[r.end - 1].end()),
        };
        Sentence::new(start, end, r.start, r.end)
    }

    /// Keeps the sentences' byte spans (8 bytes a sentence), read from
    /// `tokens`, for a document about to let go of them.
    pub fn keep_spans(&mut self, tokens: &[Token]) {
        if self.spans.is_none() {
            #[allow(clippy::cast_possible_truncation)] // offsets fit 31 bits
            let spans = self.iter(tokens).map(|s| [s.start() as u32, s.end() as u32]).collect();
            self.spans = Some(spans);
        }
    }

    /// The index of the sentence holding byte `at`: the first that ends
    /// after it (the last one for a byte past them all, 0 when there are
    /// none), with its byte span read as in [`Self::get`].
    #[must_use]
    pub fn at_byte(&self, at: usize, tokens: &[Token]) -> usize {
        let k = match &self.spans {
            Some(spans) => spans.partition_point(|s| s[1] as usize <= at),
            None if tokens.len() >= self.tokens => {
                let t = tokens[..self.tokens].partition_point(|t| t.end() <= at);
                if t < self.tokens { self.of_token(t) } else { self.len() }
            }
            None => panic!("sentences of {} tokens read with {}", self.tokens, tokens.len()),
        };
        k.min(self.len().saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::{Sentences, Token};

    /// Against a list of token ranges, on random sentence ends.
    #[test]
    fn equals_a_list_of_ranges() {
        let mut seed = 11u64;
        for n in [0usize, 1, 2, 63, 64, 65, 130, 700] {
            for every in [1usize, 2, 5, 64, 100] {
                let ends: Vec<usize> = (0..n).filter(|_| crate::test_rng::below(&mut seed, every) == 0).collect();
                let s = Sentences::from_ends(n, ends.iter().copied());
                let mut want: Vec<std::ops::Range<usize>> = Vec::new();
                let mut start = 0;
                for k in (0..n).filter(|k| ends.contains(k) || k + 1 == n) {
                    want.push(start..k + 1);
                    start = k + 1;
                }
                assert_eq!(s.len(), want.len());
                assert_eq!(s.ranges().collect::<Vec<_>>(), want);
                for (i, r) in want.iter().enumerate() {
                    assert_eq!(s.tokens_of(i), *r);
                    for k in r.clone() {
                        assert_eq!(s.of_token(k), i);
                    }
                }
                // Tokens two bytes apart: `x\n` lines.
                let tokens: Vec<Token> = (0..n).map(|k| Token::new(2 * k, 2 * k + 1, true)).collect();
                let mut kept = s.clone();
                kept.keep_spans(&tokens);
                for at in 0..2 * n + 2 {
                    let want_at = want
                        .iter()
                        .position(|r| 2 * r.end - 1 > at)
                        .unwrap_or(want.len())
                        .min(want.len().saturating_sub(1));
                    assert_eq!(s.at_byte(at, &tokens), want_at, "byte {at}");
                    assert_eq!(kept.at_byte(at, &[]), want_at, "byte {at}, spans kept");
                }
                let a: Vec<_> = s.iter(&tokens).collect();
                assert_eq!(a, kept.iter(&[]).collect::<Vec<_>>());
                for (i, x) in a.iter().enumerate() {
                    assert_eq!((x.start(), x.end()), (2 * want[i].start, 2 * want[i].end - 1));
                    assert_eq!(*x, s.get(i, &tokens));
                }
            }
        }
    }

    #[test]
    #[should_panic(expected = "sentence 2 of 2")]
    fn out_of_range_is_refused() {
        let _ = Sentences::from_ends(3, [0]).tokens_of(2);
    }
}
