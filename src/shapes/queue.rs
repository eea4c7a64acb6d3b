//! An Exchange queue's last error: `Get-Queue`/`Get-Message` output
//! (`LastError : [{LRT=…};{LED=…};{FQDN=…};{IP=…}]`, as a list or a wrapped
//! table) and Queue Viewer's exported `Last Error` column. Exchange wraps
//! the remote server's reply in its own (`451 4.4.0 Primary target IP
//! address responded with: "550 5.7.750 …."`): the innermost reply is the
//! cause, the one around it the wrapper.

use super::fields::{self, records};
use super::names::{addresses, host};
use super::reply::{self, led};
use super::tally::Tally;
use super::value::Value;
use super::Finding;
use crate::bounce::Input;
use crate::lines::text_lines;
use crate::status;
use std::borrow::Cow;
use std::ops::Range;

pub(super) fn read(text: &str) -> Option<Finding> {
    if !text.contains("LastError") && !text.contains("Last Error") {
        return None;
    }
    let mut tally = Tally::new(Input::QueueError);
    records(text, |record| {
        if let Some(error) = fields::get(record, "LastError") {
            let to = fields::get(record, "Recipients").map_or("", |v| v.text());
            add(&mut tally, error, &addresses(to));
        }
    });
    tables(text, &mut tally);
    tally.finish()
}

/// The `LastError` column of `Format-Table` output (its rows wrapped under
/// the column by `-Wrap`) and of Queue Viewer's tab-separated export.
fn tables<'a>(text: &'a str, tally: &mut Tally<'a>) {
    let mut column: Option<usize> = None;
    let mut cell: Option<usize> = None;
    let mut error: Option<Value<'a>> = None;
    for (start, line) in text_lines(text) {
        if line.trim().is_empty() {
            column = None;
            flush(&mut error, tally);
            continue;
        }
        if let Some(at) = cell {
            let cells: Vec<(usize, &str)> = line
                .split('\t')
                .scan(0, |at, c| {
                    let here = *at;
                    *at += c.len() + 1;
                    Some((here, c))
                })
                .collect();
            if let Some(&(col, c)) = cells.get(at) {
                add(tally, &Value::part(line, start, col..col + c.len()), &[]);
            }
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() > 1 {
            cell = cells
                .iter()
                .position(|c| c.trim() == "Last Error" || c.trim() == "LastError");
            continue;
        }
        match column {
            Some(_) if line.starts_with(' ') => {
                if let Some(value) = error.as_mut() {
                    value.push(line, start);
                }
            }
            Some(col) if !line.starts_with('-') => {
                flush(&mut error, tally);
                let from = line.find("[{").or_else(|| line.get(col..).map(|_| col));
                error = from.map(|from| Value::rest(line, start, from));
            }
            Some(_) => {}
            None => {
                let named =
                    line.split_whitespace().any(|w| w == "LastError") && !line.contains(" : ");
                column = named.then(|| line.find("LastError")).flatten();
            }
        }
    }
    flush(&mut error, tally);
}

fn flush<'a>(error: &mut Option<Value<'a>>, tally: &mut Tally<'a>) {
    if let Some(value) = error.take() {
        add(tally, &value, &[]);
    }
}

/// The cause in one last error, for each of the message's recipients.
fn add<'a>(tally: &mut Tally<'a>, error: &Value<'a>, to: &[String]) {
    let text = error.text();
    let block = led(text);
    let span = block.as_ref().map_or(0..text.len(), |b| b.reply.clone());
    let (cause, wrapper) = match inner(&text[span.clone()]) {
        Some((cause, wrapper)) => (
            span.start + cause.start..span.start + cause.end,
            Some(span.start + wrapper.start..span.start + wrapper.end),
        ),
        None => (span.clone(), None),
    };
    let Some(mut outcome) = reply::outcome(error, cause) else {
        return;
    };
    // Exchange ends the quoted reply with a full stop of its own.
    if let (Some(_), Some(cut)) = (&wrapper, outcome.diagnostic.strip_suffix('.')) {
        outcome.diagnostic = Cow::Owned(cut.to_owned());
    }
    outcome.wrapper = wrapper.map(|w| error.slice(w));
    // A proxy's error names the front end that proxied, not the remote host.
    let proxied = text[span].contains("Proxy session");
    outcome.remote = block
        .and_then(|b| b.fqdn)
        .filter(|_| !proxied)
        .and_then(|r| host(&text[r]))
        .map(Cow::Owned);
    if to.is_empty() {
        return tally.add(None, outcome);
    }
    for address in to {
        tally.add(Some(Cow::Owned(address.clone())), outcome.clone());
    }
}

/// The innermost reply quoted inside `text` (`… responded with: "550 …"`,
/// `… with '451 4.4.0 …'`): its range, and the enclosing reply's words
/// up to the quote, the wrapper.
fn inner(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    let quotes: Vec<(usize, char)> = text
        .char_indices()
        .filter(|&(i, c)| (c == '"' || c == '\'') && opens_reply(&text[i + 1..]))
        .collect();
    let &(at, quote) = quotes.last()?;
    let start = at + 1;
    let end = text[start..].find(quote).map_or(text.len(), |i| start + i);
    let outer = quotes.len().checked_sub(2).map_or(0, |i| quotes[i].0 + 1);
    let wrapper = text[outer..at].trim_end_matches([' ', ':', '"', '\'']);
    let wrapper_start = outer + (wrapper.len() - wrapper.trim_start().len());
    Some((start..end, wrapper_start..outer + wrapper.len()))
}

fn opens_reply(text: &str) -> bool {
    status::leading_reply(text).is_some() && text.as_bytes().first() != Some(&b' ')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounce::Kind;

    const WRAPPED: &str = "LastError : [{LRT=};{LED=451 4.4.0 Primary target IP address responded with: \"550 5.7.750 Service unavailable.\" Attempted failover to alternate host};{FQDN=mx.fabrikam.example};{IP=203.0.113.5}]\nRecipients : {a@fabrikam.example}\n";

    #[test]
    fn the_inner_reply_is_the_cause() {
        let f = read(WRAPPED).unwrap();
        assert_eq!(
            (f.kind, f.status.unwrap().to_string(), f.smtp_code),
            (Kind::Failure, "5.7.750".into(), Some(550))
        );
        assert_eq!(
            f.wrapper.as_deref(),
            Some("451 4.4.0 Primary target IP address responded with")
        );
        assert_eq!(
            f.diagnostic.as_deref(),
            Some("550 5.7.750 Service unavailable")
        );
        assert_eq!(f.remote_mta.as_deref(), Some("mx.fabrikam.example"));
        assert_eq!(f.recipients[0].address, "a@fabrikam.example");
        let e = f.evidence.unwrap();
        assert_eq!(&e.line[e.highlight], "5.7.750");
    }

    #[test]
    fn tables_and_exports() {
        let table = "Identity Status LastError\n-------- ------ ---------\nEX01\\12  Retry  [{LRT=};{LED=421 4.4.2 Connection dropped};{FQDN=mx1.fabrikam.example};{IP=203.0.113.25}]\n";
        let f = read(table).unwrap();
        assert_eq!(
            (f.kind, f.smtp_code, f.wrapper),
            (Kind::Delay, Some(421), None)
        );
        let export = "Next Hop Domain\tStatus\tLast Error\nfabrikam.example\tRetry\t451 4.4.0 Primary target IP address responded with: \"421 4.4.2 Dropped.\" Attempted\nexample.org\tReady\t\n";
        let f = read(export).unwrap();
        assert_eq!(
            (f.status.unwrap().to_string(), f.smtp_code),
            ("4.4.2".into(), Some(421))
        );
        assert!(read("LastError : \nStatus : Ready\n").is_none());
    }

    #[test]
    fn hostile_queues() {
        let many = WRAPPED.replace(
            "Recipients : {a@fabrikam.example}",
            &format!("Recipients : {{{}}}", "x@y.example, ".repeat(200_000)),
        );
        let f = read(&many).unwrap();
        assert_eq!(f.recipients.len(), 1);
        let long = format!(
            "LastError : [{{LED=451 4.4.0 x \"{}",
            "\"550 5.7.1 é".repeat(1 << 17)
        );
        assert!(read(&long).is_some_and(|f| f.diagnostic.unwrap().len() <= 2000));
        let quotes = format!("LastError : {}", "'\"".repeat(1 << 19));
        assert!(read(&quotes).is_none());
    }

    #[test]
    fn innermost_quoted_reply() {
        let text = "451 4.4.0 Primary target IP address responded with: \"550 5.7.750 Blocked.\" Attempted failover";
        let (reply, wrapper) = inner(text).unwrap();
        assert_eq!(&text[reply], "550 5.7.750 Blocked.");
        assert_eq!(
            &text[wrapper],
            "451 4.4.0 Primary target IP address responded with"
        );
        let nested = "450 4.7.0 Proxy session setup failed on Frontend with '451 4.4.0 Primary target IP address responded with: \"451 4.7.500 Access denied.\" Attempted'";
        let (reply, wrapper) = inner(nested).unwrap();
        assert_eq!(&nested[reply], "451 4.7.500 Access denied.");
        assert_eq!(
            &nested[wrapper],
            "451 4.4.0 Primary target IP address responded with"
        );
        assert!(inner("421 4.4.2 Connection dropped").is_none());
        assert!(inner("\"").is_none());
    }
}
