//! The diagnosis: what a bounce says went wrong, and where it says so.

use crate::status::StatusCode;
use std::ops::Range;

/// What kind of message the input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A non-delivery report: the message was not delivered.
    Failure,
    /// A delay notice: the server is still trying.
    Delay,
    /// A report that delivery succeeded (or an address was verified).
    Delivered,
    /// Not a delivery report at all.
    NotABounce,
}

/// What the input was read as: the shape the failure was found in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Input {
    /// A delivery report as a mail message (or an mbox of them).
    #[default]
    Ndr,
    /// A person's message that carries a delivery report as an attachment.
    ForwardedNdr,
    /// A delivery report quoted in a reply or pasted into an inline forward.
    QuotedNdr,
    /// A mail server's log lines (Postfix, Exim, Sendmail, Exchange tracking).
    MtaLog,
    /// An application's error or stack trace around a server's reply.
    ApplicationError,
    /// An SMTP session transcript (client debug output).
    SmtpTranscript,
    /// Message trace output (Exchange admin center or PowerShell).
    MessageTrace,
    /// A mail queue's last error (`Get-Queue`, Queue Viewer).
    QueueError,
    /// One SMTP reply line.
    SmtpReply,
    /// Text copied out of a mail client, without the message around it.
    CopiedText,
    /// An Outlook item file (`.msg`).
    OutlookMsg,
}

impl Input {
    /// The input's name in JSON and in the catalogue.
    pub fn name(self) -> &'static str {
        match self {
            Input::Ndr => "ndr",
            Input::ForwardedNdr => "forwarded_ndr",
            Input::QuotedNdr => "quoted_ndr",
            Input::MtaLog => "mta_log",
            Input::ApplicationError => "application_error",
            Input::SmtpTranscript => "smtp_transcript",
            Input::MessageTrace => "message_trace",
            Input::QueueError => "queue_error",
            Input::SmtpReply => "smtp_reply",
            Input::CopiedText => "copied_text",
            Input::OutlookMsg => "outlook_msg",
        }
    }
}

impl Kind {
    /// The kind's name in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Failure => "failure",
            Kind::Delay => "delay",
            Kind::Delivered => "delivered",
            Kind::NotABounce => "not_a_bounce",
        }
    }
}

/// How a finding was made, from most to least trustworthy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// A machine-readable delivery-status field (RFC 3464 `Status`).
    DeliveryStatus,
    /// A line of the notification's own text that reports a server's reply.
    NotificationText,
    /// A code on a line with no wording around it to confirm it is the failure.
    BareLine,
}

impl Source {
    /// The source's name in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Source::DeliveryStatus => "delivery_status",
            Source::NotificationText => "notification_text",
            Source::BareLine => "bare_line",
        }
    }
}

/// Where a finding stands in what the user gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// The whole line (decoded when the part was encoded).
    pub line: String,
    /// The code's byte range within `line`.
    pub highlight: Range<usize>,
    /// The line's byte range in the input, when the line is a verbatim copy of it.
    pub input_span: Option<Range<usize>>,
    /// How the finding was made.
    pub source: Source,
}

/// One failed (or delayed) recipient.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recipient {
    /// The address delivery was attempted to.
    pub address: String,
    /// The address as the sender wrote it, when the report gives a different one.
    pub original_address: Option<String>,
    /// This recipient's enhanced status code.
    pub status: Option<StatusCode>,
    /// This recipient's SMTP reply code.
    pub smtp_code: Option<u16>,
    /// The server's words about this recipient.
    pub diagnostic: Option<String>,
    /// The server that refused this recipient, when known.
    pub remote_mta: Option<String>,
}

/// Facts about the message that bounced, read from its returned headers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Original {
    /// The original `From`.
    pub from: Option<String>,
    /// The original envelope sender (`Return-Path`), when returned.
    pub return_path: Option<String>,
    /// The original `Subject`.
    pub subject: Option<String>,
    /// The original `Date`.
    pub date: Option<String>,
    /// The original `Received` lines, newest first, unfolded.
    pub received: Vec<String>,
}

/// What the input turned out to hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bounce {
    /// Failure, delay, success report, or no bounce at all.
    pub kind: Kind,
    /// What the input was read as.
    pub input: Input,
    /// How many delivery reports the input held (an mbox or a paste of
    /// several); the diagnosis is the final failure among them.
    pub reports: usize,
    /// The failure's enhanced status code.
    pub status: Option<StatusCode>,
    /// The failure's SMTP reply code.
    pub smtp_code: Option<u16>,
    /// The server's reply text for the failure.
    pub diagnostic: Option<String>,
    /// The recipients the report is about.
    pub recipients: Vec<Recipient>,
    /// The server that wrote the report.
    pub reporting_mta: Option<String>,
    /// The server that refused the message, when it is not the reporting one.
    pub remote_mta: Option<String>,
    /// The report's own date.
    pub date: Option<String>,
    /// Who the report was sent to (its `To`): the bounced message's envelope sender.
    pub notified: Option<String>,
    /// The message that bounced.
    pub original: Original,
    /// Where the status code was found.
    pub evidence: Option<Evidence>,
    /// The reply that wrapped the cause, when the server's reply was found
    /// inside another one (a queue's `451 4.4.0 … responded with: "550 …"`).
    pub wrapper: Option<String>,
    /// What was left out, if the input went past a limit.
    pub limits: Vec<Limit>,
    /// The input message's own subject (for a bounce, the report's).
    pub subject: Option<String>,
}

/// A limit the analysis reached; what is reported rests on the part read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// Only the first `analysed` bytes of `total` were read.
    InputTooLarge {
        /// Bytes read.
        analysed: usize,
        /// Bytes given.
        total: usize,
    },
    /// MIME nesting or the number of parts went past what is read.
    MimeTooComplex,
    /// Only the first `shown` of `total` recipients are listed.
    TooManyRecipients {
        /// Recipients kept.
        shown: usize,
        /// Recipients found.
        total: usize,
    },
    /// An Outlook item (`.msg`), or a part of it, could not be read.
    OutlookMsg(crate::msg::MsgError),
    /// The widget could not load its parser module: nothing was analysed.
    ReaderUnavailable,
}

impl Limit {
    /// The limit's name in JSON.
    pub fn name(&self) -> &'static str {
        match self {
            Limit::InputTooLarge { .. } => "input_too_large",
            Limit::MimeTooComplex => "mime_too_complex",
            Limit::TooManyRecipients { .. } => "too_many_recipients",
            Limit::OutlookMsg(error) => error.name(),
            Limit::ReaderUnavailable => "reader_unavailable",
        }
    }
}

impl Bounce {
    /// A result for input with no delivery report in it.
    pub fn none() -> Bounce {
        Bounce {
            kind: Kind::NotABounce,
            input: Input::Ndr,
            reports: 0,
            status: None,
            smtp_code: None,
            diagnostic: None,
            recipients: Vec::new(),
            reporting_mta: None,
            remote_mta: None,
            date: None,
            notified: None,
            original: Original::default(),
            evidence: None,
            wrapper: None,
            limits: Vec::new(),
            subject: None,
        }
    }

    /// True for a failure or delay report: something did not arrive (yet).
    pub fn is_ndr(&self) -> bool {
        matches!(self.kind, Kind::Failure | Kind::Delay)
    }

    /// How the status code was found, if it was.
    pub fn source(&self) -> Option<Source> {
        self.evidence.as_ref().map(|e| e.source)
    }
}
