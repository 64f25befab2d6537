//! Throughput of the core pipeline on text files, single thread and all
//! cores, with the built-in world gazetteer:
//!
//! ```text
//! cargo run --release -p dateline-core --example throughput -- FILE... [--repeat N] [--lang CODE]
//! ```
//!
//! Each file is one document. Prints MB/s for tokenizing alone, for the
//! temporal tagger alone, for the whole pipeline on one thread and on all
//! cores. `--only PREFIX` runs only the stages whose name starts with it;
//! `--lang CODE` reads every file in that language (default `en`).

use std::time::Instant;

use dateline_core::{DocumentType, Lang, Pipeline, PipelineOptions, TemporalTagger, Tokenizer};

fn main() {
    let mut files = Vec::new();
    let mut repeat = 20usize;
    let mut only: Option<String> = None;
    let mut code = "en".to_owned();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--only" {
            only = args.next();
        } else if a == "--lang" {
            code = args.next().unwrap_or(code);
        } else if a == "--repeat" {
            repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(repeat);
        } else {
            files.push(a);
        }
    }
    let texts: Vec<String> = files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect();
    if texts.is_empty() {
        eprintln!("usage: throughput FILE... [--repeat N]");
        std::process::exit(2);
    }
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 * repeat as f64 / 1e6;
    let lang = match Lang::from_code(&code) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let tok = Tokenizer::default().with_lang(lang);
    let Ok(tagger) = TemporalTagger::with_lang(None, DocumentType::Auto, Some(lang)) else {
        eprintln!("the date grammar of {code} does not compile");
        std::process::exit(2);
    };
    let nlp = Pipeline::new(PipelineOptions { lang: Some(lang), ..PipelineOptions::default() });
    let time = |name: &str, f: &dyn Fn() -> usize| {
        if only.as_deref().is_some_and(|o| !name.starts_with(o)) {
            return;
        }
        let t0 = Instant::now();
        let mut n = 0;
        for _ in 0..repeat {
            n += f();
        }
        let s = t0.elapsed().as_secs_f64();
        eprintln!("{name:<28} {:>8.1} MB/s  ({n} items)", mb / s);
    };
    eprintln!("{} documents, {:.2} MB x {repeat}", texts.len(), mb / repeat as f64);
    time("tokenize + sentences", &|| texts.iter().map(|t| tok.tokenize_with_sentences(t).0.len()).sum());
    let buf = std::cell::RefCell::new(dateline_core::TokenBuffers::default());
    time("tokenize + sentences, reused buffers", &|| {
        let mut b = buf.borrow_mut();
        texts
            .iter()
            .map(|t| {
                tok.tokenize_into(t, &mut b);
                b.tokens.len()
            })
            .sum()
    });
    let prepared: Vec<_> = texts.iter().map(|t| tok.tokenize_with_sentences(t)).collect();
    time("temporal tagger alone", &|| {
        texts.iter().zip(&prepared).map(|(t, (k, s))| tagger.tag(t, k, s, None).len()).sum()
    });
    let gaz = nlp.gazetteer();
    time("world gazetteer alone", &|| texts.iter().zip(&prepared).map(|(t, (k, _))| gaz.find(t, k).len()).sum());
    time("reference-date detection", &|| {
        texts.iter().filter(|t| dateline_core::detect_reference_date_in(t, &tok, &tagger, lang).is_some()).count()
    });
    time("pipeline, 1 thread", &|| {
        nlp.process_batch(&texts, &[], Some(1)).map(|d| d.iter().map(|x| x.timexes.len()).sum()).unwrap_or(0)
    });
    time("pipeline, all cores", &|| {
        nlp.process_batch(&texts, &[], None).map(|d| d.iter().map(|x| x.timexes.len()).sum()).unwrap_or(0)
    });
}
