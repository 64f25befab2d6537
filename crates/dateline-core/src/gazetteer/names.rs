//! Name rules: what a gazetteer's matches imply about the names around them
//! in one document. Lists never hold every person in the news, and a bare
//! list match inside an unknown longer name is wrong twice (a false entity and
//! a missed one), so after the leftmost-longest walk three rules run, each one
//! switchable ([`NameRules`]):
//!
//! - **persons**: a person's name grows over the capitalised name words
//!   written next to it (`Andre` listed → `Andre Joubert`); a given name of the
//!   list (the first word of a listed person's name: `Gary` from `Gary
//!   Lineker`) or an initial (`P.`) followed by a name word starts a person
//!   (`Gary McAllister`, `P. Johnson`), even over a one-word match of another
//!   label (`Gary` the city). Person entries are those labelled `PER` or
//!   `PERSON` (any case). Such a person has the label of the entry that
//!   started it and its own text as its id ([`Rule::Person`]).
//! - **longer names**: a one-word match of another label with a capitalised
//!   name word beside it (`Donghai` in `Wang Donghai`, `Deer` in `Brown Deer
//!   Park`) is part of a longer name the list lacks, and is dropped.
//! - **repeats**: a word of a person's name found in the document (`Joubert`
//!   after `Andre Joubert`) is that person wherever else it stands in the
//!   document, also where a one-word match of another label took it
//!   (`Washington` after `MaliVai Washington`), unless a preposition of place
//!   comes before it (`in Washington`) ([`Rule::Repeat`], with that person's
//!   label and id).
//!
//! A "name word" is capitalised, not all capitals, and not a common English
//! word, a function word or a month or weekday name (see [`super::guard`]);
//! words join a name only across a single space. The rules apply to the
//! leftmost-longest matches ([`super::Gazetteer::find_with_rules`]).

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use super::{Gazetteer, Match, guard};
use crate::tokenize::Token;

/// How a match was found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// A name of the gazetteer, as listed.
    #[default]
    Name,
    /// A person's name grown from a listed name, given name or initial (its
    /// id is its own text).
    Person,
    /// A word of a person's name found elsewhere in the document.
    Repeat,
}

impl Rule {
    /// `"name"`, `"person"` or `"repeat"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Person => "person",
            Self::Repeat => "repeat",
        }
    }
}

/// Which name rules run (all by default); see the module documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NameRules {
    /// Persons grow over adjacent name words; given names and initials start persons.
    pub persons: bool,
    /// One-word matches beside an unknown name word are dropped.
    pub longer_names: bool,
    /// Words of a person's name are that person elsewhere in the document.
    pub repeats: bool,
}

impl Default for NameRules {
    fn default() -> Self {
        Self { persons: true, longer_names: true, repeats: true }
    }
}

impl NameRules {
    /// No rules: the list's matches only.
    #[must_use]
    pub fn none() -> Self {
        Self { persons: false, longer_names: false, repeats: false }
    }

    /// Whether any rule is on.
    #[must_use]
    pub fn any(self) -> bool {
        self.flags().contains(&true)
    }

    /// The names of the rules, in order.
    pub const NAMES: [&'static str; 3] = ["persons", "longer_names", "repeats"];

    fn flags(self) -> [bool; 3] {
        [self.persons, self.longer_names, self.repeats]
    }

    /// The rules named in `names` (any of [`NameRules::NAMES`]) on, the others off.
    ///
    /// # Errors
    /// A message naming the unknown rule and listing the valid ones.
    pub fn from_names<S: AsRef<str>>(names: &[S]) -> Result<Self, String> {
        let mut on = [false; 3];
        for n in names {
            let n = n.as_ref();
            let k = Self::NAMES.iter().position(|&x| x == n).ok_or_else(|| {
                format!("name_rules may hold {}, not '{n}'", Self::NAMES.map(|x| format!("'{x}'")).join(", "))
            })?;
            on[k] = true;
        }
        Ok(Self { persons: on[0], longer_names: on[1], repeats: on[2] })
    }

    /// The names of the rules that are on.
    #[must_use]
    pub fn names(self) -> Vec<&'static str> {
        Self::NAMES.into_iter().zip(self.flags()).filter_map(|(n, on)| on.then_some(n)).collect()
    }
}

/// Whether an entry label names people.
pub(crate) fn is_person_label(label: &str) -> bool {
    label.eq_ignore_ascii_case("PER") || label.eq_ignore_ascii_case("PERSON")
}

/// Given names of a gazetteer's person entries: the first word of every
/// person name (or alias) of two words or more, mapped to the first such entry.
pub(crate) fn given_names(entries: &super::store::EntryStore) -> (HashMap<Box<str>, u32>, Option<u32>) {
    let mut given: HashMap<Box<str>, u32> = HashMap::default();
    let mut first_person = None;
    for (i, e) in entries.iter().enumerate() {
        if !is_person_label(e.label) {
            continue;
        }
        let Ok(idx) = u32::try_from(i) else { break };
        first_person.get_or_insert(idx);
        for name in std::iter::once(e.name).chain(e.aliases.iter().map(String::as_str)) {
            let mut words = name.split_whitespace();
            if let (Some(first), Some(_)) = (words.next(), words.next())
                && first.chars().count() > 2
                && guard::looks_like_name(first)
            {
                given.entry(first.into()).or_insert(idx);
            }
        }
    }
    (given, first_person)
}

/// Words after which a listed place is not taken for a person's repeated name.
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "from", "near", "to", "into", "outside", "across", "around", "via"];

/// An initial: one upper-case letter and a period (`P.`).
fn is_initial(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
}

struct Ctx<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Ctx<'_> {
    fn word(&self, k: usize) -> &str {
        &self.text[self.tokens[k].start()..self.tokens[k].end()]
    }

    /// Whether tokens `k` and `k + 1` are separated by exactly one space.
    fn joined(&self, k: usize) -> bool {
        k + 1 < self.tokens.len() && {
            let end = self.tokens[k].end();
            self.tokens[k + 1].start() == end + 1 && self.text.as_bytes()[end] == b' '
        }
    }

    fn name_word(&self, k: usize) -> bool {
        guard::looks_like_name(self.word(k))
    }
}

/// The index of the item whose token range (`range`) holds token `k`, in
/// sorted, non-overlapping `items`.
fn index_at<T>(items: &[T], k: usize, range: impl Fn(&T) -> (usize, usize)) -> Option<usize> {
    let i = items.partition_point(|x| range(x).1 <= k);
    (i < items.len() && range(&items[i]).0 <= k).then_some(i)
}

/// The index of the match over token `k` in sorted, non-overlapping `matches`.
fn match_at(matches: &[Match], k: usize) -> Option<usize> {
    index_at(matches, k, |m| (m.token_start, m.token_end))
}

fn span(tokens: &[Token], a: usize, b: usize, entry: u32, rule: Rule, name: Option<Box<str>>) -> Match {
    Match {
        start: tokens[a].start(),
        end: tokens[b - 1].end(),
        token_start: a,
        token_end: b,
        entry,
        alternatives: Vec::new(),
        rule,
        name,
    }
}

impl Gazetteer {
    fn is_person(&self, m: &Match) -> bool {
        self.entries.is_person(m.entry)
    }

    /// Applies `rules` to leftmost-longest `matches` of `text` (sorted,
    /// non-overlapping), returning them sorted.
    pub(crate) fn apply_name_rules(
        &self,
        text: &str,
        tokens: &[Token],
        mut matches: Vec<Match>,
        rules: NameRules,
    ) -> Vec<Match> {
        let cx = Ctx { text, tokens };
        if rules.persons {
            matches = self.start_persons(&cx, matches);
            matches = self.grow_persons(&cx, matches);
        }
        if rules.longer_names {
            matches = self.drop_inside_longer_names(&cx, matches);
        }
        if rules.repeats {
            matches = self.repeat_persons(&cx, matches);
        }
        matches
    }

    /// Given names and initials followed by a name word start persons.
    fn start_persons(&self, cx: &Ctx<'_>, matches: Vec<Match>) -> Vec<Match> {
        let Some(first_person) = self.first_person else { return matches };
        let n = cx.tokens.len();
        // A token free, or alone in its match.
        let single =
            |k: usize| match_at(&matches, k).is_none_or(|i| matches[i].token_end - matches[i].token_start == 1);
        let mut found: Vec<Match> = Vec::new();
        let mut j = 0;
        let bytes = cx.text.as_bytes();
        while j + 1 < n {
            // Names start with a capital: skip lower-case ASCII words and punctuation
            // before looking at the word.
            let lead = bytes[cx.tokens[j].start()];
            let w = if lead < 0x80 && !lead.is_ascii_uppercase() { "" } else { cx.word(j) };
            let starts = if w.is_empty() {
                None
            } else if w.len() == 2 {
                is_initial(w).then_some(first_person)
            } else if w.len() < 3 {
                None // given names have three letters or more
            } else {
                self.given.get(w).copied()
            };
            if let Some(entry) = starts
                && single(j)
                && cx.joined(j)
                && single(j + 1)
                && cx.name_word(j + 1)
            {
                let mut k = j + 2;
                while k < n && match_at(&matches, k).is_none() && cx.joined(k - 1) && cx.name_word(k) {
                    k += 1;
                }
                let entry = match match_at(&matches, j) {
                    Some(i) if self.is_person(&matches[i]) => matches[i].entry,
                    _ => entry,
                };
                let name = Some(text_of(cx, j, k));
                found.push(span(cx.tokens, j, k, entry, Rule::Person, name));
                j = k;
            } else {
                j += 1;
            }
        }
        if found.is_empty() {
            return matches;
        }
        let mut taken = vec![false; matches.len()];
        for f in &found {
            for k in f.token_start..f.token_end {
                if let Some(i) = match_at(&matches, k) {
                    taken[i] = true;
                }
            }
        }
        let mut out: Vec<Match> = matches.into_iter().zip(taken).filter(|(_, t)| !t).map(|(m, _)| m).collect();
        out.extend(found);
        out.sort_by_key(|m| m.token_start);
        out
    }

    /// Person matches grow over free name words beside them, and merge with
    /// person matches they touch.
    fn grow_persons(&self, cx: &Ctx<'_>, matches: Vec<Match>) -> Vec<Match> {
        let person: Vec<bool> = matches.iter().map(|m| self.is_person(m)).collect();
        if !person.contains(&true) {
            return matches;
        }
        let n = cx.tokens.len();
        let at: Vec<(usize, usize)> = matches.iter().map(|m| (m.token_start, m.token_end)).collect();
        // The match over token `k`, if any (the matches themselves move into `out`).
        let cover = |k: usize| index_at(&at, k, |&r| r);
        let mut out: Vec<Match> = Vec::with_capacity(matches.len());
        for (i, m) in matches.into_iter().enumerate() {
            if let Some(last) = out.last()
                && m.token_start < last.token_end
            {
                // Inside the previous grown person.
                continue;
            }
            if !person[i] {
                out.push(m);
                continue;
            }
            let (mut a, mut b) = (m.token_start, m.token_end);
            // Over free name words, or other person matches it touches.
            let joinable = |k: usize| match cover(k) {
                None => cx.name_word(k),
                Some(c) => c != i && person[c],
            };
            while a > 0 && cx.joined(a - 1) && joinable(a - 1) {
                a -= 1;
            }
            while b < n && cx.joined(b - 1) && joinable(b) {
                b += 1;
            }
            if let Some(last) = out.last_mut()
                && last.token_end > a
            {
                // Reaches back into the previous person: one person.
                let a = last.token_start;
                *last = span(cx.tokens, a, b.max(last.token_end), last.entry, Rule::Person, None);
                last.name = Some(text_of(cx, last.token_start, last.token_end));
            } else if (a, b) == (m.token_start, m.token_end) {
                out.push(m);
            } else {
                out.push(span(cx.tokens, a, b, m.entry, Rule::Person, Some(text_of(cx, a, b))));
            }
        }
        out
    }

    /// One-word matches (not persons) beside a free name word are dropped.
    fn drop_inside_longer_names(&self, cx: &Ctx<'_>, matches: Vec<Match>) -> Vec<Match> {
        let mut drop = vec![false; matches.len()];
        for (i, m) in matches.iter().enumerate() {
            if m.token_end - m.token_start != 1 || self.is_person(m) {
                continue;
            }
            let k = m.token_start;
            // The neighbours are free when no match ends or starts there.
            let before = k > 0
                && cx.joined(k - 1)
                && i.checked_sub(1).is_none_or(|p| matches[p].token_end < k)
                && cx.name_word(k - 1);
            let after = cx.joined(k) && matches.get(i + 1).is_none_or(|x| x.token_start > k + 1) && cx.name_word(k + 1);
            drop[i] = before || after;
        }
        if !drop.contains(&true) {
            return matches;
        }
        matches.into_iter().zip(drop).filter_map(|(m, d)| (!d).then_some(m)).collect()
    }

    /// Words of persons' names found elsewhere in the document.
    fn repeat_persons(&self, cx: &Ctx<'_>, matches: Vec<Match>) -> Vec<Match> {
        // Word → the first person (of two words or more) it belongs to; a
        // document names few persons, so a list searched in order will do.
        let mut parts: Vec<(&str, usize)> = Vec::new();
        for (i, m) in matches.iter().enumerate() {
            if m.token_end - m.token_start >= 2 && self.is_person(m) {
                for k in m.token_start..m.token_end {
                    let w = cx.word(k);
                    if cx.name_word(k) && !parts.iter().any(|&(p, _)| p == w) {
                        parts.push((w, i));
                    }
                }
            }
        }
        if parts.is_empty() {
            return matches;
        }
        let bytes = cx.text.as_bytes();
        let part_of = |k: usize| {
            // Name words start with a capital: skip lower-case ASCII words and punctuation.
            let t = cx.tokens[k];
            let lead = bytes[t.start()];
            if lead < 0x80 && !lead.is_ascii_uppercase() {
                return None;
            }
            let w = &bytes[t.start()..t.end()];
            parts.iter().find(|&&(p, _)| p.as_bytes() == w).map(|&(_, i)| i)
        };
        let repeat = |k: usize, source: &Match| {
            let name = if source.rule == Rule::Person { source.name.clone() } else { None };
            span(cx.tokens, k, k + 1, source.entry, Rule::Repeat, name)
        };
        let mut added: Vec<Match> = Vec::new();
        let mut relabelled: Vec<(usize, Match)> = Vec::new();
        // Walk tokens and matches together.
        let mut i = 0;
        for k in 0..cx.tokens.len() {
            while i < matches.len() && matches[i].token_end <= k {
                i += 1;
            }
            if i == matches.len() || matches[i].token_start > k {
                if let Some(src) = part_of(k) {
                    added.push(repeat(k, &matches[src]));
                }
                continue;
            }
            let m = &matches[i];
            // A place after a preposition of place stays a place (`in Washington`).
            if m.token_start == k
                && m.token_end == k + 1
                && !self.is_person(m)
                && !(k > 0 && PLACE_PREPOSITIONS.contains(&cx.word(k - 1)))
                && let Some(src) = part_of(k)
            {
                relabelled.push((i, repeat(k, &matches[src])));
            }
        }
        if added.is_empty() && relabelled.is_empty() {
            return matches;
        }
        let mut matches = matches;
        for (i, r) in relabelled {
            matches[i] = r;
        }
        matches.extend(added);
        matches.sort_by_key(|m| m.token_start);
        matches
    }
}

fn text_of(cx: &Ctx<'_>, a: usize, b: usize) -> Box<str> {
    cx.text[cx.tokens[a].start()..cx.tokens[b - 1].end()].into()
}

#[cfg(test)]
mod tests {
    use super::super::Entry;
    use super::*;

    fn gaz() -> Gazetteer {
        Gazetteer::from_entries(
            vec![
                Entry::new("Gary Lineker", "PER", "p1"),
                Entry::new("Andre", "PER", "p2"),
                Entry::new("Gary", "LOC", "l1"),
                Entry::new("Donghai", "LOC", "l2"),
                Entry::new("Washington", "LOC", "l3"),
                Entry::new("MaliVai Washington", "PER", "p3"),
                Entry::new("France", "LOC", "l4"),
            ],
            "t",
        )
        .unwrap()
    }

    fn found(g: &Gazetteer, text: &str, rules: NameRules) -> Vec<(String, String, String, &'static str)> {
        let toks = g.tokenizer().tokenize(text);
        g.find_with_rules(text, &toks, rules)
            .iter()
            .map(|m| {
                let e = g.entry(m.entry);
                let id = m.name.as_deref().unwrap_or(e.id);
                (text[m.start..m.end].to_owned(), e.label.to_owned(), id.to_owned(), m.rule.as_str())
            })
            .collect()
    }

    fn spans(v: &[(String, String, String, &str)]) -> Vec<String> {
        v.iter().map(|x| format!("{}/{}", x.0, x.1)).collect()
    }

    #[test]
    fn given_names_and_initials_start_persons() {
        let g = gaz();
        let r = found(&g, "Gary McAllister and P. Johnson met in Leeds.", NameRules::default());
        assert_eq!(spans(&r), ["Gary McAllister/PER", "P. Johnson/PER"]);
        assert_eq!(r[0].2, "Gary McAllister");
        assert_eq!(r[0].3, "person");
        // Without the rule: the city.
        let plain = found(&g, "Gary McAllister and P. Johnson met.", NameRules::none());
        assert_eq!(spans(&plain), ["Gary/LOC"]);
        // A given name before a common word stays what the list says.
        assert_eq!(spans(&found(&g, "Snow in Gary closed schools.", NameRules::default())), ["Gary/LOC"]);
    }

    #[test]
    fn persons_grow_and_repeat() {
        let g = gaz();
        let r = found(
            &g,
            "Andre Joubert scored . Later Joubert and Washington met MaliVai Washington .",
            NameRules::default(),
        );
        assert_eq!(spans(&r), ["Andre Joubert/PER", "Joubert/PER", "Washington/PER", "MaliVai Washington/PER"]);
        assert_eq!(r[1].3, "repeat");
        assert_eq!(r[1].2, "Andre Joubert");
        assert_eq!(r[2].2, "p3", "a repeat of a listed person has its id");
        // A common word does not join a name: `Andre said`.
        assert_eq!(spans(&found(&g, "Andre said so.", NameRules::default())), ["Andre/PER"]);
    }

    #[test]
    fn one_word_matches_inside_longer_names_are_dropped() {
        let g = gaz();
        let r = found(&g, "Wang Donghai flew to France .", NameRules::default());
        assert_eq!(spans(&r), ["France/LOC"]);
        let rules = NameRules { longer_names: false, ..NameRules::default() };
        assert_eq!(spans(&found(&g, "Wang Donghai flew .", rules)), ["Donghai/LOC"]);
    }

    #[test]
    fn rules_by_name() {
        assert_eq!(NameRules::from_names(&NameRules::NAMES).unwrap(), NameRules::default());
        assert_eq!(NameRules::from_names::<&str>(&[]).unwrap(), NameRules::none());
        let r = NameRules::from_names(&["repeats"]).unwrap();
        assert_eq!(r.names(), ["repeats"]);
        assert!(r.any() && !NameRules::none().any());
        let err = NameRules::from_names(&["people"]).unwrap_err();
        assert!(err.contains("'persons', 'longer_names', 'repeats', not 'people'"), "{err}");
    }

    #[test]
    fn no_person_entries_no_person_rules() {
        let g = Gazetteer::from_entries(vec![Entry::new("Gary", "LOC", "l1")], "t").unwrap();
        assert_eq!(spans(&found(&g, "P. Johnson visited Gary today.", NameRules::default())), ["Gary/LOC"]);
    }
}
