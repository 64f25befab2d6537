//! Tests of the tokenizer: conventions, fast paths against the general
//! rules, the block scan against the item scan, odd input.

use super::*;
use crate::test_rng::below;

fn words(text: &str) -> Vec<&str> {
    Tokenizer::default().tokenize(text).iter().map(|t| &text[t.start()..t.end()]).collect()
}

#[test]
fn seed_spots() {
    assert_eq!(words("U.S. military"), ["U.S.", "military"]);
    assert_eq!(words("Rodríguez's government"), ["Rodríguez", "'s", "government"]);
    assert_eq!(words("Maduro’s vice"), ["Maduro", "’s", "vice"]);
    assert_eq!(words("CARACAS — The"), ["CARACAS", "—", "The"]);
    assert_eq!(words("“focused on it.”"), ["“", "focused", "on", "it", ".", "”"]);
    assert_eq!(words("a two-day visit"), ["a", "two", "-", "day", "visit"]);
    assert_eq!(words("date 2026-03-05 here"), ["date", "2026-03-05", "here"]);
}

#[test]
fn conventions() {
    assert_eq!(words("e-mail me"), ["e-mail", "me"]);
    assert_eq!(words("$1.5 billion, 50%"), ["$", "1.5", "billion", ",", "50", "%"]);
    assert_eq!(words("I can't, won't"), ["I", "ca", "n't", ",", "wo", "n't"]);
    assert_eq!(words("Dr. Smith (AP)"), ["Dr.", "Smith", "(", "AP", ")"]);
    assert_eq!(words("see http://x.org/a?b=1."), ["see", "http://x.org/a?b=1", "."]);
    assert_eq!(words("Wait... what?!"), ["Wait", "...", "what", "?!"]);
    assert_eq!(words("the '90s"), ["the", "'90s"]);
    assert_eq!(words("at 5pm"), ["at", "5", "pm"]);
    assert_eq!(words("parents' house"), ["parents", "'", "house"]);
    assert_eq!(words("call 713-853-3989"), ["call", "713-853-3989"]);
}

/// A sentence end written without a space: before a capitalised word, or
/// before a one-letter word after three lower-case letters; initials and
/// abbreviations stay whole.
#[test]
fn glued_sentence_ends() {
    assert_eq!(words("a new car.A red one"), ["a", "new", "car", ".", "A", "red", "one"]);
    assert_eq!(words("um amigo antigo.O outro"), ["um", "amigo", "antigo", ".", "O", "outro"]);
    assert_eq!(words("so tired.I went"), ["so", "tired", ".", "I", "went"]);
    assert_eq!(words("a Ph.D in"), ["a", "Ph.D", "in"]);
    assert_eq!(words("Apple Inc.A new"), ["Apple", "Inc.A", "new"]);
    let pt = Tokenizer::default().with_lang(crate::Lang::from_code("pt").unwrap());
    let text = "Na sala. Mr. Brown chegou";
    let got: Vec<&str> = pt.tokenize(text).iter().map(|t| &text[t.start()..t.end()]).collect();
    assert_eq!(got, ["Na", "sala", ".", "Mr.", "Brown", "chegou"]);
}

#[test]
fn glued_commas() {
    assert_eq!(words("a week ago,they said"), ["a", "week", "ago", ",", "they", "said"]);
    assert_eq!(words("in 2019,the firm"), ["in", "2019", ",", "the", "firm"]);
    assert_eq!(words("aged 21,citizen,of"), ["aged", "21", ",", "citizen", ",", "of"]);
    assert_eq!(words("tacos,jalapeños,rice."), ["tacos", ",", "jalapeños", ",", "rice", "."]);
    // A hyphen before a clock time ends a range; before a number it is a sign.
    assert_eq!(words("from 1:30 -2:30 ,"), ["from", "1:30", "-", "2:30", ","]);
    assert_eq!(words("fell -2.5 and -12:345"), ["fell", "-2.5", "and", "-12:345"]);
    // Numbers keep their commas.
    assert_eq!(words("1,000 people and 3,5 km"), ["1,000", "people", "and", "3,5", "km"]);
}

/// The fast paths of common chunks give exactly the general rules' tokens.
#[test]
fn fast_chunks_equal_general_rules() {
    let tok = Tokenizer::default();
    let pieces = [
        "word",
        "Word",
        "dont",
        "gonna",
        "cannot",
        "have",
        "percent",
        "U",
        "S",
        ".",
        ",",
        ";",
        ":",
        "'",
        "'s",
        "n't",
        "'re",
        "'ll",
        "’",
        "-",
        "--",
        "$",
        "%",
        "1",
        "1989",
        "3",
        "é",
        "Rodríguez",
        "Mr",
        "Inc",
        "e",
        "mail",
        "non",
        "\"",
        "(",
        ")",
        "…",
        "—",
        "am",
        "pm",
        "/",
        "@",
        "x",
        "[",
        "]",
        "``",
        "''",
        "war",
        "thing",
        "point",
        "St",
        "11",
        ":)",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |m: usize| below(&mut seed, m);
    for _ in 0..200_000 {
        let n = 1 + next(5);
        let w: String = (0..n).map(|_| pieces[next(pieces.len())]).collect();
        let mask = w.bytes().fold(0u8, |m, b| m | CLASS[usize::from(b)]);
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        tok.chunk_fast(&w, 0, w.len(), mask, &mut fast);
        tok.chunk(&w, 0, w.len(), &mut slow);
        assert_eq!(fast, slow, "{w:?}");
    }
}

/// In languages with elisions, the block scan's chunks made of an elided
/// word (`l'été,`) and their near misses are the general rules' tokens, at
/// several offsets in a block.
#[test]
fn elided_chunks_equal_general_rules() {
    let heads = ["l'", "L'", "d'", "qu'", "QU'", "jusqu'", "dell'", "x'", "l’", "aujourd'", "", "'", "l''"];
    let words = [
        "été",
        "Arrêt",
        "organisation",
        "il",
        "s",
        "ll",
        "re",
        "ve",
        "a",
        "hui",
        "ÉTÉ",
        "a×b",
        "x'y",
        "1989",
        "São",
        "e-mail",
        "n't",
        "am",
        "",
        "Łódź",
        "ß",
    ];
    let tails = ["", ",", ";", ":", ")", ".", "),", "!", "'", ":)", "’s"];
    for code in ["fr", "it", "en"] {
        let tok = Tokenizer::default().with_lang(crate::Lang::from_code(code).unwrap());
        for h in heads {
            for w in words {
                for t in tails {
                    let chunk = format!("{h}{w}{t}");
                    if chunk.is_empty() {
                        continue;
                    }
                    let mut slow = Vec::new();
                    tok.chunk(&chunk, 0, chunk.len(), &mut slow);
                    for pad in [0, 30, 60] {
                        let text = format!("{}{chunk}", " ".repeat(pad));
                        let (mut tokens, mut cands, mut spans) = (Vec::new(), super::Bits::default(), Vec::new());
                        tok.scan_with::<true>(&text, &mut tokens, &mut cands, &mut spans, true);
                        let got: Vec<(usize, usize)> =
                            tokens.iter().map(|t| (t.start() - pad, t.end() - pad)).collect();
                        assert_eq!(got, slow, "{code} {chunk:?} at {pad}");
                    }
                }
            }
        }
    }
}

/// The elision test without allocation agrees with comparing the lower-case
/// head, curly apostrophe made straight, with the list.
#[test]
fn elision_test_equals_lowercase_lookup() {
    let elisions: Vec<String> = ["l'", "d'", "qu'", "jusqu'", "dell'", "k'"].iter().map(|s| (*s).to_owned()).collect();
    let heads = [
        "l'",
        "L'",
        "l’",
        "D’",
        "qu'",
        "QU'",
        "Qu’",
        "jusqu'",
        "JUSQU’",
        "dell'",
        "Dell’",
        "x'",
        "ll'",
        "'",
        "’",
        "l",
        "\u{212a}'",
        "K'",
        "é'",
        "É’",
        "lʼ",
        "aujourd'",
    ];
    for h in heads {
        let slow = elisions.contains(&h.replace('’', "'").to_lowercase());
        assert_eq!(langrules::is_elision(&elisions, h), slow, "{h:?}");
    }
}

/// The block scan gives the tokens and sentence candidates of the
/// item-by-item scan, for texts of every length around the 64-byte
/// blocks: long words, runs of spaces and line breaks, control
/// characters, non-ASCII letters and spaces, fused forms.
#[test]
fn block_scan_equals_item_scan() {
    let tok = Tokenizer::default();
    let pieces = [
        "word",
        "Caracas",
        "dont",
        "gonna",
        "1989",
        "3.5",
        "said,",
        "U.S.",
        "(AP)",
        " ",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "\u{1f}",
        "\u{1}",
        "é",
        "Rodríguez",
        "\u{a0}",
        "\u{2028}",
        "’s",
        "—",
        "x",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "0123456789012345678901234567890123456789",
        "Mr.",
        "can't",
        ",",
        ".",
        ";",
        ":",
        "(",
        "year",
        "Inc",
        "No",
        "a",
        "it",
        "p.m",
        "1",
        "wanna",
        "\"",
        "'",
        "?",
        ")",
        "]",
        "[",
        "`",
        "``",
        "''",
        "'s",
        "n't",
        "'re",
        "5.",
        "...",
        "São",
        "José",
        "$",
        "%",
        "1,000",
        "9.5",
        "third",
        "quarter",
        "anti",
        "e",
        "don",
        "’s",
        "--",
        "Ü",
        "-",
        "“",
        "”",
        "‘",
        "’",
        "–",
        "…",
        "×",
        "÷",
        "ª",
        "ſ",
        "Ā",
        "ň",
        "Ɓ",
        "€",
        "XD",
        "www",
        "Aug.",
        "U.K.",
        "Inc.",
        "The",
        "cease",
        "fire",
        "re",
        "ve",
        "’re",
        "n’t",
        "'d",
        "I",
        "\u{2009}",
        "\u{3000}",
        "1996-08-30",
        "5-9",
        "-",
        "27",
        "'S",
        "’ll",
        "N'T",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut texts: Vec<String> =
        vec![String::new(), "a".repeat(64), "a".repeat(65), "a ".repeat(40), format!("{} b", "a".repeat(63))];
    // Each shape of the block path, and near misses, at every offset in a block.
    let shapes = "long-term e-mail anti-war non-stop third-quarter co-op re-elect a-b well-known's x- -x \
        Elian's don't it's they're parents' o'clock I'd 'tis can't. \
        $9.5 9.5% 1,000 3.5 $9 9% 1.5.2 $ % 10:30 1996-08-31 $1,000. \
        --- ... -- -.- .. ``We (AP) \"Hi ((a [1] \"São\" São José Ü Rodríguez's Maduro’s \
        said, year. Mr. Inc., U.S. it, a. 5. No. have its cannot gonna dont said.\" end.) \
        “We “I ‘90s “1989 “dont “XD said.” said,” home” I.” 5.” www.” Maduro’s don’t they’re ’s Rodríguez’s \
        — – … • × São José Ñandú Łódź a×b ÷ Aug. Aug.” U.K. p.m. e.g. Inc. The e-mail cease-fire dont-x \
        it's can't we're o'clock parents' I'd x'y \
        John 's 're 'S ’s n't N'T 's. 5-9 27-29 1996-08-30 1996-08-30T10 713-853-3989 1-2-3 -5 5- 1996-0830";
    for k in 0..64 {
        texts.push(format!("{}{shapes}", " ".repeat(k)));
    }
    for _ in 0..20_000 {
        let n = below(&mut seed, 60);
        texts.push((0..n).map(|_| pieces[below(&mut seed, pieces.len())]).collect());
    }
    // Short chunks (one to three pieces) between single spaces, as in running text.
    for _ in 0..20_000 {
        let mut text = String::new();
        for _ in 0..below(&mut seed, 30) {
            for _ in 0..=below(&mut seed, 3) {
                text.push_str(pieces[below(&mut seed, pieces.len())]);
            }
            text.push(' ');
        }
        texts.push(text);
    }
    let run = |text: &str, blocks: bool| {
        let (mut tokens, mut cands, mut spans) = (Vec::new(), super::Bits::default(), Vec::new());
        tok.scan_with::<true>(text, &mut tokens, &mut cands, &mut spans, blocks);
        (tokens, cands.ones().collect::<Vec<_>>())
    };
    for text in &texts {
        assert_eq!(run(text, true), run(text, false), "{text:?}");
    }
}

/// The packed lower-case key is the word's lower-cased bytes and its
/// length, for every ASCII byte; None past 15 bytes or beyond ASCII.
#[test]
fn packed_lower_is_lower_bytes_and_length() {
    let mut seed: u64 = 0x1234_5678_9ABC_DEF1;
    for _ in 0..20_000 {
        let len = below(&mut seed, 18);
        let w: Vec<u8> = (0..len).map(|_| below(&mut seed, 0x80) as u8).collect();
        let expected = (len <= 15).then(|| {
            let mut buf = [0u8; 16];
            for (d, b) in buf.iter_mut().zip(&w) {
                *d = b.to_ascii_lowercase();
            }
            buf[15] = len as u8;
            u128::from_le_bytes(buf)
        });
        assert_eq!(packed_lower(&w), expected, "{w:?}");
    }
    assert_eq!(packed_lower("é".as_bytes()), None);
    assert_eq!(packed_lower(b"ab\xff"), None);
}

#[test]
fn swar_tests_match_byte_tests() {
    use super::swar;
    for b in 0..=255u8 {
        for pos in 0..8 {
            // The byte under test among neighbours that could disturb a borrow.
            for fill in [0u8, b' ', b'a', 0x7f, 0x80, 0xff] {
                let mut bytes = [fill; 8];
                bytes[pos] = b;
                let w = u64::from_le_bytes(bytes);
                let bit = |m: u64| m >> (pos * 8 + 7) & 1 == 1;
                assert_eq!(bit(swar::below(w, 0x21)), b < 0x21, "{b:#x}");
                assert_eq!(bit(swar::in_range(w, b'0', b'9')), b.is_ascii_digit(), "{b:#x}");
                assert_eq!(bit(swar::in_range(w | swar::splat(0x20), b'a', b'z')), b.is_ascii_alphabetic());
            }
        }
    }
    assert_eq!(super::load8(b"abc", 0), u64::from_le_bytes(*b"abc     "));
    assert_eq!(super::load8(b"abcdefghij", 1), u64::from_le_bytes(*b"bcdefghi"));
}

#[test]
fn odd_input_does_not_panic() {
    for t in [
        "", " ", "'", "’", "-", "--", ".", "...", "a'", "'s", "n't", "é'é", "😀's", "-5", "$", "#", "@", "x-", "-x",
        "ǅ'S", "İ's",
    ] {
        let toks = Tokenizer::default().tokenize(t);
        let mut last = 0;
        for tk in toks {
            assert!(tk.start() >= last && tk.start() < tk.end() && tk.end() <= t.len());
            assert!(t.is_char_boundary(tk.start()) && t.is_char_boundary(tk.end()));
            last = tk.end();
        }
    }
}

#[test]
fn fused_table_is_sliced_by_length() {
    let groups: [(usize, std::ops::Range<usize>); 6] =
        [(2, 0..1), (3, 1..2), (4, 2..6), (5, 6..17), (6, 17..21), (7, 21..24)];
    for (len, range) in groups {
        for (w, _) in &FUSED[range] {
            assert!(w.len() == len || (len == 7 && w.len() == 8), "{w}");
        }
    }
    assert_eq!(FUSED.len(), 24);
    for (w, n) in FUSED {
        assert_eq!(clitic_len(w), Some(*n), "{w}");
        assert!(may_be_fused(w.as_bytes()) && may_be_fused(w.to_uppercase().as_bytes()), "{w}");
    }
    assert!(!may_be_fused(b"word") && !may_be_fused(b"t") && !may_be_fused(b"tn"));
    assert!(!may_be_fused(b"") && !may_be_fused(b"confident") && may_be_fused(b"shouldnt"));
    let letters = (b'a'..=b'z').chain(b'A'..=b'Z');
    for a in letters.clone() {
        for b in letters.clone() {
            let pair = [a.to_ascii_lowercase(), b.to_ascii_lowercase()];
            assert_eq!(ends_like_fused(a, b), FUSED_ENDINGS.contains(&pair), "{a} {b}");
        }
    }
}

/// A hyphen before digits joins in the languages that say so (`[hyphens]
/// numbers`), marked so that the date tagger reads the parts; elsewhere and
/// before letters (Spanish) it does not.
#[test]
fn number_hyphens_join_and_come_apart_for_the_tagger() {
    let toks = |code: &str, text: &str| -> (Vec<String>, Vec<bool>) {
        let tok = Tokenizer::default().with_lang(crate::Lang::from_code(code).unwrap());
        let t = tok.tokenize(text);
        (t.iter().map(|t| text[t.start()..t.end()].to_owned()).collect(), t.iter().map(|t| t.has_parts()).collect())
    };
    let text = "Perdió 6-2 ante G-3 (1929-89), Lite-Brite.";
    let (es, parts) = toks("es", text);
    assert_eq!(es, ["Perdió", "6-2", "ante", "G-3", "(", "1929-89", ")", ",", "Lite", "-", "Brite", "."]);
    assert_eq!(parts, [false, true, false, true, false, true, false, false, false, false, false, false]);
    let (fr, parts) = toks("fr", "Le score 6-2-1 à Saint-Denis-12.");
    assert_eq!(fr, ["Le", "score", "6-2-1", "à", "Saint-Denis-12", "."]);
    assert_eq!(parts, [false, false, true, false, true, false]);
    for code in ["en", "de", "it"] {
        assert_eq!(toks(code, "6-2 G-3").0, ["6", "-", "2", "G", "-", "3"], "{code}");
    }
    // The tagger's tokens: split again where a digit follows a hyphen, the
    // sentences' token ranges moved with them.
    let tok = Tokenizer::default().with_lang(crate::Lang::from_code("fr").unwrap());
    let text = "Il gagne 6-2. Puis Saint-Denis-12 gagne 1929-89.";
    let (tokens, sentences) = tok.tokenize_with_sentences(text);
    let (parts, moved) = super::number_parts(text, &tokens, &sentences).expect("joined numbers");
    let words: Vec<&str> = parts.iter().map(|t| &text[t.start()..t.end()]).collect();
    assert_eq!(
        words,
        ["Il", "gagne", "6", "-", "2", ".", "Puis", "Saint-Denis", "-", "12", "gagne", "1929", "-", "89", "."]
    );
    assert!(parts.iter().all(|t| !t.has_parts()));
    assert_eq!(moved.len(), sentences.len());
    for (s, m) in sentences.iter(&tokens).zip(moved.iter(&parts)) {
        assert_eq!((s.start(), s.end()), (m.start(), m.end()));
        assert_eq!((parts[m.token_start()].start(), parts[m.token_end() - 1].end()), (m.start(), m.end()));
    }
    assert!(super::number_parts(text, &tok.tokenize("Saint-Denis gagne."), &super::Sentences::default()).is_none());
    // In place: the same tokens and sentences, and the joined tokens back after.
    for text in [text, "1-2 3-4-5 x 6-7", "6-2", "Rien ici.", "a 1-2\n\nb-3 c 4-5-6-7."] {
        let (tokens, sentences) = tok.tokenize_with_sentences(text);
        let mut inplace = tokens.clone();
        let split = super::split_parts(text, &mut inplace, &sentences);
        match (super::number_parts(text, &tokens, &sentences), split) {
            (Some((parts, moved)), Some((joined, moved_inplace))) => {
                assert_eq!((&inplace, &moved_inplace), (&parts, &moved), "{text:?}");
                super::join_parts(&mut inplace, &joined);
            }
            (None, None) => {}
            _ => panic!("{text:?}: split in place or not differ"),
        }
        assert_eq!(inplace, tokens, "{text:?}");
    }
}

/// Elisions before quotation marks and abbreviations, quoted short words and
/// English possessives in Italian (and not in French).
#[test]
fn elisions_quotes_and_possessives() {
    let toks = |code: &str, text: &str| -> Vec<String> {
        let tok = Tokenizer::default().with_lang(crate::Lang::from_code(code).unwrap());
        tok.tokenize(text).iter().map(|t| text[t.start()..t.end()].to_owned()).collect()
    };
    assert_eq!(
        toks("it", "sull'\"Gazzettino\" e l’«idea»"),
        ["sull'", "\"", "Gazzettino", "\"", "e", "l’", "«", "idea", "»"]
    );
    assert_eq!(
        toks("it", "dell'art. 5 ('ABDR') po' E'"),
        ["dell'", "art.", "5", "(", "'", "ABDR", "'", ")", "po'", "E'"]
    );
    assert_eq!(toks("it", "da Nella's Garden"), ["da", "Nella", "'s", "Garden"]);
    assert_eq!(toks("fr", "l'«idée» de Nella's"), ["l'", "«", "idée", "»", "de", "Nella's"]);
    assert_eq!(toks("en", "Nella's"), ["Nella", "'s"]);
}

/// The language rules pass over a token with none of the bytes they look
/// for and not written against the one before: they give what trying every
/// rule on every token gives, in every language. Text of elisions,
/// clitics, hyphens, ordinal dots, `!!`, `,,`, superscripts and quotes.
#[test]
fn language_rules_shortcut_equals_trying_every_token() {
    let pieces = [
        "word",
        "l'île",
        "d'une",
        "dell'anno",
        "dell'art.",
        "Venezuela's",
        "Nella's",
        "’s",
        "'t",
        "'s",
        "'",
        "’",
        "!!",
        "?!",
        "!",
        ",,Dat",
        "gravel:,,Dat",
        "km²",
        "m³",
        "5.",
        "März",
        "im",
        "m",
        "n't",
        "dont",
        "''",
        "``",
        ",",
        ".",
        "art.",
        "qu'",
        "po'",
        "E'",
        "«",
        "l'«idea»",
        "é",
        "Sr.",
        "3",
        "-",
        "24-jarige",
        "\"orto\"",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for lang in crate::Lang::all() {
        let tok = Tokenizer::default().with_lang(lang);
        for _ in 0..150 {
            let n = 1 + below(&mut seed, 40);
            let mut text = String::new();
            for _ in 0..n {
                text.push_str(pieces[below(&mut seed, pieces.len())]);
                text.push_str(if below(&mut seed, 3) == 0 { "" } else { " " });
            }
            let mut buf = TokenBuffers::default();
            tok.scan::<true>(&text, &mut buf.tokens, &mut buf.cands, &mut buf.spans);
            let mut fast = buf.tokens.clone();
            let mut slow = buf.tokens.clone();
            let moved = tok.token_rules(&text, &mut fast, true);
            assert_eq!(moved, tok.token_rules(&text, &mut slow, false), "{} {text:?}", lang.code());
            assert_eq!(fast, slow, "{} {text:?}", lang.code());
        }
    }
}
