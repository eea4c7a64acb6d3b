//! Reading `content/codes.toml`: each `[[code]]` row's language-neutral
//! facts, checked against [`crate::schema::META`].

use crate::problem::Problems;
use crate::schema::{Fact, META};

const FILE: &str = "content/codes.toml";

/// One fact as read, ready to be written as Rust.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A code pattern or a date.
    Text(String),
    /// An enum variant (`Scope::Organisation`).
    Required(String),
    /// An optional enum variant.
    Variant(Option<String>),
    /// Enum variants, in order.
    Variants(Vec<String>),
    /// A yes or no.
    Bool(bool),
    /// A number of hours, or `None`.
    Hours(Option<u16>),
}

/// One catalogue entry's facts, in [`META`] order.
#[derive(Clone, Debug)]
pub struct Row {
    /// The entry's code pattern, which names its text files.
    pub code: String,
    /// Whether it has an admin walkthrough.
    pub walkthrough: bool,
    /// Every fact, in [`META`] order.
    pub values: Vec<Value>,
}

/// Reads every row of `codes.toml`.
pub fn read(table: &toml::Table, problems: &mut Problems) -> Vec<Row> {
    let Some(list) = table.get("code").and_then(|v| v.as_array()) else {
        problems.add(FILE, "code", "must list the entries as [[code]] tables");
        return Vec::new();
    };
    for key in table.keys().filter(|k| *k != "code") {
        problems.add(
            FILE,
            key,
            "is not a part of codes.toml: only [[code]] rows are",
        );
    }
    let mut rows: Vec<Row> = Vec::new();
    for (n, item) in list.iter().enumerate() {
        let Some(row) = item.as_table() else {
            problems.add(FILE, &format!("code {}", n + 1), "must be a table");
            continue;
        };
        let code = row
            .get("code")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_owned();
        let at = if code.is_empty() {
            format!("code {}", n + 1)
        } else {
            code.clone()
        };
        for key in row.keys().filter(|k| !META.iter().any(|m| m.key == *k)) {
            problems.add(FILE, &format!("{at}: {key}"), "is not a fact of an entry");
        }
        let values: Vec<Value> = META
            .iter()
            .map(|meta| {
                value(
                    row,
                    meta.key,
                    meta.fact,
                    &format!("{at}: {}", meta.key),
                    problems,
                )
            })
            .collect();
        let clears = values
            .iter()
            .zip(META)
            .find(|(_, m)| m.key == "clears_by_itself");
        let hours = values
            .iter()
            .zip(META)
            .find(|(_, m)| m.key == "clears_within_hours");
        if let (Some((Value::Bool(false), _)), Some((Value::Hours(Some(_)), _))) = (clears, hours) {
            problems.add(
                FILE,
                &format!("{at}: clears_within_hours"),
                "is given, but clears_by_itself is false",
            );
        }
        if rows.iter().any(|r| r.code == code) {
            problems.add(FILE, &at, "appears twice");
        }
        let walkthrough = row
            .get("walkthrough")
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        rows.push(Row {
            code,
            walkthrough,
            values,
        });
    }
    rows
}

fn value(row: &toml::Table, key: &str, fact: Fact, at: &str, problems: &mut Problems) -> Value {
    let given = row.get(key);
    let text = given.and_then(|v| v.as_str());
    match fact {
        Fact::Pattern => {
            let code = text.unwrap_or("");
            if !well_formed(code) {
                problems.add(FILE, at, format!("{code:?} is not a status code, a range `c.s.low-high` or a family `c.s.Nxx`"));
            }
            Value::Text(code.to_owned())
        }
        Fact::Date => {
            let date = text.unwrap_or("");
            if !is_date(date) {
                problems.add(FILE, at, format!("must be a date YYYY-MM-DD, not {date:?}"));
            }
            Value::Text(date.to_owned())
        }
        Fact::Required(name, choices) => {
            Value::Required(variant(text.unwrap_or(""), name, choices, at, problems))
        }
        Fact::Choice(name, choices) => match text {
            None if given.is_none() => Value::Variant(None),
            _ => Value::Variant(Some(variant(
                text.unwrap_or(""),
                name,
                choices,
                at,
                problems,
            ))),
        },
        Fact::Choices(name, choices) => {
            let Some(items) = given.and_then(|v| v.as_array()) else {
                {
                    problems.add(FILE, at, "must be a list, such as [\"admin\"]");
                }
                return Value::Variants(Vec::new());
            };
            Value::Variants(
                items
                    .iter()
                    .map(|i| variant(i.as_str().unwrap_or(""), name, choices, at, problems))
                    .collect(),
            )
        }
        Fact::Bool | Fact::Flag => match given.map(|v| v.as_bool()) {
            Some(Some(b)) => Value::Bool(b),
            None if fact == Fact::Flag => Value::Bool(false),
            _ => {
                problems.add(FILE, at, "must be true or false");
                Value::Bool(false)
            }
        },
        Fact::Hours => match given.map(|v| v.as_integer()) {
            None => Value::Hours(None),
            Some(Some(h)) if (1..=720).contains(&h) => Value::Hours(Some(h as u16)),
            _ => {
                problems.add(FILE, at, "must be a whole number of hours, 1 to 720");
                Value::Hours(None)
            }
        },
    }
}

fn variant(
    word: &str,
    name: &str,
    choices: &[crate::schema::Choice],
    at: &str,
    problems: &mut Problems,
) -> String {
    match choices.iter().find(|(w, _, _)| *w == word) {
        Some((_, v, _)) => format!("{name}::{v}"),
        None => {
            let known: Vec<&str> = choices.iter().map(|(w, _, _)| *w).collect();
            problems.add(
                FILE,
                at,
                format!("{word:?} is not one of {}", known.join(", ")),
            );
            format!("{name}::{}", choices[0].1)
        }
    }
}

/// A status code (`5.7.705`), a range (`5.7.700-749`) or a family (`5.7.7xx`).
pub fn well_formed(code: &str) -> bool {
    let parts: Vec<&str> = code.split('.').collect();
    let [class, subject, detail] = parts[..] else {
        return false;
    };
    let number = |s: &str, max: usize| {
        !s.is_empty()
            && s.len() <= max
            && s.bytes().all(|b| b.is_ascii_digit())
            && (s == "0" || !s.starts_with('0'))
    };
    if !matches!(class, "2" | "4" | "5") || !number(subject, 3) {
        return false;
    }
    if let Some(prefix) = detail.strip_suffix("xx") {
        return prefix.len() == 1 && prefix != "0" && number(prefix, 1);
    }
    match detail.split_once('-') {
        Some((low, high)) => {
            number(low, 3) && number(high, 3) && low.parse::<u16>().ok() < high.parse::<u16>().ok()
        }
        None => number(detail, 3),
    }
}

fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
}
