//! [`CompactDocument`]: a [`Document`] with 32-bit offsets, for holding the
//! analyses of a whole corpus.

use super::{Document, Entity};
use crate::civil::Date;
use crate::dates::{DocumentType, TimeRange, Timex};
use crate::error::Error;
use crate::lang::Lang;
use crate::tokenize::{Sentence, Token};

/// A [`Document`] kept compactly: 32-bit offsets for tokens and sentences
/// (a third of the memory), for holding the analyses of a whole corpus.
/// [`CompactDocument::expand`] gives the `Document` back, identical.
#[derive(Clone, Debug)]
pub struct CompactDocument {
    tokens: Vec<[u32; 2]>,
    space_after: Vec<bool>,
    sentences: Vec<[u32; 4]>,
    entities: Vec<Entity>,
    timexes: Vec<Timex>,
    ranges: Vec<TimeRange>,
    reference_date: Option<Date>,
    document_type: DocumentType,
    lang: Lang,
}

impl CompactDocument {
    /// Packs `doc`.
    ///
    /// # Errors
    /// [`Error::Config`] if an offset does not fit in 32 bits (a text over 4 GiB).
    pub fn new(doc: Document) -> Result<Self, Error> {
        let small = |v: usize| u32::try_from(v).map_err(|_| Error::Config("text over 4 GiB".into()));
        let mut tokens = Vec::with_capacity(doc.tokens.len());
        let mut space_after = Vec::with_capacity(doc.tokens.len());
        for t in &doc.tokens {
            tokens.push([small(t.start)?, small(t.end)?]);
            space_after.push(t.space_after);
        }
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        for s in &doc.sentences {
            sentences.push([small(s.start)?, small(s.end)?, small(s.token_start)?, small(s.token_end)?]);
        }
        Ok(Self {
            tokens,
            space_after,
            sentences,
            entities: doc.entities,
            timexes: doc.timexes,
            ranges: doc.ranges,
            reference_date: doc.reference_date,
            document_type: doc.document_type,
            lang: doc.lang,
        })
    }

    /// The document's entities.
    #[must_use]
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The index of the sentence holding byte `at` (see [`Document::sentence_of`]).
    #[must_use]
    pub fn sentence_of(&self, at: usize) -> usize {
        let k = self.sentences.partition_point(|s| s[1] as usize <= at);
        k.min(self.sentences.len().saturating_sub(1))
    }

    /// The document, unpacked.
    #[must_use]
    pub fn expand(&self) -> Document {
        Document {
            tokens: self
                .tokens
                .iter()
                .zip(&self.space_after)
                .map(|(t, &space_after)| Token { start: t[0] as usize, end: t[1] as usize, space_after })
                .collect(),
            sentences: self
                .sentences
                .iter()
                .map(|s| Sentence {
                    start: s[0] as usize,
                    end: s[1] as usize,
                    token_start: s[2] as usize,
                    token_end: s[3] as usize,
                })
                .collect(),
            entities: self.entities.clone(),
            timexes: self.timexes.clone(),
            ranges: self.ranges.clone(),
            reference_date: self.reference_date,
            document_type: self.document_type,
            lang: self.lang,
        }
    }
}
