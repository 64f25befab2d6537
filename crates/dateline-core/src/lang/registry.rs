//! The languages dateline knows: one folder each under `lang/`, compiled in
//! by `build.rs`, and [`Lang`], the value the engines take.
//!
//! For writing a language without rebuilding, the environment variable
//! `DATELINE_LANG_DIR` may name a folder laid out like `lang/`: when the
//! process first asks for a language, the files found there replace the
//! built-in ones of the same path, and a folder of a new code adds a
//! language. It is read once per process.

use std::sync::LazyLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;

include!(concat!(env!("OUT_DIR"), "/langs.rs"));

/// The files of one language: path under its folder (`dates/words.toml`) → text.
struct Folder {
    code: &'static str,
    files: Vec<(&'static str, &'static str)>,
    /// Some of its files were read from `DATELINE_LANG_DIR`.
    overlaid: bool,
}

static FOLDERS: LazyLock<Vec<Folder>> = LazyLock::new(|| {
    let mut folders: Vec<Folder> =
        BUILTIN_LANGS.iter().map(|(code, files)| Folder { code, files: files.to_vec(), overlaid: false }).collect();
    if let Some(dir) = std::env::var_os("DATELINE_LANG_DIR") {
        overlay(&mut folders, std::path::Path::new(&dir));
    }
    folders
});

/// Lays the files of `dir/<code>/` over the built-in ones (see the module docs).
fn overlay(folders: &mut Vec<Folder>, dir: &std::path::Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut codes: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect();
    codes.sort();
    for path in codes {
        let code = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let files: Vec<(&'static str, &'static str)> = super::walk::resource_files(&path, &path)
            .into_iter()
            .filter_map(|(rel, p)| {
                let text = std::fs::read_to_string(p).ok()?;
                Some((&*Box::leak(rel.into_boxed_str()), &*Box::leak(text.into_boxed_str())))
            })
            .collect();
        let folder = match folders.iter().position(|f| f.code == code) {
            Some(k) => &mut folders[k],
            None => {
                folders.push(Folder { code: Box::leak(code.into_boxed_str()), files: Vec::new(), overlaid: false });
                folders.last_mut().expect("just pushed")
            }
        };
        folder.overlaid |= !files.is_empty();
        for (rel, text) in files {
            match folder.files.iter_mut().find(|(r, _)| *r == rel) {
                Some(slot) => slot.1 = text,
                None => folder.files.push((rel, text)),
            }
        }
    }
}

/// A language that has a folder of resources (`en`, `es`, …). Serialized as
/// its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(u16);

impl Lang {
    /// English.
    #[must_use]
    pub fn english() -> Self {
        Self::from_code("en").unwrap_or(Self(0))
    }

    /// The language of a code (`es`; case and a region are ignored: `pt-BR`).
    ///
    /// # Errors
    /// [`Error::Config`] naming the code and the languages there are.
    pub fn from_code(code: &str) -> Result<Self, Error> {
        let base = code.split(['-', '_']).next().unwrap_or("").trim().to_ascii_lowercase();
        FOLDERS.iter().position(|f| f.code == base).and_then(|k| u16::try_from(k).ok()).map(Self).ok_or_else(|| {
            let known: Vec<&str> = FOLDERS.iter().map(|f| f.code).collect();
            Error::Config(format!("unknown language {code:?} (known: {})", known.join(", ")))
        })
    }

    /// Its code (`es`).
    #[must_use]
    pub fn code(self) -> &'static str {
        FOLDERS[usize::from(self.0)].code
    }

    /// Every language, in the order of their codes.
    pub fn all() -> impl Iterator<Item = Self> {
        (0..FOLDERS.len()).filter_map(|k| u16::try_from(k).ok()).map(Self)
    }

    /// Its position among [`Lang::all`].
    #[must_use]
    pub(crate) fn index(self) -> usize {
        usize::from(self.0)
    }

    /// How many languages there are.
    pub(crate) fn count() -> usize {
        FOLDERS.len()
    }
}

impl Default for Lang {
    fn default() -> Self {
        Self::english()
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Self::from_code(&code).map_err(serde::de::Error::custom)
    }
}

/// The text of a file of `lang`'s folder (`dates/words.toml`).
pub(crate) fn folder_file(lang: Lang, path: &str) -> Option<&'static str> {
    FOLDERS[lang.index()].files.iter().find(|(p, _)| *p == path).map(|(_, t)| *t)
}

/// The languages some of whose files were read from `DATELINE_LANG_DIR`
/// (the built-in ones are checked by the tests; these only when used).
pub(crate) fn overlaid() -> impl Iterator<Item = Lang> {
    Lang::all().filter(|l| FOLDERS[l.index()].overlaid)
}

/// The files of `lang`'s folder under `dir/` (`dates/`), in path order.
pub(crate) fn folder_files(lang: Lang, dir: &str) -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<_> = FOLDERS[lang.index()].files.iter().filter(|(p, _)| p.starts_with(dir)).copied().collect();
    v.sort_unstable();
    v
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn codes_round_trip_and_unknown_codes_are_errors() {
        for l in Lang::all() {
            assert_eq!(Lang::from_code(l.code()).unwrap(), l);
        }
        assert_eq!(Lang::from_code("EN-gb").unwrap(), Lang::english());
        let e = Lang::from_code("xx").unwrap_err().to_string();
        assert!(e.contains("\"xx\"") && e.contains("en"), "{e}");
        let json = serde_json::to_string(&Lang::english()).unwrap();
        assert_eq!(json, "\"en\"");
        assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), Lang::english());
        assert!(serde_json::from_str::<Lang>("\"zz\"").is_err());
    }
}
