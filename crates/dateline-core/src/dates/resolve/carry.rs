//! What resolving carries from one group of a document's expressions to
//! the next.

use crate::dates::cal::Cal;

/// What resolving carries from one group of expressions to the next (a long
/// document is resolved a group at a time; see the tagger): the anchors, and
/// where each expression resolved so far starts. Expression indices count
/// over the whole document.
#[derive(Clone, Debug, Default)]
pub(crate) struct Carry {
    /// The latest concrete value of each granularity (day, week, month,
    /// quarter, year), as (expression index, value).
    pub(super) anchors: [Option<(usize, Cal)>; 5],
    /// The latest concrete value of any granularity.
    pub(super) last: Option<(usize, Cal)>,
    /// The one before it.
    pub(super) before_last: Option<(usize, Cal)>,
    /// The concrete value of the expression just resolved, a look back or
    /// not (what `the year before that` counts from).
    pub(super) previous: Option<(usize, Cal)>,
    /// The latest value of any granularity that was no heading of a
    /// narrative (see [`Resolver::heading`]), and whether `last` is one.
    pub(super) narrated: Option<(usize, Cal)>,
    pub(super) last_is_heading: bool,
    /// The latest decade written out (`the 1870s`), never an anchor but for
    /// `the decade` itself.
    pub(super) decade: Option<(usize, Cal)>,
    /// The latest year written out, with its sentence and expression.
    pub(super) sentence_year: Option<(u32, i32, usize)>,
    /// The first day written in a news story's opening sentences (its
    /// lead's day: `said Monday`, `today`).
    pub(super) lead: Option<(usize, Cal)>,
    /// The latest day written that is no report's day (`late Friday` of
    /// `crashed late Friday, authorities said Saturday`).
    pub(super) event_day: Option<(usize, Cal)>,
    /// The latest day written as a report's (`said Saturday`).
    pub(super) report_day: Option<(usize, Cal)>,
    /// The expression of the latest day outside quotation marks that is
    /// the reference date itself, a whole day (`told reporters today`; not
    /// `this morning`): speech quoted after it is of that day.
    pub(super) today: Option<usize>,
    /// The expression of the latest day if it was written as the day's end
    /// (`late Friday`): its night.
    pub(super) late_day: Option<usize>,
    /// The expression of the latest day if it was written as its start
    /// (`early Tuesday`).
    pub(super) early_day: Option<usize>,
    /// The expression of the latest year if it was written out with its end
    /// (`by the end of 1703`): a winter after it is the one that follows.
    pub(super) late_year: Option<usize>,
    /// The years written out so far, each once, in the order first written.
    pub(super) written_years: Vec<i32>,
    /// The first token of each expression resolved so far.
    pub(super) starts: Vec<u32>,
    /// The token after the latest expression.
    pub(super) last_end: u32,
}
