//! One failing or deferred reply as a reader found it, and how it is
//! shown: where its code stands (the evidence) and its words, bounded.

use super::evidence;
use crate::bounce::Evidence;
use crate::status::StatusCode;
use std::borrow::Cow;
use std::ops::Range;

/// Longest diagnostic kept, in bytes: a reply is a line or two, and each
/// recipient carries its own copy.
const MAX_DIAGNOSTIC: usize = 2000;
/// Longest evidence line: a longer line is shown around its code.
const MAX_EVIDENCE: usize = 4096;

/// Where a reply's status code stands: its line, the line's offset in the
/// text, and the code's range in the line.
#[derive(Clone, Debug)]
pub(super) struct Place<'a> {
    pub line: &'a str,
    pub start: usize,
    pub code: Range<usize>,
}

/// One failing or deferred reply.
#[derive(Clone, Debug)]
pub(super) struct Outcome<'a> {
    /// The enhanced status code, the SMTP reply code and the reply's words.
    pub status: Option<StatusCode>,
    pub smtp_code: Option<u16>,
    pub diagnostic: Cow<'a, str>,
    /// A deferral: the sender will try again.
    pub temporary: bool,
    /// The server that gave the reply.
    pub remote: Option<Cow<'a, str>>,
    /// Where the status code was read (only when there is one).
    pub place: Option<Place<'a>>,
    /// The reply the cause was found inside.
    pub wrapper: Option<Cow<'a, str>>,
}

impl Outcome<'_> {
    /// A code that only says "failed" or "deferred" (`5.0.0`, `4.0.0`) with
    /// no reply from a server is less than any reply.
    pub(super) fn specific(&self) -> bool {
        self.smtp_code.is_some() || self.status.is_some_and(|s| s.subject != 0 || s.detail != 0)
    }
}

/// `text` cut to [`MAX_DIAGNOSTIC`] bytes on a character boundary, its
/// cut marked with "…".
pub(super) fn bounded(text: &str) -> String {
    let text = text.trim();
    if text.len() <= MAX_DIAGNOSTIC {
        return text.to_owned();
    }
    let mut end = MAX_DIAGNOSTIC - '…'.len_utf8();
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

/// The evidence for `place`, its line cut around the code when it is long.
pub(super) fn shown(place: Place<'_>) -> Evidence {
    let Place { line, start, code } = place;
    if line.len() <= MAX_EVIDENCE {
        return evidence(line, start, code);
    }
    let mut from = code.start.saturating_sub(MAX_EVIDENCE / 2);
    while !line.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (code.end + MAX_EVIDENCE / 2).min(line.len());
    while !line.is_char_boundary(to) {
        to += 1;
    }
    evidence(
        &line[from..to],
        start + from,
        code.start - from..code.end - from,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_shown_around_the_code() {
        let line = format!("{}é 550 5.7.705 x{}", "é".repeat(5000), "x".repeat(9000));
        let at = line.find("5.7.705").unwrap();
        let e = shown(Place {
            line: &line,
            start: 10,
            code: at..at + 7,
        });
        assert!(e.line.len() <= MAX_EVIDENCE + 8);
        assert_eq!(&e.line[e.highlight.clone()], "5.7.705");
        let span = e.input_span.unwrap();
        assert_eq!(&line[span.start - 10..span.end - 10], e.line);
        assert_eq!(bounded(&"é".repeat(3000)).len(), 1999);
        assert!(bounded(&"é".repeat(3000)).ends_with('…'));
        assert_eq!(bounded(" é "), "é");
    }
}
