//! Relative expressions at the ends of the calendar (0001-01-01, 9999-12-31)
//! and at random reference dates: every value is a TIMEX3 value with a year
//! from 0001 to 9999 (or none), every interval non-empty. The values of the
//! edge cases themselves are in `testdata/dates/calendar_edges.toml`.

use std::sync::LazyLock;

use dateline_core::{Date, DocumentType, TagOptions, Tagged, TemporalTagger, Tokenizer};
use regex::Regex;

/// A DATE or TIME value: a reference word, or a year (`XXXX` when unknown),
/// decade or century, then the finer parts a TIMEX3 value may have.
static VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            (?:PAST|PRESENT|FUTURE)_REF
          | \d{2} | \d{3} | X{2,3}
          | (?P<year>\d{4}|XXXX)
            (?:
                -(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?
              | -W(?P<week>\d{2}|XX)(?:-[1-7]|-WE)?
              | -Q[1-4X] | -H[12] | -(?:SP|SU|FA|WI)
            )?
            (?:T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|AF|EV|NI|DT))?
        )$",
    )
    .unwrap()
});

/// Why `value` is not a TIMEX3 value on the calendar, if it is not.
fn bad_value(value: &str) -> Option<String> {
    let Some(m) = VALUE.captures(value) else {
        return Some("not a TIMEX3 value".into());
    };
    let num = |name: &str| m.name(name).and_then(|x| x.as_str().parse::<u32>().ok());
    if let Some(y) = num("year")
        && !(1..=9999).contains(&y)
    {
        return Some(format!("year {y}"));
    }
    if let Some(mo) = num("month")
        && !(1..=12).contains(&mo)
    {
        return Some(format!("month {mo}"));
    }
    if let (Some(y), Some(mo), Some(d)) = (num("year"), num("month"), num("day"))
        && Date::new(y as i32, mo, d).is_err()
    {
        return Some("no such day".into());
    }
    if let Some(w) = num("week")
        && !(1..=53).contains(&w)
    {
        return Some(format!("week {w}"));
    }
    None
}

fn tag(text: &str, reference: Date) -> Tagged {
    let (tokens, sentences) = Tokenizer::default().tokenize_with_sentences(text);
    let opts = TagOptions { reference: Some(reference), document_type: DocumentType::News, ..TagOptions::default() };
    TemporalTagger::default().tag_document(text, &tokens, &sentences, &opts)
}

/// Every problem with the values and intervals of `text` tagged at `reference`.
fn problems(text: &str, reference: Date) -> Vec<String> {
    let tagged = tag(text, reference);
    let mut out = Vec::new();
    for t in &tagged.timexes {
        let what = format!("{text:?} at {reference}: {:?} = {}", &text[t.start..t.end], t.value);
        if matches!(t.timex_type.as_str(), "DATE" | "TIME")
            && let Some(why) = bad_value(&t.value)
        {
            out.push(format!("{what}: {why}"));
        }
        if let Some((a, b)) = t.interval()
            && a >= b
        {
            out.push(format!("{what}: empty interval {a}..{b}"));
        }
    }
    for r in &tagged.ranges {
        if let (Some(a), Some(b)) = (r.begin, r.end_day)
            && a >= b
        {
            out.push(format!("{text:?} at {reference}: empty range {a}..{b}"));
        }
    }
    out
}

const EXPRESSIONS: &[&str] = &[
    "It opens next year.",
    "It closed last year.",
    "It opens next month.",
    "It closed last month.",
    "It opens next week.",
    "It closed last week.",
    "It opened the next day.",
    "It closed the day before.",
    "It opens tomorrow.",
    "It closed yesterday.",
    "It is open today.",
    "It will open in 3 days.",
    "It closed 3 days ago.",
    "It will open in 2 weeks.",
    "It closed 5 years ago.",
    "It will open in 10 years.",
    "It opens next decade.",
    "It closed last decade.",
    "It is open this decade.",
    "It opens next century.",
    "It closed last century.",
    "It is open this century.",
    "It is open this week.",
    "It opens next weekend.",
    "It closed last weekend.",
    "It opens next Monday.",
    "It closed last Monday.",
    "It opens on Sunday.",
    "It closed on Thursday.",
    "It opens next January.",
    "It closed last December.",
    "It opens next spring.",
    "It closed last winter.",
    "It opens next quarter.",
    "It closed last quarter.",
    "It opens on the 30th.",
    "It closed on the 2nd.",
    "It opens on December 31.",
    "It closed on January 1.",
    "It opens tomorrow at 5 pm.",
    "It closed yesterday morning.",
    "It opens Monday next week.",
    "It opens at the end of the month.",
    "It has been open since March.",
    "It is open until next year.",
    "It is open for the next five days.",
    "It was open for the past five years.",
    "It closed 3 weeks after Christmas.",
    "It opens from Monday to Friday.",
    "It was open from November to February.",
    "It was open in the '90s.",
];

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::new(y, m, day).unwrap()
}

#[test]
fn expressions_at_the_ends_of_the_calendar() {
    let mut refs = Vec::new();
    for k in 0..14 {
        refs.push(d(1, 1, 1).add_days(k));
        refs.push(d(9999, 12, 31).add_days(-k));
    }
    let found: Vec<String> =
        refs.iter().flat_map(|&r| EXPRESSIONS.iter().flat_map(move |text| problems(text, r))).collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn expressions_at_random_reference_dates() {
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    let (first, last) = (d(1, 1, 1).to_epoch_days(), d(9999, 12, 31).to_epoch_days());
    let span = u64::try_from(last - first + 1).unwrap();
    let mut found = Vec::new();
    for _ in 0..300 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let r = Date::from_epoch_days(first + i64::try_from(seed % span).unwrap()).unwrap();
        for text in EXPRESSIONS {
            found.extend(problems(text, r));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn intervals_at_the_last_day() {
    let last = d(9999, 12, 31);
    let interval = |text: &str| tag(text, last).timexes.first().map(|t| (t.value.clone(), t.interval()));
    // Its end, 10000-01-01, is not a date: no interval rather than an empty one.
    assert_eq!(interval("It is open today."), Some(("9999-12-31".into(), None)));
    assert_eq!(interval("It is open this week."), Some(("9999-W52".into(), None)));
    assert_eq!(interval("It closed yesterday."), Some(("9999-12-30".into(), Some((d(9999, 12, 30), last)))));
    assert_eq!(interval("It opens tomorrow."), Some(("FUTURE_REF".into(), None)));
    let first = d(1, 1, 1);
    let t = tag("It is open today.", first);
    assert_eq!(t.timexes[0].interval(), Some((first, d(1, 1, 2))));
}

#[test]
fn value_checker_rejects_what_it_should() {
    for bad in ["10000", "10000-01", "0000-12", "0000-SU", "9999-12-32", "9999-W54", "-01", "BC0005"] {
        assert!(bad_value(bad).is_some(), "{bad}");
    }
    for good in ["0001", "9999-W52-WE", "XXXX-WXX-1", "001", "00", "FUTURE_REF", "9999-12-31TNI", "0001-01-02T17:00"] {
        assert_eq!(bad_value(good), None, "{good}");
    }
}
