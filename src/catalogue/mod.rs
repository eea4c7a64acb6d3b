//! What the widget and the CLI say about a status code, in each language.
//!
//! The texts live in `content/` and are compiled by `build.rs`: the entry list
//! and the interface words into the program, each language's entry texts into
//! a [`Book`]. This module finds the right entry for a code and fills its
//! templates from a bounce.

mod book;
mod check;
mod fill;

#[cfg(feature = "embedded-content")]
pub use book::embedded;
pub use book::{is_loaded, load, Book, BookError};
pub use check::{problems, Problem};
pub use fill::{admin_message, support_summary};

use crate::{Lang, StatusCode};

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// How far a failure reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every sender of the organisation (tenant) is blocked.
    Organisation,
    /// One sending account.
    Account,
    /// The server or device that sends, or its connection.
    SendingServer,
    /// One recipient or the recipient's organisation.
    Recipient,
    /// This message only.
    Message,
}

/// Where on the mail path a message was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// At the connector between an on-premises server or device and Exchange Online.
    Connector,
    /// By Exchange Online itself, before the message left the organisation.
    ExchangeOnline,
    /// By the recipient's mail system.
    Recipient,
}

/// One catalogue entry: the language-neutral facts and the texts.
#[derive(Debug)]
pub struct Entry {
    /// An exact code (`5.7.705`), a documented range (`5.7.700-749`) or a family (`5.7.7xx`).
    pub code: &'static str,
    /// How far the failure reaches.
    pub scope: Scope,
    /// Where the message was refused, when that does not depend on who sent the code.
    pub stage: Option<Stage>,
    /// Whether the entry carries an admin walkthrough.
    pub walkthrough: bool,
    /// When the entry's facts were last checked against its source (YYYY-MM-DD).
    pub checked: &'static str,
    /// Its place in the catalogue, and so in every book.
    index: usize,
}

/// The texts of one entry in one language (see `content/README.md`).
#[derive(Clone, Debug)]
pub struct Texts {
    /// A short plain title.
    pub title: &'static str,
    /// One sentence: what the code means.
    pub meaning: &'static str,
    /// What happened.
    pub what_happened: &'static str,
    /// The usual causes.
    pub why: &'static str,
    /// Who is affected.
    pub affected: &'static str,
    /// Whether waiting or resending helps.
    pub waiting: &'static str,
    /// What the person who got the bounce should do now.
    pub sender_steps: &'static [&'static str],
    /// What the admin should do, in short.
    pub admin_summary: &'static str,
    /// A message to the admin, with `{code}`, `{date}`, `{recipients}`, `{server}`, `{reply}`.
    pub admin_message: &'static str,
    /// The article the entry rests on.
    pub source_title: &'static str,
    /// Its address.
    pub source_url: &'static str,
    /// The admin walkthrough, in order.
    pub steps: &'static [Step],
}

/// One step of an admin walkthrough.
#[derive(Clone, Debug)]
pub struct Step {
    /// What the step achieves.
    pub goal: &'static str,
    /// Where to do it: the admin center path, as the product names it.
    pub place: &'static str,
    /// PowerShell that helps, if any.
    pub powershell: Option<&'static str>,
    /// How to know it is done.
    pub check: &'static str,
    /// What not to do.
    pub avoid: &'static str,
}

/// A title and a meaning, from RFC 3463.
#[derive(Clone, Debug)]
pub struct Meaning {
    /// Short title.
    pub title: &'static str,
    /// One or two sentences.
    pub meaning: &'static str,
}

/// RFC 3463's classes (2, 4, 5) and subjects (0–7) in one language.
#[derive(Clone, Debug)]
pub struct Rfc3463 {
    /// Classes 2, 4 and 5, in that order.
    pub class: [Meaning; 3],
    /// Subjects 0 to 7.
    pub subject: [Meaning; 8],
    /// What to say when the detail number has no entry.
    pub unknown_detail: &'static str,
    /// The RFC's title.
    pub source_title: &'static str,
    /// The RFC's address.
    pub source_url: &'static str,
}

/// Entries are static and unique: two are equal when they are the same entry.
impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Entry {}

impl Entry {
    /// The entry's texts in `lang`; in the other language while `lang` is
    /// not loaded yet, and empty while neither is (see [`is_loaded`]).
    pub fn texts(&self, lang: Lang) -> &'static Texts {
        let [first, second] = preferred(lang);
        let find = |lang| book::book(lang).and_then(|b| b.texts.get(self.index)?.as_ref());
        find(first).or_else(|| find(second)).unwrap_or(&EMPTY_TEXTS)
    }

    /// Whether this entry covers `code`.
    pub fn covers(&self, code: StatusCode) -> bool {
        covers(self.code, code)
    }
}

fn covers(pattern: &str, code: StatusCode) -> bool {
    let (class_subject, detail) = pattern.rsplit_once('.').unwrap_or(("", ""));
    if class_subject != format!("{}.{}", code.class, code.subject) {
        return false;
    }
    if let Some(prefix) = detail.strip_suffix("xx") {
        return code.detail / 100 == prefix.parse::<u16>().unwrap_or(u16::MAX)
            && code.detail >= 100;
    }
    match detail.split_once('-') {
        Some((low, high)) => {
            let (low, high) = (low.parse().unwrap_or(u16::MAX), high.parse().unwrap_or(0));
            (low..=high).contains(&code.detail)
        }
        None => detail.parse() == Ok(code.detail),
    }
}

/// Every entry, in catalogue order.
pub fn entries() -> &'static [Entry] {
    ENTRIES
}

/// What is known about a code: its own entry, else a documented range, else a
/// family, else nothing (then only RFC 3463's general meaning applies).
pub fn lookup(code: StatusCode) -> Option<&'static Entry> {
    let exact = ENTRIES
        .iter()
        .find(|e| !e.code.contains(['-', 'x']) && e.covers(code));
    let range = || {
        ENTRIES
            .iter()
            .find(|e| e.code.contains('-') && e.covers(code))
    };
    let family = || {
        ENTRIES
            .iter()
            .find(|e| e.code.contains('x') && e.covers(code))
    };
    exact.or_else(range).or_else(family)
}

/// The words of the interface in `lang`.
pub fn ui(lang: Lang) -> &'static Ui {
    &UI[lang.index()]
}

/// RFC 3463's general meanings in `lang` (as [`Entry::texts`] when not loaded).
pub fn rfc3463(lang: Lang) -> &'static Rfc3463 {
    let [first, second] = preferred(lang);
    book::book(first)
        .or_else(|| book::book(second))
        .map_or(&EMPTY_RFC3463, |b| &b.rfc3463)
}

/// `lang`, then the other language.
fn preferred(lang: Lang) -> [Lang; 2] {
    match lang {
        Lang::En => [Lang::En, Lang::Fr],
        Lang::Fr => [Lang::Fr, Lang::En],
    }
}

static EMPTY_TEXTS: Texts = Texts {
    title: "",
    meaning: "",
    what_happened: "",
    why: "",
    affected: "",
    waiting: "",
    sender_steps: &[],
    admin_summary: "",
    admin_message: "",
    source_title: "",
    source_url: "",
    steps: &[],
};

const NO_MEANING: Meaning = Meaning {
    title: "",
    meaning: "",
};

static EMPTY_RFC3463: Rfc3463 = Rfc3463 {
    class: [NO_MEANING; 3],
    subject: [NO_MEANING; 8],
    unknown_detail: "",
    source_title: "",
    source_url: "",
};

/// RFC 3463's general meaning of a code's class and subject, in `lang`.
pub fn general_meaning(code: StatusCode, lang: Lang) -> (&'static Meaning, &'static Meaning) {
    let table = rfc3463(lang);
    let class = match code.class {
        2 => &table.class[0],
        4 => &table.class[1],
        _ => &table.class[2],
    };
    let subject = &table.subject[usize::from(code.subject.min(7))];
    (class, subject)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> StatusCode {
        StatusCode::parse(text).unwrap()
    }

    #[test]
    fn patterns() {
        assert!(covers("5.7.705", code("5.7.705")));
        assert!(!covers("5.7.705", code("5.7.70")));
        assert!(covers("5.7.700-749", code("5.7.749")));
        assert!(!covers("5.7.700-749", code("5.7.750")));
        assert!(covers("5.7.7xx", code("5.7.799")));
        assert!(!covers("5.7.7xx", code("5.7.7")));
        assert!(!covers("5.7.7xx", code("5.1.705")));
    }

    #[test]
    fn lookup_prefers_the_exact_code_then_the_range_then_the_family() {
        assert_eq!(lookup(code("5.7.705")).unwrap().code, "5.7.705");
        assert_eq!(lookup(code("5.7.712")).unwrap().code, "5.7.700-749");
        assert_eq!(lookup(code("5.7.790")).unwrap().code, "5.7.7xx");
        assert!(lookup(code("5.3.4")).is_none());
    }

    #[test]
    fn the_catalogue_passes_its_content_checks() {
        let books = Lang::ALL.map(|lang| book::book(lang).expect("embedded"));
        let found = problems(ENTRIES, books);
        assert!(
            found.is_empty(),
            "content problems:\n{}",
            found
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}
