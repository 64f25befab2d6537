//! The entries of a compiled gazetteer, kept compactly: names and ids in one
//! text arena (an id repeated by consecutive entries stored once: GeoNames
//! lists a place's alternate names one after the other under its id; an id
//! equal to the name not at all), labels interned, aliases and
//! attributes only where an entry has them. About 20 bytes per entry plus
//! its text, where `Vec<Entry>` costs ~130 bytes and three allocations.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use super::{CaseRule, Entry};

/// A borrowed view of one entry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EntryRef<'a> {
    /// The canonical name.
    pub name: &'a str,
    /// The label.
    pub label: &'a str,
    /// The id.
    pub id: &'a str,
    /// Other names of the entry.
    pub aliases: &'a [String],
    /// Attributes returned with every match.
    pub attributes: &'a BTreeMap<String, serde_json::Value>,
    /// The entry's case rule.
    pub case: CaseRule,
}

impl EntryRef<'_> {
    /// An owned copy.
    #[must_use]
    pub fn to_entry(&self) -> Entry {
        Entry {
            name: self.name.to_owned(),
            label: self.label.to_owned(),
            id: self.id.to_owned(),
            aliases: self.aliases.to_vec(),
            attributes: self.attributes.clone(),
            case: self.case,
        }
    }
}

/// `id` value meaning "the id is the name".
const ID_IS_NAME: u32 = u32::MAX;

static NO_ATTRIBUTES: BTreeMap<String, serde_json::Value> = BTreeMap::new();

#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct EntryStore {
    /// Names and distinct ids, one after the other.
    text: String,
    /// Each entry's name: `(start, end)` in `text`.
    names: Vec<(u32, u32)>,
    /// Each entry's id: an index into `ids`, or [`ID_IS_NAME`].
    id_of: Vec<u32>,
    /// Distinct ids (that differ from their entry's name): `(start, end)` in `text`.
    ids: Vec<(u32, u32)>,
    /// Each entry's label: an index into `labels`.
    label_of: Vec<u32>,
    labels: Vec<String>,
    /// Whether each label is a person's (made when first asked; not stored).
    #[serde(skip)]
    person_labels: std::sync::OnceLock<Vec<bool>>,
    /// Each entry's case rule.
    case: Vec<CaseRule>,
    /// Aliases of the entries that have some (ordered maps: the compiled
    /// bytes are the same from run to run).
    aliases: BTreeMap<u32, Vec<String>>,
    /// Attributes of the entries that have some.
    #[serde(with = "attributes_as_json")]
    attributes: BTreeMap<u32, BTreeMap<String, serde_json::Value>>,
}

/// A builder that interns ids and labels as entries arrive.
#[derive(Default)]
pub(crate) struct StoreBuilder {
    store: EntryStore,
    label_index: HashMap<String, u32>,
}

fn span(text: &mut String, s: &str) -> Result<(u32, u32), String> {
    let start = u32::try_from(text.len()).map_err(|_| "the names and ids exceed 4 GiB".to_owned())?;
    text.push_str(s);
    let end = u32::try_from(text.len()).map_err(|_| "the names and ids exceed 4 GiB".to_owned())?;
    Ok((start, end))
}

impl StoreBuilder {
    pub(crate) fn with_capacity(n: usize) -> Self {
        let mut b = Self::default();
        let s = &mut b.store;
        s.names.reserve(n);
        s.id_of.reserve(n);
        s.label_of.reserve(n);
        s.case.reserve(n);
        b
    }

    /// Adds `e` (its index is the number of entries before it).
    pub(crate) fn push(&mut self, e: Entry) -> Result<(), String> {
        let s = &mut self.store;
        let idx = u32::try_from(s.names.len()).map_err(|_| "more than 4294967295 entries".to_owned())?;
        s.names.push(span(&mut s.text, &e.name)?);
        let previous = s.ids.last().map(|&(a, b)| &s.text[a as usize..b as usize]);
        let id = if e.id == e.name {
            ID_IS_NAME
        } else if previous == Some(e.id.as_str()) {
            (s.ids.len() - 1) as u32
        } else {
            let k = u32::try_from(s.ids.len()).map_err(|_| "more than 4294967295 ids".to_owned())?;
            s.ids.push(span(&mut s.text, &e.id)?);
            k
        };
        s.id_of.push(id);
        let label = match self.label_index.get(e.label.as_str()) {
            Some(&k) => k,
            None => {
                let k = u32::try_from(s.labels.len()).map_err(|_| "too many labels".to_owned())?;
                s.labels.push(e.label.clone());
                self.label_index.insert(e.label, k);
                k
            }
        };
        s.label_of.push(label);
        s.case.push(e.case);
        if !e.aliases.is_empty() {
            s.aliases.insert(idx, e.aliases);
        }
        if !e.attributes.is_empty() {
            s.attributes.insert(idx, e.attributes);
        }
        Ok(())
    }

    pub(crate) fn finish(mut self) -> EntryStore {
        let s = &mut self.store;
        s.text.shrink_to_fit();
        s.names.shrink_to_fit();
        s.ids.shrink_to_fit();
        self.store
    }
}

impl EntryStore {
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    fn slice(&self, (a, b): (u32, u32)) -> &str {
        &self.text[a as usize..b as usize]
    }

    /// The entry at `i`.
    ///
    /// # Panics
    /// If `i` is out of range.
    pub(crate) fn get(&self, i: u32) -> EntryRef<'_> {
        let k = i as usize;
        let name = self.slice(self.names[k]);
        EntryRef {
            name,
            label: &self.labels[self.label_of[k] as usize],
            id: match self.id_of[k] {
                ID_IS_NAME => name,
                j => self.slice(self.ids[j as usize]),
            },
            aliases: self.aliases.get(&i).map_or(&[], Vec::as_slice),
            attributes: self.attributes.get(&i).unwrap_or(&NO_ATTRIBUTES),
            case: self.case[k],
        }
    }

    pub(crate) fn label(&self, i: u32) -> &str {
        &self.labels[self.label_of[i as usize] as usize]
    }

    /// Whether entry `i`'s label is a person's (`PER`, `PERSON`).
    pub(crate) fn is_person(&self, i: u32) -> bool {
        let person =
            self.person_labels.get_or_init(|| self.labels.iter().map(|l| super::names::is_person_label(l)).collect());
        person[self.label_of[i as usize] as usize]
    }

    pub(crate) fn id(&self, i: u32) -> &str {
        match self.id_of[i as usize] {
            ID_IS_NAME => self.slice(self.names[i as usize]),
            j => self.slice(self.ids[j as usize]),
        }
    }

    pub(crate) fn attributes(&self, i: u32) -> &BTreeMap<String, serde_json::Value> {
        self.attributes.get(&i).unwrap_or(&NO_ATTRIBUTES)
    }

    pub(crate) fn case(&self, i: u32) -> CaseRule {
        self.case[i as usize]
    }

    pub(crate) fn iter(&self) -> impl ExactSizeIterator<Item = EntryRef<'_>> {
        (0..self.names.len()).map(|i| self.get(i as u32))
    }

    /// Checks a loaded store's indices, so that no lookup can fail.
    pub(crate) fn check(&self) -> Result<(), String> {
        let n = self.names.len();
        let len = self.text.len();
        let span_ok = |&(a, b): &(u32, u32)| {
            a <= b
                && (b as usize) <= len
                && self.text.is_char_boundary(a as usize)
                && self.text.is_char_boundary(b as usize)
        };
        let ok = self.id_of.len() == n
            && self.label_of.len() == n
            && self.case.len() == n
            && self.names.iter().all(span_ok)
            && self.ids.iter().all(span_ok)
            && self.id_of.iter().all(|&j| j == ID_IS_NAME || (j as usize) < self.ids.len())
            && self.label_of.iter().all(|&j| (j as usize) < self.labels.len())
            && self.aliases.keys().chain(self.attributes.keys()).all(|&i| (i as usize) < n);
        if ok { Ok(()) } else { Err("damaged compiled gazetteer: entry index out of range".into()) }
    }
}

/// Attributes stored as JSON text (the binary encoding is not self-describing).
mod attributes_as_json {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    type Attrs = BTreeMap<u32, BTreeMap<String, serde_json::Value>>;

    pub(super) fn serialize<S: Serializer>(a: &Attrs, s: S) -> Result<S::Ok, S::Error> {
        let mut v: Vec<(u32, String)> = Vec::with_capacity(a.len());
        for (&k, m) in a {
            v.push((k, serde_json::to_string(m).map_err(serde::ser::Error::custom)?));
        }
        v.serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Attrs, D::Error> {
        let v: Vec<(u32, String)> = Vec::deserialize(d)?;
        let mut out = Attrs::default();
        for (k, json) in v {
            out.insert(k, serde_json::from_str(&json).map_err(serde::de::Error::custom)?);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_through_the_store() {
        let entries = vec![
            Entry::new("Caracas", "LOC", "geonames:1").with_aliases(["CCS"]),
            Entry::new("Caracas City", "LOC", "geonames:1").with_attribute("pop", 3),
            Entry::new("Acme", "ORG", "Acme"),
            Entry { case: CaseRule::Exact, ..Entry::new("WHO", "ORG", "who") },
        ];
        let mut b = StoreBuilder::with_capacity(entries.len());
        for e in entries.clone() {
            b.push(e).unwrap();
        }
        let s = b.finish();
        s.check().unwrap();
        let back: Vec<Entry> = s.iter().map(|e| e.to_entry()).collect();
        assert_eq!(back, entries);
        assert_eq!(s.ids.len(), 2, "a repeated id is stored once, an id equal to the name not at all");
        let bytes = postcard::to_allocvec(&s).unwrap();
        let again: EntryStore = postcard::from_bytes(&bytes).unwrap();
        again.check().unwrap();
        assert_eq!(again.iter().map(|e| e.to_entry()).collect::<Vec<_>>(), entries);
    }
}
