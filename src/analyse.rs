//! From input bytes to a [`Bounce`]: decide what the input is, read each part
//! in its role, and weigh the findings.

use crate::address::AddressList;
use crate::bounce::{Bounce, Evidence, Input, Kind, Limit, Original, Recipient, Source};
use crate::dsn::{self, RecipientFields};
use crate::html;
use crate::lines::lines;
use crate::mime::{charset, Headers, Message, Role};
use crate::notice::{self, Candidate, Text};
use crate::status::{self, StatusCode};

/// Largest input read (32 MiB). Past it, the analysis rests on the first
/// 32 MiB and says so with [`Limit::InputTooLarge`].
pub const MAX_INPUT: usize = 32 * 1024 * 1024;
/// Most messages read from one mbox file.
const MAX_MESSAGES: usize = 64;
/// Longest diagnostic kept, in bytes: a server's reply is a line or two, and
/// every listed recipient carries a copy.
const MAX_DIAGNOSTIC: usize = 2000;
/// Most recipients listed; past it, [`Limit::TooManyRecipients`] says how many there were.
pub const MAX_RECIPIENTS: usize = 1000;

/// Analyses whatever the user gave: a raw message, an mbox, copied text,
/// HTML or a single SMTP reply line. Never panics; time is linear in the input.
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
    let mut messages = mbox_messages(input).into_iter().map(|(start, end)| {
        let mut bounce = analyse_one(&input[start..end]);
        shift_spans(&mut bounce, start);
        bounce
    });
    let mut bounce = messages.next().unwrap_or_else(Bounce::none);
    let mut reports = usize::from(bounce.is_ndr());
    for next in messages {
        reports += usize::from(next.is_ndr());
        merge(&mut bounce, next);
    }
    bounce.reports = reports;
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

fn merge(into: &mut Bounce, next: Bounce) {
    if into.kind == Kind::NotABounce && next.kind != Kind::NotABounce {
        let mut next = next;
        next.limits.append(&mut into.limits);
        *into = next;
        return;
    }
    let mut seen: std::collections::HashSet<String> = into
        .recipients
        .iter()
        .map(|r| r.address.to_ascii_lowercase())
        .collect();
    for recipient in next.recipients {
        if seen.insert(recipient.address.to_ascii_lowercase()) {
            into.recipients.push(recipient);
        }
    }
}

fn shift_spans(bounce: &mut Bounce, by: usize) {
    if let Some(span) = bounce.evidence.as_mut().and_then(|e| e.input_span.as_mut()) {
        *span = span.start + by..span.end + by;
    }
}

fn analyse_one(input: &[u8]) -> Bounce {
    match Message::parse(input) {
        Some(message) if is_message(&message.headers) => from_message(&message),
        _ => {
            let text = charset::lossy_utf8_or_cp1252(input);
            let verbatim = text.len() == input.len();
            if html::looks_like_html(&text) {
                from_text(&html::to_text(&text), None)
            } else {
                from_text(&text, verbatim.then_some(0))
            }
        }
    }
}

/// True when the headers belong to a mail message rather than to pasted fields.
fn is_message(headers: &Headers) -> bool {
    const MESSAGE_FIELDS: &[&str] = &[
        "from",
        "to",
        "subject",
        "date",
        "received",
        "message-id",
        "content-type",
        "mime-version",
        "return-path",
        "sent",
        "delivered-to",
        "x-failed-recipients",
    ];
    headers
        .iter()
        .any(|(name, _)| MESSAGE_FIELDS.iter().any(|f| name.eq_ignore_ascii_case(f)))
}

fn from_text(text: &str, base: Option<usize>) -> Bounce {
    let own = notice::own_text(text);
    let found = notice::candidates(Text { text: own, base });
    let report = dsn::parse(own);
    let listed = notice::recipients(own);
    let signalled = report.is_some() || !listed.is_empty();
    let mut bounce = Bounce::none();
    bounce.input = if text.trim().lines().nth(1).is_none() {
        Input::SmtpReply
    } else {
        Input::CopiedText
    };
    if found.is_empty() && !signalled {
        return bounce;
    }
    bounce.reporting_mta = report
        .as_ref()
        .and_then(|r| r.reporting_mta.clone())
        .or_else(|| notice::reporting_server(own));
    conclude(&mut bounce, report.as_ref(), &found, listed);
    bounce
}

fn from_message(message: &Message) -> Bounce {
    let headers = &message.headers;
    // Each notification part cut once at its returned message, with its offset.
    let notes: Vec<Text> = message
        .parts_with(Role::Notification)
        .map(|p| Text {
            text: notice::own_text(&p.text),
            base: p.base,
        })
        .collect();
    let found: Vec<Candidate> = notes.iter().flat_map(|n| notice::candidates(*n)).collect();
    let report = message
        .parts_with(Role::DeliveryStatus)
        .find_map(|p| dsn::parse(&p.text))
        .or_else(|| notes.iter().find_map(|n| dsn::parse(n.text)));
    let mut listed = AddressList::default();
    let from_text = notes.iter().flat_map(|n| notice::recipients(n.text));
    for address in from_text.chain(failed_recipients_header(headers)) {
        listed.push(Some(address));
    }
    let listed = listed.into_vec();

    let mut bounce = Bounce::none();
    bounce.original = original(message);
    bounce.subject = headers.decoded("Subject");
    if message.limited {
        bounce.limits.push(Limit::MimeTooComplex);
    }
    if !is_bounce(message, report.is_some(), !listed.is_empty()) {
        return bounce;
    }
    bounce.date = headers.decoded("Date");
    bounce.notified = headers.decoded("To");
    bounce.reporting_mta = report
        .as_ref()
        .and_then(|r| r.reporting_mta.clone())
        .or_else(|| notes.iter().find_map(|n| notice::reporting_server(n.text)));
    conclude(&mut bounce, report.as_ref(), &found, listed);
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

/// Fills status, reply, recipients and evidence from what was found.
fn conclude(
    bounce: &mut Bounce,
    report: Option<&dsn::Report>,
    found: &[Candidate],
    listed: Vec<String>,
) {
    let chosen = notice::best(found);
    let dsn_recipients = report.map_or(&[][..], |r| r.recipients.as_slice());
    let failing = dsn_recipients
        .iter()
        .find(|r| r.action.as_deref() == Some("failed"))
        .or_else(|| dsn_recipients.iter().find(|r| r.status.is_some()))
        .or(dsn_recipients.first());

    if let Some(fields) = failing.filter(|f| recipient_status(f).0.is_some()) {
        let (status, reply) = recipient_status(fields);
        let status = refine_generic(status, chosen);
        bounce.status = status;
        bounce.smtp_code = reply.or_else(|| {
            chosen
                .filter(|c| Some(c.code) == status)
                .and_then(|c| c.reply)
        });
        bounce.diagnostic = fields.diagnostic.clone();
        bounce.kind = kind_of(fields.action.as_deref(), status);
        let matching = found
            .iter()
            .filter(|c| Some(c.code) == status)
            .max_by_key(|c| c.strength);
        bounce.evidence = Some(match matching {
            Some(c) => Evidence {
                source: Source::DeliveryStatus,
                ..evidence(c)
            },
            None => Evidence {
                line: format!(
                    "Status: {}",
                    status.map(|s| s.to_string()).unwrap_or_default()
                ),
                highlight: 8..8 + status.map_or(0, |s| s.to_string().len()),
                input_span: None,
                source: Source::DeliveryStatus,
            },
        });
        bounce.remote_mta = fields.remote_mta.clone();
    } else if let Some(candidate) = chosen {
        bounce.status = Some(candidate.code);
        bounce.smtp_code = candidate.reply;
        bounce.diagnostic = Some(candidate.diagnostic());
        bounce.kind = kind_of(
            failing.and_then(|f| f.action.as_deref()),
            Some(candidate.code),
        );
        bounce.evidence = Some(evidence(candidate));
        bounce.remote_mta = notice::remote_server(candidate.line);
    } else {
        bounce.kind = Kind::Failure;
    }
    if bounce.smtp_code.is_none() {
        bounce.smtp_code = bounce.diagnostic.as_deref().and_then(status::leading_reply);
    }
    bounce.diagnostic = bounce.diagnostic.take().map(bounded);
    if bounce.remote_mta.is_none() {
        bounce.remote_mta = chosen.and_then(|c| notice::remote_server(c.line));
    }
    bounce.recipients = recipients(bounce, dsn_recipients, listed);
}

/// A DSN recipient's code: `Status`, unless it is a bare `x.0.0` and the
/// diagnostic carries a precise code of the same class; the reply comes from
/// the diagnostic.
fn recipient_status(fields: &RecipientFields) -> (Option<StatusCode>, Option<u16>) {
    let (diagnosed, reply) = fields.diagnostic_code();
    let status = match (fields.status, diagnosed) {
        (Some(s), Some(d)) if s.subject == 0 && s.detail == 0 && d.class == s.class => Some(d),
        (None, d) => d,
        (s, _) => s,
    };
    (status, reply)
}

/// A generic `x.0.0` status gives way to a precise code the text reports.
fn refine_generic(status: Option<StatusCode>, chosen: Option<&Candidate>) -> Option<StatusCode> {
    match (status, chosen) {
        (Some(s), Some(c))
            if s.subject == 0 && s.detail == 0 && c.code.class == s.class && c.strength >= 2 =>
        {
            Some(c.code)
        }
        _ => status,
    }
}

fn kind_of(action: Option<&str>, status: Option<StatusCode>) -> Kind {
    match action {
        Some("failed") => Kind::Failure,
        Some("delayed") => Kind::Delay,
        Some("delivered" | "relayed" | "expanded" | "deliverable") => Kind::Delivered,
        _ => match status.map(|s| s.class) {
            Some(2) => Kind::Delivered,
            Some(4) => Kind::Delay,
            _ => Kind::Failure,
        },
    }
}

fn evidence(candidate: &Candidate) -> Evidence {
    Evidence {
        line: candidate.line.to_owned(),
        highlight: candidate.highlight.clone(),
        input_span: candidate.input_span.clone(),
        source: candidate.source,
    }
}

fn recipients(
    bounce: &Bounce,
    dsn_recipients: &[RecipientFields],
    listed: Vec<String>,
) -> Vec<Recipient> {
    let from_dsn: Vec<Recipient> = dsn_recipients
        .iter()
        .filter_map(|fields| {
            let address = fields
                .final_recipient
                .clone()
                .or_else(|| fields.original_recipient.clone())?;
            let (status, smtp_code) = recipient_status(fields);
            Some(Recipient {
                original_address: fields
                    .original_recipient
                    .clone()
                    .filter(|o| !o.eq_ignore_ascii_case(&address)),
                address,
                status,
                smtp_code,
                diagnostic: fields.diagnostic.clone().map(bounded),
                remote_mta: fields.remote_mta.clone(),
            })
        })
        .collect();
    if !from_dsn.is_empty() {
        return from_dsn;
    }
    let mut addresses = listed;
    if addresses.is_empty() {
        // A reply line that names its recipient ("550 5.1.1 <a@b>... User unknown").
        addresses.extend(
            bounce
                .diagnostic
                .as_deref()
                .and_then(crate::address::first_address),
        );
    }
    addresses
        .into_iter()
        .map(|address| Recipient {
            address,
            status: bounce.status,
            smtp_code: bounce.smtp_code,
            diagnostic: bounce.diagnostic.clone(),
            remote_mta: bounce.remote_mta.clone(),
            original_address: None,
        })
        .collect()
}

/// `text` cut to [`MAX_DIAGNOSTIC`] bytes (on a character boundary), marked with "…".
fn bounded(mut text: String) -> String {
    if text.len() > MAX_DIAGNOSTIC {
        let mut end = MAX_DIAGNOSTIC;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push('…');
    }
    text
}

fn failed_recipients_header(headers: &Headers) -> Vec<String> {
    headers
        .get_all("X-Failed-Recipients")
        .flat_map(crate::address::find_addresses)
        .collect()
}

/// Whether a message is a delivery report at all.
fn is_bounce(message: &Message, has_report: bool, lists_recipients: bool) -> bool {
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
        || (from.contains("postmaster") && lists_recipients)
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
