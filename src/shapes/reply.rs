//! A server's reply inside the text of a log, an error or a trace: its
//! codes, its words, Exchange's `[{LED=…};{FQDN=…}]` blocks and a reply
//! quoted inside another one.

use super::names::host;
use super::outcome::Outcome;
use super::value::Value;
use crate::status::{self, StatusCode};
use std::borrow::Cow;
use std::ops::Range;

/// The codes of a reply found at the start of a piece of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Reply {
    pub status: Option<StatusCode>,
    pub smtp_code: Option<u16>,
    /// The status code's range, or the reply code's when there is no status.
    pub code: Range<usize>,
    /// Where the reply's own words start: its reply code, else its status.
    pub from: usize,
}

impl Reply {
    /// 4 or 5 for a failure, from the status class, else the reply code.
    pub fn class(&self) -> u8 {
        match (self.status, self.smtp_code) {
            (Some(status), _) => status.class,
            (None, Some(code)) => u8::try_from(code / 100).unwrap_or(0),
            (None, None) => 0,
        }
    }
}

/// The reply that `text` opens with: `550 5.7.705 …`, `550-5.1.1 …`,
/// `5.7.705 …` (.NET, MailKit) or a bare `550 …`. A status code must come
/// within the reply's first words: one deep in prose is a mention.
pub(super) fn parse(text: &str) -> Option<Reply> {
    let lead = text.len() - text.trim_start().len();
    let smtp = status::leading_reply(text);
    let words = if smtp.is_some() { lead + 4 } else { lead };
    let found = status::find_codes(text)
        .next()
        .filter(|f| f.start <= words + 1);
    match (smtp, found) {
        (smtp, Some(found)) => Some(Reply {
            status: Some(found.code),
            smtp_code: smtp.or_else(|| status::reply_before(text, found.start)),
            code: found.start..found.end,
            from: lead,
        }),
        (Some(code), None) => Some(Reply {
            status: None,
            smtp_code: Some(code),
            code: lead..lead + 3,
            from: lead,
        }),
        (None, None) => None,
    }
}

/// The failure (4xx or 5xx) that `value[span]` opens with, as an outcome;
/// its diagnostic runs to the end of `span`.
pub(super) fn outcome<'a>(value: &Value<'a>, span: Range<usize>) -> Option<Outcome<'a>> {
    let text = value.text().get(span.clone())?;
    let reply = parse(text)?;
    let class = reply.class();
    if class != 4 && class != 5 {
        return None;
    }
    let at = span.start;
    let place = reply
        .status
        .and_then(|_| value.place(at + reply.code.start..at + reply.code.end));
    Some(Outcome {
        status: reply.status,
        smtp_code: reply.smtp_code,
        diagnostic: trimmed(value.slice(at + reply.from..span.end)),
        temporary: class == 4,
        remote: None,
        place,
        wrapper: None,
    })
}

/// `text` without surrounding spaces, borrowed when it was.
pub(super) fn trimmed(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(t) => Cow::Borrowed(t.trim()),
        Cow::Owned(t) if t.trim().len() == t.len() => Cow::Owned(t),
        Cow::Owned(t) => Cow::Owned(t.trim().to_owned()),
    }
}

/// The parts of an Exchange `[{LRT=…};{LED=…};{FQDN=…};{IP=…}]` block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Led {
    /// The last error's text (`LED=`), a range of the block's text.
    pub reply: Range<usize>,
    /// The host it came from (`FQDN=`), when filled in.
    pub fqdn: Option<Range<usize>>,
}

/// The `LED=` and `FQDN=` parts of `text`, when it holds such a block.
pub(super) fn led(text: &str) -> Option<Led> {
    let field = |name: &str| {
        let start = text.find(name)? + name.len();
        // A value ends at its closing brace, or where the text was cut.
        let end = text[start..].find('}').map_or(text.len(), |i| start + i);
        Some(start..end)
    };
    let reply = field("{LED=")?;
    let fqdn = field("{FQDN=").filter(|r| host(&text[r.clone()]).is_some());
    Some(Led { reply, fqdn })
}

/// Where `part`, a slice taken from `whole`, starts in it. Readers cut
/// lines with `split_once` and `find`; this maps a piece back to its place
/// for the evidence without redoing the search.
pub(super) fn offset(whole: &str, part: &str) -> usize {
    let at = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
    if at <= whole.len() && at + part.len() <= whole.len() {
        at
    } else {
        whole.len()
    }
}

/// The reply `part` (a slice of `line`) opens with, as an outcome placed
/// on `line`.
pub(super) fn outcome_at<'a>(line: &'a str, start: usize, part: &'a str) -> Option<Outcome<'a>> {
    let at = offset(line, part);
    outcome(
        &Value::part(line, start, at..at + part.len()),
        0..part.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_and_their_codes() {
        let r = parse("550 5.7.705 Access denied").unwrap();
        assert_eq!(
            (r.status.unwrap().to_string(), r.smtp_code),
            ("5.7.705".into(), Some(550))
        );
        assert_eq!((r.code, r.from), (4..11, 0));
        let r = parse(" 5.1.10 RESOLVER").unwrap();
        assert_eq!((r.smtp_code, r.code, r.from), (None, 1..7, 1));
        let r = parse("550 Mailbox unavailable").unwrap();
        assert_eq!((r.status, r.smtp_code, r.code), (None, Some(550), 0..3));
        let r = parse("550-5.1.1 The email account").unwrap();
        assert_eq!(r.smtp_code, Some(550));
    }

    #[test]
    fn no_reply() {
        for text in [
            "",
            "Service unavailable",
            "Connection timed out with mx.example.",
            "see 5.7.705 later on",
            "15.20.5.7.705",
            "2026-05-12",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn led_blocks() {
        let text = "[{LRT=};{LED=451 4.7.500 Try again};{FQDN=mx.example.com};{IP=192.0.2.1}]";
        let led = led(text).unwrap();
        assert_eq!(&text[led.reply], "451 4.7.500 Try again");
        assert_eq!(&text[led.fqdn.unwrap()], "mx.example.com");
        let cut = "Reason: [{LED=550 5.7.705 Access denied};{MSG=};{FQDN=...";
        let led = super::led(cut).unwrap();
        assert_eq!(
            (&cut[led.reply], led.fqdn),
            ("550 5.7.705 Access denied", None)
        );
        assert!(super::led("no block").is_none());
    }
}
