//! Checks a language's date rules: every example of every rule gives its
//! value through that rule, and every rule fires.
//!
//! ```text
//! cargo run --release -p dateline-core --example lang_check -- es fr
//! DATELINE_LANG_DIR=crates/dateline-core/lang cargo run ... -- es   # files read at run time
//! ```
//!
//! With `DATELINE_LANG_DIR` the resource files are read from that folder
//! when the program runs, so edits are checked without rebuilding.

use dateline_core::Lang;
use dateline_core::dates::check_examples;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let langs: Vec<Lang> = if args.is_empty() {
        Lang::all().collect()
    } else {
        match args.iter().map(|a| Lang::from_code(a)).collect::<Result<Vec<_>, _>>() {
            Ok(v) => v,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        }
    };
    let mut bad = 0;
    for lang in langs {
        let problems = check_examples(lang);
        eprintln!("{}: {} problems", lang.code(), problems.len());
        for p in &problems {
            eprintln!("  {p}");
        }
        bad += problems.len();
    }
    std::process::exit(i32::from(bad > 0));
}
