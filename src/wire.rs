//! A [`Bounce`] as one string and back: what the widget's reader module
//! (the parser, loaded with the first input) hands to the widget. Every
//! text of a bounce comes from the input, so any character may be in it:
//! fields are written with their length (`12:550 5.7.705 `), never escaped.

use crate::bounce::{Bounce, Evidence, Input, Kind, Limit, Original, Recipient, Source};
use crate::msg::MsgError;
use crate::status::StatusCode;

/// `bounce` as one string, for [`decode`].
pub fn encode(bounce: &Bounce) -> String {
    let mut w = Writer(String::with_capacity(256));
    w.text(bounce.kind.name());
    w.text(bounce.input.name());
    w.number(bounce.reports);
    w.code(bounce.status);
    w.number_opt(bounce.smtp_code.map(usize::from));
    w.opt(bounce.diagnostic.as_deref());
    w.number(bounce.recipients.len());
    for r in &bounce.recipients {
        w.text(&r.address);
        w.opt(r.original_address.as_deref());
        w.code(r.status);
        w.number_opt(r.smtp_code.map(usize::from));
        w.opt(r.diagnostic.as_deref());
        w.opt(r.remote_mta.as_deref());
    }
    for text in [
        &bounce.reporting_mta,
        &bounce.remote_mta,
        &bounce.date,
        &bounce.notified,
    ] {
        w.opt(text.as_deref());
    }
    let o = &bounce.original;
    for text in [&o.from, &o.return_path, &o.subject, &o.date] {
        w.opt(text.as_deref());
    }
    w.number(o.received.len());
    o.received.iter().for_each(|line| w.text(line));
    match &bounce.evidence {
        None => w.text(""),
        Some(e) => {
            w.text(e.source.name());
            w.text(&e.line);
            w.number(e.highlight.start);
            w.number(e.highlight.end);
            w.number_opt(e.input_span.as_ref().map(|s| s.start));
            w.number_opt(e.input_span.as_ref().map(|s| s.end));
        }
    }
    w.opt(bounce.wrapper.as_deref());
    w.number(bounce.limits.len());
    for limit in &bounce.limits {
        w.text(limit.name());
        let (a, b) = match *limit {
            Limit::InputTooLarge { analysed, total } => (analysed, total),
            Limit::TooManyRecipients { shown, total } => (shown, total),
            _ => (0, 0),
        };
        w.number(a);
        w.number(b);
    }
    w.opt(bounce.subject.as_deref());
    w.0
}

/// The bounce [`encode`] wrote, or `None` for a string it did not write.
pub fn decode(text: &str) -> Option<Bounce> {
    let mut r = Reader(text);
    let mut bounce = Bounce::none();
    bounce.kind = named(r.text()?, &KINDS, |k| k.name())?;
    bounce.input = named(r.text()?, &INPUTS, |i| i.name())?;
    bounce.reports = r.number()?;
    bounce.status = r.code()?;
    bounce.smtp_code = r.reply()?;
    bounce.diagnostic = r.opt()?;
    for _ in 0..r.count(text.len())? {
        bounce.recipients.push(Recipient {
            address: r.text()?.to_owned(),
            original_address: r.opt()?,
            status: r.code()?,
            smtp_code: r.reply()?,
            diagnostic: r.opt()?,
            remote_mta: r.opt()?,
        });
    }
    bounce.reporting_mta = r.opt()?;
    bounce.remote_mta = r.opt()?;
    bounce.date = r.opt()?;
    bounce.notified = r.opt()?;
    let mut original = Original {
        from: r.opt()?,
        return_path: r.opt()?,
        subject: r.opt()?,
        date: r.opt()?,
        received: Vec::new(),
    };
    for _ in 0..r.count(text.len())? {
        original.received.push(r.text()?.to_owned());
    }
    bounce.original = original;
    bounce.evidence = match r.text()? {
        "" => None,
        source => Some(Evidence {
            source: named(source, &SOURCES, |s| s.name())?,
            line: r.text()?.to_owned(),
            highlight: r.number()?..r.number()?,
            input_span: match (r.number_opt()?, r.number_opt()?) {
                (Some(start), Some(end)) => Some(start..end),
                _ => None,
            },
        }),
    };
    bounce.wrapper = r.opt()?;
    for _ in 0..r.count(text.len())? {
        let name = r.text()?;
        let (a, b) = (r.number()?, r.number()?);
        bounce.limits.push(match name {
            "input_too_large" => Limit::InputTooLarge {
                analysed: a,
                total: b,
            },
            "mime_too_complex" => Limit::MimeTooComplex,
            "too_many_recipients" => Limit::TooManyRecipients { shown: a, total: b },
            "reader_unavailable" => Limit::ReaderUnavailable,
            other => Limit::OutlookMsg(named(other, &MsgError::ALL, |e| e.name())?),
        });
    }
    bounce.subject = r.opt()?;
    r.0.is_empty().then_some(bounce)
}

const KINDS: [Kind; 4] = [
    Kind::Failure,
    Kind::Delay,
    Kind::Delivered,
    Kind::NotABounce,
];
const SOURCES: [Source; 3] = [
    Source::DeliveryStatus,
    Source::NotificationText,
    Source::BareLine,
];
const INPUTS: [Input; 11] = [
    Input::Ndr,
    Input::ForwardedNdr,
    Input::QuotedNdr,
    Input::MtaLog,
    Input::ApplicationError,
    Input::SmtpTranscript,
    Input::MessageTrace,
    Input::QueueError,
    Input::SmtpReply,
    Input::CopiedText,
    Input::OutlookMsg,
];

/// The value of `all` whose name is `name`.
fn named<T: Copy>(name: &str, all: &[T], name_of: impl Fn(T) -> &'static str) -> Option<T> {
    all.iter().copied().find(|v| name_of(*v) == name)
}

struct Writer(String);

impl Writer {
    fn text(&mut self, text: &str) {
        self.0.push_str(&text.len().to_string());
        self.0.push(':');
        self.0.push_str(text);
    }

    /// `-` for none, else the text after `=`.
    fn opt(&mut self, text: Option<&str>) {
        match text {
            None => self.0.push('-'),
            Some(text) => {
                self.0.push('=');
                self.text(text);
            }
        }
    }

    fn number(&mut self, n: usize) {
        self.text(&n.to_string());
    }

    fn number_opt(&mut self, n: Option<usize>) {
        self.opt(n.map(|n| n.to_string()).as_deref());
    }

    fn code(&mut self, code: Option<StatusCode>) {
        self.opt(code.map(|c| c.to_string()).as_deref());
    }
}

struct Reader<'a>(&'a str);

impl<'a> Reader<'a> {
    fn text(&mut self) -> Option<&'a str> {
        let colon = self.0.find(':')?;
        let len: usize = self.0[..colon].parse().ok()?;
        let rest = &self.0[colon + 1..];
        let value = rest.get(..len)?;
        self.0 = &rest[len..];
        Some(value)
    }

    fn opt(&mut self) -> Option<Option<String>> {
        Some(self.opt_str()?.map(str::to_owned))
    }

    fn opt_str(&mut self) -> Option<Option<&'a str>> {
        if let Some(rest) = self.0.strip_prefix('-') {
            self.0 = rest;
            return Some(None);
        }
        self.0 = self.0.strip_prefix('=')?;
        self.text().map(Some)
    }

    fn number(&mut self) -> Option<usize> {
        self.text()?.parse().ok()
    }

    /// A list's length, never more than there are bytes to read.
    fn count(&mut self, most: usize) -> Option<usize> {
        self.number().filter(|n| *n <= most)
    }

    fn number_opt(&mut self) -> Option<Option<usize>> {
        match self.opt_str()? {
            None => Some(None),
            Some(n) => n.parse().ok().map(Some),
        }
    }

    fn reply(&mut self) -> Option<Option<u16>> {
        match self.opt_str()? {
            None => Some(None),
            Some(n) => n.parse().ok().map(Some),
        }
    }

    fn code(&mut self) -> Option<Option<StatusCode>> {
        match self.opt_str()? {
            None => Some(None),
            Some(code) => StatusCode::parse(code).map(Some),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_made_up_sample_comes_back_whole() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/samples/made-up");
        let mut seen = 0;
        for file in std::fs::read_dir(dir).unwrap().flatten() {
            let bytes = std::fs::read(file.path()).unwrap();
            let bounce = crate::analyse(&bytes);
            assert_eq!(decode(&encode(&bounce)), Some(bounce), "{:?}", file.path());
            seen += 1;
        }
        assert!(seen > 20);
    }

    #[test]
    fn any_character_and_every_limit_survive() {
        let mut bounce = crate::analyse(b"550 5.7.705 Access denied");
        bounce.diagnostic = Some("12:\u{1f}-=:\n\u{0}é".into());
        bounce.limits = vec![
            Limit::InputTooLarge {
                analysed: 1,
                total: 2,
            },
            Limit::MimeTooComplex,
            Limit::TooManyRecipients { shown: 3, total: 4 },
            Limit::OutlookMsg(MsgError::ChainLoop),
            Limit::ReaderUnavailable,
        ];
        assert_eq!(decode(&encode(&bounce)), Some(bounce));
    }

    #[test]
    fn damaged_strings_are_refused() {
        let encoded = encode(&crate::analyse(b"550 5.7.705 Access denied"));
        for cut in 0..encoded.len() {
            if encoded.is_char_boundary(cut) {
                assert_eq!(decode(&encoded[..cut]), None, "cut at {cut}");
            }
        }
        assert_eq!(decode("99999999999999999999:x"), None);
        assert_eq!(decode(""), None);
    }
}
