//! Exchange Server's message tracking: raw `MSGTRK` log files (CSV under a
//! `#Fields:` line), `Get-MessageTrackingLog | Export-Csv` and its
//! `Format-List` output. `FAIL` and `DEFER` events carry the reply in
//! `RecipientStatus`, plain or in an `[{LED=…};{FQDN=…}]` block.

use super::fields::{self, column, csv, records};
use super::names::{addresses, argument, host};
use super::reply::{self, led};
use super::tally::Tally;
use super::value::Value;
use super::Finding;
use crate::bounce::Input;
use crate::lines::text_lines;
use std::borrow::Cow;

const EVENT: &[&str] = &["event-id", "EventId"];
const RECIPIENTS: &[&str] = &["recipient-address", "Recipients", "RecipientAddress"];
const STATUS: &[&str] = &["recipient-status", "RecipientStatus"];
const SERVER: &[&str] = &["server-hostname", "ServerHostname"];

pub(super) fn read(text: &str) -> Option<Finding> {
    if !text.contains("recipient-status") && !text.contains("RecipientStatus") {
        return None;
    }
    let mut tally = Tally::new(Input::MtaLog);
    read_csv(text, &mut tally);
    records(text, |record| {
        let get = |names: &[&str]| names.iter().find_map(|n| fields::get(record, n));
        if let (Some(event), Some(status)) = (get(EVENT), get(STATUS)) {
            let to = get(RECIPIENTS).map_or("", |v| v.text());
            let server = get(SERVER).map(|v| v.text());
            add(&mut tally, event.text(), to, status, server);
        }
    });
    tally.only_recipient(argument(text, " -Recipients "));
    tally.finish()
}

/// Column positions, from a `#Fields:` line or an `Export-Csv` header.
struct Columns {
    event: usize,
    recipients: Option<usize>,
    status: usize,
    server: Option<usize>,
}

fn header(names: &[&str]) -> Option<Columns> {
    Some(Columns {
        event: column(names, EVENT)?,
        recipients: column(names, RECIPIENTS),
        status: column(names, STATUS)?,
        server: column(names, SERVER),
    })
}

fn read_csv<'a>(text: &'a str, tally: &mut Tally<'a>) {
    let mut columns: Option<Columns> = None;
    for (start, line) in text_lines(text) {
        // A raw log names its columns after `#Fields:`; `Export-Csv` in its first row.
        let fields_line = line.strip_prefix("#Fields: ");
        let row = fields_line.unwrap_or(line);
        let cells = csv(row);
        if fields_line.is_some() || row.starts_with('"') {
            let names: Vec<&str> = cells.iter().map(|r| &row[r.clone()]).collect();
            if let Some(found) = header(&names) {
                columns = Some(found);
                continue;
            }
        }
        let Some(c) = &columns else {
            continue;
        };
        if line.starts_with('#') {
            continue;
        }
        let cell = |i: usize| cells.get(i).map(|r| Value::part(line, start, r.clone()));
        let (Some(event), Some(status)) = (cell(c.event), cell(c.status)) else {
            continue;
        };
        let to = c.recipients.and_then(cell);
        let server = c.server.and_then(cell);
        let to = to.as_ref().map_or("", |v| v.text());
        add(
            tally,
            event.text(),
            to,
            &status,
            server.as_ref().map(|v| v.text()),
        );
    }
}

/// One event: a `FAIL` or `DEFER` for each of its recipients, or a delivery.
fn add<'a>(tally: &mut Tally<'a>, event: &str, to: &str, status: &Value<'a>, server: Option<&str>) {
    let event = event.trim();
    let temporary = match event {
        e if e.eq_ignore_ascii_case("FAIL") => false,
        e if e.eq_ignore_ascii_case("DEFER") => true,
        e if e.eq_ignore_ascii_case("DELIVER") || e.eq_ignore_ascii_case("SEND") => {
            addresses(to).iter().for_each(|a| tally.delivered(a));
            return;
        }
        _ => return,
    };
    let text = status.text();
    let block = led(text);
    let span = match &block {
        Some(block) => block.reply.clone(),
        // `{550 5.7.705 …}`: PowerShell's braces around a list of one.
        None => {
            let inner = text.trim().trim_start_matches('{').trim_end_matches('}');
            let at = reply::offset(text, inner);
            at..at + inner.len()
        }
    };
    let Some(mut outcome) = reply::outcome(status, span) else {
        return;
    };
    outcome.temporary = temporary;
    let fqdn = block.and_then(|b| b.fqdn).and_then(|r| host(&text[r]));
    outcome.remote = fqdn.or_else(|| server.and_then(host)).map(Cow::Owned);
    let listed = addresses(to);
    if listed.is_empty() {
        return tally.add(None, outcome);
    }
    for address in listed {
        tally.add(Some(Cow::Owned(address)), outcome.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounce::Kind;

    #[test]
    fn format_list_events() {
        let text = "EventId         : DEFER\r\nRecipients      : {a@fabrikam.example}\r\nRecipientStatus : {[{LRT=};{LED=451 4.7.500 Try later};{FQDN=mx.fabrikam.example};{IP=192.0.2.1}]}\r\n\r\n\
                    EventId         : FAIL\r\nRecipients      : {a@fabrikam.example, b@fabrikam.example}\r\nRecipientStatus : {550 5.7.705 Access denied}\r\nServerHostname  : mx.fabrikam.example\r\n";
        let f = read(text).unwrap();
        assert_eq!(
            (f.kind, f.status.unwrap().to_string(), f.smtp_code),
            (Kind::Failure, "5.7.705".into(), Some(550))
        );
        assert_eq!(
            (f.recipients.len(), f.remote_mta.as_deref()),
            (2, Some("mx.fabrikam.example"))
        );
        assert_eq!(f.diagnostic.as_deref(), Some("550 5.7.705 Access denied"));
    }

    #[test]
    fn csv_rows_and_deliveries() {
        let text = "\"EventId\",\"Recipients\",\"RecipientStatus\"\r\n\"DEFER\",\"a@x.example\",\"451 4.4.1 timeout, retry\"\r\n\"DELIVER\",\"a@x.example\",\"\"\r\n";
        assert_eq!(read(text).unwrap().kind, Kind::Delivered);
        let raw = "#Fields: date-time,event-id,recipient-address,recipient-status\r\n2026,FAIL,a@x.example,550 5.1.1 User unknown\r\n";
        let f = read(raw).unwrap();
        assert_eq!(
            (
                f.status.unwrap().to_string(),
                f.recipients[0].address.as_str()
            ),
            ("5.1.1".into(), "a@x.example")
        );
        let e = f.evidence.unwrap();
        assert_eq!(&e.line[e.highlight], "5.1.1");
    }

    #[test]
    fn hostile_tracking_output() {
        let row = "2026,DEFER,a@x.example,\"[{LED=451 4.7.500 Try later};{FQDN=}]\"\n";
        let text = format!(
            "#Fields: date-time,event-id,recipient-address,recipient-status\n{}",
            row.repeat(10 * 1024 * 1024 / row.len())
        );
        let f = read(&text).unwrap();
        assert_eq!((f.kind, f.recipients.len()), (Kind::Delay, 1));
        let long = format!(
            "EventId : FAIL\nRecipientStatus : {{550 5.7.1 {}}}\n",
            "ü,\"".repeat(1 << 18)
        );
        assert!(read(&long).is_some_and(|f| f.diagnostic.unwrap().len() <= 2000));
        assert!(read("RecipientStatus\n\"\"\"\n,,,").is_none());
    }
}
