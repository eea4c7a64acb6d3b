//! Content checks: every entry exists in every language, no field is empty,
//! walkthroughs match step for step, and codes are well formed.

use super::{Book, Entry, Texts};
use crate::{Lang, StatusCode};
use std::fmt;

/// Something wrong with the content, named so a writer can find and fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The entry (`5.7.705`) or file (`rfc3463`) concerned.
    pub entry: String,
    /// The language concerned, if one.
    pub lang: Option<Lang>,
    /// What is wrong.
    pub what: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.lang {
            Some(lang) => write!(f, "content/{lang}/{}.toml: {}", self.entry, self.what),
            None => write!(f, "{}: {}", self.entry, self.what),
        }
    }
}

const PLACEHOLDERS: [&str; 5] = ["{code}", "{date}", "{recipients}", "{server}", "{reply}"];

/// Every problem in the entries and in the books (English, French) that hold
/// their texts and RFC 3463's; empty when all is well.
pub fn problems(entries: &[Entry], books: [&Book; 2]) -> Vec<Problem> {
    let mut found = Vec::new();
    let mut report = |entry: &str, lang: Option<Lang>, what: String| {
        found.push(Problem {
            entry: entry.to_owned(),
            lang,
            what,
        })
    };
    for (i, entry) in entries.iter().enumerate() {
        let code = entry.code;
        if !well_formed(code) {
            report(
                code,
                None,
                "the code is not a status code, a range `c.s.low-high` or a family `c.s.Nxx`"
                    .into(),
            );
        }
        if entries[..i].iter().any(|e| e.code == code) {
            report(
                code,
                None,
                "the code appears twice in content/codes.toml".into(),
            );
        }
        if !is_date(entry.checked) {
            report(
                code,
                None,
                format!(
                    "`checked` must be a date YYYY-MM-DD, not {:?}",
                    entry.checked
                ),
            );
        }
        let mut step_counts = Vec::new();
        for lang in Lang::ALL {
            let Some(texts) = books[lang.index()]
                .texts
                .get(entry.index)
                .and_then(Option::as_ref)
            else {
                report(code, Some(lang), "the file is missing".into());
                continue;
            };
            for what in text_problems(texts, entry.walkthrough) {
                report(code, Some(lang), what);
            }
            step_counts.push((lang, texts.steps.len(), placeholders(texts.admin_message)));
        }
        if let [(_, en_steps, en_marks), (_, fr_steps, fr_marks)] = step_counts.as_slice() {
            if en_steps != fr_steps {
                report(
                    code,
                    None,
                    format!("English has {en_steps} steps, French {fr_steps}"),
                );
            }
            if en_marks != fr_marks {
                report(
                    code,
                    None,
                    "`admin_message` uses different placeholders in English and French".into(),
                );
            }
        }
    }
    for (lang, table) in Lang::ALL.iter().zip(books.map(|b| &b.rfc3463)) {
        let all = table.class.iter().chain(&table.subject);
        if all
            .clone()
            .any(|m| m.title.is_empty() || m.meaning.is_empty())
        {
            report(
                "rfc3463",
                Some(*lang),
                "a class or subject has an empty title or meaning".into(),
            );
        }
        if table.unknown_detail.is_empty()
            || table.source_title.is_empty()
            || !table.source_url.starts_with("https://")
        {
            report(
                "rfc3463",
                Some(*lang),
                "`unknown_detail`, `source_title` or `source_url` is missing".into(),
            );
        }
    }
    found
}

fn text_problems(texts: &Texts, walkthrough: bool) -> Vec<String> {
    let mut found = Vec::new();
    let fields = [
        ("title", texts.title),
        ("meaning", texts.meaning),
        ("what_happened", texts.what_happened),
        ("why", texts.why),
        ("affected", texts.affected),
        ("waiting", texts.waiting),
        ("admin_summary", texts.admin_summary),
        ("admin_message", texts.admin_message),
        ("source_title", texts.source_title),
        ("source_url", texts.source_url),
    ];
    for (name, value) in fields {
        if value.is_empty() {
            found.push(format!("`{name}` is empty"));
        }
    }
    if !texts.source_url.starts_with("https://") {
        found.push("`source_url` must be an https:// link".into());
    }
    if texts.sender_steps.is_empty() || texts.sender_steps.iter().any(|s| s.is_empty()) {
        found.push("`sender_steps` is empty or has an empty item".into());
    }
    for mark in unknown_placeholders(texts.admin_message) {
        found.push(format!("`admin_message` has an unknown placeholder {mark}"));
    }
    if walkthrough && texts.steps.is_empty() {
        found.push("the entry has a walkthrough in codes.toml but no [[step]]".into());
    }
    for (n, step) in texts.steps.iter().enumerate() {
        let n = n + 1;
        for (name, value) in [
            ("goal", step.goal),
            ("where", step.place),
            ("check", step.check),
            ("avoid", step.avoid),
        ] {
            if value.is_empty() {
                found.push(format!("step {n}: `{name}` is empty"));
            }
        }
        if step.powershell.is_some_and(str::is_empty) {
            found.push(format!("step {n}: `powershell` is present but empty"));
        }
    }
    found
}

fn placeholders(template: &str) -> Vec<&'static str> {
    PLACEHOLDERS
        .iter()
        .copied()
        .filter(|p| template.contains(p))
        .collect()
}

fn unknown_placeholders(template: &str) -> Vec<String> {
    let mut unknown = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        let mark = &rest[open..close];
        if !PLACEHOLDERS.contains(&mark) {
            unknown.push(mark.to_owned());
        }
        rest = &rest[close..];
    }
    unknown
}

fn well_formed(code: &str) -> bool {
    if StatusCode::parse(code).is_some() {
        return true;
    }
    let Some((head, detail)) = code.rsplit_once('.') else {
        return false;
    };
    if StatusCode::parse(&format!("{head}.0")).is_none() {
        return false;
    }
    if let Some(prefix) = detail.strip_suffix("xx") {
        return prefix.len() == 1 && prefix.bytes().all(|b| b.is_ascii_digit() && b != b'0');
    }
    match detail.split_once('-') {
        Some((low, high)) => match (low.parse::<u16>(), high.parse::<u16>()) {
            (Ok(low), Ok(high)) => low < high && high <= 999 && !high.to_string().is_empty(),
            _ => false,
        },
        None => false,
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

#[cfg(test)]
mod tests {
    use super::super::{Meaning, Rfc3463, Scope, Stage, Step};
    use super::*;

    const M: Meaning = Meaning {
        title: "t",
        meaning: "m",
    };
    fn rfc3463() -> Rfc3463 {
        Rfc3463 {
            class: [M; 3],
            subject: [M; 8],
            unknown_detail: "u",
            source_title: "t",
            source_url: "https://www.rfc-editor.org/rfc/rfc3463",
        }
    }
    static STEP: Step = Step {
        goal: "g",
        place: "p",
        powershell: Some("Get-AcceptedDomain"),
        check: "c",
        avoid: "a",
    };
    static EMPTY_SHELL: Step = Step {
        goal: "g",
        place: "p",
        powershell: Some(""),
        check: "c",
        avoid: "a",
    };
    const fn texts(steps: &'static [Step], message: &'static str) -> Texts {
        Texts {
            title: "t",
            meaning: "m",
            what_happened: "w",
            why: "y",
            affected: "a",
            waiting: "w",
            sender_steps: &["s"],
            admin_summary: "s",
            admin_message: message,
            source_title: "t",
            source_url: "https://learn.microsoft.com/",
            steps,
        }
    }
    static GOOD: Texts = texts(std::slice::from_ref(&STEP), "{code} on {date}");
    static TWO_STEPS: Texts = texts(&[], "{code} on {date}");
    static BAD_SHELL: Texts = texts(std::slice::from_ref(&EMPTY_SHELL), "{code} on {date}");
    static BAD_MARK: Texts = texts(std::slice::from_ref(&STEP), "{code} {tenant}");
    static EMPTY_TITLE: Texts = Texts {
        title: "",
        ..texts(std::slice::from_ref(&STEP), "{code} on {date}")
    };

    /// The problems of one entry `code` with these English and French texts.
    fn whats(code: &'static str, en: Option<&Texts>, fr: Option<&Texts>) -> Vec<String> {
        let entry = Entry {
            code,
            scope: Scope::Organisation,
            stage: Some(Stage::ExchangeOnline),
            walkthrough: true,
            checked: "2026-11-29",
            index: 0,
        };
        let book = |texts: Option<&Texts>| Book {
            texts: vec![texts.cloned()],
            rfc3463: rfc3463(),
        };
        problems(&[entry], [&book(en), &book(fr)])
            .into_iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn a_complete_entry_has_no_problem() {
        assert!(whats("5.7.705", Some(&GOOD), Some(&GOOD)).is_empty());
    }

    #[test]
    fn a_missing_language_is_reported() {
        assert_eq!(
            whats("5.7.705", Some(&GOOD), None),
            ["content/fr/5.7.705.toml: the file is missing"]
        );
    }

    #[test]
    fn an_empty_field_is_reported() {
        assert_eq!(
            whats("5.7.705", Some(&EMPTY_TITLE), Some(&GOOD)),
            ["content/en/5.7.705.toml: `title` is empty"]
        );
    }

    #[test]
    fn different_step_counts_are_reported() {
        let found = whats("5.7.705", Some(&GOOD), Some(&TWO_STEPS));
        assert!(
            found.contains(&"5.7.705: English has 1 steps, French 0".to_owned()),
            "{found:?}"
        );
    }

    #[test]
    fn an_empty_powershell_block_is_reported() {
        let found = whats("5.7.705", Some(&BAD_SHELL), Some(&BAD_SHELL));
        assert!(
            found
                .iter()
                .any(|p| p.contains("`powershell` is present but empty")),
            "{found:?}"
        );
    }

    #[test]
    fn unknown_placeholders_are_reported() {
        let found = whats("5.7.705", Some(&BAD_MARK), Some(&GOOD));
        assert!(
            found
                .iter()
                .any(|p| p.contains("unknown placeholder {tenant}")),
            "{found:?}"
        );
    }

    #[test]
    fn malformed_codes_are_reported() {
        for code in [
            "5.7.7050",
            "5.7",
            "6.1.1",
            "5.7.749-700",
            "5.7.0xx",
            "5.7.abc",
        ] {
            assert!(!well_formed(code), "{code}");
        }
        for code in ["5.7.705", "5.7.700-749", "5.7.7xx", "4.4.7"] {
            assert!(well_formed(code), "{code}");
        }
        let found = whats("5.7.7050", Some(&GOOD), Some(&GOOD));
        assert_eq!(found.len(), 1);
    }
}
