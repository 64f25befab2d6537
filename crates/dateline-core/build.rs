//! Compiles the language folders in: every file of `lang/<code>/` (and its
//! `dates/`) becomes a `(path, text)` pair of the generated table
//! `BUILTIN_LANGS`, so that adding a language is adding a folder.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files(&p, base, out);
        } else if p.extension().is_some_and(|e| e == "toml" || e == "txt") {
            let rel = p.strip_prefix(base).expect("under the folder").to_string_lossy().replace('\\', "/");
            out.push((rel, p));
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("lang");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut codes: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("lang/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    codes.sort();
    let mut src = String::from("pub(crate) static BUILTIN_LANGS: &[(&str, &[(&str, &str)])] = &[\n");
    for dir in codes {
        let code = dir.file_name().expect("a name").to_string_lossy().into_owned();
        let mut list = Vec::new();
        files(&dir, &dir, &mut list);
        writeln!(src, "    ({code:?}, &[").unwrap();
        for (rel, path) in list {
            writeln!(src, "        ({rel:?}, include_str!({:?})),", path.display().to_string()).unwrap();
        }
        src.push_str("    ]),\n");
    }
    src.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("langs.rs");
    std::fs::write(out, src).expect("OUT_DIR is writable");
}
