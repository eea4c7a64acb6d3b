//! Reading the whole of `content/` against the schema. Every problem is
//! collected before the build stops, so that one run lists them all.

use crate::facts::{self, Row};
use crate::problem::{Problem, Problems};
use crate::schema::{self, Form, Item, LISTS};
use crate::texts::{self, EntryTexts};
use std::path::Path;

/// The languages, in the order of `Lang::ALL`.
pub const LANGS: [&str; 2] = ["en", "fr"];

/// One language's texts.
#[derive(Debug, Default)]
pub struct Language {
    /// Each entry's texts, in `codes.toml` order (`None`: the file is missing).
    pub entries: Vec<Option<EntryTexts>>,
    /// RFC 3463's texts: each class's and each subject's title and meaning,
    /// then the top-level fields.
    pub rfc3463: Vec<String>,
    /// The interface texts, in [`schema::UI`] order.
    pub ui: Vec<String>,
    /// The command-line tool's words, in [`schema::CLI`] order.
    pub cli: Vec<String>,
}

/// Everything `content/` holds, checked.
#[derive(Debug)]
pub struct Content {
    /// The `[[code]]` rows.
    pub rows: Vec<Row>,
    /// The texts, one per language of [`LANGS`].
    pub langs: Vec<Language>,
}

/// Reads `root` (the `content/` folder); the problems, if any, name
/// the file, the key and the language.
pub fn read(root: &Path) -> Result<Content, Vec<Problem>> {
    let mut problems = Problems::default();
    let rows = match load(root, "codes.toml", &mut problems) {
        Some(table) => facts::read(&table, &mut problems),
        None => Vec::new(),
    };
    let langs: Vec<Language> = LANGS
        .iter()
        .map(|lang| read_language(root, lang, &rows, &mut problems))
        .collect();
    compare_languages(&rows, &langs, &mut problems);
    if problems.0.is_empty() {
        Ok(Content { rows, langs })
    } else {
        Err(problems.0)
    }
}

fn name(lang: &str, file: &str) -> String {
    format!("content/{lang}/{file}")
}

/// A file's table; a missing file is reported (`None`), a file that is not
/// TOML too.
fn load(root: &Path, file: &str, problems: &mut Problems) -> Option<toml::Table> {
    let shown = format!("content/{file}");
    let Ok(text) = std::fs::read_to_string(root.join(file)) else {
        problems.add(&shown, "", "the file is missing");
        return None;
    };
    match text.parse::<toml::Table>() {
        Ok(table) => Some(table),
        Err(error) => {
            problems.add(&shown, "", format!("is not valid TOML: {error}"));
            None
        }
    }
}

fn read_language(root: &Path, lang: &str, rows: &[Row], problems: &mut Problems) -> Language {
    let mut language = Language::default();
    for row in rows {
        let file = format!("{lang}/{}.toml", row.code);
        let texts = load(root, &file, problems).map(|table| {
            let shown = format!("content/{file}");
            let texts = texts::read_entry(&table, lang, &shown, problems);
            let steps = LISTS
                .iter()
                .position(|l| l.key == "step")
                .map_or(0, |i| texts.lists[i].len());
            if row.walkthrough && steps == 0 {
                problems.add(
                    &shown,
                    "step",
                    "codes.toml gives this entry a walkthrough, but it has no [[step]]",
                );
            }
            texts
        });
        language.entries.push(texts);
    }
    orphans(root, lang, rows, problems);
    language.rfc3463 = rfc3463(root, lang, problems);
    language.ui = words(root, lang, "ui.toml", schema::UI, problems);
    language.cli = words(root, lang, "cli.toml", schema::CLI, problems);
    language
}

/// Entry files that no `[[code]]` row names would be silently left out.
fn orphans(root: &Path, lang: &str, rows: &[Row], problems: &mut Problems) {
    let Ok(dir) = std::fs::read_dir(root.join(lang)) else {
        problems.add(&format!("content/{lang}"), "", "the folder is missing");
        return;
    };
    for file in dir.flatten() {
        let file = file.file_name().to_string_lossy().into_owned();
        let Some(code) = file.strip_suffix(".toml") else {
            continue;
        };
        let known = ["ui", "cli", "rfc3463"];
        if !known.contains(&code) && !rows.iter().any(|r| r.code == code) {
            problems.add(
                &name(lang, &file),
                "",
                "no [[code]] row in content/codes.toml names this entry",
            );
        }
    }
}

fn rfc3463(root: &Path, lang: &str, problems: &mut Problems) -> Vec<String> {
    let file = format!("{lang}/rfc3463.toml");
    let shown = format!("content/{file}");
    let table = load(root, &file, problems).unwrap_or_default();
    let mut out = Vec::new();
    for (section, keys) in [
        ("class", schema::RFC3463_CLASSES),
        ("subject", schema::RFC3463_SUBJECTS),
    ] {
        for key in keys {
            let item = table
                .get(section)
                .and_then(|s| s.get(*key))
                .and_then(|i| i.as_table())
                .cloned()
                .unwrap_or_default();
            for part in ["title", "meaning"] {
                let at = format!("{section}.{key}.{part}");
                match item.get(part).and_then(|v| v.as_str()) {
                    Some(text) => out.push(texts::checked(
                        text.trim(),
                        Form::Prose,
                        lang,
                        &shown,
                        &at,
                        problems,
                    )),
                    None => {
                        problems.add(&shown, &at, "is missing");
                        out.push(String::new());
                    }
                }
            }
        }
    }
    let top = texts::read_fields(&table, schema::RFC3463, lang, &shown, "", problems);
    out.extend(top.into_iter().map(Option::unwrap_or_default));
    out
}

/// A words file (`ui.toml`, `cli.toml`), in the order of its schema `keys`.
fn words(
    root: &Path,
    lang: &str,
    name: &str,
    keys: &[(&str, Form)],
    problems: &mut Problems,
) -> Vec<String> {
    let file = format!("{lang}/{name}");
    let shown = format!("content/{file}");
    let table = load(root, &file, problems).unwrap_or_default();
    let declared = if name == "ui.toml" {
        "schema_ui.rs"
    } else {
        "schema_cli.rs"
    };
    for key in table.keys().filter(|k| !keys.iter().any(|(u, _)| u == k)) {
        problems.add(
            &shown,
            key,
            format!("is not one of this file's texts: declare it in src/catalogue/{declared}"),
        );
    }
    keys.iter()
        .map(
            |(key, form)| match table.get(*key).and_then(|v| v.as_str()) {
                Some(text) => texts::checked(text.trim(), *form, lang, &shown, key, problems),
                None => {
                    problems.add(
                        &shown,
                        key,
                        "is missing: every interface text exists in every language",
                    );
                    String::new()
                }
            },
        )
        .collect()
}

/// What must match between languages: list lengths where the schema says
/// so, and the placeholders each template uses.
fn compare_languages(rows: &[Row], langs: &[Language], problems: &mut Problems) {
    let [en, fr] = langs else { return };
    for (i, row) in rows.iter().enumerate() {
        let (Some(Some(a)), Some(Some(b))) = (en.entries.get(i), fr.entries.get(i)) else {
            continue;
        };
        let file = name("fr", &format!("{}.toml", row.code));
        for (n, list) in LISTS.iter().enumerate() {
            if list.same_count && a.lists[n].len() != b.lists[n].len() {
                problems.add(
                    &file,
                    list.key,
                    format!(
                        "English has {} items, French {}: the languages must match item for item",
                        a.lists[n].len(),
                        b.lists[n].len()
                    ),
                );
            }
            if let Item::Table(_, fields) = list.item {
                for (k, (x, y)) in a.lists[n].iter().zip(&b.lists[n]).enumerate() {
                    for (f, field) in fields.iter().enumerate() {
                        let (x, y) = (x.get(f).cloned().flatten(), y.get(f).cloned().flatten());
                        if field.form == Form::Shell && x.is_some() != y.is_some() {
                            problems.add(
                                &file,
                                &format!("{} {}: {}", list.key, k + 1, field.key),
                                "is in one language only",
                            );
                        }
                    }
                }
            }
        }
        for (f, field) in schema::ENTRY.iter().enumerate() {
            same_placeholders(
                &a.fields[f],
                &b.fields[f],
                field.form,
                &file,
                field.key,
                problems,
            );
        }
    }
    for (u, (key, form)) in schema::UI.iter().enumerate() {
        if let (Some(a), Some(b)) = (en.ui.get(u), fr.ui.get(u)) {
            same_placeholders(a, b, *form, "content/fr/ui.toml", key, problems);
        }
    }
    for (u, (key, form)) in schema::CLI.iter().enumerate() {
        if let (Some(a), Some(b)) = (en.cli.get(u), fr.cli.get(u)) {
            same_placeholders(a, b, *form, "content/fr/cli.toml", key, problems);
        }
    }
}

fn same_placeholders(
    en: &str,
    fr: &str,
    form: Form,
    file: &str,
    key: &str,
    problems: &mut Problems,
) {
    if !matches!(form, Form::Template(_)) {
        return;
    }
    let mut a = texts::placeholders(en);
    let mut b = texts::placeholders(fr);
    a.sort();
    b.sort();
    if a != b {
        problems.add(
            file,
            key,
            format!("uses the placeholders {{{}}}, English {{{}}}: the languages must fill the same values", b.join("}, {"), a.join("}, {")),
        );
    }
}
