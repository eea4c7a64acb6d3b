//! Python's `smtplib` exceptions, as a traceback prints them:
//! `smtplib.SMTPDataError: (550, b'5.7.705 …')` (a reply code and the
//! reply's bytes), `SMTPSenderRefused: (550, b'…', 'sender')` and
//! `SMTPRecipientsRefused: {'a@b': (550, b'…'), …}` (one reply per refused
//! recipient); also their `repr`, `SMTPDataError(550, b'…')`.

use super::names::address;
use super::reply::outcome_at;
use super::tally::Tally;
use super::Finding;
use crate::bounce::Input;
use crate::lines::text_lines;
use std::borrow::Cow;

/// Most refused recipients read from one dictionary.
const MAX_ENTRIES: usize = 10_000;

pub(super) fn read(text: &str) -> Option<Finding> {
    if !text.contains("SMTP") {
        return None;
    }
    let mut tally = Tally::new(Input::ApplicationError);
    for (start, line) in text_lines(text) {
        let Some((name, rest)) = exception(line) else {
            continue;
        };
        if name == "SMTPRecipientsRefused" {
            refused(line, start, rest, &mut tally);
        } else if let Some((code, reply)) = tuple(rest) {
            add(&mut tally, line, start, code, reply, None);
        }
    }
    tally.finish()
}

/// The exception's name and what follows it (`(…)` or `{…}`), when `line`
/// raises one of `smtplib`'s reply errors.
fn exception(line: &str) -> Option<(&str, &str)> {
    let at = line.find("SMTP")?;
    let rest = &line[at..];
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let name = &rest[..name_len];
    if !(name.ends_with("Error") || name.ends_with("Refused")) {
        return None;
    }
    let after = &rest[name_len..];
    let after = after.strip_prefix(": ").unwrap_or(after);
    after.starts_with(['(', '{']).then_some((name, after))
}

/// `(550, b'…'…`: the reply code and the reply's bytes.
fn tuple(text: &str) -> Option<(u16, &str)> {
    let (code, rest) = text.strip_prefix('(')?.split_once(", ")?;
    let code: u16 = code.trim().parse().ok()?;
    Some((code, literal(rest)?.0))
}

/// A Python string or bytes literal at the start of `text`: its contents
/// and what follows it.
fn literal(text: &str) -> Option<(&str, &str)> {
    let text = text.strip_prefix('b').unwrap_or(text);
    let quote = text.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let bytes = text.as_bytes();
    let mut end = 1;
    while end < bytes.len() && bytes[end] != quote as u8 {
        end += if bytes[end] == b'\\' { 2 } else { 1 };
    }
    let end = end.min(bytes.len());
    Some((&text[1..end], text.get(end + 1..).unwrap_or("")))
}

/// `{'a@b': (550, b'…'), 'c@d': (…)}`: each recipient with its reply.
fn refused<'a>(line: &'a str, start: usize, dict: &'a str, tally: &mut Tally<'a>) {
    let mut rest = dict.strip_prefix('{').unwrap_or(dict);
    for _ in 0..MAX_ENTRIES {
        let Some((key, after)) = literal(rest.trim_start_matches([',', ' '])) else {
            return;
        };
        let Some(value) = after.strip_prefix(": ") else {
            return;
        };
        let Some((code, reply)) = tuple(value) else {
            return;
        };
        add(tally, line, start, code, reply, address(key));
        let after_reply = super::reply::offset(value, reply) + reply.len();
        rest = value
            .get(after_reply..)
            .map_or("", |r| r.split_once(')').map_or("", |(_, r)| r));
    }
}

fn add<'a>(
    tally: &mut Tally<'a>,
    line: &'a str,
    start: usize,
    code: u16,
    reply: &'a str,
    to: Option<String>,
) {
    if !(400..600).contains(&code) {
        return;
    }
    let Some(mut outcome) = outcome_at(line, start, reply) else {
        return;
    };
    // smtplib keeps the code apart from the reply's text.
    outcome.smtp_code = Some(code);
    outcome.temporary = code < 500;
    tally.add(to.map(Cow::Owned), outcome);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounce::Kind;

    #[test]
    fn data_error_and_sender_refused() {
        let f = read("smtplib.SMTPDataError: (550, b'5.7.705 Access denied')").unwrap();
        assert_eq!(
            (f.kind, f.status.unwrap().to_string(), f.smtp_code),
            (Kind::Failure, "5.7.705".into(), Some(550))
        );
        assert_eq!(f.diagnostic.as_deref(), Some("5.7.705 Access denied"));
        let f = read("x[1]: smtplib.SMTPSenderRefused: (451, b\"4.7.500 can't\", 'me@x.example')")
            .unwrap();
        assert_eq!((f.kind, f.recipients.len()), (Kind::Delay, 0));
        let f = read("SMTPDataError(550, b'5.7.233 limit')").unwrap();
        assert_eq!(f.status.unwrap().to_string(), "5.7.233");
    }

    #[test]
    fn each_refused_recipient_keeps_its_reply() {
        let line = "smtplib.SMTPRecipientsRefused: {'a@x.example': (550, b'5.1.10 not found \\'a\\''), \"b'c@x.example\": (452, b'4.5.3 Too many')}";
        let f = read(line).unwrap();
        let got: Vec<(String, String)> = f
            .recipients
            .iter()
            .map(|r| (r.address.clone(), r.status.unwrap().to_string()))
            .collect();
        assert_eq!(got, [("a@x.example".to_owned(), "5.1.10".to_owned())]);
        assert_eq!(f.kind, Kind::Failure);
    }

    #[test]
    fn not_smtplib() {
        for text in [
            "SMTPDataError",
            "SMTPDataError: (550",
            "SMTPDataError: (abc, b'5.1.1')",
            "SMTPDataError: (250, b'2.0.0 ok')",
            "SMTPRecipientsRefused: {'a@b.example': 1}",
            "SMTPError: ('é",
        ] {
            assert!(read(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn hostile_tracebacks() {
        let entry = "'u@x.example': (550, b'5.1.1 unknown'), ";
        let line = format!(
            "smtplib.SMTPRecipientsRefused: {{{}}}",
            entry.repeat(50_000)
        );
        let f = read(&line).unwrap();
        assert_eq!(f.recipients.len(), 1);
        let long = format!("SMTPDataError: (550, b'5.7.1 {}')", "\\'ü".repeat(1 << 19));
        assert!(read(&long).is_some_and(|f| f.diagnostic.unwrap().len() <= 2000));
        let big = "smtplib.SMTPDataError: (451, b'4.7.500 later')\n".repeat(200_000);
        assert_eq!(read(&big).unwrap().kind, Kind::Delay);
    }
}
