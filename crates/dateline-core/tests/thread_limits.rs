//! `n_threads` is bounded by `parallel::max_threads()` wherever it comes
//! from: the options, a batch call, or serialized JSON (pickles too).

use dateline_core::parallel::max_threads;
use dateline_core::{Error, Pipeline, PipelineOptions};

fn with_threads(n: &str) -> String {
    let json = Pipeline::new(PipelineOptions { n_threads: Some(2), ..Default::default() }).to_json().unwrap();
    assert!(json.contains("\"n_threads\":2"), "{json}");
    json.replacen("\"n_threads\":2", &format!("\"n_threads\":{n}"), 1)
}

fn config_message(r: Result<Pipeline, Error>) -> String {
    match r {
        Err(e @ Error::Config(_)) => e.to_string(),
        Err(e) => panic!("not a config error: {e}"),
        Ok(_) => panic!("accepted"),
    }
}

#[test]
fn json_with_too_many_threads_is_a_config_error() {
    let limit = max_threads();
    for n in [(limit + 1).to_string(), "1000000".into(), "18446744073709551615".into(), "18446744073709551616".into()] {
        let msg = config_message(Pipeline::from_json(&with_threads(&n)));
        assert!(msg.contains(&format!("n_threads must be at most {limit} (4 × the CPU count)")), "{n}: {msg}");
    }
    for n in ["0", "-1", "-18446744073709551616"] {
        let msg = config_message(Pipeline::from_json(&with_threads(n)));
        assert!(msg.contains("n_threads must be a positive integer or None"), "{n}: {msg}");
    }
    for n in [limit.to_string(), "1".into(), "null".into()] {
        Pipeline::from_json(&with_threads(&n)).unwrap();
    }
    // Not a number at all: malformed data, as before.
    assert!(matches!(Pipeline::from_json(&with_threads("\"8\"")), Err(Error::Serialization(_))));
}

#[test]
fn options_with_too_many_threads_are_a_config_error() {
    let options = PipelineOptions { n_threads: Some(max_threads() + 1), ..Default::default() };
    let msg = config_message(Pipeline::try_with_gazetteer(options, None));
    assert!(msg.contains("at most"), "{msg}");
    let p = Pipeline::new(PipelineOptions::default());
    let err = p.process_batch(&["a", "b"], &[], Some(1_000_000)).unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err}");
}
