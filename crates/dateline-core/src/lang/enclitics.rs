//! Object pronouns written onto a verb, as a language's `tokenize.toml`
//! lists them (`[enclitics]`), and the check of that table.

use serde::Deserialize;

/// Object pronouns written onto an infinitive or a gerund (`quedarse` =
/// `quedar` `se`, `diciéndole` = `diciendo` `le`, `farne` = `far` `ne`), or
/// after a hyphen (`trata-se` = `trata` `se`): `[enclitics]` of
/// `tokenize.toml`, all lower case. Empty for a language without them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Enclitics {
    /// The endings of the verb forms that take them (`ar`, `iendo`); one
    /// written `from:to` is rewritten (`ándo:ando`: the accent the pronoun
    /// brought goes).
    #[serde(default)]
    pub endings: Vec<String>,
    /// A pronoun alone after the verb (`se`, `lo`).
    #[serde(default)]
    pub pronouns: Vec<String>,
    /// Two pronouns: one of `first`, then one of `second` (`se` `lo`).
    #[serde(default)]
    pub first: Vec<String>,
    /// The second of two pronouns (`lo`).
    #[serde(default)]
    pub second: Vec<String>,
    /// Verb forms too short for the ending test (`dar`, `far`), whole.
    #[serde(default)]
    pub short_verbs: Vec<String>,
    /// Word endings never split: nouns and adjectives that look like a verb
    /// and a pronoun (`-ernos`: `modernos`).
    #[serde(default)]
    pub keep: Vec<String>,
    /// Whether a pronoun of `pronouns` after a hyphen is a word of its own
    /// (`trata-se`, Portuguese).
    #[serde(default)]
    pub hyphen: bool,
}

/// Checks `[enclitics]`: every entry is a lower-case word of letters (an
/// ending may be `from:to`), and pronouns are listed if anything is.
pub(super) fn check(e: &Enclitics) -> Result<(), String> {
    let word = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() && !c.is_uppercase());
    let lists: [(&str, &Vec<String>); 6] = [
        ("endings", &e.endings),
        ("pronouns", &e.pronouns),
        ("first", &e.first),
        ("second", &e.second),
        ("short_verbs", &e.short_verbs),
        ("keep", &e.keep),
    ];
    for (name, list) in lists {
        for w in list {
            let ok = match (name, w.split_once(':')) {
                ("endings", Some((from, to))) => word(from) && word(to),
                _ => word(w),
            };
            if !ok {
                return Err(format!("enclitics.{name}: {w:?} is not a lower-case word of letters"));
            }
        }
    }
    if e.pronouns.is_empty() && (e.hyphen || !e.endings.is_empty() || !e.first.is_empty()) {
        return Err("enclitics: pronouns is empty".to_owned());
    }
    Ok(())
}
