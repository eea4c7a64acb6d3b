//! nodemailer's errors, printed by Node (`Error: Message failed: 550 …` and
//! the object's properties `response: '550 …'`, `recipient: '…'`,
//! `rejected: [ '…' ]`) or serialised to JSON by a logger
//! (`"response":"550 …"`). Each `response` opens an error object; the
//! recipients that follow it, up to the next one, are its own. An
//! envelope error lists every refused recipient (`rejected`) under the
//! last one's reply: that reply is theirs only when they have none of
//! their own (`rejectedErrors`).

use super::names::{address, addresses};
use super::outcome::Outcome;
use super::reply::outcome_at;
use super::tally::Tally;
use super::Finding;
use crate::bounce::Input;
use crate::lines::text_lines;
use std::borrow::Cow;
use std::collections::HashSet;

/// nodemailer's own words before a server's reply, for an error printed
/// without its properties.
const PHRASES: &[&str] = &[
    "Message failed: ",
    "Mail command failed: ",
    "Recipient command failed: ",
    "Data command failed: ",
    "Can't send mail - all recipients were rejected: ",
    "Invalid login: ",
];
const RESPONSE: &[&str] = &["response: '", "response: \"", "\"response\":\""];
const RECIPIENT: &[&str] = &["recipient: '", "\"recipient\":\""];
const REJECTED: &[&str] = &["rejected: [", "\"rejected\":["];
/// Most lines a `rejected: [ … ]` list is read over.
const MAX_LIST_LINES: usize = 1000;

/// An error object being read: its reply, its own recipient and the
/// recipients it lists as refused.
struct Error<'a> {
    outcome: Outcome<'a>,
    to: Vec<String>,
    rejected: Vec<String>,
}

/// The recipients with a reply of their own, and the listed ones waiting
/// for theirs.
#[derive(Default)]
struct Replies<'a> {
    own: HashSet<String>,
    listed: Vec<(String, Outcome<'a>)>,
}

pub(super) fn read(text: &str) -> Option<Finding> {
    if !PHRASES.iter().chain(RESPONSE).any(|p| text.contains(p)) {
        return None;
    }
    let mut tally = Tally::new(Input::ApplicationError);
    let mut phrased = Tally::new(Input::ApplicationError);
    let mut open: Option<Error> = None;
    let mut replies = Replies::default();
    let mut listing = 0;
    for (start, line) in text_lines(text) {
        if listing > 0 {
            if let Some(error) = open.as_mut() {
                let list = line.split(']').next().unwrap_or("");
                error.rejected.extend(addresses(list));
            }
            listing = if line.contains(']') { 0 } else { listing - 1 };
            continue;
        }
        if let Some(said) = after(line, RESPONSE) {
            close(&mut open, &mut tally, &mut replies);
            let said = quoted(said, line);
            open = outcome_at(line, start, said).map(|outcome| Error {
                outcome,
                to: Vec::new(),
                rejected: Vec::new(),
            });
        } else if let Some(said) = after(line, PHRASES) {
            if let Some(outcome) = outcome_at(line, start, said) {
                phrased.add(None, outcome);
            }
        }
        let Some(error) = open.as_mut() else {
            continue;
        };
        if let Some(to) = after(line, RECIPIENT) {
            error
                .to
                .extend(address(to.split(['\'', '"']).next().unwrap_or("")));
        }
        if let Some(list) = after(line, REJECTED) {
            error
                .rejected
                .extend(addresses(list.split(']').next().unwrap_or("")));
            listing = if list.contains(']') {
                0
            } else {
                MAX_LIST_LINES
            };
        }
    }
    close(&mut open, &mut tally, &mut replies);
    for (to, outcome) in replies.listed {
        if !replies.own.contains(&to.to_ascii_lowercase()) {
            tally.add(Some(Cow::Owned(to)), outcome);
        }
    }
    tally.finish().or_else(|| phrased.finish())
}

/// The contents of the string `said` is the rest of, up to its closing
/// quote (the one that opened it, just before it on `line`; `\` escapes).
fn quoted<'a>(said: &'a str, line: &str) -> &'a str {
    let opener = line[..super::reply::offset(line, said)]
        .bytes()
        .last()
        .unwrap_or(b'\'');
    let bytes = said.as_bytes();
    let mut end = 0;
    while end < bytes.len() && bytes[end] != opener {
        end += if bytes[end] == b'\\' { 2 } else { 1 };
    }
    &said[..end.min(bytes.len())]
}

/// The text after the first of `labels` on `line`.
fn after<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    labels
        .iter()
        .filter_map(|l| {
            line.split_once(l)
                .map(|(before, said)| (before.len(), said))
        })
        .min_by_key(|(at, _)| *at)
        .map(|(_, said)| said)
}

fn close<'a>(open: &mut Option<Error<'a>>, tally: &mut Tally<'a>, replies: &mut Replies<'a>) {
    let Some(error) = open.take() else {
        return;
    };
    for to in error.rejected {
        replies.listed.push((to, error.outcome.clone()));
    }
    if error.to.is_empty() {
        return tally.add(None, error.outcome);
    }
    for to in error.to {
        replies.own.insert(to.to_ascii_lowercase());
        tally.add(Some(Cow::Owned(to)), error.outcome.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounce::Kind;

    #[test]
    fn an_error_object_and_its_rejected_recipients() {
        let text = "Error: Can't send mail - all recipients were rejected: 550 5.1.1 <b@x.example>: unknown\n  response: '550 5.1.1 <b@x.example>: unknown',\n  rejected: [\n 'a@x.example',\n 'b@x.example' ],\n  rejectedErrors: [\n    Error: Recipient command failed: 452 4.2.2 <a@x.example>: full\n      response: '452 4.2.2 <a@x.example>: full',\n      recipient: 'a@x.example'\n    }]\n";
        let f = read(text).unwrap();
        assert_eq!(
            (f.kind, f.status.unwrap().to_string()),
            (Kind::Failure, "5.1.1".into())
        );
        let got: Vec<&str> = f.recipients.iter().map(|r| r.address.as_str()).collect();
        assert_eq!(got, ["b@x.example"], "a@ has its own, temporary reply");
        assert_eq!(
            f.diagnostic.as_deref(),
            Some("550 5.1.1 <b@x.example>: unknown")
        );
    }

    #[test]
    fn json_and_bare_messages() {
        let json = r#"{"err":{"message":"Message failed: 550 5.7.233 limit","response":"550 5.7.233 limit","responseCode":550}}"#;
        let f = read(json).unwrap();
        assert_eq!(
            (f.status.unwrap().to_string(), f.smtp_code),
            ("5.7.233".into(), Some(550))
        );
        let f = read("[x] ERROR Send Error: Mail command failed: 451 4.7.500 later").unwrap();
        assert_eq!(f.kind, Kind::Delay);
        assert!(read("response: 'ok'").is_none());
    }

    #[test]
    fn hostile_errors() {
        let text = format!(
            "  response: '550 5.1.1 x',\n  rejected: [\n{}",
            " 'u@x.example',\n".repeat(1 << 18)
        );
        assert_eq!(read(&text).unwrap().recipients.len(), 1);
        let long = format!(
            "Message failed: 550 5.7.1 {}",
            "response: 'é".repeat(1 << 16)
        );
        assert!(read(&long).is_none_or(|f| f.diagnostic.unwrap().len() <= 2000));
    }
}
