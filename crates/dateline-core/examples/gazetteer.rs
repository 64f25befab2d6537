//! Build time, memory, compiled load time and matching speed of a gazetteer
//! read from TSV/CSV/JSONL files, in the core alone:
//!
//! ```text
//! cargo run --release -p dateline-core --example gazetteer -- LIST.tsv... --text FILE... [--repeat N] [--fold]
//! ```
//!
//! Prints the time to compile the lists as they are read (`--fold`: with
//! accent and typography folding), the resident and peak memory over the
//! start (Linux), the size of the compiled form and the time to
//! load it, then MB/s (best and median of `--repeat` passes, 9 by default) for matching alone (`find`) and with the name rules, on
//! tokens made beforehand, and for the pipeline without time expressions
//! (tokens, sentences, entities).

use std::time::Instant;

use dateline_core::gazetteer::{Columns, Folding};
use dateline_core::{Gazetteer, NameRules, Pipeline, PipelineOptions, ReferenceDate, Tokenizer};

/// A line of `/proc/self/status` (`VmRSS`, `VmHWM`) in MB.
fn status_mb(key: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with(key)).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let (mut lists, mut texts) = (Vec::new(), Vec::new());
    let mut repeat = 9usize;
    let mut in_text = false;
    let mut folding = Folding::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--text" => in_text = true,
            "--fold" => folding.accents = true,
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(repeat).max(1),
            _ if in_text => texts.push(std::fs::read_to_string(&a).expect("readable text file")),
            _ => lists.push(a),
        }
    }
    if lists.is_empty() {
        eprintln!("usage: gazetteer LIST... --text FILE... [--repeat N]");
        std::process::exit(2);
    }
    let base = status_mb("VmRSS:");
    let t0 = Instant::now();
    let paths: Vec<&std::path::Path> = lists.iter().map(std::path::Path::new).collect();
    let gaz = Gazetteer::read_files(&paths, None, &Columns::default(), true, folding).expect("valid lists");
    eprintln!(
        "{} entries read and compiled in {:.2} s; resident +{:.0} MB, peak +{:.0} MB over the start",
        gaz.len(),
        t0.elapsed().as_secs_f64(),
        status_mb("VmRSS:") - base,
        status_mb("VmHWM:") - base
    );
    let bytes = gaz.to_bytes().expect("serializable");
    let t2 = Instant::now();
    let back = Gazetteer::from_bytes(&bytes).expect("loads");
    eprintln!("compiled form {:.1} MB, loaded in {:.3} s", bytes.len() as f64 / 1e6, t2.elapsed().as_secs_f64());
    drop(back);
    if texts.is_empty() {
        return;
    }
    let tok = Tokenizer::default();
    let prepared: Vec<_> = texts.iter().map(|t| tok.tokenize(t)).collect();
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    // Each of `repeat` passes timed alone; the best and the median pass are
    // printed (this machine's clock is shared, and the best pass is the
    // least disturbed). `pass` returns what it found.
    let report = |name: &str, pass: &mut dyn FnMut() -> usize| {
        let mut secs = Vec::with_capacity(repeat);
        let mut found = 0;
        for _ in 0..repeat {
            let t = Instant::now();
            found = pass();
            secs.push(t.elapsed().as_secs_f64());
        }
        secs.sort_by(f64::total_cmp);
        eprintln!(
            "{name:<20} {:>8.1} MB/s best, {:>6.1} median ({found} per pass)",
            mb / secs[0],
            mb / secs[secs.len() / 2]
        );
    };
    report("find", &mut || texts.iter().zip(&prepared).map(|(text, toks)| gaz.find(text, toks).len()).sum());
    let rules = NameRules::default();
    report("find + name rules", &mut || {
        texts.iter().zip(&prepared).map(|(text, toks)| gaz.find_with_rules(text, toks, rules).len()).sum()
    });
    let options = PipelineOptions { timexes: false, ..PipelineOptions::default() };
    let nlp = Pipeline::with_gazetteer(options, std::sync::Arc::new(gaz));
    report("pipeline, no timexes", &mut || {
        texts.iter().map(|text| nlp.process(text, ReferenceDate::None).entities.len()).sum()
    });
}
