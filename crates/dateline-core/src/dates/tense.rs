//! The tense of the clause around an expression, read from the language's
//! cue words (`tense.toml`): the nearest cue before the expression (as a
//! parser would take the governing verb), else the nearest after it.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::grammar::TenseCues;

/// The tense of the clause an expression is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    /// A past-tense verb (`said`, `met`).
    Past,
    /// Only a weak past cue: a regular `-ed` form, often a participle.
    PastWeak,
    /// A future cue (`will`, `plans to`, `next`).
    Future,
    /// A present-tense verb (`is`, `says`): neither past nor future.
    Present,
    /// No cue in the sentence.
    Unknown,
}

impl Tense {
    /// `past`, `past (weak)`, `future`, `present` or `unknown`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Past => "past",
            Self::PastWeak => "past (weak)",
            Self::Future => "future",
            Self::Present => "present",
            Self::Unknown => "unknown",
        }
    }

    /// Whether the clause is in the past, strongly or weakly.
    pub(crate) fn is_past(self) -> bool {
        matches!(self, Self::Past | Self::PastWeak)
    }
}

/// A tense and the token that gave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cue {
    pub tense: Tense,
    pub at: Option<usize>,
}

fn word<'a>(lower: &'a [Cow<'_, str>], k: usize) -> &'a str {
    lower.get(k).map_or("", AsRef::as_ref)
}

fn before<'a>(lower: &'a [Cow<'_, str>], k: usize, d: usize) -> &'a str {
    k.checked_sub(d).map_or("", |j| word(lower, j))
}

/// The tense cue of token `k`, if it is one.
fn cue(g: &TenseCues, lower: &[Cow<'_, str>], k: usize) -> Option<Tense> {
    let w = word(lower, k);
    let blocked = g.not_before.get(w).is_some_and(|next| next.iter().any(|n| n.as_ref() == word(lower, k + 1)));
    if g.future.contains(w) && !blocked {
        return Some(Tense::Future);
    }
    for p in &g.future_phrases {
        if p.iter().enumerate().all(|(d, x)| x.as_ref() == word(lower, k + d)) {
            return Some(Tense::Future);
        }
    }
    // `planned to leave on Thursday`: the event is ahead, unless seen from the
    // past (`had been due to expire Friday`).
    if w == "to" && g.future_before_to.contains(before(lower, k, 1)) {
        let in_past = (2..=3).any(|d| g.past_auxiliaries.contains(before(lower, k, d)));
        return Some(if in_past { Tense::Past } else { Tense::Future });
    }
    let regular_past = w.len() > 4
        && matches!(lower[k], Cow::Borrowed(_))
        && g.past_endings.iter().any(|e| w.ends_with(e.as_ref()))
        && w.chars().all(char::is_alphabetic)
        && !g.not_past.contains(w);
    if (1..=2).any(|d| g.auxiliaries.contains(before(lower, k, d))) {
        // `they have gathered evidence`: the present perfect reports the past;
        // `will be held`, `has been signed` say nothing of it.
        let perfect = g.perfect.contains(before(lower, k, 1)) && (g.past.contains(w) || regular_past);
        return perfect.then_some(Tense::Past);
    }
    if g.past.contains(w) {
        return Some(Tense::Past);
    }
    if g.present.contains(w) {
        return Some(Tense::Present);
    }
    regular_past.then_some(Tense::PastWeak)
}

/// The tense of tokens `start..end` in the sentence `sent_start..sent_end`.
pub(crate) fn tense(
    g: &TenseCues,
    lower: &[Cow<'_, str>],
    start: usize,
    end: usize,
    sent_start: usize,
    sent_end: usize,
) -> Cue {
    for k in (sent_start..start.min(lower.len())).rev() {
        if let Some(t) = cue(g, lower, k) {
            return Cue { tense: t, at: Some(k) };
        }
    }
    for k in end..sent_end.min(lower.len()) {
        if let Some(t) = cue(g, lower, k) {
            return Cue { tense: t, at: Some(k) };
        }
    }
    Cue { tense: Tense::Unknown, at: None }
}
