//! Python bindings for dateline (`dateline._core`). Registration only: each
//! exposed concept lives in its own module.

mod batch;
mod columns;
mod convert;
mod dates;
mod errors;
mod gazetteer;
mod parse;
mod pipeline;
mod results;
mod tokens;
mod views;

use pyo3::prelude::*;

/// Switch the core to sequential mode in a forked child (rayon's threads do
/// not survive `fork()`); registered by `dateline/__init__.py`.
/// The codes of the languages dateline has resources for (`"de"`, `"en"`, …).
#[pyfunction]
fn languages() -> Vec<&'static str> {
    dateline_core::Lang::all().map(dateline_core::Lang::code).collect()
}

/// The language of `text` among [`languages`], identified from its first
/// 2 KB (English when nothing can be told).
#[pyfunction]
fn detect_language(text: &str) -> &'static str {
    dateline_core::lang::detect(text).code()
}

#[pyfunction]
fn _after_fork_in_child() {
    dateline_core::parallel::set_parallelism(false);
}

/// Whether documents are processed on several threads (False in forked children).
#[pyfunction]
fn _parallelism_enabled() -> bool {
    dateline_core::parallel::parallelism()
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<pipeline::PyPipeline>()?;
    m.add_class::<gazetteer::PyGazetteer>()?;
    m.add_class::<results::PyDoc>()?;
    m.add_class::<columns::PyAnnotations>()?;
    m.add_class::<tokens::PyToken>()?;
    m.add_class::<tokens::PyTokens>()?;
    m.add_class::<views::PySpans>()?;
    m.add_class::<batch::PyPendingBatch>()?;
    m.add_class::<results::PySentence>()?;
    m.add_class::<results::PyEntity>()?;
    m.add_class::<dates::PyTimex>()?;
    m.add_class::<dates::PyRange>()?;
    m.add_class::<parse::PyParsedTime>()?;
    m.add_function(wrap_pyfunction!(parse::parse, m)?)?;
    m.add_function(wrap_pyfunction!(results::_rebuild_doc, m)?)?;
    m.add_function(wrap_pyfunction!(languages, m)?)?;
    m.add_function(wrap_pyfunction!(detect_language, m)?)?;
    m.add_function(wrap_pyfunction!(_after_fork_in_child, m)?)?;
    m.add_function(wrap_pyfunction!(_parallelism_enabled, m)?)?;
    m.add_function(wrap_pyfunction!(gazetteer::_file_kind, m)?)?;
    Ok(())
}
