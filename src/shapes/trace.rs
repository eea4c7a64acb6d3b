//! Exchange Online's message trace: the admin center's details copied as
//! text (a tab-separated events table, or one cell per line) and
//! `Get-MessageTraceDetailV2` output (`Event : Fail`, `Detail : Reason:
//! [{LED=…}]` lists, or its table). A `Fail` event is the failure; `Defer`
//! events are history, or a delay when nothing failed.

use super::fields::{self, records};
use super::names::{address, addresses, argument, host};
use super::reply::{self, led};
use super::tally::Tally;
use super::value::Value;
use super::Finding;
use crate::bounce::Input;
use crate::lines::text_lines;
use std::borrow::Cow;

const SIGNS: &[&str] = &[
    "LED=",
    "The message was deferred",
    "MessageTrace",
    "Message trace",
    "Message events",
    "suivi des messages",
];
/// Event names: the English ones, and the French admin center's `Échec`.
const FAILED: &[&str] = &["Fail", "Échec"];
const DEFERRED: &[&str] = &["Defer"];

pub(super) fn read(text: &str) -> Option<Finding> {
    if !SIGNS.iter().any(|s| text.contains(s)) {
        return None;
    }
    let mut tally = Tally::new(Input::MessageTrace);
    records(text, |record| {
        let event = fields::get(record, "Event").and_then(|e| temporary(e.text().trim()));
        if let (Some(temporary), Some(detail)) = (event, fields::get(record, "Detail")) {
            let to = fields::get(record, "RecipientAddress").and_then(|v| address(v.text()));
            add(&mut tally, temporary, detail, to);
        }
    });
    rows(text, &mut tally);
    tally.only_recipient(traced(text));
    tally.finish()
}

/// True for a deferral, false for a failure, `None` for other events.
fn temporary(event: &str) -> Option<bool> {
    if FAILED.contains(&event) {
        Some(false)
    } else {
        DEFERRED.contains(&event).then_some(true)
    }
}

/// Events in rows (`date [time] Event [action] detail`, tab- or
/// space-separated) and in one-cell-per-line copies (the event alone on
/// its line, its detail on one of the next two lines that hold text).
fn rows<'a>(text: &'a str, tally: &mut Tally<'a>) {
    let mut pending: Option<(bool, u8)> = None;
    for (start, line) in text_lines(text) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(event) = temporary(trimmed) {
            pending = Some((event, 2));
            continue;
        }
        if let Some((event, left)) = pending.take() {
            let detail = Value::rest(line, start, line.len() - line.trim_start().len());
            if !add(tally, event, &detail, None) && left > 1 && !dated(trimmed) {
                pending = Some((event, left - 1));
            }
            continue;
        }
        if let Some((event, col)) = row_event(line) {
            add(tally, event, &Value::rest(line, start, col), None);
        }
    }
}

/// The event of a row and where its detail starts: a date among the
/// words before the event's name.
fn row_event(line: &str) -> Option<(bool, usize)> {
    let mut dated_before = false;
    for word in line.split([' ', '\t']).filter(|w| !w.is_empty()).take(6) {
        if let Some(event) = temporary(word) {
            return dated_before.then(|| (event, reply::offset(line, word) + word.len()));
        }
        dated_before |= dated(word);
    }
    None
}

/// `5/12/2026`, `02/06/2026`, `2026-05-12`: digits with date separators.
fn dated(word: &str) -> bool {
    word.bytes().filter(u8::is_ascii_digit).count() >= 4 && word.contains(['/', '-', '.'])
}

/// The reply in an event's detail (an `LED=` block, or the words after
/// `The message was deferred.`); false when it holds none.
fn add<'a>(tally: &mut Tally<'a>, temporary: bool, detail: &Value<'a>, to: Option<String>) -> bool {
    let text = detail.text();
    let block = led(text);
    let span = match &block {
        Some(block) => block.reply.clone(),
        None => {
            let from = ["The message was deferred.", "Reason:"]
                .iter()
                .find_map(|w| text.find(w).map(|i| i + w.len()))
                .unwrap_or(0);
            from..text.len()
        }
    };
    let Some(mut outcome) = reply::outcome(detail, span) else {
        return false;
    };
    outcome.temporary = temporary;
    let named = |label: &str| {
        let (_, after) = text.split_once(label)?;
        host(after.trim_start().split([' ', ']', ';']).next()?)
    };
    outcome.remote = block
        .and_then(|b| b.fqdn)
        .and_then(|r| host(&text[r]))
        .or_else(|| named("OutboundProxyTargetHostName:"))
        .or_else(|| named("LastAttemptedServerName="))
        .map(Cow::Owned);
    tally.add(to.map(Cow::Owned), outcome);
    true
}

/// The recipient the trace is about, when its events do not say: the
/// details' `Recipient` line, the command's `-RecipientAddress`, or the
/// failed row of the results.
fn traced(text: &str) -> Option<String> {
    let labelled = text_lines(text).find_map(|(_, line)| {
        let rest = ["RecipientAddress", "Recipient", "Destinataire"]
            .iter()
            .find_map(|l| line.strip_prefix(l))?;
        rest.starts_with(['\t', ':', ' '])
            .then(|| addresses(rest).into_iter().next())?
    });
    labelled
        .or_else(|| argument(text, " -RecipientAddress "))
        .or_else(|| {
            text_lines(text).find_map(|(_, line)| {
                let last = line.split_whitespace().last()?;
                ["Failed", "Échec"]
                    .contains(&last)
                    .then(|| addresses(line).pop())?
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounce::Kind;

    #[test]
    fn a_fail_event_wins_over_defers() {
        let text = "Recipient\tr@fabrikam.example\n\n5/12/2026, 11:14:02 AM\tDefer\t\tThe message was deferred. 451 4.7.500 Try later\n\
                    5/12/2026, 11:14:04 AM\tFail\t\tReason: [{LED=550 5.7.705 Access denied};{MSG=};{FQDN=};{IP=};{LRT=}]. OutboundProxyTargetIP: . OutboundProxyTargetHostName:\n";
        let f = read(text).unwrap();
        assert_eq!(
            (f.kind, f.status.unwrap().to_string(), f.smtp_code),
            (Kind::Failure, "5.7.705".into(), Some(550))
        );
        assert_eq!(
            (f.remote_mta, f.recipients[0].address.as_str()),
            (None, "r@fabrikam.example")
        );
        assert_eq!(f.diagnostic.as_deref(), Some("550 5.7.705 Access denied"));
    }

    #[test]
    fn one_cell_per_line_and_defers_only() {
        let text = "Message events\nDefer\n\nThe message was deferred. 451 4.4.316 Connection refused [LastAttemptedServerName=mx.example.org] [LastAttemptedIP=203.0.113.80:25]\n";
        let f = read(text).unwrap();
        assert_eq!(
            (f.kind, f.status.unwrap().to_string()),
            (Kind::Delay, "4.4.316".into())
        );
        assert_eq!(f.remote_mta.as_deref(), Some("mx.example.org"));
        assert!(
            read("Message events\nFail\n\n6/3/2026\nReason: [{LED=550 5.7.750 x}]\n").is_none()
        );
    }

    #[test]
    fn format_list_events_carry_their_recipient() {
        let text = "Event            : Fail\nDetail           : Reason: [{LED=550 5.7.233 limit for\n                   sending};{MSG=}]\nRecipientAddress : g@example.net\n";
        let f = read(text).unwrap();
        assert_eq!(
            f.diagnostic.as_deref(),
            Some("550 5.7.233 limit for sending")
        );
        assert_eq!(f.recipients[0].address, "g@example.net");
        assert!(f.evidence.is_some());
    }

    #[test]
    fn hostile_traces() {
        let row = "5/12/2026 9:14:04 AM  Defer  The message was deferred. 451 4.7.500 Try later\n";
        let f = read(&row.repeat(10 * 1024 * 1024 / row.len())).unwrap();
        assert_eq!(f.kind, Kind::Delay);
        let lone = "Message trace\n".to_owned() + &"Fail\n".repeat(1 << 20);
        assert!(read(&lone).is_none());
        let long = format!(
            "Message trace\n1/1/2026 Fail {}",
            "{LED=550 5.7.1 ü".repeat(1 << 16)
        );
        assert!(read(&long).is_some_and(|f| f.diagnostic.unwrap().len() <= 2000));
    }
}
