//! Sendmail's log: `… sm-mta[pid]: QUEUEID: to=<a@b>, …, relay=host. [ip],
//! dsn=5.7.708, [reply=550 5.7.708 …,] stat=Service unavailable`. Stock
//! sendmail logs no reply text for a permanent failure, only its `dsn=`;
//! `reply=` comes with `_FFR_LOGREPLY`; a deferral's `stat=Deferred: …`
//! quotes the reply.

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

const DAEMONS: &[&str] = &[" sm-mta[", " sendmail[", " sm-msp-queue["];

pub(super) fn read(text: &str) -> Option<Finding> {
    if !text.contains(" stat=") || !DAEMONS.iter().any(|d| text.contains(d)) {
        return None;
    }
    let mut tally = Tally::new(Input::MtaLog);
    // Sendmail's own DSNs are read apart: their fate matters only when
    // nothing else failed.
    let mut notices = Tally::new(Input::MtaLog);
    let mut notice_ids: HashSet<&str> = HashSet::new();
    for (start, line) in text_lines(text) {
        let Some((host_name, queue_id, rest)) = entry(line) else {
            continue;
        };
        if tally.reporting_mta.is_none() {
            tally.reporting_mta = host(host_name).or_else(|| Some(host_name.to_owned()));
        }
        // `QUEUEID: NEWID: DSN: …` names the notice's own queue id.
        if let Some((dsn_id, _)) = rest.split_once(": DSN: ") {
            notice_ids.insert(dsn_id);
            continue;
        }
        if rest.starts_with("from=<>,") {
            notice_ids.insert(queue_id);
            continue;
        }
        let Some(to) = rest.strip_prefix("to=") else {
            continue;
        };
        let list = to.split_once(", ").map_or(to, |(l, _)| l);
        let into = if notice_ids.contains(queue_id) {
            &mut notices
        } else {
            &mut tally
        };
        let Some(stat) = field(rest, "stat=") else {
            continue;
        };
        let addresses: Vec<String> = list.split(',').filter_map(address).collect();
        if stat.starts_with("Sent") {
            addresses.iter().for_each(|a| into.delivered(a));
        } else if let Some(outcome) = outcome(line, start, rest, stat) {
            if addresses.is_empty() {
                into.add(None, outcome);
            } else {
                for a in addresses {
                    into.add(Some(Cow::Owned(a)), outcome.clone());
                }
            }
        }
    }
    either(tally.finish(), notices.finish())
}

/// The syslog host, the queue id and what follows it, on a sendmail line.
fn entry(line: &str) -> Option<(&str, &str, &str)> {
    let at = DAEMONS.iter().find_map(|d| line.find(d))?;
    let host = line[..at].rsplit(' ').next().unwrap_or("");
    if !syslog_prefix(&line[..at]) {
        return None;
    }
    let rest = &line[at..];
    let rest = &rest[rest.find("]: ")? + 3..];
    let (queue_id, rest) = rest.split_once(": ")?;
    let id_like = !queue_id.is_empty() && queue_id.bytes().all(|b| b.is_ascii_alphanumeric());
    id_like.then_some((host, queue_id, rest))
}

/// The value of `, name` in `rest` (`stat=` runs to the line's end; a
/// `reply=`, which may hold commas, runs to `, stat=`).
fn field<'a>(rest: &'a str, name: &str) -> Option<&'a str> {
    let (_, value) = rest.rsplit_once(&format!(", {name}"))?;
    Some(match name {
        "stat=" => value,
        "reply=" => value.rsplit_once(", stat=").map_or(value, |(v, _)| v),
        _ => value.split(", ").next().unwrap_or(value),
    })
}

/// The failure or deferral the line logs; `None` when it is neither.
fn outcome<'a>(line: &'a str, start: usize, rest: &'a str, stat: &'a str) -> Option<Outcome<'a>> {
    let dsn = field(rest, "dsn=").and_then(|d| StatusCode::parse(d).map(|c| (d, c)));
    let deferred = stat
        .strip_prefix("Deferred")
        .map(|s| s.trim_start_matches([':', ' ']));
    let temporary = deferred.is_some() || dsn.is_some_and(|(_, c)| c.class == 4);
    if !temporary && dsn.is_none_or(|(_, c)| c.class != 5) {
        return None;
    }
    let said = field(rest, "reply=").or(deferred);
    let mut outcome = said
        .and_then(|s| outcome_at(line, start, s))
        .unwrap_or(Outcome {
            status: None,
            smtp_code: None,
            diagnostic: Cow::Borrowed(deferred.unwrap_or(stat)),
            temporary,
            remote: None,
            place: None,
            wrapper: None,
        });
    if let (None, Some((text, code))) = (outcome.status, dsn) {
        let at = offset(line, text);
        outcome.status = Some(code);
        outcome.place = Some(Place {
            line,
            start,
            code: at..at + text.len(),
        });
    }
    outcome.status?;
    outcome.temporary = temporary;
    outcome.remote = field(rest, "relay=")
        .and_then(|r| host(r.split(' ').next().unwrap_or("")))
        .map(Cow::Owned);
    Some(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounce::Kind;

    const FAILED: &str = "Jun 10 08:44:11 mail sm-mta[5120]: 65A8E2Zr004410: to=<orders@fabrikam.example>,<b@fabrikam.example>, delay=00:30:09, mailer=esmtp, pri=211689, relay=mx.fabrikam.example. [203.0.113.6], dsn=5.7.708, stat=Service unavailable";

    #[test]
    fn a_failure_without_reply_text_has_its_dsn() {
        let f = read(FAILED).unwrap();
        assert_eq!(
            (f.kind, f.status.unwrap().to_string(), f.smtp_code),
            (Kind::Failure, "5.7.708".into(), None)
        );
        assert_eq!(
            (f.recipients.len(), f.reporting_mta.as_deref()),
            (2, Some("mail"))
        );
        assert_eq!(f.remote_mta.as_deref(), Some("mx.fabrikam.example"));
        let e = f.evidence.unwrap();
        assert_eq!(&e.line[e.highlight], "5.7.708");
    }

    #[test]
    fn reply_text_with_commas() {
        let line = "Jun 11 17:05:20 gw sm-mta[8803]: 65BF5JaN008801: to=<a@fabrikam.example>, relay=x.example. [203.0.113.5], dsn=5.7.750, reply=550 5.7.750 Service unavailable, really, stat=Service unavailable";
        let f = read(line).unwrap();
        assert_eq!(
            f.diagnostic.as_deref(),
            Some("550 5.7.750 Service unavailable, really")
        );
        assert_eq!(f.smtp_code, Some(550));
    }

    #[test]
    fn junk_and_deliveries_are_no_recipients() {
        let text = "Jun 1 1:00:00 m sendmail[1]: 1a: to=|/usr/bin/procmail,/var/mail/x,www-data, dsn=5.0.0, stat=unknown mailer error 1\n\
                    Jun 1 1:00:01 m sendmail[1]: 1b: to=<a@b.example>, dsn=2.0.0, stat=Sent (ok)\n";
        let f = read(text).unwrap();
        assert_eq!((f.kind, f.recipients.len()), (Kind::Failure, 0));
        assert!(read(
            "Jun 1 1:00:01 m sendmail[1]: 1b: to=<a@b.example>, dsn=2.0.0, stat=Sent (ok)"
        )
        .is_some_and(|f| f.kind == Kind::Delivered));
        assert!(read("> Jun 1 sendmail[1]: 1b: stat=").is_none());
    }

    #[test]
    fn hostile_logs_stay_linear() {
        let line = "Jun 16 09:00:04 mail sm-mta[7712]: 65G7008h007712: to=<agency@fabrikam.example>, relay=mx1.fabrikam.example. [203.0.113.25], dsn=4.4.2, stat=Deferred: 421 4.4.2 timeout\n";
        let f = read(&line.repeat(10 * 1024 * 1024 / line.len())).unwrap();
        assert_eq!(
            (f.kind, f.smtp_code, f.recipients.len()),
            (Kind::Delay, Some(421), 1)
        );
        let long = format!(
            "Jun 1 m sm-mta[1]: 1a: to=<a@b.example>, dsn=5.1.1, stat={}",
            ", stat=ü".repeat(1 << 17)
        );
        assert!(read(&long).is_some_and(|f| f.diagnostic.unwrap().len() <= 2000));
    }
}
