//! A message: a delivery report in its parts, or a person's message that
//! carries one as an attachment.

use super::conclude::{conclude, merge_listed, Listed};
use super::MAX_FORWARDS;
use crate::bounce::{Bounce, Input, Kind, Limit, Original};
use crate::dsn;
use crate::mime::{Attached, Headers, Message, Role};
use crate::notice::{self, Candidate, Strength, Text};

/// A message: a person's forward of a report, or a report itself.
pub(super) fn read(message: &Message, raw: &[u8], depth: usize) -> Bounce {
    if let Some(forwarded) = forwarded(message, raw, depth) {
        return forwarded;
    }
    if !is_report(message) {
        // A person's reply or inline forward with the report in its text.
        let quoted = message
            .parts_with(Role::Notification)
            .find_map(|part| super::text::quoted(&part.text, part.base));
        if let Some(mut bounce) = quoted {
            bounce.original = original(message);
            return bounce;
        }
    }
    report(message)
}

/// A report that a person attached to their own message ("forward as
/// attachment"), read in turn: the first attached message that is a report.
/// A report's own attachments are the original it returns, never a source.
fn forwarded(message: &Message, raw: &[u8], depth: usize) -> Option<Bounce> {
    if depth >= MAX_FORWARDS || message.attached.is_empty() || is_report(message) {
        return None;
    }
    message.attached.iter().find_map(|attached| {
        let (bytes, base) = match attached {
            Attached::Verbatim(range) => (raw.get(range.clone())?, Some(range.start)),
            Attached::Decoded(bytes) => (bytes.as_slice(), None),
        };
        let mut bounce = super::reports(bytes, depth + 1);
        if !bounce.is_ndr() {
            return None;
        }
        match base {
            Some(base) => super::shift_spans(&mut bounce, base),
            None => super::drop_spans(&mut bounce),
        }
        bounce.input = Input::ForwardedNdr;
        // The subject is the message the person gave: their forward's.
        bounce.subject = message.headers.decoded("Subject");
        Some(bounce)
    })
}

/// Whether the message itself is a delivery report, by its own structure
/// and headers, whatever its attachments hold.
fn is_report(message: &Message) -> bool {
    let headers = &message.headers;
    let content_type = crate::mime::ContentType::parse(headers.get("Content-Type"));
    let from = headers.get("From").unwrap_or("").to_ascii_lowercase();
    content_type.param("report-type").is_some()
        || message.parts_with(Role::DeliveryStatus).next().is_some()
        || headers.has("X-Failed-Recipients")
        || headers.has("X-MS-Exchange-Message-Is-Ndr")
        || from.contains("mailer-daemon")
        || from.contains("postmaster")
}

fn report(message: &Message) -> Bounce {
    let headers = &message.headers;
    // Each notification part cut once at its returned message, with its offset.
    let notes: Vec<Text> = message
        .parts_with(Role::Notification)
        .map(|p| Text {
            text: notice::own_text(&p.text),
            base: p.base,
        })
        .collect();
    let per_note: Vec<Vec<Candidate>> = notes.iter().map(|n| notice::candidates(*n)).collect();
    let report = message
        .parts_with(Role::DeliveryStatus)
        .find_map(|p| dsn::parse(&p.text))
        .or_else(|| notes.iter().find_map(|n| dsn::parse(n.text)));
    let mut listed = Vec::new();
    for (note, found) in notes.iter().zip(&per_note) {
        merge_listed(&mut listed, super::conclude::listed(note.text, found));
    }
    let from_header = failed_recipients_header(headers)
        .into_iter()
        .map(Listed::bare);
    merge_listed(&mut listed, from_header.collect());
    let found: Vec<Candidate> = per_note.into_iter().flatten().collect();

    let mut bounce = Bounce::none();
    bounce.original = original(message);
    bounce.subject = headers.decoded("Subject");
    if message.limited {
        bounce.limits.push(Limit::MimeTooComplex);
    }
    let names_recipients = listed.iter().any(|l| !l.alone);
    let replied = found.iter().any(|c| c.strength >= Strength::Replied);
    if !is_bounce(message, report.is_some(), names_recipients, replied) {
        return bounce;
    }
    bounce.date = headers.decoded("Date");
    bounce.notified = headers.decoded("To");
    bounce.reporting_mta = report
        .as_ref()
        .and_then(|r| r.reporting_mta.clone())
        .or_else(|| notes.iter().find_map(|n| notice::reporting_server(n.text)));
    conclude(&mut bounce, report.as_ref(), &found, listed);
    for note in &notes {
        super::conclude::reply_without_code(&mut bounce, note.text);
    }
    if bounce.kind == Kind::NotABounce {
        bounce.kind = Kind::Failure;
    }
    let subject = notice::normalise(&headers.decoded("Subject").unwrap_or_default());
    if bounce.kind == Kind::Failure
        && bounce.status.is_none_or(|s| s.class == 4)
        && subject.contains("delay")
    {
        bounce.kind = Kind::Delay;
    }
    bounce
}

fn failed_recipients_header(headers: &Headers) -> Vec<String> {
    headers
        .get_all("X-Failed-Recipients")
        .flat_map(crate::address::find_addresses)
        .collect()
}

/// Whether a message is a delivery report at all.
fn is_bounce(message: &Message, has_report: bool, lists_recipients: bool, replied: bool) -> bool {
    let headers = &message.headers;
    let content_type = crate::mime::ContentType::parse(headers.get("Content-Type"));
    if content_type
        .param("report-type")
        .is_some_and(|t| t.eq_ignore_ascii_case("feedback-report"))
    {
        return false;
    }
    if has_report {
        return true;
    }
    let subject = notice::normalise(&headers.decoded("Subject").unwrap_or_default());
    if notice::AUTO_REPLY_SUBJECTS
        .iter()
        .any(|s| subject.contains(s))
    {
        return false;
    }
    let from = headers.get("From").unwrap_or("").to_ascii_lowercase();
    headers.has("X-Failed-Recipients")
        || headers.has("X-MS-Exchange-Message-Is-Ndr")
        || headers.has("X-MS-Embedded-Report")
        || content_type
            .param("report-type")
            .is_some_and(|t| t.eq_ignore_ascii_case("delivery-status"))
        || notice::BOUNCE_SUBJECTS.iter().any(|s| subject.contains(s))
        || from.contains("mailer-daemon")
        || (from.contains("postmaster") && replied)
        || lists_recipients
}

/// The returned message's headers, from a returned part or from the
/// "Original message headers" section of the text.
fn original(message: &Message) -> Original {
    let returned = message
        .parts_with(Role::Returned)
        .find_map(|p| p.headers.clone())
        .or_else(|| {
            message.parts_with(Role::Notification).find_map(|p| {
                let cut = notice::own_text_end(&p.text);
                let rest = &p.text[cut..];
                let first_break = rest.find('\n')?;
                let after = rest[first_break..].trim_start();
                Headers::parse(after.as_bytes()).map(|(h, _)| h)
            })
        });
    let Some(headers) = returned else {
        return Original::default();
    };
    Original {
        from: headers.decoded("From"),
        return_path: headers.decoded("Return-Path"),
        subject: headers.decoded("Subject"),
        date: headers.decoded("Date"),
        received: headers.get_all("Received").map(str::to_owned).collect(),
    }
}
