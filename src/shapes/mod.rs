//! Texts that carry a server's reply without being a delivery report: mail
//! server logs, application errors, SMTP transcripts, message trace output
//! and mail queue errors. Each reader recognises its shape by its own
//! signature lines and returns the failing reply, its recipients and the
//! server that gave it; the first reader that recognises the text wins.

use crate::bounce::{Bounce, Evidence, Input, Kind, Recipient, Source};
use crate::status::StatusCode;

/// What a reader found in its shape of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The shape the text was read as.
    pub input: Input,
    /// A failure, or a delay when the text shows only deferrals.
    pub kind: Kind,
    /// The failure's enhanced status code (of the deciding reply).
    pub status: Option<StatusCode>,
    /// Its SMTP reply code, when the text has one (.NET drops it).
    pub smtp_code: Option<u16>,
    /// The server's reply text.
    pub diagnostic: Option<String>,
    /// The server that gave the reply, when the text names it.
    pub remote_mta: Option<String>,
    /// The server whose log or queue this is, when the text names it.
    pub reporting_mta: Option<String>,
    /// Each recipient with its own reply.
    pub recipients: Vec<Recipient>,
    /// The line the deciding reply was read from, with the code's place in
    /// it and the line's range in the text.
    pub evidence: Option<Evidence>,
    /// The reply that wrapped the cause (a queue's `451 4.4.0 … responded
    /// with: "550 5.7.750 …"`), when the cause was inside another reply.
    pub wrapper: Option<String>,
}

impl Finding {
    /// An empty finding of `input`, to fill.
    pub fn new(input: Input) -> Finding {
        Finding {
            input,
            kind: Kind::Failure,
            status: None,
            smtp_code: None,
            diagnostic: None,
            remote_mta: None,
            reporting_mta: None,
            recipients: Vec::new(),
            evidence: None,
            wrapper: None,
        }
    }

    /// The diagnosis; `base` is the text's offset in the input when it is
    /// verbatim (evidence spans are shifted by it, or dropped).
    pub fn into_bounce(self, base: Option<usize>) -> Bounce {
        let mut bounce = Bounce::none();
        bounce.input = self.input;
        bounce.kind = self.kind;
        bounce.status = self.status;
        bounce.smtp_code = self.smtp_code;
        bounce.diagnostic = self.diagnostic;
        bounce.remote_mta = self.remote_mta;
        bounce.reporting_mta = self.reporting_mta;
        bounce.recipients = self.recipients;
        bounce.wrapper = self.wrapper;
        bounce.evidence = self.evidence.map(|mut evidence| {
            evidence.input_span = match (base, evidence.input_span) {
                (Some(base), Some(span)) => Some(base + span.start..base + span.end),
                _ => None,
            };
            evidence
        });
        bounce
    }
}

/// Reads `text` with the first reader that recognises its shape.
pub fn read(_text: &str) -> Option<Finding> {
    None
}

/// Evidence for a code found on `line`, which starts at `start` in the text.
pub fn evidence(line: &str, start: usize, code: std::ops::Range<usize>) -> Evidence {
    Evidence {
        line: line.to_owned(),
        highlight: code,
        input_span: Some(start..start + line.len()),
        source: Source::NotificationText,
    }
}

/// A recipient with its own reply.
pub fn recipient(
    address: String,
    status: Option<StatusCode>,
    smtp_code: Option<u16>,
    diagnostic: Option<String>,
    remote_mta: Option<String>,
) -> Recipient {
    Recipient {
        address,
        original_address: None,
        status,
        smtp_code,
        diagnostic,
        remote_mta,
    }
}
