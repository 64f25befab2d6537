//! Syntactic words: a token that is several words of the grammar, as UD
//! writes them (`del` → `de` `el`, `ao` → `a` `o`, `zum` → `zu` `dem`). The
//! tokenizer keeps such a token whole, as it is written; its words come from
//! the language's `[contractions]` table (`lang/<code>/tokenize.toml`).

use crate::lang::{Lang, Language};

/// The syntactic words of `token` in `lang`, or `None` when it is one word.
///
/// Words that spell the token when written together (`ao` = `a` + `o`) are
/// its own characters, in its own case (`Ao` → `A` `o`); others are the
/// table's words, in the token's case: capitalised (`Del` → `De` `el`) or
/// all capitals (`DEL` → `DE` `EL`).
#[must_use]
pub fn syntactic_words(lang: Lang, token: &str) -> Option<Vec<String>> {
    let t = &Language::of(lang).tokenizer;
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
