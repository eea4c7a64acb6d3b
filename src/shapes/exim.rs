//! Exim's main log: `DATE TIME ID FLAG ADDRESS …`, where the flag is `**`
//! for a failure, `==` for a deferral, `=>`/`->`/`*>` for a delivery and
//! `<=` for an arrival (`<= <>` is Exim's own bounce notice).

use super::names::{address, host};
use super::outcome::Outcome;
use super::reply::outcome_at;
use super::tally::{either, Tally};
use super::Finding;
use crate::bounce::Input;
use crate::lines::text_lines;
use std::borrow::Cow;
use std::collections::HashSet;

pub(super) fn read(text: &str) -> Option<Finding> {
    if !text.contains(" ** ") && !text.contains(" == ") {
        return None;
    }
    let mut tally = Tally::new(Input::MtaLog);
    // Failures of Exim's own notices matter only when nothing else failed.
    let mut notices = Tally::new(Input::MtaLog);
    let mut notice_ids: HashSet<&str> = HashSet::new();
    for (start, line) in text_lines(text) {
        let Some((id, flag, rest)) = entry(line) else {
            continue;
        };
        let into = if notice_ids.contains(id) {
            &mut notices
        } else {
            &mut tally
        };
        match flag {
            "<=" if rest.starts_with("<> ") => {
                notice_ids.insert(id);
            }
            "=>" | "->" | "*>" => {
                if let Some(to) = recipient(rest) {
                    into.delivered(&to);
                }
            }
            "**" | "==" => {
                let to = recipient(rest).map(Cow::Owned);
                into.add(to, outcome(line, start, rest, flag == "=="));
            }
            _ => {}
        }
    }
    either(tally.finish(), notices.finish())
}

/// The message id, the flag and what follows, when `line` is a main log
/// line: a date and time, perhaps a zone and a `[pid]`, then the id.
fn entry(line: &str) -> Option<(&str, &str, &str)> {
    let b = line.as_bytes();
    let dated = b.len() > 20
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b' '
        && b[13] == b':'
        && b[16] == b':';
    if !dated {
        return None;
    }
    let mut rest = &line[11..];
    for _ in 0..4 {
        let (token, after) = rest.split_once(' ')?;
        if message_id(token) {
            let (flag, after) = after.split_once(' ').unwrap_or((after, ""));
            return Some((token, flag, after));
        }
        rest = after;
    }
    None
}

/// `1yK3aB-0004Qx-Lm` (6-6-2) or, since Exim 4.97, `1uWq3Z-00000000Ab3-2hXk` (6-11-4).
fn message_id(token: &str) -> bool {
    let parts: Vec<&str> = token.split('-').collect();
    let lengths: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    matches!(lengths[..], [6, 6, 2] | [6, 11, 4])
        && parts
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The address the line is about: its first word, or the parent address in
/// `<…>` after a pipe or a file.
fn recipient(rest: &str) -> Option<String> {
    let mut words = rest.split(' ');
    let first = words.next()?;
    address(first.trim_end_matches(':')).or_else(|| {
        let parent = words.next().filter(|w| w.starts_with('<'))?;
        address(parent.trim_end_matches(':'))
    })
}

/// What a `**` or `==` line says: the remote server's reply after
/// `SMTP error from remote mail server after …:`, or Exim's own words.
fn outcome<'a>(line: &'a str, start: usize, rest: &'a str, temporary: bool) -> Outcome<'a> {
    let remote = rest
        .split_once(" H=")
        .and_then(|(_, h)| h.split(' ').next())
        .filter(|h| !h.starts_with('('))
        .and_then(host);
    // The error follows the fields (`R=… T=… H=… X=…:`), whose values
    // never hold ": ".
    let error = rest.split_once(": ").map_or("", |(_, e)| e);
    let reply = error
        .strip_prefix("SMTP error from remote mail server after ")
        .and_then(|after| after.split_once(": "))
        .map(|(_, reply)| reply);
    let mut outcome = reply
        .and_then(|r| outcome_at(line, start, r))
        .unwrap_or(Outcome {
            status: None,
            smtp_code: None,
            diagnostic: Cow::Borrowed(error.trim()),
            temporary,
            remote: None,
            place: None,
            wrapper: None,
        });
    outcome.temporary = temporary;
    outcome.remote = remote.map(Cow::Owned);
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounce::Kind;

    const FAIL: &str = "2026-05-12 09:44:01 1yK3aB-0004Qx-Lm ** ap@fabrikam.example R=smarthost T=remote_smtp H=mx.fabrikam.example [203.0.113.5] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes: SMTP error from remote mail server after RCPT TO:<ap@fabrikam.example>: 550 5.7.750 Service unavailable";

    #[test]
    fn a_failure_line() {
        let f = read(FAIL).unwrap();
        assert_eq!(
            (f.kind, f.status.unwrap().to_string(), f.smtp_code),
            (Kind::Failure, "5.7.750".into(), Some(550))
        );
        assert_eq!(f.remote_mta.as_deref(), Some("mx.fabrikam.example"));
        assert_eq!(
            f.diagnostic.as_deref(),
            Some("550 5.7.750 Service unavailable")
        );
        let e = f.evidence.unwrap();
        assert_eq!(&e.line[e.highlight], "5.7.750");
        assert_eq!(f.recipients[0].address, "ap@fabrikam.example");
    }

    #[test]
    fn deferrals_only_and_codeless_lines() {
        let text = "2026-06-15 11:02:43 1yM4fZ-000BqS-Tn == press@example.net R=dnslookup T=remote_smtp defer (-46) H=mx.example.net [198.51.100.12]: SMTP error from remote mail server after end of data: 451 4.7.500 Try later\n\
                    2026-06-15 11:04:12 1yM4fZ-000BqS-Tn == press@example.net routing defer (-51): retry time not reached\n";
        let f = read(text).unwrap();
        assert_eq!(
            (f.kind, f.status.unwrap().to_string()),
            (Kind::Delay, "4.7.500".into())
        );
        let pipe = "2026-06-15 11:04:12.123 +0200 [77] 1yM4fZ-000BqS-Tn ** |/usr/bin/filter <kim@fabrikam.example> R=userforward: Child process of x returned 69\n";
        let f = read(pipe).unwrap();
        assert_eq!(
            (f.status, f.recipients[0].address.as_str()),
            (None, "kim@fabrikam.example")
        );
    }

    #[test]
    fn not_a_main_log() {
        for text in [
            "> 2026-05-12 09:44:01 1yK3aB-0004Qx-Lm ** ap@fabrikam.example: x",
            "2026-05-12 09:44:01 ** x",
            "SMTP error from remote mail server after RCPT TO:<a@b.example>: 550 5.1.1 ** ==",
            "2026-05-12 09:44:01 1yK3aB-0004Qx-Lm => ap@fabrikam.example R=x",
        ] {
            assert!(read(text).is_none_or(|f| f.status.is_none()), "{text:?}");
        }
    }

    #[test]
    fn hostile_logs_stay_linear() {
        let line = "2026-06-15 11:02:43 1yM4fZ-000BqS-Tn == press@example.net H=mx.example.net [198.51.100.12]: SMTP error from remote mail server after end of data: 451 4.7.500 Try later\n";
        let big = line.repeat(10 * 1024 * 1024 / line.len());
        let f = read(&big).unwrap();
        assert_eq!((f.kind, f.recipients.len()), (Kind::Delay, 1));
        let long = format!(
            "2026-06-15 11:02:43 1yM4fZ-000BqS-Tn ** a@b.example: {}\n",
            "é ** == ".repeat(1 << 17)
        );
        assert!(read(&long).is_some_and(|f| f.diagnostic.unwrap().len() <= 2000));
        assert!(read("2026-06-15 11:02:43 1yM4fZ-000BqS-Tn ** ").is_some());
        assert!(read("2026-06-15 11:02:43 1yM4fZ-000BqS-Tn **").is_none());
    }
}
