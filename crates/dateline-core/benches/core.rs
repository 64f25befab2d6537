//! Criterion benchmarks of the core stages on news text (the repository's
//! sample article, cycled to ~1 MB; or the files named in `DATELINE_BENCH_TEXT`,
//! separated by `:`).
//!
//!     cargo bench -p dateline-core --bench core

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_core::{
    Date, Entry, Gazetteer, Pipeline, PipelineOptions, TemporalTagger, TokenBuffers, Tokenizer, world,
};

fn corpus() -> Vec<String> {
    let mut docs: Vec<String> = match std::env::var("DATELINE_BENCH_TEXT") {
        Ok(paths) => paths.split(':').filter_map(|p| std::fs::read_to_string(p).ok()).collect(),
        Err(_) => Vec::new(),
    };
    if docs.is_empty() {
        docs.push(include_str!("../../../examples/sample-news.txt").to_owned());
    }
    let unit: usize = docs.iter().map(String::len).sum();
    let copies = (1_000_000 / unit.max(1)).max(1);
    docs.iter().cycle().take(docs.len() * copies).cloned().collect()
}

fn synthetic_gazetteer(n: usize) -> Gazetteer {
    const SYL: [&str; 16] =
        ["al", "der", "bro", "ok", "ma", "ren", "tis", "vel", "ko", "nar", "li", "sen", "dor", "ga", "bel", "fin"];
    let mut entries: Vec<Entry> = world().entries().to_vec();
    for k in 0..n {
        let a: String = (0..3).map(|s| SYL[(k >> (4 * s)) % 16]).collect();
        let b: String = (3..5).map(|s| SYL[(k >> (4 * s)) % 16]).collect();
        let cap = |w: &str| w[..1].to_uppercase() + &w[1..];
        entries.push(Entry::new(format!("{} {}", cap(&a), cap(&b)), "MISC", format!("syn:{k}")));
    }
    Gazetteer::from_entries(entries, "bench").expect("synthetic entries are valid")
}

fn stages(c: &mut Criterion) {
    let docs = corpus();
    let bytes: u64 = docs.iter().map(|d| d.len() as u64).sum();
    let tokenizer = Tokenizer::default();
    let tagger = TemporalTagger::default();
    let reference = Date::new(2026, 6, 12).ok();
    let analysed: Vec<_> = docs.iter().map(|d| tokenizer.tokenize_with_sentences(d)).collect();
    let world = world();
    let big = synthetic_gazetteer(200_000);
    let nlp = Pipeline::new(PipelineOptions::default());

    let mut g = c.benchmark_group("core");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.bench_function("tokenize", |b| {
        b.iter(|| docs.iter().map(|d| tokenizer.tokenize(black_box(d)).len()).sum::<usize>())
    });
    g.bench_function("tokenize+sentences/reused-buffers", |b| {
        let mut buf = TokenBuffers::default();
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    tokenizer.tokenize_into(black_box(d), &mut buf);
                    buf.sentences.len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("tokenize+sentences", |b| {
        b.iter(|| docs.iter().map(|d| tokenizer.tokenize_with_sentences(black_box(d)).1.len()).sum::<usize>())
    });
    g.bench_function("gazetteer/world", |b| {
        b.iter(|| docs.iter().zip(&analysed).map(|(d, (t, _))| world.find(black_box(d), t).len()).sum::<usize>())
    });
    g.bench_function("gazetteer/world+200k", |b| {
        b.iter(|| docs.iter().zip(&analysed).map(|(d, (t, _))| big.find(black_box(d), t).len()).sum::<usize>())
    });
    g.bench_function("timexes", |b| {
        b.iter(|| {
            docs.iter().zip(&analysed).map(|(d, (t, s))| tagger.tag(black_box(d), t, s, reference).len()).sum::<usize>()
        })
    });
    g.bench_function("pipeline/1-thread", |b| b.iter(|| nlp.process_batch(&docs, &[], Some(1)).map(|v| v.len())));
    g.bench_function("pipeline/all-threads", |b| b.iter(|| nlp.process_batch(&docs, &[], None).map(|v| v.len())));
    g.finish();

    let mut build = c.benchmark_group("build");
    build.sample_size(10);
    build.bench_function("gazetteer/200k", |b| b.iter(|| synthetic_gazetteer(black_box(200_000)).len()));
    build.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
