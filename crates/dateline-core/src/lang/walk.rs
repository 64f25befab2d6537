//! The resource files of a language folder, shared by `build.rs` (the
//! built-in folders) and `registry.rs` (`DATELINE_LANG_DIR` at run time).

use std::path::{Path, PathBuf};

/// Every `.toml` and `.txt` file under `dir`, with its path relative to
/// `base` written with `/`, in path order (subfolders included).
pub fn resource_files(dir: &Path, base: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    walk(dir, base, &mut out);
    out
}

fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, base, out);
        } else if p.extension().is_some_and(|e| e == "toml" || e == "txt")
            && let Ok(rel) = p.strip_prefix(base)
        {
            let rel = rel.to_string_lossy().replace('\\', "/");
            out.push((rel, p));
        }
    }
}
