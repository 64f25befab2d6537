//! Syntactic words: a token that is several words of the grammar, as UD
//! writes them (`del` → `de` `el`, `ao` → `a` `o`, `zum` → `zu` `dem`). The
//! tokenizer keeps such a token whole, as it is written; its words come from
//! the language's `[contractions]` table (`lang/<code>/tokenize.toml`), or
//! from its `[enclitics]`: object pronouns written onto a verb (`quedarse` →
//! `quedar` `se`, `trata-se` → `trata` `se`).

use crate::lang::{Enclitics, Lang, Language, TokenizerWords};

/// The syntactic words of `token` in `lang`, or `None` when it is one word.
///
/// Words that spell the token when written together (`ao` = `a` + `o`) are
/// its own characters, in its own case (`Ao` → `A` `o`); others are the
/// table's words, in the token's case: capitalised (`Del` → `De` `el`) or
/// all capitals (`DEL` → `DE` `EL`).
#[must_use]
pub fn syntactic_words(lang: Lang, token: &str) -> Option<Vec<String>> {
    let t = &Language::of(lang).tokenizer;
    contraction_words(t, token).or_else(|| enclitic_words(&t.enclitics, token))
}

/// The words of `token` from the `[contractions]` table, or `None`.
fn contraction_words(t: &TokenizerWords, token: &str) -> Option<Vec<String>> {
    // A curly apostrophe is two bytes longer than the straight one of the table.
    if t.contractions.is_empty() || token.len() > t.longest_contraction + 2 {
        return None;
    }
    // Most tokens are short ASCII and no contraction: turned away without allocating.
    if super::with_ascii_lower(token.as_bytes(), |k| t.contractions.contains_key(k)) == Some(false) {
        return None;
    }
    let key = token.to_lowercase().replace('’', "'");
    let words = t.contractions.get(&key)?;
    let chars = token.chars().count();
    let joined: usize = words.iter().map(|w| w.chars().count()).sum();
    if joined == chars && key.chars().count() == chars && words.concat() == key {
        // Its own characters: cut the token where each word ends.
        let mut rest = token;
        let mut out = Vec::with_capacity(words.len());
        for w in words {
            let cut = rest.char_indices().nth(w.chars().count()).map_or(rest.len(), |(i, _)| i);
            out.push(rest[..cut].to_owned());
            rest = &rest[cut..];
        }
        return Some(out);
    }
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = token.chars().filter(|c| c.is_uppercase()).count();
    Some(if letters >= 2 && capitals == letters {
        words.iter().map(|w| w.to_uppercase()).collect()
    } else if token.chars().next().is_some_and(char::is_uppercase) {
        let mut out = words.clone();
        if let Some(first) = out.first_mut() {
            let mut cs = first.chars();
            if let Some(c) = cs.next() {
                *first = c.to_uppercase().chain(cs).collect();
            }
        }
        out
    } else {
        words.clone()
    })
}

/// The words of a verb form with object pronouns written onto it, in the
/// token's own characters and case (`Quedarse` → `Quedar` `se`), the verb's
/// ending rewritten where `[enclitics]` says so (`diciéndole` → `diciendo`
/// `le`); `None` for any other token.
fn enclitic_words(e: &Enclitics, token: &str) -> Option<Vec<String>> {
    if e.pronouns.is_empty() || token.len() < 4 {
        return None;
    }
    // Most tokens end with no pronoun (or have no hyphen): turned away
    // before anything is allocated.
    let ends_with = |p: &String| {
        token.len() > p.len() && token.as_bytes()[token.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes())
    };
    let may_have = if e.hyphen { token.contains('-') } else { e.pronouns.iter().chain(&e.second).any(ends_with) };
    if !may_have {
        return None;
    }
    let lower = token.to_lowercase();
    let chars: Vec<char> = token.chars().collect();
    if lower.chars().count() != chars.len() {
        return None;
    }
    let cut = |from: usize, to: usize| -> String { chars[from..to].iter().collect() };
    if e.hyphen {
        let (verb, pronoun) = lower.rsplit_once('-')?;
        let n = verb.chars().count();
        let ok = n >= 2 && verb.chars().all(char::is_alphabetic) && e.pronouns.iter().any(|p| p == pronoun);
        return ok.then(|| vec![cut(0, n), cut(n + 1, chars.len())]);
    }
    if e.endings.is_empty()
        || !chars.iter().all(|c| c.is_alphabetic())
        || e.keep.iter().any(|k| lower.ends_with(k.as_str()))
    {
        return None;
    }
    let pairs = e.first.iter().flat_map(|a| e.second.iter().map(move |b| [a.as_str(), b.as_str()]));
    let singles = e.pronouns.iter().map(|p| [p.as_str(), ""]);
    for [a, b] in pairs.chain(singles) {
        let Some(stem) = lower.strip_suffix(b).and_then(|rest| rest.strip_suffix(a)) else {
            continue;
        };
        let Some((kept, ending)) = verb_form(e, stem) else {
            continue;
        };
        let (na, nb) = (a.chars().count(), b.chars().count());
        let n = stem.chars().count();
        // The verb in the token's characters, its rewritten ending in the
        // case of the characters it replaces.
        let mut verb = cut(0, kept);
        let upper = chars[kept..n].iter().any(|c| c.is_uppercase());
        verb.push_str(&if upper { ending.to_uppercase() } else { ending.to_owned() });
        let mut out = vec![verb, cut(n, n + na)];
        if nb > 0 {
            out.push(cut(n + na, n + na + nb));
        }
        return Some(out);
    }
    None
}

/// Whether `stem` (lower case) is a verb form that takes enclitics: the
/// characters kept and the ending written after them (`diciéndo` → 4,
/// `iendo`).
fn verb_form<'a>(e: &'a Enclitics, stem: &'a str) -> Option<(usize, &'a str)> {
    let n = stem.chars().count();
    if e.short_verbs.iter().any(|v| v == stem) {
        return Some((n, ""));
    }
    e.endings.iter().find_map(|ending| {
        let (from, to) = ending.split_once(':').unwrap_or((ending, ending));
        let kept = n.checked_sub(from.chars().count())?;
        (kept >= 2 && stem.ends_with(from)).then_some((kept, to))
    })
}

#[cfg(test)]
mod tests {
    use super::syntactic_words;
    use crate::lang::Lang;

    fn lang(code: &str) -> Lang {
        Lang::from_code(code).unwrap_or_else(|e| panic!("no language {code}: {e}"))
    }

    fn words(code: &str, token: &str) -> Option<Vec<String>> {
        syntactic_words(lang(code), token)
    }

    #[test]
    fn contractions_give_their_words_in_the_tokens_case() {
        let w = |v: &[&str]| Some(v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
        assert_eq!(words("es", "del"), w(&["de", "el"]));
        assert_eq!(words("es", "Del"), w(&["De", "el"]));
        assert_eq!(words("es", "DEL"), w(&["DE", "EL"]));
        assert_eq!(words("es", "AL"), w(&["A", "EL"]));
        assert_eq!(words("fr", "Au"), w(&["À", "le"]));
        assert_eq!(words("de", "zum"), w(&["zu", "dem"]));
        assert_eq!(words("de", "Übers"), w(&["Über", "das"]));
        assert_eq!(words("pt", "à"), w(&["a", "a"]));
        assert_eq!(words("pt", "À"), w(&["A", "a"]));
        // Words that spell the token are its own characters, in its case.
        assert_eq!(words("pt", "Ao"), w(&["A", "o"]));
        assert_eq!(words("pt", "aOS"), w(&["a", "OS"]));
        assert_eq!(words("it", "Agli"), w(&["A", "gli"]));
        // Elided forms, with either apostrophe.
        assert_eq!(words("it", "dell'"), w(&["di", "l'"]));
        assert_eq!(words("it", "Dell’"), w(&["Di", "l'"]));
    }

    /// Object pronouns written onto an infinitive or a gerund are words of
    /// their own (the verb's ending rewritten where the pronoun brought an
    /// accent); after a hyphen in Portuguese; nouns that look like a verb
    /// and a pronoun, and other languages, keep one word.
    #[test]
    fn enclitic_pronouns_are_words_of_their_own() {
        let w = |v: &[&str]| Some(v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
        assert_eq!(words("es", "venderlo"), w(&["vender", "lo"]));
        assert_eq!(words("es", "Quedarse"), w(&["Quedar", "se"]));
        assert_eq!(words("es", "verse"), w(&["ver", "se"]));
        assert_eq!(words("es", "comprándoselas"), w(&["comprando", "se", "las"]));
        assert_eq!(words("es", "LEYÉNDOLO"), w(&["LEYENDO", "LO"]));
        assert_eq!(words("it", "vederla"), w(&["veder", "la"]));
        assert_eq!(words("it", "farne"), w(&["far", "ne"]));
        assert_eq!(words("it", "mandandogliela"), w(&["mandando", "glie", "la"]));
        assert_eq!(words("pt", "encontrou-se"), w(&["encontrou", "se"]));
        assert_eq!(words("pt", "vendê-las"), w(&["vendê", "las"]));
        for (code, token) in [
            ("es", "muerte"),
            ("es", "parte"),
            ("es", "modernos"),
            ("es", "Carlos"),
            ("es", "compañeros"),
            ("es", "comer"),
            ("it", "diversi"),
            ("it", "esperti"),
            ("pt", "Guiné-Bissau"),
            ("pt", "dá-lo-ia"),
            ("pt", "falarse"),
            ("fr", "donnerle"),
            ("en", "trata-se"),
        ] {
            assert_eq!(words(code, token), None, "{code} {token:?}");
        }
    }

    #[test]
    fn other_tokens_and_languages_have_none() {
        for (code, token) in [
            ("es", "de"),
            ("es", "dele"),
            ("es", ""),
            ("en", "del"),
            ("nl", "zum"),
            ("fr", "des"),
            ("de", "del"),
            ("pt", "dooooooooooooooooo"),
            ("it", "d"),
        ] {
            assert_eq!(words(code, token), None, "{code} {token:?}");
        }
    }
}
