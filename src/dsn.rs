//! RFC 3464 delivery-status fields: one group for the message, one per recipient.
//!
//! Servers are lax about the blank lines between groups, so a new recipient
//! starts at a blank line or whenever a recipient field repeats.

use crate::lines::text_lines;
use crate::status::{self, StatusCode};

/// Codes looked at in one diagnostic: a reply holds one or two.
const MAX_DIAGNOSTIC_CODES: usize = 8;

/// The per-message fields of a delivery-status report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// `Reporting-MTA`, without its `dns;` type.
    pub reporting_mta: Option<String>,
    /// One entry per recipient group, in order.
    pub recipients: Vec<RecipientFields>,
}

/// What the reporting server did with a recipient (RFC 3464 `Action`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// `failed`: it gave up.
    Failed,
    /// `delayed`: it is still trying.
    Delayed,
    /// `delivered`, `relayed`, `expanded`, and Postfix's address-verification
    /// `deliverable`: the message went on.
    Delivered,
    /// Any other word.
    Other,
}

impl Action {
    fn parse(value: &str) -> Action {
        match value.trim().to_ascii_lowercase().as_str() {
            "failed" => Action::Failed,
            "delayed" => Action::Delayed,
            "delivered" | "relayed" | "expanded" | "deliverable" => Action::Delivered,
            _ => Action::Other,
        }
    }
}

/// The fields of one recipient group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecipientFields {
    /// `Final-Recipient`, the address only.
    pub final_recipient: Option<String>,
    /// `Original-Recipient`, the address only.
    pub original_recipient: Option<String>,
    /// `Action`.
    pub action: Option<Action>,
    /// The code in `Status`.
    pub status: Option<StatusCode>,
    /// `Remote-MTA`, without its type.
    pub remote_mta: Option<String>,
    /// `Diagnostic-Code` text, without its type (`smtp;`), unfolded.
    pub diagnostic: Option<String>,
    /// `Last-Attempt-Date`.
    pub last_attempt: Option<String>,
    /// Byte offset, in the parsed text, of the line holding `Status`.
    pub status_line: Option<usize>,
}

impl RecipientFields {
    fn is_empty(&self) -> bool {
        self.final_recipient.is_none()
            && self.original_recipient.is_none()
            && self.status.is_none()
            && self.action.is_none()
            && self.diagnostic.is_none()
    }

    /// The code and SMTP reply found in the diagnostic text, if any.
    pub fn diagnostic_code(&self) -> (Option<StatusCode>, Option<u16>) {
        let Some(text) = &self.diagnostic else {
            return (None, None);
        };
        // A wrapper's own code may come first ("5.1.0 - Unknown address
        // error 552-'5.2.2 …'"): the code the remote server wrote after its
        // reply code is the cause.
        let mut codes = status::find_codes(text).take(MAX_DIAGNOSTIC_CODES);
        let first = codes.next();
        let replied = first
            .into_iter()
            .chain(codes)
            .find_map(|f| status::reply_before(text, f.start).map(|reply| (f.code, reply)));
        match (replied, first) {
            (Some((code, reply)), _) => (Some(code), Some(reply)),
            (None, Some(found)) => (Some(found.code), status::leading_reply(text)),
            (None, None) => (None, status::leading_reply(text)),
        }
    }
}

/// Reads delivery-status fields from `text`. Returns `None` when the text has
/// no recipient field at all.
pub fn parse(text: &str) -> Option<Report> {
    let mut report = Report::default();
    let mut current = RecipientFields::default();
    for field in unfolded_fields(text) {
        let Field { name, value, line } = match field {
            Some(field) => field,
            None => {
                finish(&mut report, &mut current);
                continue;
            }
        };
        let name = name.to_ascii_lowercase();
        // Original-Recipient may come before or after Final-Recipient.
        // A status may come before the recipient it is about: it ends a
        // group only once that group has both.
        let complete = current.status.is_some() && current.final_recipient.is_some();
        let repeats = match name.as_str() {
            "final-recipient" => current.final_recipient.is_some(),
            "original-recipient" => current.original_recipient.is_some() || complete,
            "status" => current.status.is_some(),
            "action" => current.action.is_some(),
            _ => false,
        };
        if repeats {
            finish(&mut report, &mut current);
        }
        match name.as_str() {
            "reporting-mta" => report.reporting_mta = Some(without_type(&value)),
            "final-recipient" => current.final_recipient = address(&value),
            "original-recipient" => current.original_recipient = address(&value),
            "x-actual-recipient" if current.final_recipient.is_none() => {
                current.final_recipient = address(&value)
            }
            "action" => current.action = Some(Action::parse(&value)),
            "status" => {
                current.status = status::find_codes(&value).next().map(|f| f.code);
                current.status_line = Some(line);
            }
            "remote-mta" => current.remote_mta = Some(without_type(&value)),
            "diagnostic-code" => current.diagnostic = Some(without_type(&value)),
            "last-attempt-date" => current.last_attempt = Some(value.trim().to_owned()),
            _ => {}
        }
    }
    finish(&mut report, &mut current);
    (!report.recipients.is_empty()).then_some(report)
}

/// Ends a group. A group that names no recipient continues the one before
/// it (blank lines inside a recipient's block), filling what it lacks.
fn finish(report: &mut Report, current: &mut RecipientFields) {
    let done = std::mem::take(current);
    if done.is_empty() {
        return;
    }
    let nameless = done.final_recipient.is_none() && done.original_recipient.is_none();
    match report.recipients.last_mut() {
        Some(last) if nameless => {
            last.action = last.action.take().or(done.action);
            last.status = last.status.or(done.status);
            last.status_line = last.status_line.or(done.status_line);
            last.remote_mta = last.remote_mta.take().or(done.remote_mta);
            last.diagnostic = last.diagnostic.take().or(done.diagnostic);
            last.last_attempt = last.last_attempt.take().or(done.last_attempt);
        }
        _ => report.recipients.push(done),
    }
}

struct Field {
    name: String,
    value: String,
    line: usize,
}

/// Fields with continuation lines joined; `None` marks a blank line.
fn unfolded_fields(text: &str) -> impl Iterator<Item = Option<Field>> + '_ {
    let mut lines = text_lines(text).peekable();
    std::iter::from_fn(move || loop {
        let (offset, line) = lines.next()?;
        if line.trim().is_empty() {
            return Some(None);
        }
        if line.starts_with([' ', '\t']) {
            continue; // a continuation without a field to continue
        }
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        if name.is_empty() || name.contains(char::is_whitespace) {
            continue;
        }
        let mut value = value.trim().to_owned();
        while let Some((_, next)) = lines.peek() {
            if !next.starts_with([' ', '\t']) || next.trim().is_empty() {
                break;
            }
            if !value.is_empty() {
                value.push(' ');
            }
            value.push_str(next.trim());
            lines.next();
        }
        return Some(Some(Field {
            name: name.to_owned(),
            value,
            line: offset,
        }));
    })
}

/// `rfc822; a@b` → `a@b`, `dns; host` → `host`; a value without a type is kept.
fn without_type(value: &str) -> String {
    let value = value.trim();
    match value.split_once(';') {
        Some((kind, rest)) if !kind.contains(char::is_whitespace) && kind.len() < 16 => {
            rest.trim().to_owned()
        }
        _ => value.to_owned(),
    }
}

fn address(value: &str) -> Option<String> {
    let bare = without_type(value);
    let bare = bare.trim_matches(|c: char| c == '<' || c == '>' || c.is_whitespace());
    (!bare.is_empty()).then(|| bare.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_recipients_with_folded_diagnostic() {
        let text = "Reporting-MTA: dns; mail.example.com\n\
Arrival-Date: Mon, 2 Nov 2026 10:00:00 +0000\n\
\n\
Final-Recipient: rfc822; a@example.net\n\
Action: failed\n\
Status: 5.7.750\n\
Diagnostic-Code: smtp; 550 5.7.750 Service unavailable. Client blocked\n  from sending from unregistered domains\n\
\n\
Final-Recipient: rfc822;<b@example.net>\n\
Action: failed\n\
Status: 5.1.10\n";
        let report = parse(text).unwrap();
        assert_eq!(report.reporting_mta.as_deref(), Some("mail.example.com"));
        assert_eq!(report.recipients.len(), 2);
        let first = &report.recipients[0];
        assert_eq!(first.final_recipient.as_deref(), Some("a@example.net"));
        assert_eq!(
            first.diagnostic.as_deref(),
            Some("550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains")
        );
        assert_eq!(
            first.diagnostic_code(),
            (StatusCode::parse("5.7.750"), Some(550))
        );
        assert_eq!(
            report.recipients[1].final_recipient.as_deref(),
            Some("b@example.net")
        );
        assert_eq!(report.recipients[1].status, StatusCode::parse("5.1.10"));
    }

    #[test]
    fn address_folded_onto_next_line() {
        let report =
            parse("Final-recipient: RFC822;\n  user@example.com\nStatus: 5.1.1\n").unwrap();
        assert_eq!(
            report.recipients[0].final_recipient.as_deref(),
            Some("user@example.com")
        );
    }

    #[test]
    fn recipients_without_blank_lines() {
        let text = "Final-Recipient: rfc822;a@x.example\nStatus: 5.1.1\nFinal-Recipient: rfc822;b@x.example\nStatus: 5.2.2\n";
        let report = parse(text).unwrap();
        assert_eq!(report.recipients.len(), 2);
        assert_eq!(report.recipients[1].status, StatusCode::parse("5.2.2"));
    }

    #[test]
    fn no_recipient_fields() {
        assert!(parse("Reporting-MTA: dns; x\n").is_none());
        assert!(parse("").is_none());
    }
}
