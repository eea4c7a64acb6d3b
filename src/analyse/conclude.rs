//! Weighing what was found: the delivery-status fields, the candidate
//! codes of the text, the listed recipients, into one diagnosis.

use crate::bounce::{Bounce, Evidence, Kind, Recipient, Source};
use crate::dsn::{self, Action, RecipientFields};
use crate::notice::{self, Candidate, Strength};
use crate::status::{self, StatusCode};

/// A recipient the text names, with the code the text gives it, if any.
#[derive(Clone, Debug)]
pub(super) struct Listed {
    pub(super) address: String,
    pub(super) code: Option<(StatusCode, Option<u16>, String)>,
    /// Only an address alone on a line: a recipient if the text is a
    /// report, but no sign that it is one.
    pub(super) alone: bool,
}

impl Listed {
    /// A recipient named without a code of its own.
    pub(super) fn bare(address: String) -> Listed {
        Listed {
            address,
            code: None,
            alone: false,
        }
    }
}

/// The recipients a report's own text names, each with its own code.
pub(super) fn listed(own: &str, found: &[Candidate]) -> Vec<Listed> {
    let named = notice::recipients(own);
    let codes = notice::codes_of(own, found, &named.addresses);
    named
        .addresses
        .into_iter()
        .zip(codes)
        .map(|(address, code)| Listed {
            address,
            code: code.map(|c| (c.code, c.reply, c.diagnostic())),
            alone: named.alone,
        })
        .collect()
}

/// `extra` added to `into`, each address once: a later mention that gives
/// a code fills in an earlier one that gave none.
pub(super) fn merge_listed(into: &mut Vec<Listed>, extra: Vec<Listed>) {
    for item in extra {
        match into
            .iter_mut()
            .find(|l| l.address.eq_ignore_ascii_case(&item.address))
        {
            Some(known) if known.code.is_none() => known.code = item.code,
            Some(_) => {}
            None => into.push(item),
        }
    }
}

/// When the text holds no enhanced code at all, the reply it does hold
/// ("550 Administrative prohibition") gives the reply code, the diagnostic
/// and the server that gave it.
pub(super) fn reply_without_code(bounce: &mut Bounce, own: &str) {
    if bounce.status.is_some() || bounce.smtp_code.is_some() {
        return;
    }
    let Some((reply, line, context)) = notice::bare_reply(own) else {
        return;
    };
    bounce.smtp_code = Some(reply);
    bounce.diagnostic = Some(bounded(line.trim().to_owned()));
    bounce.remote_mta = bounce.remote_mta.take().or_else(|| {
        notice::remote_server(line)
            .or_else(|| context.lines().rev().find_map(notice::remote_server))
    });
    for recipient in &mut bounce.recipients {
        recipient.smtp_code = recipient.smtp_code.or(Some(reply));
        recipient.diagnostic = recipient
            .diagnostic
            .take()
            .or_else(|| bounce.diagnostic.clone());
        recipient.remote_mta = recipient
            .remote_mta
            .take()
            .or_else(|| bounce.remote_mta.clone());
    }
}

/// Longest diagnostic kept, in bytes: a server's reply is a line or two, and
/// every listed recipient carries a copy.
const MAX_DIAGNOSTIC: usize = 2000;

/// Fills status, reply, recipients and evidence from what was found.
pub(super) fn conclude(
    bounce: &mut Bounce,
    report: Option<&dsn::Report>,
    found: &[Candidate],
    listed: Vec<Listed>,
) {
    let chosen = notice::best(found);
    let dsn_recipients = report.map_or(&[][..], |r| r.recipients.as_slice());
    let failing = dsn_recipients
        .iter()
        .find(|r| r.action == Some(Action::Failed))
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
        bounce.kind = kind_of(fields.action, status);
        let matching = found
            .iter()
            .filter(|c| Some(c.code) == status)
            .max_by_key(|c| c.strength);
        bounce.evidence = Some(match matching {
            Some(c) => Evidence {
                source: Source::DeliveryStatus,
                ..evidence(c)
            },
            None => {
                // The field as RFC 3464 writes it, the code highlighted after its name.
                const FIELD: &str = "Status: ";
                let code = status.map(|s| s.to_string()).unwrap_or_default();
                Evidence {
                    line: format!("{FIELD}{code}"),
                    highlight: FIELD.len()..FIELD.len() + code.len(),
                    input_span: None,
                    source: Source::DeliveryStatus,
                }
            }
        });
        bounce.remote_mta = fields.remote_mta.clone();
    } else if let Some(candidate) = chosen {
        bounce.status = Some(candidate.code);
        bounce.smtp_code = candidate.reply;
        bounce.diagnostic = Some(candidate.diagnostic());
        bounce.kind = kind_of(failing.and_then(|f| f.action), Some(candidate.code));
        bounce.evidence = Some(evidence(candidate));
        bounce.remote_mta = notice::remote_server_near(candidate);
    } else {
        bounce.kind = Kind::Failure;
    }
    if bounce.smtp_code.is_none() {
        bounce.smtp_code = bounce.diagnostic.as_deref().and_then(status::leading_reply);
    }
    bounce.diagnostic = bounce.diagnostic.take().map(bounded);
    if bounce.remote_mta.is_none() {
        bounce.remote_mta = chosen.and_then(notice::remote_server_near);
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
            if s.subject == 0
                && s.detail == 0
                && c.code.class == s.class
                && c.strength >= Strength::Replied =>
        {
            Some(c.code)
        }
        _ => status,
    }
}

fn kind_of(action: Option<Action>, status: Option<StatusCode>) -> Kind {
    match action {
        Some(Action::Failed) => Kind::Failure,
        Some(Action::Delayed) => Kind::Delay,
        Some(Action::Delivered) => Kind::Delivered,
        Some(Action::Other) | None => match status.map(|s| s.class) {
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
    listed: Vec<Listed>,
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
    let mut listed = listed;
    if listed.is_empty() {
        // A reply line that names its recipient ("550 5.1.1 <a@b>... User unknown").
        listed.extend(
            bounce
                .diagnostic
                .as_deref()
                .and_then(crate::address::first_address)
                .map(Listed::bare),
        );
    }
    listed
        .into_iter()
        .map(|item| {
            let (status, smtp_code, diagnostic) = match item.code {
                Some((status, reply, diagnostic)) => {
                    (Some(status), reply, Some(bounded(diagnostic)))
                }
                None => (bounce.status, bounce.smtp_code, bounce.diagnostic.clone()),
            };
            Recipient {
                remote_mta: diagnostic
                    .as_deref()
                    .and_then(notice::remote_server)
                    .or_else(|| bounce.remote_mta.clone()),
                address: item.address,
                status,
                smtp_code: smtp_code
                    .or_else(|| diagnostic.as_deref().and_then(status::leading_reply)),
                diagnostic,
                original_address: None,
            }
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
