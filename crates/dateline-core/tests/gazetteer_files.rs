//! Compiled gazetteers and gazetteer files: damage is caught, files are
//! written whole, foreign files and unclosed quotes are clear errors.

use dateline_core::gazetteer::{Columns, FileKind, read_entries, write_atomically};
use dateline_core::{Entry, Gazetteer};

fn small() -> Gazetteer {
    Gazetteer::from_entries(
        vec![
            Entry::new("New York", "LOC", "nyc").with_attribute("pop", 8_000_000),
            Entry::new("Acme Inc.", "ORG", "acme").with_aliases(["Acme"]),
            Entry::new("São Paulo", "LOC", "sp"),
        ],
        "t",
    )
    .expect("valid entries")
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn every_damaged_byte_is_an_error() {
    let g = small();
    let bytes = g.to_bytes().expect("encoded");
    for k in 0..bytes.len() {
        for mask in [0x01u8, 0x10, 0x80, 0xff] {
            let mut d = bytes.clone();
            d[k] ^= mask;
            assert!(Gazetteer::from_bytes(&d).is_err(), "byte {k} ^ {mask:#x} loaded");
        }
    }
    let back = Gazetteer::from_bytes(&bytes).expect("intact bytes load");
    assert_eq!(back.entries(), g.entries());
    let mut d = bytes.clone();
    let last = d.len() - 1;
    d[last] ^= 1;
    let err = Gazetteer::from_bytes(&d).expect_err("bad checksum").to_string();
    assert!(err.contains("checksum mismatch (file corrupted?)"), "{err}");
    for cut in [bytes.len() - 1, 20, 13] {
        let err = Gazetteer::from_bytes(&bytes[..cut]).expect_err("cut short").to_string();
        assert!(err.contains("cut short"), "{err}");
    }
}

#[test]
fn file_kinds_of_saved_files() {
    let g = small();
    assert_eq!(FileKind::sniff(&g.to_bytes().expect("encoded")), FileKind::Compiled);
    assert_eq!(FileKind::sniff(g.to_json().expect("json").as_bytes()), FileKind::GazetteerJson);
    let p = dateline_core::Pipeline::new(dateline_core::PipelineOptions::default());
    assert_eq!(FileKind::sniff(p.to_json().expect("json").as_bytes()), FileKind::PipelineJson);
}

#[test]
fn write_atomically_replaces_whole_files_and_leaves_nothing_else() {
    let dir = temp_dir("write");
    let path = dir.join("g.bin");
    std::fs::write(&path, b"old").expect("written");
    write_atomically(&path, b"new contents").expect("saved");
    assert_eq!(std::fs::read(&path).expect("read"), b"new contents");
    let names: Vec<_> = std::fs::read_dir(&dir).expect("dir").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(names, ["g.bin"]);
    // A directory is not replaced, and no temporary file stays.
    let sub = dir.join("sub");
    std::fs::create_dir(&sub).expect("dir");
    assert!(write_atomically(&sub, b"x").is_err());
    assert!(sub.is_dir());
    assert_eq!(std::fs::read_dir(&dir).expect("dir").count(), 2);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn unterminated_quote_in_a_streamed_csv_names_its_line() {
    let dir = temp_dir("quote");
    let mut text = String::from("name,label,id\n");
    let mut line = 1;
    while text.len() < 3 << 20 {
        line += 1;
        text.push_str(&format!("\"Name, {line}\",LOC,\"id \"\"{line}\"\"\"\n"));
    }
    let path = dir.join("big.csv");
    std::fs::write(&path, &text).expect("written");
    assert_eq!(read_entries(&path, None, &Columns::default()).expect("valid").len(), line - 1);
    text.push_str("Acme,ORG,\"acme\nLima,LOC,lima\n");
    std::fs::write(&path, &text).expect("written");
    let err = read_entries(&path, None, &Columns::default()).expect_err("unterminated").to_string();
    assert!(err.contains(&format!("big.csv, line {}: unterminated quote", line + 1)), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
