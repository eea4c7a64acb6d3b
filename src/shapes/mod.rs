//! Texts that carry a server's reply without being a delivery report: mail
//! server logs, application errors, SMTP transcripts, message trace output
//! and mail queue errors. Each reader recognises its shape and returns the
//! failing reply, its recipients and the server that gave it; the first
//! reader that recognises the text wins.
//!
//! A reader claims a text only by its own signature lines, read where they
//! stand (at the start of a line, in their own layout), and no text that
//! has a delivery report's wording: a report quoting such a line is left
//! to the report's reading.

mod dotnet;
mod exim;
mod fields;
mod java;
mod names;
mod nodemailer;
mod outcome;
mod postfix;
mod python;
mod queue;
mod reply;
mod sendmail;
mod tally;
mod trace;
mod tracking;
mod transcript;
mod turns;
mod value;

use crate::bounce::{Bounce, Evidence, Input, Kind, Limit, Recipient, Source};
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
    /// What was left out (recipients past the cap).
    pub limits: Vec<Limit>,
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
            limits: Vec::new(),
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
        bounce.limits = self.limits;
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

/// The readers, most particular signature first: a queue's `LastError`
/// and Exchange's tracking fields before message trace events; transcripts
/// before application errors, whose exception lines a transcript may end with.
const READERS: &[fn(&str) -> Option<Finding>] = &[
    queue::read,
    tracking::read,
    trace::read,
    transcript::read,
    postfix::read,
    exim::read,
    sendmail::read,
    dotnet::read,
    python::read,
    java::read,
    nodemailer::read,
];

/// Reads `text` with the first reader that recognises its shape.
pub fn read(text: &str) -> Option<Finding> {
    let finding = READERS.iter().find_map(|read| read(text))?;
    // Checked only once a shape is recognised: most texts are reports and
    // pay nothing for it.
    (!ndr_wording(text)).then_some(finding)
}

/// Wording only a delivery report's own text has: a text with it is a
/// report (copied, quoted or forwarded) that merely shows a log line,
/// an error or a session, and is read as a report.
const NDR_WORDING: &[&str] = &[
    "remote server returned",
    "delivery has failed to these recipients",
    "diagnostic information for administrators",
    "your message couldn't be delivered",
    "your message couldn’t be delivered",
    "your message wasn't delivered",
    "your message wasn’t delivered",
    "this is the mail system at host",
    "to inform you that your message could not",
    "the original message was received at",
    "following addresses had permanent fatal errors",
    "this message was created automatically by mail delivery software",
    "delivery to the following recipient failed permanently",
    "final-recipient:",
    "reporting-mta:",
    "diagnostic-code:",
];

fn ndr_wording(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    NDR_WORDING.iter().any(|w| lower.contains(w))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_shape_has_its_reader() {
        let cases = [
            ("LastError : [{LED=451 4.4.0 Primary target IP address responded with: \"550 5.7.750 x.\"};{FQDN=}]", Input::QueueError),
            ("Event  : Fail\nDetail : Reason: [{LED=550 5.7.705 x};{MSG=}]", Input::MessageTrace),
            (" -> RCPT TO:<a@b.example>\n<** 550 5.1.1 unknown", Input::SmtpTranscript),
            ("smtplib.SMTPDataError: (550, b'5.7.705 x')", Input::ApplicationError),
        ];
        for (text, input) in cases {
            assert_eq!(read(text).map(|f| f.input), Some(input), "{text:?}");
        }
    }

    #[test]
    fn a_report_that_shows_a_log_line_is_left_to_the_report() {
        let log = "Jun 1 mx postfix/smtp[2]: M1: to=<r@b.example>, relay=y.b.example[192.0.2.2]:25, dsn=5.7.1, status=bounced (host y.b.example said: 554 5.7.1 no)";
        assert!(read(log).is_some());
        let report =
            format!("This is the mail system at host relay.example.\n\nOur log says:\n{log}\n");
        assert!(read(&report).is_none());
        let quoted = format!("Remote Server returned '554 5.7.1 no'\n{log}");
        assert!(read(&quoted).is_none());
    }

    #[test]
    fn odd_text_reads_as_nothing() {
        let odd = "\u{feff}ｓｍｔｐｌｉｂ.SMTPDataError: (５５０, b'５.７.７０５')\n\u{202e}LastError : 550 5.7.705\u{202c}\n\u{0}\u{ffff} -> \u{10ffff}\n";
        assert!(read(odd).is_none_or(|f| f.status.is_none_or(|s| s.to_string() == "5.7.705")));
        for n in 0..64 {
            let text: String = "LastError : [{LED= -> <** send: '(, b'\"é😀"
                .chars()
                .cycle()
                .take(n)
                .collect();
            let _ = read(&text);
        }
    }
}
