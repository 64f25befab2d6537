//! The date grammar of a language, compiled once from its resource files
//! (`lang/<code>/dates/*.toml`): word classes, shapes, rules and tense cues.
//!
//! Compiling checks every name a rule uses, rejects rules that would recurse
//! without taking a token, and derives from the rules which tokens can start
//! an expression: a token maps to the set of rules worth trying there by one
//! hash lookup of its lower-case form and one table lookup of its first byte.
//!
//! This file reads the files and compiles the rules; beside it: the start
//! tables (`index.rs`), what the token after the first must be (`second.rs`;
//! after one first word, `own_second.rs`),
//! rule sets (`ruleset.rs`) and the vocabulary with its token lookup
//! (`vocab.rs`).

pub(crate) mod format;
pub(crate) mod holidays;
mod index;
pub(crate) mod lexicon;
mod needs;
mod own_second;
pub(crate) mod pattern;
mod ruleset;
mod second;
pub(crate) mod shapes;
mod short_ids;
mod vocab;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::dates::TimexType;
use crate::dates::fields::{AmPm, Dir, Field, Got, Part, RefKind, Season, parse_mod};
use crate::error::Error;
use crate::tokenize::Tokenizer;
use format::{DocumentFile, RuleDef, RulesFile, ShapesFile, TenseFile, WordsFile};
use lexicon::{Lexicon, key, parse_offset, parse_unit_code};
pub(crate) use needs::Needs;
pub(crate) use own_second::OwnSecond;
use pattern::{Atom, Elem, Names};
pub(crate) use ruleset::{MAX_RULES, RuleSet};
use shapes::Shapes;
use vocab::ShapesOfWords;
pub(crate) use vocab::{WordInfo, cue};

/// What a rule makes of what it matched (see `value.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Make {
    Point,
    Shift,
    Duration,
    Set,
    Ref,
    Merge,
    Modify,
    Range,
    /// Two items of one list (`April 24 and 25`, `two to three weeks`): each
    /// an expression, no range.
    List,
    For,
    Since,
    Until,
    Offset,
    Span,
    None,
}

impl Make {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "point" => Self::Point,
            "shift" => Self::Shift,
            "duration" => Self::Duration,
            "set" => Self::Set,
            "ref" => Self::Ref,
            "merge" => Self::Merge,
            "modify" => Self::Modify,
            "range" => Self::Range,
            "list" => Self::List,
            "for" => Self::For,
            "since" => Self::Since,
            "until" => Self::Until,
            "offset" => Self::Offset,
            "span" => Self::Span,
            "none" => Self::None,
            _ => return None,
        })
    }
}

/// What a `shift` counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Base {
    /// The reference date (`yesterday`, `three years ago`).
    Speech,
    /// The latest earlier expression fine enough (`the next day`, `that year`).
    Story,
    /// The expression just before, a look back too, when fine enough
    /// (`the year before that`); else as [`Base::Story`].
    That,
    /// The period a report is about: the latest earlier expression of the
    /// unit's own granularity, else the last complete one before the
    /// reference date (`the quarter` in earnings news).
    Report,
}

#[derive(Debug)]
pub(crate) struct Rule {
    pub name: String,
    pub cat: usize,
    pub top: bool,
    pub priority: i32,
    pub elems: Vec<Elem>,
    pub make: Make,
    pub timex_type: Option<TimexType>,
    pub base: Base,
    pub sign: Option<i64>,
    pub consts: Vec<(Field, Got)>,
    /// The rule's worked examples (checked by the test of every rule).
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples: Vec<String>,
}

/// The tense cues of a language that are not single words (the words are
/// bits of [`WordInfo::cues`]).
#[derive(Debug, Default)]
pub(crate) struct TenseCues {
    pub past_endings: Vec<Box<str>>,
    pub future_endings: Vec<Box<str>>,
    /// The last two bytes of the past and of the future endings.
    pub past_pairs: EndPairs,
    /// Endings of a progressive after a present cue, and their last two bytes.
    pub progressive_endings: Vec<Box<str>>,
    pub progressive_pairs: EndPairs,
    pub future_pairs: EndPairs,
    /// Phrases of the future (`going to`), as word ids.
    pub future_phrases: Vec<Box<[u32]>>,
    /// Phrases of the past (`up from`), as word ids.
    pub past_phrases: Vec<Box<[u32]>>,
    /// The id of `to` (`planned to`).
    pub to: u32,
    /// The id of `,` (a relative clause between commas).
    pub comma: u32,
}

/// The last two bytes of a list of word endings, one bit per pair: a word
/// whose last two bytes are no such pair has none of the endings (most
/// words, tested before the endings one by one).
#[derive(Debug)]
pub(crate) struct EndPairs(Box<[u64]>);

impl Default for EndPairs {
    fn default() -> Self {
        Self(vec![0; 1024].into_boxed_slice())
    }
}

impl EndPairs {
    pub(crate) fn of<S: AsRef<str>>(endings: &[S]) -> Self {
        let mut set = Self::default();
        for e in endings {
            match e.as_ref().as_bytes() {
                [] => set.0.fill(u64::MAX),
                // One byte: every byte before it.
                &[b] => (0..=255u8).for_each(|a| set.insert(a, b)),
                [.., a, b] => set.insert(*a, *b),
            }
        }
        set
    }

    fn insert(&mut self, a: u8, b: u8) {
        let k = usize::from(a) << 8 | usize::from(b);
        self.0[k >> 6] |= 1 << (k & 63);
    }

    /// Whether `w` (two bytes or more) may end with one of the endings.
    #[inline]
    pub(crate) fn may_end(&self, w: &[u8]) -> bool {
        let [.., a, b] = w else { return true };
        let k = usize::from(*a) << 8 | usize::from(*b);
        self.0[k >> 6] & (1 << (k & 63)) != 0
    }
}

/// A language's compiled date grammar.
#[derive(Debug)]
pub(crate) struct Grammar {
    /// A number no other grammar compiled in this process has (what the
    /// scan's caches are kept for).
    pub id: u64,
    pub lex: Lexicon,
    /// Every word a rule, list or class names, lower case, to its id.
    pub vocab: FxHashMap<Box<str>, u32>,
    /// The (length, first byte, second byte) of the vocabulary's words: a
    /// token written in ASCII with none of them is no word of it.
    shapes_of_words: ShapesOfWords,
    /// The ids of the words of up to seven bytes, by [`short_key`](vocab::short_key).
    short_ids: short_ids::ShortIds,
    pub words: Vec<WordInfo>,
    pub lists: Vec<FxHashSet<Box<str>>>,
    list_names: Vec<String>,
    pub shapes: Shapes,
    pub rules: Vec<Rule>,
    pub categories: Vec<String>,
    /// Rules of each category.
    pub by_cat: Vec<Vec<usize>>,
    /// Rules of each category, as sets.
    pub cat_sets: Vec<RuleSet>,
    /// Each rule's category as one bit (0 with more than 64 categories).
    pub cat_bit: Vec<u64>,
    /// Rules that can start at a token, by its first byte (digits), and put
    /// no condition on the next token.
    pub byte_free: Vec<RuleSet>,
    /// Rules that can start at a token by its first byte if the next token
    /// can be their second.
    pub byte_need: Vec<RuleSet>,
    /// Shapes by the first byte of their matches, with the rules each can start.
    pub shapes_by_byte: Vec<Vec<usize>>,
    /// The rules each shape can start.
    pub shape_rules: Vec<RuleSet>,
    /// Rules whose second token can start with a byte (digits, shapes).
    pub second_by_byte: Vec<RuleSet>,
    /// Rules whose second token can be any word (`CAP`, `ANY`).
    pub any_second: RuleSet,
    /// The first bytes (either case) of the words that lead a shape
    /// (`WordInfo::lead`), and the length of the longest.
    pub lead_first: Vec<bool>,
    pub lead_max: usize,
    /// Whether a token starting with a byte can start a rule by that byte
    /// (`byte_free`, `byte_need`) or a shape (`shapes_by_byte`).
    pub byte_starts: Vec<bool>,
    /// Top-level rules.
    pub top: RuleSet,
    /// For each rule that must start with a sub-expression, its categories
    /// (one bit each; 0 for the other rules, or if there are more than 64
    /// categories).
    pub lead_cats: Vec<u64>,
    /// The categories of the top-level rules of `lead_cats`, once each: at
    /// a token where none of a group's categories has a match, none of its
    /// rules is tried.
    pub lead_groups: Vec<u64>,
    /// For each rule, its elements that need a word (`needs.rs`).
    pub rule_needs: Vec<Needs>,
    /// For each rule, its `rule_needs` and its `cat_bit` side by side, in
    /// a table of [`MAX_RULES`] (the candidates at a token read both for
    /// each rule, with no bounds to check).
    pub needs_and_cat: Box<[(Needs, u64); MAX_RULES]>,
    /// For each word of the vocabulary, the needed elements it can take.
    pub word_needs: Vec<Needs>,
    /// Each rule's group in `lead_groups` (`u16::MAX`: none; at most 64 groups).
    pub lead_group: Vec<u16>,
    /// For each rule that starts with a context before it of words and
    /// lists only, those words (ids) and lists (one bit each): the token
    /// before a match of the rule is one of them (`index.rs`).
    pub before_words: Vec<Option<(Box<[u32]>, u64)>>,
    pub tense: TenseCues,
    /// The lists the number readers use (`article`, `thousand`, `and`).
    pub lists_used: ListsUsed,
    /// How the language reads `03/05` when the caller does not say.
    pub date_order: crate::dates::DateOrder,
    /// Whether `NUM` reads `3,5` as three and a half (and `1.500` as 1500).
    pub decimal_comma: bool,
    /// Whether a time written in UTC gets `Z` in its value (`T16:00Z`).
    pub utc_designator: bool,
    /// What may follow the digits of an ordinal (`th`, `º`, `er`), lower case:
    /// the list `ordinal_suffix`.
    pub ordinal_suffixes: Vec<Box<str>>,
    tense_file: TenseFile,
    document_file: DocumentFile,
}

/// Word lists the code reads by name: `article` (`a`, `an`: not the units
/// digit of `twenty a`), `thousand` and `and` (`two thousand and one`).
#[derive(Debug, Default)]
pub(crate) struct ListsUsed {
    pub article: Option<usize>,
    pub thousand: Option<usize>,
    pub and: Option<usize>,
    /// Nouns of events that can lie ahead (`Sunday's final`).
    pub event: Option<usize>,
    /// Words that open a sentence going on from the one before (`It`).
    pub continuing: Option<usize>,
    /// Words between a reporting verb and its day (`said on Monday`).
    pub report_prep: Option<usize>,
    /// Words opening an aside between a reporting verb and its day (`said
    /// in a statement on Monday`).
    pub report_aside: Option<usize>,
    /// Tokens between a time alone and its day (`at 9 a.m. (1400 GMT) on`).
    pub day_gap: Option<usize>,
    /// The word that makes a capitalised place before it a zone (`Kabul time`).
    pub zone_noun: Option<usize>,
    /// Words before a time that name what it is for (`the budget for 1968`).
    pub purpose_prep: Option<usize>,
    /// Words before the day a measure lasts up to (`until Friday`).
    pub until_prep: Option<usize>,
    /// Verbs of a state that went on up to a day (`remained closed until`).
    pub lasting_verb: Option<usize>,
    /// Past participles that are not past forms (`been`, `taken`).
    pub past_participle: Option<usize>,
    /// Words that open a relative clause without a comma (`tremors that began`).
    pub relative_pronoun: Option<usize>,
    /// The word before a year a sentence is about (`In 2012, ...`).
    pub year_in: Option<usize>,
    /// Words that start a rule's match but not an expression's extent
    /// (`within [a week]`).
    pub extent_skip: Option<usize>,
    /// Past forms of a modal (`would`): a future seen from the story's past.
    pub past_modal: Option<usize>,
    /// Possessive endings (`Sunday's final`).
    pub possessive: Option<usize>,
}

/// The resource files of one language.
pub(crate) struct Sources<'a> {
    pub words: &'a str,
    pub shapes: &'a str,
    pub rules: &'a [(&'a str, &'a str)],
    pub tense: &'a str,
    pub document: &'a str,
}

struct Namer<'a> {
    list_names: &'a [String],
    shapes: &'a Shapes,
    categories: &'a mut Vec<String>,
}

impl Names for Namer<'_> {
    fn list(&self, name: &str) -> Option<usize> {
        self.list_names.iter().position(|n| n == name)
    }
    fn shape(&self, name: &str) -> Option<usize> {
        self.shapes.find(name)
    }
    fn category(&mut self, name: &str) -> usize {
        if let Some(i) = self.categories.iter().position(|c| c == name) {
            return i;
        }
        self.categories.push(name.to_owned());
        self.categories.len() - 1
    }
}

fn toml_file<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, Error> {
    toml::from_str(text).map_err(|e| Error::Config(format!("date grammar file {name}: {e}")))
}

fn set_of(words: &[String]) -> FxHashSet<Box<str>> {
    words.iter().map(|w| key(w).into()).collect()
}

/// A rule constant (`set = { unit = "d" }`) as the value its field takes.
fn constant(field: Field, v: &toml::Value) -> Option<Got> {
    let s = v.as_str();
    Some(match field {
        Field::Unit | Field::Unit2 | Field::Unit3 | Field::Precision => {
            let (u, m) = parse_unit_code(s?)?;
            Got::Unit(u, m)
        }
        Field::Season => Got::Season(Season::parse(s?)?),
        Field::Part => Got::Part(Part::parse(s?)?),
        Field::AmPm => match s? {
            "am" => Got::AmPm(AmPm::Am),
            "pm" => Got::AmPm(AmPm::Pm),
            _ => return None,
        },
        Field::Zone => Got::Zone(parse_offset(s?)?),
        Field::Dir | Field::Lean => Got::Dir(Dir::parse(s?)?),
        Field::Mod => Got::Mod(parse_mod(s?)?),
        Field::Ref => Got::Ref(RefKind::parse(s?)?),
        _ if field.is_flag() => v.as_bool()?.then_some(Got::Flag)?,
        _ => match v {
            toml::Value::Integer(i) => Got::Int(*i),
            toml::Value::Float(f) => Got::Num(*f),
            _ => return None,
        },
    })
}

impl Grammar {
    /// Compiles a language's grammar.
    ///
    /// # Errors
    /// [`Error::Config`] naming the file, rule or word that is wrong.
    pub(crate) fn compile(src: &Sources<'_>, tokenizer: &Tokenizer) -> Result<Self, Error> {
        let mut words: WordsFile = toml_file("words.toml", src.words)?;
        let shapes_file: ShapesFile = toml_file("shapes.toml", src.shapes)?;
        let tense: TenseFile = toml_file("tense.toml", src.tense)?;
        let document: DocumentFile = toml_file("document.toml", src.document)?;
        let date_order = match words.date_order.as_deref() {
            None | Some("dmy") => crate::dates::DateOrder::Dmy,
            Some("mdy") => crate::dates::DateOrder::Mdy,
            Some(other) => {
                return Err(Error::Config(format!("words.toml: date_order {other:?} is not \"mdy\" or \"dmy\"")));
            }
        };
        // A rule file may hold the lists its rules read; a name is defined once.
        let mut parsed = Vec::with_capacity(src.rules.len());
        let mut list_file: FxHashMap<String, &str> = words.list.keys().map(|k| (k.clone(), "words.toml")).collect();
        for (file, text) in src.rules {
            let mut rules_file: RulesFile = toml_file(file, text)?;
            for (name, list) in std::mem::take(&mut rules_file.list) {
                if let Some(first) = list_file.insert(name.clone(), file) {
                    return Err(Error::Config(format!("list {name:?} is defined twice, in {first} and {file}")));
                }
                words.list.insert(name, list);
            }
            parsed.push((*file, rules_file));
        }
        let lex = Lexicon::compile(&words, tokenizer)?;
        let shapes = Shapes::compile(&shapes_file, &lex)?;
        let list_names: Vec<String> = words.list.keys().cloned().collect();
        let lists: Vec<FxHashSet<Box<str>>> = words.list.values().map(|v| set_of(v)).collect();
        let mut categories = vec!["date".to_owned()];
        let mut rules = Vec::new();
        let mut seen = FxHashSet::default();
        for (file, rules_file) in parsed {
            for def in rules_file.rule {
                if !seen.insert(def.name.clone()) {
                    return Err(Error::Config(format!("{file}: rule name {:?} used twice", def.name)));
                }
                let mut namer = Namer { list_names: &list_names, shapes: &shapes, categories: &mut categories };
                rules.push(Self::rule(file, def, &mut namer)?);
            }
        }
        // Checked before any rule set is filled.
        if rules.len() > MAX_RULES {
            return Err(Error::Config(format!(
                "date rules: {} rules, more than the {MAX_RULES} a grammar may have",
                rules.len()
            )));
        }
        let mut by_cat = vec![Vec::new(); categories.len()];
        for (i, r) in rules.iter().enumerate() {
            by_cat[r.cat].push(i);
        }
        if let Some(c) = by_cat.iter().position(Vec::is_empty) {
            return Err(Error::Config(format!("date rules: category <{}> is used but no rule has it", categories[c])));
        }
        let mut cat_sets = vec![RuleSet::default(); by_cat.len()];
        for (c, rules) in by_cat.iter().enumerate() {
            for &r in rules {
                cat_sets[c].insert(r);
            }
        }
        let cat_bit = rules.iter().map(|r| if r.cat < 64 { 1u64 << r.cat } else { 0 }).collect();
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let mut g = Self {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            cat_sets,
            cat_bit,
            lex,
            lists,
            list_names,
            shapes,
            rules,
            categories,
            by_cat,
            vocab: FxHashMap::default(),
            shapes_of_words: ShapesOfWords::default(),
            short_ids: short_ids::ShortIds::default(),
            words: Vec::new(),
            byte_need: Vec::new(),
            shapes_by_byte: Vec::new(),
            shape_rules: Vec::new(),
            second_by_byte: Vec::new(),
            byte_free: Vec::new(),
            any_second: RuleSet::default(),
            byte_starts: Vec::new(),
            lead_first: vec![false; 256],
            lead_max: 0,
            top: RuleSet::new(0),
            lead_cats: Vec::new(),
            lead_groups: Vec::new(),
            lead_group: Vec::new(),
            before_words: Vec::new(),
            rule_needs: Vec::new(),
            needs_and_cat: Box::new([(0, 0); MAX_RULES]),
            word_needs: Vec::new(),
            tense: TenseCues::default(),
            lists_used: ListsUsed::default(),
            date_order,
            decimal_comma: words.decimal_comma,
            utc_designator: words.utc_designator,
            ordinal_suffixes: words
                .list
                .get("ordinal_suffix")
                .map(|v| v.iter().map(|w| w.to_lowercase().into()).collect())
                .unwrap_or_default(),
            tense_file: tense,
            document_file: document,
        };
        let find = |name: &str| g.list_names.iter().position(|n| n == name);
        g.lists_used = ListsUsed {
            article: find("article"),
            thousand: find("thousand"),
            and: find("and"),
            event: find("event_noun"),
            continuing: find("continuing"),
            report_prep: find("report_prep"),
            report_aside: find("report_aside"),
            day_gap: find("day_gap"),
            zone_noun: find("zone_noun"),
            purpose_prep: find("purpose_prep"),
            until_prep: find("until_prep"),
            lasting_verb: find("lasting_verb"),
            past_participle: find("past_participle"),
            relative_pronoun: find("relative_pronoun"),
            year_in: find("year_in"),
            possessive: find("possessive"),
            past_modal: find("past_modal"),
            extent_skip: find("extent_skip"),
        };
        g.index()?;
        g.needs();
        Ok(g)
    }

    fn rule(file: &str, def: RuleDef, namer: &mut Namer<'_>) -> Result<Rule, Error> {
        let bad = |why: String| Error::Config(format!("{file}, rule {:?}: {why}", def.name));
        let elems = pattern::parse(&def.pattern, namer).map_err(&bad)?;
        let make = Make::parse(&def.make).ok_or_else(|| bad(format!("unknown make {:?}", def.make)))?;
        let cat = namer.category(def.cat.as_deref().unwrap_or("date"));
        let timex_type = match def.timex_type.as_deref() {
            None => None,
            Some("DATE") => Some(TimexType::Date),
            Some("TIME") => Some(TimexType::Time),
            Some("DURATION") => Some(TimexType::Duration),
            Some("SET") => Some(TimexType::Set),
            Some(t) => return Err(bad(format!("unknown type {t:?}"))),
        };
        let base = match def.base.as_deref() {
            None | Some("speech") => Base::Speech,
            Some("story") => Base::Story,
            Some("report") => Base::Report,
            Some("that") => Base::That,
            Some(b) => return Err(bad(format!("unknown base {b:?}; expected speech, story, that or report"))),
        };
        let mut consts = Vec::new();
        for (name, v) in &def.set {
            let field = Field::parse(name).ok_or_else(|| bad(format!("unknown field {name:?} in set")))?;
            consts
                .push((field, constant(field, v).ok_or_else(|| bad(format!("value {v} does not fit field {name}")))?));
        }
        let subs = elems
            .iter()
            .filter_map(|e| match e {
                Elem::Atoms { alts, .. } => Some(alts.iter().filter(|a| matches!(a, Atom::Sub(_))).count()),
                Elem::Context { .. } => None,
            })
            .sum::<usize>();
        let needs = match make {
            Make::Range | Make::List | Make::For => Some(2),
            Make::Modify | Make::Since | Make::Until | Make::Offset => Some(1),
            _ => None,
        };
        if subs > 3 {
            return Err(bad("a pattern may hold at most 3 sub-expressions".into()));
        }
        if let Some(n) = needs
            && subs < n
        {
            return Err(bad(format!("make = {:?} needs {n} sub-expression(s) <...>", def.make)));
        }
        Ok(Rule {
            name: def.name,
            cat,
            top: def.top,
            priority: def.priority,
            elems,
            make,
            timex_type,
            base,
            sign: def.sign,
            consts,
            examples: def.examples,
        })
    }
}
