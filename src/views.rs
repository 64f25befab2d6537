//! Lazy sequence views of a `Doc`'s spans: `doc.tokens` (`Tokens`) and
//! `doc.sentences`, `doc.entities`, `doc.timexes`, `doc.ranges` (`Spans`).
//! A view holds the document and makes a span object only when one is read,
//! so `len(doc.timexes)` makes none and `doc.timexes[i]` makes one. Both
//! classes share the list-like behaviour written once here ([`Seq`]).

use pyo3::exceptions::{PyIndexError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PySlice};

use crate::results::{DocData, PyDoc};

/// What a view must give: its length, one item, every item.
pub(crate) trait Seq {
    /// The item's name in messages (`token`, `entity`, ...) and its plural.
    fn noun(&self) -> (&'static str, &'static str);
    fn len(&self) -> usize;
    /// Item `i` (in range) as a new object.
    fn item<'py>(&self, py: Python<'py>, i: usize) -> PyResult<Bound<'py, PyAny>>;
    /// Every item, in order.
    fn list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>>;
    /// Items `range` (in range), in order.
    fn range<'py>(&self, py: Python<'py>, range: std::ops::Range<usize>) -> PyResult<Bound<'py, PyList>> {
        let items = range.map(|i| self.item(py, i)).collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }
}

impl<S: Seq> Seq for &S {
    fn noun(&self) -> (&'static str, &'static str) {
        (**self).noun()
    }
    fn len(&self) -> usize {
        (**self).len()
    }
    fn item<'py>(&self, py: Python<'py>, i: usize) -> PyResult<Bound<'py, PyAny>> {
        (**self).item(py, i)
    }
    fn list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        (**self).list(py)
    }
    fn range<'py>(&self, py: Python<'py>, range: std::ops::Range<usize>) -> PyResult<Bound<'py, PyList>> {
        (**self).range(py, range)
    }
}

/// `view[key]`: an item (negative indices count from the end) or, for a
/// slice, a list of items.
pub(crate) fn get_item<'py>(view: &impl Seq, py: Python<'py>, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let n = view.len();
    let (noun, plural) = view.noun();
    if let Ok(slice) = key.cast::<PySlice>() {
        let ind = slice.indices(isize::try_from(n).unwrap_or(isize::MAX))?;
        if ind.step == 1 {
            let a = ind.start as usize;
            return Ok(view.range(py, a..a + ind.slicelength)?.into_any());
        }
        let mut out = Vec::with_capacity(ind.slicelength);
        let mut k = ind.start;
        for _ in 0..ind.slicelength {
            out.push(view.item(py, k as usize)?);
            k += ind.step;
        }
        return Ok(PyList::new(py, out)?.into_any());
    }
    let i: isize = key.extract().map_err(|_| {
        PyTypeError::new_err(format!(
            "{noun} indices must be integers or slices, not {}",
            crate::convert::type_name(key)
        ))
    })?;
    let k = if i < 0 { i + n as isize } else { i };
    if k < 0 || k >= n as isize {
        return Err(PyIndexError::new_err(format!("{noun} index {i} out of range for a Doc of {n} {plural}")));
    }
    view.item(py, k as usize)
}

/// How many items equal `item`.
pub(crate) fn count(view: &impl Seq, py: Python<'_>, item: &Bound<'_, PyAny>) -> PyResult<usize> {
    let mut n = 0;
    for t in view.list(py)?.iter() {
        if t.eq(item)? {
            n += 1;
        }
    }
    Ok(n)
}

/// `==` and `!=` against a list or a view of the same class (`as_list`
/// gives the other's items, None for anything else).
pub(crate) fn compare<'py>(
    mine: Bound<'py, PyList>,
    other: Option<Bound<'py, PyList>>,
    op: pyo3::basic::CompareOp,
) -> PyResult<Bound<'py, PyAny>> {
    use pyo3::basic::CompareOp;
    let py = mine.py();
    let Some(other) = other else {
        return Ok(py.NotImplemented().into_bound(py));
    };
    let same = match op {
        CompareOp::Eq => mine.eq(&other)?,
        CompareOp::Ne => !mine.eq(&other)?,
        _ => return Ok(py.NotImplemented().into_bound(py)),
    };
    Ok(pyo3::types::PyBool::new(py, same).to_owned().into_any())
}

/// Which spans a `Spans` view shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Sentences,
    Entities,
    Timexes,
    Ranges,
}

/// A document's sentences, entities, time expressions or ranges
/// (`doc.sentences`, `doc.entities`, `doc.timexes`, `doc.ranges`): a
/// read-only sequence that makes each span object when it is read. It
/// compares equal to a list of the same spans; `len`, indexing, slicing (a
/// list), iteration, `in`, `index`, `count` and `+` (a list) work as on a
/// list; `list(doc.entities)` gives one, and a pickle holds that list.
#[pyclass(frozen, name = "Spans", module = "dateline._core", sequence)]
pub struct PySpans {
    doc: Py<PyDoc>,
    kind: Kind,
}

impl PySpans {
    pub(crate) fn new(doc: Py<PyDoc>, kind: Kind) -> Self {
        Self { doc, kind }
    }

    fn data(&self) -> &DocData {
        &self.doc.get().data
    }
}

impl Seq for PySpans {
    fn noun(&self) -> (&'static str, &'static str) {
        match self.kind {
            Kind::Sentences => ("sentence", "sentences"),
            Kind::Entities => ("entity", "entities"),
            Kind::Timexes => ("time expression", "time expressions"),
            Kind::Ranges => ("range", "ranges"),
        }
    }

    fn len(&self) -> usize {
        let doc = &self.data().doc;
        match self.kind {
            Kind::Sentences => doc.sentences.len(),
            Kind::Entities => doc.entities.len(),
            Kind::Timexes => doc.timexes.len(),
            Kind::Ranges => doc.ranges.len(),
        }
    }

    fn item<'py>(&self, py: Python<'py>, i: usize) -> PyResult<Bound<'py, PyAny>> {
        let d = self.data();
        Ok(match self.kind {
            Kind::Sentences => Bound::new(py, d.sentence_at(i))?.into_any(),
            Kind::Entities => Bound::new(py, d.entity_at(i))?.into_any(),
            Kind::Timexes => Bound::new(py, d.timex_at(i))?.into_any(),
            Kind::Ranges => Bound::new(py, d.range_at(i))?.into_any(),
        })
    }

    fn list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.range(py, 0..self.len())
    }
}

/// The list-like methods of a view class `$t` whose `seq()` gives its
/// [`Seq`]: written once for `Tokens` and `Spans`.
macro_rules! list_like {
    ($t:ident) => {
        #[pyo3::pymethods]
        impl $t {
            fn __len__(&self) -> usize {
                $crate::views::Seq::len(&self.seq())
            }

            fn __getitem__<'py>(
                &self,
                py: pyo3::Python<'py>,
                key: &pyo3::Bound<'py, pyo3::PyAny>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                $crate::views::get_item(&self.seq(), py, key)
            }

            fn __iter__<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::types::PyIterator>> {
                use pyo3::types::PyAnyMethods;
                $crate::views::Seq::list(&self.seq(), py)?.into_any().try_iter()
            }

            fn __reversed__<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::types::PyIterator>> {
                use pyo3::types::{PyAnyMethods, PyListMethods};
                let list = $crate::views::Seq::list(&self.seq(), py)?;
                list.reverse()?;
                list.into_any().try_iter()
            }

            fn __contains__(&self, py: pyo3::Python<'_>, item: &pyo3::Bound<'_, pyo3::PyAny>) -> pyo3::PyResult<bool> {
                use pyo3::types::PyListMethods;
                $crate::views::Seq::list(&self.seq(), py)?.contains(item)
            }

            /// The position of the first item equal to `item` (ValueError if none).
            #[pyo3(signature = (item, /))]
            fn index(&self, py: pyo3::Python<'_>, item: &pyo3::Bound<'_, pyo3::PyAny>) -> pyo3::PyResult<usize> {
                use pyo3::types::PyListMethods;
                $crate::views::Seq::list(&self.seq(), py)?.index(item)
            }

            /// How many items equal `item`.
            #[pyo3(signature = (item, /))]
            fn count(&self, py: pyo3::Python<'_>, item: &pyo3::Bound<'_, pyo3::PyAny>) -> pyo3::PyResult<usize> {
                $crate::views::count(&self.seq(), py, item)
            }

            fn __richcmp__<'py>(
                &self,
                py: pyo3::Python<'py>,
                other: &pyo3::Bound<'py, pyo3::PyAny>,
                op: pyo3::basic::CompareOp,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                $crate::views::compare(
                    $crate::views::Seq::list(&self.seq(), py)?,
                    $crate::views::as_list::<$t>(other)?,
                    op,
                )
            }

            /// `view + other`: a list, as a list's `+` gives.
            fn __add__<'py>(
                &self,
                py: pyo3::Python<'py>,
                other: &pyo3::Bound<'py, pyo3::PyAny>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                use pyo3::types::PyAnyMethods;
                match $crate::views::as_list::<$t>(other)? {
                    Some(theirs) => $crate::views::Seq::list(&self.seq(), py)?.into_any().add(theirs),
                    None => Ok(py.NotImplemented().into_bound(py)),
                }
            }

            /// `other + view` for a list `other`: a list.
            fn __radd__<'py>(
                &self,
                py: pyo3::Python<'py>,
                other: &pyo3::Bound<'py, pyo3::PyAny>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                use pyo3::types::PyAnyMethods;
                if other.is_instance_of::<pyo3::types::PyList>() {
                    other.add($crate::views::Seq::list(&self.seq(), py)?)
                } else {
                    Ok(py.NotImplemented().into_bound(py))
                }
            }

            /// Pickled as the list of its items.
            fn __reduce__<'py>(&self, py: pyo3::Python<'py>) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::types::PyTuple>> {
                let items = $crate::views::Seq::list(&self.seq(), py)?;
                pyo3::types::PyTuple::new(
                    py,
                    [
                        py.get_type::<pyo3::types::PyList>().into_any(),
                        pyo3::types::PyTuple::new(py, [items])?.into_any(),
                    ],
                )
            }

            fn __repr__(&self, py: pyo3::Python<'_>) -> pyo3::PyResult<String> {
                use pyo3::types::PyAnyMethods;
                Ok($crate::views::Seq::list(&self.seq(), py)?.repr()?.to_string())
            }
        }
    };
}
pub(crate) use list_like;

/// The items of `other` as a list when it is a list or a view of class `T`
/// (None for anything else).
pub(crate) fn as_list<'py, T: pyo3::PyClass<Frozen = pyo3::pyclass::boolean_struct::True> + Sync + ListOf>(
    other: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyList>>> {
    if let Ok(v) = other.cast::<T>() {
        return Ok(Some(v.get().items(other.py())?));
    }
    Ok(other.cast::<PyList>().ok().cloned())
}

/// A view class's items as a list (for [`as_list`]).
pub(crate) trait ListOf {
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>>;
}

impl ListOf for PySpans {
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.list(py)
    }
}

impl PySpans {
    fn seq(&self) -> &Self {
        self
    }
}

list_like!(PySpans);
