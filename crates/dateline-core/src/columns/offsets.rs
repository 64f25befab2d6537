//! The tokens and sentences of a batch as flat arrays of character
//! offsets (the binding's `Pipeline.offsets`). All of it runs on the worker
//! threads: tokenizing and the character-offset conversion in groups of
//! texts sized by bytes (so one huge batch splits as well as many small
//! ones), then each group's rows copied into its own part of the output.

use crate::span::CharCursor;
use crate::{Error, Tokenizer, parallel};

/// The offsets of a batch: every text's tokens and sentences, one after
/// the other.
#[derive(Debug, Default)]
pub struct Flat {
    /// `(start, end)` character offsets of every token, flat.
    pub tokens: Vec<i64>,
    /// Where each text's tokens start (in tokens, not in `tokens`' items),
    /// then the total: one more entry than texts.
    pub token_bounds: Vec<i64>,
    /// Whether whitespace follows each token.
    pub space_after: Vec<bool>,
    /// `(start, end)` character offsets of every sentence, flat.
    pub sentences: Vec<i64>,
    /// Where each text's sentences start, then the total.
    pub sentence_bounds: Vec<i64>,
}

/// One group's rows, and the token and sentence count of each of its texts.
struct Part {
    tokens: Vec<i64>,
    space_after: Vec<bool>,
    sentences: Vec<i64>,
    counts: Vec<(i64, i64)>,
}

/// Texts grouped into runs of about `total / 64` bytes (16 KB to 1 MB), a
/// text never split: enough groups to keep every thread busy, few enough to
/// cost nothing.
fn groups<'a>(texts: &'a [&'a str]) -> Vec<&'a [&'a str]> {
    let total: usize = texts.iter().map(|t| t.len()).sum();
    let target = (total / 64).clamp(16 << 10, 1 << 20);
    let mut out = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, t) in texts.iter().enumerate() {
        size += t.len();
        if size >= target {
            out.push(&texts[start..=i]);
            (start, size) = (i + 1, 0);
        }
    }
    if start < texts.len() {
        out.push(&texts[start..]);
    }
    out
}

/// Appends the character `(start, end)` pairs of byte spans of `text` to `flat`.
pub fn extend_char_offsets(flat: &mut Vec<i64>, text: &str, spans: impl Iterator<Item = (usize, usize)>) {
    if text.is_ascii() {
        for (a, b) in spans {
            flat.extend_from_slice(&[a as i64, b as i64]);
        }
        return;
    }
    let mut cur = CharCursor::new(text);
    for (a, b) in spans {
        flat.extend_from_slice(&[cur.at(a) as i64, cur.at(b) as i64]);
    }
}

fn tokenize_group(tokenizer: &Tokenizer, group: &[&str]) -> Part {
    let mut buf = crate::TokenBuffers::default();
    let mut part = Part { tokens: Vec::new(), space_after: Vec::new(), sentences: Vec::new(), counts: Vec::new() };
    for text in group {
        tokenizer.tokenize_into(text, &mut buf);
        extend_char_offsets(&mut part.tokens, text, buf.tokens.iter().map(|t| (t.start(), t.end())));
        part.space_after.extend(buf.tokens.iter().map(|t| t.space_after()));
        extend_char_offsets(&mut part.sentences, text, buf.sentences.iter(&buf.tokens).map(|s| (s.start(), s.end())));
        part.counts.push((buf.tokens.len() as i64, buf.sentences.len() as i64));
    }
    part
}

/// The offsets of `texts` tokenized by `tokenizer`, on `n_threads` (see
/// [`parallel::map_ordered`]); the same for any thread count.
///
/// # Errors
/// [`Error::Config`] if `n_threads` is outside `1..=max_threads()` or the
/// threads cannot start.
pub fn flat_offsets(tokenizer: &Tokenizer, texts: &[&str], n_threads: Option<usize>) -> Result<Flat, Error> {
    let parts = parallel::map_ordered(&groups(texts), n_threads, |g| tokenize_group(tokenizer, g))?;
    let n_tok: usize = parts.iter().map(|p| p.space_after.len()).sum();
    let n_sen: usize = parts.iter().map(|p| p.sentences.len() / 2).sum();
    let (mut token_bounds, mut sentence_bounds) =
        (Vec::with_capacity(texts.len() + 1), Vec::with_capacity(texts.len() + 1));
    let (mut nt, mut ns) = (0i64, 0i64);
    token_bounds.push(0);
    sentence_bounds.push(0);
    for (t, s) in parts.iter().flat_map(|p| p.counts.iter()) {
        (nt, ns) = (nt + t, ns + s);
        token_bounds.push(nt);
        sentence_bounds.push(ns);
    }
    // Zeroed buffers are fresh pages: they are first written (and faulted
    // in) by the threads copying into them.
    let mut flat = Flat {
        tokens: vec![0; 2 * n_tok],
        token_bounds,
        space_after: vec![false; n_tok],
        sentences: vec![0; 2 * n_sen],
        sentence_bounds,
    };
    let mut jobs = Vec::with_capacity(parts.len());
    let (mut tok, mut space, mut sen) = (&mut flat.tokens[..], &mut flat.space_after[..], &mut flat.sentences[..]);
    for p in parts {
        let (t, rest) = std::mem::take(&mut tok).split_at_mut(p.tokens.len());
        tok = rest;
        let (sp, rest) = std::mem::take(&mut space).split_at_mut(p.space_after.len());
        space = rest;
        let (se, rest) = std::mem::take(&mut sen).split_at_mut(p.sentences.len());
        sen = rest;
        jobs.push((p, t, sp, se));
    }
    parallel::map_owned(jobs, n_threads, |(p, t, sp, se)| {
        t.copy_from_slice(&p.tokens);
        sp.copy_from_slice(&p.space_after);
        se.copy_from_slice(&p.sentences);
    })?;
    Ok(flat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_cover_every_text_once_in_order() {
        let big = "x".repeat(40 << 10);
        let texts: Vec<&str> = (0..50).map(|i| if i % 7 == 0 { big.as_str() } else { "a b" }).collect();
        let g = groups(&texts);
        assert!(g.len() > 1);
        let joined: Vec<&str> = g.iter().flat_map(|g| g.iter().copied()).collect();
        assert_eq!(joined, texts);
        assert!(groups(&[]).is_empty());
    }

    #[test]
    fn any_thread_count_gives_the_same_arrays() {
        let tok = Tokenizer::new(true);
        let long = "Señor Pérez said on Monday. It rained. ".repeat(3000);
        let texts: Vec<&str> = (0..40).map(|i| if i % 3 == 0 { long.as_str() } else { "Hi there. Bye." }).collect();
        let one = flat_offsets(&tok, &texts, Some(1)).unwrap();
        for n in [None, Some(2), Some(3)] {
            let f = flat_offsets(&tok, &texts, n).unwrap();
            assert_eq!(
                (&f.tokens, &f.token_bounds, &f.space_after),
                (&one.tokens, &one.token_bounds, &one.space_after)
            );
            assert_eq!((&f.sentences, &f.sentence_bounds), (&one.sentences, &one.sentence_bounds));
        }
        assert_eq!(one.token_bounds.len(), 41);
        assert_eq!(*one.token_bounds.last().unwrap() as usize * 2, one.tokens.len());
        // The str index of "Pérez" in the second copy of the long text.
        let second = "Señor Pérez said on Monday. It rained. ".chars().count() as i64;
        assert!(one.tokens.chunks(2).any(|p| p == [second + 6, second + 11]));
    }
}
