//! From input bytes to a [`Bounce`]: decode the text, split it into its
//! reports, read each in its role (a message, a person's forward, a text with
//! a server's reply in it), and keep the final failure.

mod conclude;
mod message;
mod text;

use crate::bounce::{Bounce, Kind, Limit};
use crate::encoding::{self, Transcoded};
use crate::lines::lines;
use crate::mime::{Headers, Message};

/// Largest input read (32 MiB). Past it, the analysis rests on the first
/// 32 MiB and says so with [`Limit::InputTooLarge`].
pub const MAX_INPUT: usize = 32 * 1024 * 1024;
/// Most messages read from one mbox file.
const MAX_MESSAGES: usize = 64;
/// Most recipients listed; past it, [`Limit::TooManyRecipients`] says how many there were.
pub const MAX_RECIPIENTS: usize = 1000;
/// Deepest forward of a forward read: a report attached to a message
/// attached to a message… is read down to this depth.
const MAX_FORWARDS: usize = 8;

/// Analyses whatever the user gave: a raw message, an mbox, a forward,
/// copied text, HTML, a log, an application's error or a single SMTP reply
/// line. Never panics; time is linear in the input.
///
/// ```
/// let bounce = ndr_explainer::analyse(b"550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains");
/// assert_eq!(bounce.status.unwrap().to_string(), "5.7.750");
/// assert_eq!(bounce.smtp_code, Some(550));
/// ```
pub fn analyse(input: &[u8]) -> Bounce {
    if crate::msg::is_compound_file(input) {
        return crate::msg::analyse(input);
    }
    let total = input.len();
    let input = &input[..total.min(MAX_INPUT)];
    let mut bounce = match encoding::transcode(input) {
        Transcoded::Verbatim(skip) => {
            let mut bounce = reports(&input[skip..], 0);
            shift_spans(&mut bounce, skip);
            bounce
        }
        Transcoded::Utf16(text) => {
            let mut bounce = reports(text.as_bytes(), 0);
            drop_spans(&mut bounce);
            bounce
        }
    };
    let found = bounce.recipients.len();
    if found > MAX_RECIPIENTS {
        bounce.recipients.truncate(MAX_RECIPIENTS);
        bounce.limits.push(Limit::TooManyRecipients {
            shown: MAX_RECIPIENTS,
            total: found,
        });
    }
    if total > MAX_INPUT {
        bounce.limits.push(Limit::InputTooLarge {
            analysed: MAX_INPUT,
            total,
        });
    }
    bounce
}

/// Every report in `input` (an mbox holds several), read one by one; the
/// diagnosis is the final failure. `depth` counts the forwards around it.
fn reports(input: &[u8], depth: usize) -> Bounce {
    let found = mbox_messages(input).into_iter().map(|(start, end)| {
        let mut bounce = one(&input[start..end], depth);
        shift_spans(&mut bounce, start);
        bounce
    });
    final_report(found.collect())
}

/// One message or one text.
fn one(input: &[u8], depth: usize) -> Bounce {
    let mut bounce = match Message::parse(input) {
        Some(message) if is_message(&message.headers) => message::read(&message, input, depth),
        _ => text::read_bytes(input),
    };
    if bounce.reports == 0 && bounce.is_ndr() {
        bounce.reports = 1;
    }
    bounce
}

/// The byte ranges of the messages in an mbox file; anything else is one message.
fn mbox_messages(input: &[u8]) -> Vec<(usize, usize)> {
    if !input.starts_with(b"From ") {
        return vec![(0, input.len())];
    }
    let mut starts = vec![0];
    let mut blank_before = false;
    for line in lines(input).skip(1) {
        let text = &input[line.start..line.end];
        if blank_before && text.starts_with(b"From ") && starts.len() < MAX_MESSAGES {
            starts.push(line.start);
        }
        blank_before = text.is_empty();
    }
    let ends = starts.iter().skip(1).copied().chain([input.len()]);
    starts.iter().copied().zip(ends).collect()
}

/// The final failure among several reports: the last failure, else the
/// last delay, else the last report of any kind. Earlier delays and retries
/// are history, never the status; the recipients of the other reports of
/// the same kind are kept.
fn final_report(found: Vec<Bounce>) -> Bounce {
    let reports = found.iter().map(|b| b.reports).sum();
    let rank = |b: &Bounce| match b.kind {
        Kind::Failure => 3,
        Kind::Delay => 2,
        Kind::Delivered => 1,
        Kind::NotABounce => 0,
    };
    let Some(chosen) = (0..found.len()).max_by_key(|&i| (rank(&found[i]), i)) else {
        return Bounce::none();
    };
    let mut found = found;
    let mut bounce = found.swap_remove(chosen);
    for other in &mut found {
        for limit in other.limits.drain(..) {
            if !bounce.limits.contains(&limit) {
                bounce.limits.push(limit);
            }
        }
    }
    let kind = bounce.kind;
    for other in found.into_iter().filter(|b| b.kind == kind) {
        for recipient in other.recipients {
            let known = bounce
                .recipients
                .iter()
                .any(|r| r.address.eq_ignore_ascii_case(&recipient.address));
            if !known {
                bounce.recipients.push(recipient);
            }
        }
    }
    bounce.reports = reports;
    bounce
}

fn shift_spans(bounce: &mut Bounce, by: usize) {
    if let Some(span) = bounce.evidence.as_mut().and_then(|e| e.input_span.as_mut()) {
        *span = span.start + by..span.end + by;
    }
}

fn drop_spans(bounce: &mut Bounce) {
    if let Some(evidence) = bounce.evidence.as_mut() {
        evidence.input_span = None;
    }
}

/// True when the headers belong to a mail message as a server wrote it,
/// rather than to the block a mail client shows above a message it copies
/// (`From:`, `Sent:`, `To:`, `Subject:`), which is read with its text.
fn is_message(headers: &Headers) -> bool {
    const RAW: &[&str] = &[
        "received",
        "message-id",
        "mime-version",
        "content-type",
        "return-path",
        "delivered-to",
        "x-failed-recipients",
        "x-ms-exchange-message-is-ndr",
        "dkim-signature",
    ];
    let raw = headers
        .iter()
        .any(|(name, _)| RAW.iter().any(|f| name.eq_ignore_ascii_case(f)));
    let addressed = headers.has("From") && (headers.has("Date") || headers.has("To"));
    // A mail client's copy says when it was sent in words ("Sent: Monday…").
    raw || (addressed && !headers.has("Sent"))
}
