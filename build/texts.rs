//! Reading one language's text files against the schema: each text checked
//! for its form, French texts typeset, unknown and missing keys reported.

use crate::french;
use crate::problem::Problems;
use crate::schema::{Field, Form, Item, List, LISTS};

/// One list's items: each item is its fields' texts in schema order
/// (`None` for an absent optional PowerShell block).
pub type Items = Vec<Vec<Option<String>>>;

/// One entry's texts in one language, in schema order.
#[derive(Clone, Debug, Default)]
pub struct EntryTexts {
    /// The [`crate::schema::ENTRY`] fields.
    pub fields: Vec<String>,
    /// The [`LISTS`], each as its items.
    pub lists: Vec<Items>,
}

/// Reads the texts of `fields` from `table`; `scope` names where they sit
/// (`step 2: `) in problem reports.
pub fn read_fields(
    table: &toml::Table,
    fields: &[Field],
    lang: &str,
    file: &str,
    scope: &str,
    problems: &mut Problems,
) -> Vec<Option<String>> {
    fields
        .iter()
        .map(|field| {
            let key = format!("{scope}{}", field.key);
            let Some(value) = table.get(field.key) else {
                if field.form != Form::Shell {
                    problems.add(file, &key, "is missing");
                }
                return None;
            };
            let Some(text) = value.as_str() else {
                problems.add(file, &key, "must be a string");
                return None;
            };
            Some(checked(text.trim(), field.form, lang, file, &key, problems))
        })
        .collect()
}

/// `text` checked for `form`, and typeset when it is French prose.
pub fn checked(
    text: &str,
    form: Form,
    lang: &str,
    file: &str,
    key: &str,
    problems: &mut Problems,
) -> String {
    if text.is_empty() {
        problems.add(file, key, "is empty");
        return String::new();
    }
    if text.contains('\u{1f}') {
        problems.add(
            file,
            key,
            "holds the character U+001F, which books use as a separator",
        );
    }
    match form {
        Form::Url if !text.starts_with("https://") => {
            problems.add(file, key, "must be an https:// address");
        }
        Form::Shell => shell_problems(text, file, key, problems),
        Form::Template(known) => {
            for mark in placeholders(text) {
                if !known.contains(&mark.as_str()) {
                    problems.add(
                        file,
                        key,
                        format!(
                            "has the unknown placeholder {{{mark}}} (known: {})",
                            known
                                .iter()
                                .map(|k| format!("{{{k}}}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                }
            }
        }
        Form::Prose if text.contains('{') && text.contains('}') => {
            problems.add(
                file,
                key,
                "is not a template: it may not hold {placeholders}",
            );
        }
        _ => {}
    }
    if lang == "fr" && matches!(form, Form::Prose | Form::Template(_)) {
        match french::typeset(text) {
            Ok(typeset) => return typeset,
            Err(what) => problems.add(file, key, what),
        }
    }
    text.to_owned()
}

/// The placeholders a template uses, in order of first use.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(len) = rest[open..].find('}') else {
            break;
        };
        let mark = &rest[open + 1..open + len];
        if !found.iter().any(|f| f == mark) {
            found.push(mark.to_owned());
        }
        rest = &rest[open + len + 1..];
    }
    found
}

/// A command that changes state must not stand, ready to run, among
/// commands that only read: a copy-all block would run it by mistake.
fn shell_problems(text: &str, file: &str, key: &str, problems: &mut Problems) {
    let commands: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let reads = commands.iter().any(|l| l.starts_with("Get-"));
    if let Some(removal) = commands.iter().find(|l| l.starts_with("Remove-")) {
        if reads {
            problems.add(
                file,
                key,
                format!("`{removal}` stands uncommented among read-only commands: comment it out and name the value to fill in"),
            );
        }
    }
}

/// Reads one entry file's texts.
pub fn read_entry(
    table: &toml::Table,
    lang: &str,
    file: &str,
    problems: &mut Problems,
) -> EntryTexts {
    let known = |key: &str| {
        crate::schema::ENTRY.iter().any(|f| f.key == key) || LISTS.iter().any(|l| l.key == key)
    };
    for key in table.keys().filter(|k| !known(k)) {
        problems.add(
            file,
            key,
            "is not a field of an entry (see content/README.md)",
        );
    }
    let fields = read_fields(table, crate::schema::ENTRY, lang, file, "", problems)
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    let lists = LISTS
        .iter()
        .map(|list| read_list(table, list, lang, file, problems))
        .collect();
    EntryTexts { fields, lists }
}

fn read_list(
    table: &toml::Table,
    list: &List,
    lang: &str,
    file: &str,
    problems: &mut Problems,
) -> Items {
    let values = match table.get(list.key) {
        None => Vec::new(),
        Some(toml::Value::Array(values)) => values.clone(),
        Some(_) => {
            problems.add(file, list.key, "must be a list");
            Vec::new()
        }
    };
    let min = list.min;
    if values.len() < min || values.len() > list.max {
        problems.add(
            file,
            list.key,
            format!(
                "has {} items; it must have {} to {}",
                values.len(),
                min,
                list.max
            ),
        );
    }
    values
        .iter()
        .take(list.max)
        .enumerate()
        .map(|(n, value)| {
            let scope = format!("{} {}: ", list.key, n + 1);
            match (list.item, value) {
                (Item::Text(form), toml::Value::String(text)) => {
                    vec![Some(checked(
                        text.trim(),
                        form,
                        lang,
                        file,
                        scope.trim_end_matches([':', ' ']),
                        problems,
                    ))]
                }
                (Item::Table(_, fields), toml::Value::Table(item)) => {
                    for key in item.keys().filter(|k| !fields.iter().any(|f| f.key == *k)) {
                        problems.add(
                            file,
                            &format!("{scope}{key}"),
                            "is not a field of this list's items",
                        );
                    }
                    read_fields(item, fields, lang, file, &scope, problems)
                }
                _ => {
                    problems.add(
                        file,
                        scope.trim_end_matches([':', ' ']),
                        "has the wrong type",
                    );
                    Vec::new()
                }
            }
        })
        .collect()
}
