//! The compiled-gazetteer loader (`Gazetteer::from_bytes`) on damaged data:
//! an error, never a panic; what loads can be matched and written again.
//! The first byte picks the input: the bytes as they are, a valid header
//! followed by them, or a small valid compiled gazetteer with bytes
//! overwritten at chosen places.
#![no_main]

use std::sync::LazyLock;

use dateline_core::{Entry, Gazetteer, Tokenizer};
use libfuzzer_sys::fuzz_target;

static VALID: LazyLock<Vec<u8>> = LazyLock::new(|| {
    Gazetteer::builder()
        .entry(Entry::new("Caracas", "GPE", "Q1533").with_aliases(["Santiago de León de Caracas"]))
        .entry(Entry::new("Nicolás Maduro", "PERSON", "Q57413").with_attribute("party", "PSUV"))
        .entry(Entry::new("São Paulo", "GPE", "Q174"))
        .build()
        .and_then(|g| g.to_bytes())
        .expect("a valid gazetteer")
});

const TEXT: &str = "Nicolás Maduro spoke in Caracas and SÃO PAULO; Maduro left sao paulo.";

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let bytes = match mode % 3 {
        0 => rest.to_vec(),
        1 => [&VALID[..12], rest].concat(),
        _ => {
            let mut b = VALID.clone();
            for pair in rest.chunks_exact(3) {
                let at = usize::from(u16::from_le_bytes([pair[0], pair[1]])) % b.len();
                b[at] = pair[2];
            }
            if rest.len() % 3 == 1 {
                b.truncate(usize::from(rest[rest.len() - 1]) * b.len() / 256);
            }
            b
        }
    };
    let Ok(g) = Gazetteer::from_bytes(&bytes) else { return };
    let tokens = Tokenizer::default().tokenize(TEXT);
    for m in g.find(TEXT, &tokens).iter().chain(&g.find_all(TEXT, &tokens)) {
        assert!(m.start < m.end && m.end <= TEXT.len() && (m.entry as usize) < g.len(), "{m:?}");
        let _ = g.entry(m.entry);
        let _ = g.match_id(m.entry, m.name.as_deref());
    }
    let _ = g.entries();
    let again = g.to_bytes().expect("a loaded gazetteer writes");
    Gazetteer::from_bytes(&again).expect("what was written loads");
});
