//! Word lists the tokenizer and sentence splitter consult. They are facts of
//! English orthography (abbreviations, prefixes), not data learnt from a corpus.

/// Abbreviations that keep their period and never end a sentence by
/// themselves: titles, month and weekday abbreviations, and reference words
/// that are followed by a name or a number. Lower-case, with the period.
pub(crate) const NON_FINAL_ABBREVIATIONS: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.", "sgt.", "capt.", "cmdr.",
    "adm.", "maj.", "pres.", "rev.", "hon.", "sr.", "jr.", "st.", "mt.", "ft.", "jan.", "feb.", "mar.", "apr.", "jun.",
    "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "mon.", "tue.", "tues.", "wed.", "thu.", "thur.",
    "thurs.", "fri.", "sat.", "sun.", "no.", "nos.", "vol.", "vols.", "fig.", "figs.", "p.", "pp.", "ch.", "art.",
    "sec.", "vs.", "v.", "e.g.", "i.e.", "cf.", "approx.", "est.", "dept.", "univ.", "ave.", "blvd.", "rd.", "n°.",
    "nº.",
];

/// Abbreviations that keep their period but may end a sentence (`… in the U.S.`).
pub(crate) const FINAL_ABBREVIATIONS: &[&str] = &[
    "inc.", "corp.", "ltd.", "co.", "bros.", "plc.", "llc.", "etc.", "a.m.", "p.m.", "u.s.", "u.k.", "u.n.", "e.u.",
    "d.c.", "l.a.", "n.y.", "jr.", "sr.", "esq.", "al.", "ph.d.", "m.d.", "b.a.", "m.a.", "u.s.a.",
];

/// Capitalised words that start sentences far more often than they continue a
/// name; after a final abbreviation such as `U.S.` they mark a new sentence.
pub(crate) const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "in",
    "but",
    "and",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "on",
    "at",
    "for",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "however",
    "meanwhile",
    "also",
    "some",
    "many",
    "most",
    "one",
    "two",
    "three",
    "what",
    "who",
    "why",
    "how",
    "so",
    "yet",
    "then",
    "today",
    "yesterday",
    "tomorrow",
    "officials",
    "did",
    "do",
    "does",
    "is",
    "are",
    "was",
    "were",
    "can",
    "could",
    "would",
    "should",
    "will",
    "have",
    "has",
    "where",
    "please",
    "mr.",
    "ms.",
    "mrs.",
    "dr.",
];

/// Prefixes that stay attached to the rest of a hyphenated word (`e-mail`,
/// `non-human`, `co-workers`). Lower-case, without the hyphen.
pub(crate) const HYPHEN_PREFIXES: &[&str] = &[
    "e", "non", "anti", "pre", "re", "mid", "post", "multi", "pro", "ex", "co", "semi", "sub", "inter", "intra",
    "counter", "over", "under", "neo", "pseudo", "quasi", "trans", "ultra", "mini", "micro", "macro", "bi", "tri",
    "uni", "de", "dis", "mis", "self", "vice", "un",
];

/// Emoticons kept as single tokens.
pub(crate) const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", ":/", ":'(", "<3", ":o", ":O", "XD", "xD",
    "^_^", ":]", ":[", "=)", "(:", "):",
];
