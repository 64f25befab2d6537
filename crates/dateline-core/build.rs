//! Compiles the language folders in: every file of `lang/<code>/` (and its
//! `dates/`) becomes a `(path, text)` pair of the generated table
//! `BUILTIN_LANGS`, so that adding a language is adding a folder.

use std::fmt::Write as _;
use std::path::PathBuf;

#[path = "src/lang/walk.rs"]
mod walk;

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
        let list = walk::resource_files(&dir, &dir);
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
