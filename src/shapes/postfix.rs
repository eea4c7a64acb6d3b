//! Postfix's mail log: one line per delivery attempt,
//! `… postfix/smtp[pid]: QUEUEID: to=<a@b>, relay=…, dsn=5.7.705,
//! status=bounced (host X[ip] said: 550 5.7.705 … (in reply to … command))`.

use super::names::{address, host, syslog_prefix};
use super::outcome::{Outcome, Place};
use super::reply::{offset, outcome_at};
use super::tally::{either, Tally};
use super::Finding;
use crate::bounce::Input;
use crate::lines::text_lines;
use crate::status::StatusCode;
use std::borrow::Cow;
use std::collections::HashSet;

pub(super) fn read(text: &str) -> Option<Finding> {
    if !text.contains("postfix") || !text.contains(" status=") {
        return None;
    }
    let mut tally = Tally::new(Input::MtaLog);
    // Postfix's own bounce notices (`from=<>`) are read apart: their fate
    // matters only when nothing else failed.
    let mut notices = Tally::new(Input::MtaLog);
    let mut notice_ids: HashSet<&str> = HashSet::new();
    for (start, line) in text_lines(text) {
        let Some((syslog_host, queue_id, rest)) = entry(line) else {
            continue;
        };
        if tally.reporting_mta.is_none() {
            tally.reporting_mta = host(syslog_host).or_else(|| plain_word(syslog_host));
        }
        if rest.starts_with("from=<>,") {
            notice_ids.insert(queue_id);
            continue;
        }
        let Some(to) = rest.strip_prefix("to=<").and_then(|r| r.split_once('>')) else {
            continue;
        };
        let recipient = address(to.0).map(Cow::Owned);
        let into = if notice_ids.contains(queue_id) {
            &mut notices
        } else {
            &mut tally
        };
        match attempt(line, start, rest) {
            Attempt::Delivered => {
                if let Some(r) = &recipient {
                    into.delivered(r);
                }
            }
            Attempt::Failed(outcome) => into.add(recipient, outcome),
            Attempt::Other => {}
        }
    }
    either(tally.finish(), notices.finish())
}

/// The syslog host, the queue id and what follows it, when `line` is a
/// Postfix daemon's (`postfix/smtp[1]:`, `postfix-out/lmtp[2]:`).
fn entry(line: &str) -> Option<(&str, &str, &str)> {
    let at = line.find(" postfix")?;
    let host = line[..at].rsplit(' ').next().unwrap_or("");
    if !syslog_prefix(&line[..at]) {
        return None;
    }
    let daemon = &line[at + 1..];
    let name = daemon.split_once('[')?.0;
    if !name.contains('/') || name.contains(' ') {
        return None;
    }
    let rest = &daemon[daemon.find("]: ")? + 3..];
    let (queue_id, rest) = rest.split_once(": ")?;
    let id_like = !queue_id.is_empty() && queue_id.bytes().all(|b| b.is_ascii_alphanumeric());
    id_like.then_some((host, queue_id, rest))
}

fn plain_word(host: &str) -> Option<String> {
    let word = !host.is_empty() && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    word.then(|| host.to_owned())
}

enum Attempt<'a> {
    Delivered,
    Failed(Outcome<'a>),
    Other,
}

/// The attempt `rest` (`to=<…>, …, dsn=…, status=… (…)`) logs on `line`.
fn attempt<'a>(line: &'a str, start: usize, rest: &'a str) -> Attempt<'a> {
    let Some((fields, after)) = rest.split_once(", status=") else {
        return Attempt::Other;
    };
    let (word, said) = after.split_once(' ').unwrap_or((after, ""));
    let temporary = match word.trim_end_matches(',') {
        "deferred" => true,
        "bounced" | "expired" | "undeliverable" => false,
        "sent" | "delivered" => return Attempt::Delivered,
        _ => return Attempt::Other,
    };
    // What Postfix says, inside its parentheses.
    let said = said.trim();
    let said = said.strip_prefix('(').unwrap_or(said);
    let said = said.strip_suffix(')').unwrap_or(said);
    // The remote server's own words come after "said:"; the rest is Postfix's.
    let (mut outcome, remote) = match said.split_once(" said: ") {
        Some((host_part, server)) => {
            let server = server
                .rsplit_once(" (in reply to ")
                .map_or(server, |(r, _)| r);
            let name = host_part.rsplit("host ").next().unwrap_or("");
            (
                outcome_at(line, start, server),
                host(name.split('[').next().unwrap_or("")),
            )
        }
        None => (None, None),
    };
    let dsn = fields
        .split_once("dsn=")
        .map(|(_, v)| v.split(',').next().unwrap_or(v));
    if let Some(dsn) = dsn {
        match &mut outcome {
            // No enhanced code in the reply: the dsn= field's.
            Some(o) if o.status.is_none() => set_status(o, line, start, dsn),
            Some(_) => {}
            None => {
                let mut o = Outcome {
                    status: None,
                    smtp_code: None,
                    diagnostic: Cow::Borrowed(said),
                    temporary,
                    remote: None,
                    place: None,
                    wrapper: None,
                };
                set_status(&mut o, line, start, dsn);
                outcome = o.status.map(|_| o);
            }
        }
    }
    let Some(mut outcome) = outcome else {
        return Attempt::Other;
    };
    outcome.temporary = temporary;
    outcome.remote = remote.or_else(|| relay(fields)).map(Cow::Owned);
    Attempt::Failed(outcome)
}

fn set_status<'a>(outcome: &mut Outcome<'a>, line: &'a str, start: usize, dsn: &'a str) {
    if let Some(code) = StatusCode::parse(dsn) {
        let at = offset(line, dsn);
        outcome.status = Some(code);
        outcome.place = Some(Place {
            line,
            start,
            code: at..at + dsn.len(),
        });
    }
}

/// The `relay=host[ip]:port` a message went to, unless it stayed here.
fn relay(rest: &str) -> Option<String> {
    let value = &rest[rest.find("relay=")? + "relay=".len()..];
    host(value.split(['[', ',', ' ']).next()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounce::Kind;

    const BOUNCED: &str = "2026-07-16T11:25:09.102877+00:00 smtp postfix/smtp[2231]: 3C4D5E6F7A: to=<oncall@fabrikam.example>, relay=mx.fabrikam.example[203.0.113.40]:25, delay=1.2, delays=0.01/0/0.62/0.55, dsn=5.0.0, status=bounced (host mx.fabrikam.example[203.0.113.40] said: 550 5.7.750 Service unavailable (in reply to end of DATA command))";

    #[test]
    fn the_remote_reply_wins_over_a_generic_dsn() {
        let f = read(BOUNCED).unwrap();
        assert_eq!(
            (f.kind, f.status.unwrap().to_string(), f.smtp_code),
            (Kind::Failure, "5.7.750".into(), Some(550))
        );
        assert_eq!(
            f.diagnostic.as_deref(),
            Some("550 5.7.750 Service unavailable")
        );
        assert_eq!(
            (f.remote_mta.as_deref(), f.reporting_mta.as_deref()),
            (Some("mx.fabrikam.example"), Some("smtp"))
        );
        let e = f.evidence.unwrap();
        assert_eq!(&e.line[e.highlight], "5.7.750");
        assert_eq!(e.input_span, Some(0..BOUNCED.len()));
    }

    #[test]
    fn postfix_own_words_keep_the_dsn() {
        let line = "Jun 1 10:00:00 mx postfix/smtp[1]: ABC123: to=<a@b.example>, relay=none, delay=30, dsn=4.4.1, status=deferred (connect to mx.b.example[192.0.2.1]:25: Connection timed out)";
        let f = read(line).unwrap();
        assert_eq!(
            (f.kind, f.status.unwrap().to_string(), f.smtp_code),
            (Kind::Delay, "4.4.1".into(), None)
        );
        assert_eq!(f.remote_mta, None);
        let e = f.evidence.unwrap();
        assert_eq!(&e.line[e.highlight], "4.4.1");
    }

    #[test]
    fn a_failed_notice_counts_only_when_nothing_else_failed() {
        let text = "Jun 1 mx postfix/qmgr[1]: N1: from=<>, size=1, nrcpt=1 (queue active)\n\
                    Jun 1 mx postfix/smtp[2]: N1: to=<sender@a.example>, relay=x.a.example[192.0.2.1]:25, dsn=5.1.1, status=bounced (host x.a.example[192.0.2.1] said: 550 5.1.1 unknown (in reply to RCPT TO command))\n";
        let f = read(text).unwrap();
        assert_eq!(f.recipients[0].address, "sender@a.example");
        let both = format!("{text}Jun 1 mx postfix/smtp[2]: M1: to=<r@b.example>, relay=y.b.example[192.0.2.2]:25, dsn=5.7.1, status=bounced (host y.b.example[192.0.2.2] said: 554 5.7.1 rejected (in reply to end of DATA command))\n");
        assert_eq!(read(&both).unwrap().recipients[0].address, "r@b.example");
    }

    #[test]
    fn not_postfix_lines() {
        for text in [
            "> Jun 1 mx postfix/smtp[2]: M1: to=<r@b.example>, dsn=5.7.1, status=bounced (x)",
            "<r@b.example>: host y.b.example[192.0.2.2] said: 554 5.7.1 rejected status= postfix",
            "Jun 1 mx postfix/smtp[2]: M1: to=<r@b.example>, dsn=2.0.0, status=sent (250 ok)",
            "Jun 1 mx postfix/anvil[2]: statistics: status= max 5.7.1",
        ] {
            assert!(read(text).is_none_or(|f| f.status.is_none()), "{text:?}");
        }
    }

    #[test]
    fn hostile_logs_stay_linear() {
        let line = "Jun 15 11:02:42 mx-out postfix/smtp[30211]: A17B3C5D9E: to=<press@example.net>, relay=mx.example.net[198.51.100.12]:25, dsn=4.7.500, status=deferred (host mx.example.net[198.51.100.12] said: 451 4.7.500 Try later (in reply to RCPT TO command))\n";
        let f = read(&line.repeat(10 * 1024 * 1024 / line.len())).unwrap();
        assert_eq!((f.kind, f.recipients.len()), (Kind::Delay, 1));
        let long = format!("Jun 1 ü postfix/smtp[1]: A1: to=<a@b.example>, dsn=5.1.1, status=bounced (host x said: 550 5.1.1 {})", "ß said: (".repeat(1 << 17));
        assert!(read(&long).is_some_and(|f| f.diagnostic.unwrap().len() <= 2000));
        let many = (0..5000).map(|i| format!("Jun 1 mx postfix/smtp[1]: A1: to=<u{i}@b.example>, dsn=5.1.1, status=bounced (unknown)\n")).collect::<String>();
        let f = read(&many).unwrap();
        assert_eq!(f.recipients.len(), crate::MAX_RECIPIENTS);
        assert!(matches!(
            f.limits[..],
            [crate::bounce::Limit::TooManyRecipients { total: 5000, .. }]
        ));
    }
}
