//! A text that is not a mail message: copied out of a mail client, HTML,
//! or a single SMTP reply line.

use super::conclude::conclude;
use crate::bounce::{Bounce, Input};
use crate::dsn;
use crate::html;
use crate::mime::charset;
use crate::notice::{self, Text};
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
