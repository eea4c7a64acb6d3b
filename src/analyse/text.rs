//! A text that is not a mail message: copied out of a mail client, HTML,
//! or a single SMTP reply line.

use super::conclude::conclude;
use crate::bounce::{Bounce, Input};
use crate::dsn;
use crate::html;
use crate::mime::charset;
use crate::notice::{self, Strength, Text};
use crate::quoting::{self, Forward};
use crate::shapes;

/// Reads `input` as text (UTF-8, else Windows-1252; HTML made plain).
pub(super) fn read_bytes(input: &[u8]) -> Bounce {
    let text = charset::lossy_utf8_or_cp1252(input);
    let verbatim = text.len() == input.len();
    if html::looks_like_html(&text) {
        read(&html::to_text(&text), None)
    } else {
        read(&text, verbatim.then_some(0))
    }
}

/// Reads a text; `base` is its offset in the input when it is verbatim.
pub(super) fn read(text: &str, base: Option<usize>) -> Bounce {
    if let Some(finding) = shapes::read(text) {
        return finding.into_bounce(base);
    }
    let starts = notice::report_starts(text);
    if starts.len() > 1 {
        return several(text, base, &starts);
    }
    if let Some(bounce) = quoted(text, base) {
        return bounce;
    }
    report(text, base)
}

/// Several reports pasted one after another: each read alone, the final
/// failure kept.
fn several(text: &str, base: Option<usize>, starts: &[usize]) -> Bounce {
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    let found = starts.iter().zip(ends).map(|(&start, end)| {
        let mut bounce = report(&text[start..end], base.map(|b| b + start));
        bounce.input = Input::CopiedText;
        bounce.reports = usize::from(bounce.is_ndr());
        bounce
    });
    super::final_report(found.collect())
}

/// A report a person quoted or forwarded inside their own text, read
/// without the quote prefixes; evidence still points into `text`.
pub(super) fn quoted(text: &str, base: Option<usize>) -> Option<Bounce> {
    let unquoted = quoting::unquote(text);
    let forward = quoting::forward_start(&unquoted.text);
    let start = match (unquoted.first_quoted, forward) {
        (Some(quote), Some((at, _))) => quote.min(at),
        (Some(quote), None) => quote,
        // A client's header block with nothing before it opens a report
        // copied whole out of the client, not a forward.
        (None, Some((at, Forward::Header))) if unquoted.text[..at].trim().is_empty() => {
            return None
        }
        (None, Some((at, _))) => at,
        (None, None) => return None,
    };
    if has_report_structure(&unquoted.text[..start]) {
        return None;
    }
    let start = start + quoting::after_separator(&unquoted.text[start..]);
    let inner = &unquoted.text[start..];
    let mut bounce = match shapes::read(inner) {
        Some(finding) => finding.into_bounce(Some(0)),
        None => {
            let mut bounce = report(inner, Some(0));
            bounce.input = Input::QuotedNdr;
            bounce
        }
    };
    if !bounce.is_ndr() {
        return None;
    }
    if let Some(evidence) = bounce.evidence.as_mut() {
        evidence.input_span = match (evidence.input_span.take(), base) {
            (Some(span), Some(base)) => Some(
                base + unquoted.original(start + span.start)
                    ..base + unquoted.original(start + span.end),
            ),
            _ => None,
        };
    }
    Some(bounce)
}

/// Whether the person's own text is itself a report (then what follows is
/// its returned message, not a quoted report): a delivery-status field, a
/// list of failed recipients, or a line that reports a server's reply.
fn has_report_structure(text: &str) -> bool {
    dsn::parse(text).is_some()
        || !notice::recipients(text).addresses.is_empty()
        || notice::candidates(Text { text, base: None })
            .iter()
            .any(|c| c.strength == Strength::Worded)
}

/// Most lines of a text whose bare codes alone make it a failure.
const MAX_BARE_LINES: usize = 3;

/// A report's own text: copied out of a mail client, or one reply line.
fn report(text: &str, base: Option<usize>) -> Bounce {
    let own = notice::own_text(text);
    let found = notice::candidates(Text { text: own, base });
    let report = dsn::parse(own);
    let listed = super::conclude::listed(own, &found);
    let signalled = report.is_some() || listed.iter().any(|l| !l.alone);
    let mut bounce = Bounce::none();
    bounce.input = if text.trim().lines().nth(1).is_none() {
        Input::SmtpReply
    } else {
        Input::CopiedText
    };
    // A code with nothing around it is a failure only in a short paste (the
    // code, or the reply line, alone): in prose it is a version or a mention.
    let short = own
        .lines()
        .filter(|l| !l.trim().is_empty())
        .nth(MAX_BARE_LINES)
        .is_none();
    let replied = found.iter().any(|c| c.strength >= Strength::Replied);
    let bare_but_alone = short && !found.is_empty();
    if !(signalled || replied || bare_but_alone) {
        return bounce;
    }
    bounce.reporting_mta = report
        .as_ref()
        .and_then(|r| r.reporting_mta.clone())
        .or_else(|| notice::reporting_server(own));
    conclude(&mut bounce, report.as_ref(), &found, listed);
    super::conclude::reply_without_code(&mut bounce, own);
    bounce
}
