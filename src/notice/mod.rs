//! Reading the human-readable text of a bounce: where its own words end and
//! the returned message begins, which line reports the failure, who failed,
//! and which servers were involved.

mod markers;
mod matcher;
mod recipients;
mod servers;
mod split;

use crate::bounce::Source;
use crate::lines::text_lines;
use crate::status::{self, StatusCode};
pub use markers::{AUTO_REPLY_SUBJECTS, BOUNCE_SUBJECTS};
use matcher::Markers;
pub use recipients::{codes_of, recipients};
pub use servers::{remote_server, remote_server_near, reporting_server};
pub use split::report_starts;
use std::sync::OnceLock;

/// A line of notification text, with where it sits.
#[derive(Clone, Copy, Debug)]
pub struct Text<'a> {
    /// The text.
    pub text: &'a str,
    /// The text's offset in the input, when it is a verbatim copy of it.
    pub base: Option<usize>,
}

/// How sure a candidate is to be the failure, weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// A code with nothing around it: a mention, a version, or the failure.
    Bare,
    /// A code after an SMTP reply code (`550 5.7.705`).
    Replied,
    /// A code in reply wording ("Remote Server returned", "said:").
    Worded,
}

/// A status code found on a line of the notification, and how sure we are.
/// It borrows the text: only the chosen one is ever copied out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate<'a> {
    /// The code.
    pub code: StatusCode,
    /// The SMTP reply code written with it.
    pub reply: Option<u16>,
    /// The whole line.
    pub line: &'a str,
    /// Where the line starts in the text read.
    pub at: usize,
    /// The few lines just above it, which may name the server that replied.
    pub context: &'a str,
    /// The rest of a reply spread over lines below it (`550-H=mx [ip]`).
    pub below: &'a str,
    /// Where the reply text starts: in `line`, or in the line above when
    /// the reply code stands there (qmail).
    reply_from: ReplyFrom<'a>,
    /// The code's byte range in `line`.
    pub highlight: std::ops::Range<usize>,
    /// The line's byte range in the input, if verbatim.
    pub input_span: Option<std::ops::Range<usize>>,
    /// How it was found: reply wording around it, or a bare code.
    pub source: Source,
    /// How sure we are that the code is the failure.
    pub strength: Strength,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ReplyFrom<'a> {
    Line(usize),
    Above(&'a str),
}

impl Candidate<'_> {
    /// The reply text, from the reply code to the end of the line, unquoted.
    pub fn diagnostic(&self) -> String {
        match self.reply_from {
            ReplyFrom::Line(from) => clean_reply(&self.line[from..]),
            ReplyFrom::Above(above) => clean_reply(&format!("{above} {}", self.line.trim())),
        }
    }
}

/// Most codes read on one line, and in one text: a line of ten thousand
/// codes says nothing more than its first few.
const MAX_CODES_PER_LINE: usize = 8;
const MAX_CANDIDATES: usize = 4096;
/// Lines above a code that may name the server that replied.
const CONTEXT_LINES: usize = 3;

/// Lower case, plain spaces for non-breaking ones, straight apostrophes:
/// the shape copied text takes in every client.
pub fn normalise(line: &str) -> String {
    // Most lines are ASCII: lower-case them in one copy.
    if line.is_ascii() {
        let mut out = line.to_ascii_lowercase();
        if out.bytes().any(|b| b == b'\t' || b == b'`') {
            out = out.replace('\t', " ").replace('`', "'");
        }
        return out;
    }
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\u{a0}' | '\u{202f}' | '\u{2007}' | '\t' => out.push(' '),
            '’' | '‘' | '`' => out.push('\''),
            c if c.is_ascii() => out.push(c),
            c => out.push(crate::fold::lower_char(c)),
        }
    }
    out
}

/// The marker phrase sets, each filed once for fast matching.
fn returned_markers() -> &'static Markers {
    static SET: OnceLock<Markers> = OnceLock::new();
    SET.get_or_init(|| Markers::new(markers::RETURNED_MESSAGE))
}

fn reply_markers() -> &'static Markers {
    static SET: OnceLock<Markers> = OnceLock::new();
    SET.get_or_init(|| Markers::new(markers::REPLY_CONTEXT))
}

fn list_markers() -> &'static Markers {
    static SET: OnceLock<Markers> = OnceLock::new();
    SET.get_or_init(|| Markers::new(markers::RECIPIENT_LIST))
}

fn sentence_markers() -> &'static Markers {
    static SET: OnceLock<Markers> = OnceLock::new();
    SET.get_or_init(|| Markers::new(markers::RECIPIENT_SENTENCE))
}

/// Marker phrases open short lines: only this many bytes of a line are
/// compared with them, so a 10 MB line costs no more than a short one.
const MARKER_WINDOW: usize = 160;

/// [`normalise`] on the start of a line, for comparing with marker phrases.
fn head(line: &str) -> String {
    let mut end = line.len().min(MARKER_WINDOW);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    normalise(&line[..end])
}

/// The last `len` bytes of `text` or a little more, up to a character boundary.
fn tail(text: &str, len: usize) -> &str {
    let mut from = text.len().saturating_sub(len);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    &text[from..]
}

/// The first `len` bytes of `text` or a little more, up to a character boundary.
fn start(text: &str, len: usize) -> &str {
    let mut to = len.min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    &text[..to]
}

/// The byte offset where the returned original message starts, or the text's end.
/// The other functions of this module read only the text before it.
pub fn own_text_end(text: &str) -> usize {
    text_lines(text)
        .filter(|(_, line)| !line.trim().is_empty())
        .find(|(_, line)| returned_markers().found_in(&head(line)))
        .map_or(text.len(), |(start, _)| start)
}

/// The part of `line` within [`MARKER_WINDOW`] bytes of `start..end`.
fn around(line: &str, start: usize, end: usize) -> &str {
    let mut from = start.saturating_sub(MARKER_WINDOW);
    while !line.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + MARKER_WINDOW).min(line.len());
    while !line.is_char_boundary(to) {
        to += 1;
    }
    &line[from..to]
}

/// The notification's own text: `text` up to the returned message.
pub fn own_text(text: &str) -> &str {
    &text[..own_text_end(text)]
}

/// Every status code on the lines of `text`, the notification's own text
/// (see [`own_text`]), with its strength.
pub fn candidates(text: Text<'_>) -> Vec<Candidate<'_>> {
    let own = text.text;
    let mut found = Vec::new();
    let mut previous = "";
    // Where the three lines above the current one start.
    let mut recent = [0usize; CONTEXT_LINES];
    let mut lines = text_lines(own).peekable();
    while let Some((start, line)) = lines.next() {
        let above = std::mem::replace(&mut previous, line);
        let context = &own[recent[0]..start];
        recent.rotate_left(1);
        recent[CONTEXT_LINES - 1] = start;
        // A code that ends the line while digits open the next one was cut
        // by a line break ("5.7.7" / "50"): what is left of it is not a code.
        let cut_at_end = lines
            .peek()
            .is_some_and(|(_, next)| next.starts_with(|c: char| c.is_ascii_digit()));
        let mut codes = status::find_codes(line)
            .filter(|code| !(cut_at_end && code.end == line.len()))
            .take(MAX_CODES_PER_LINE)
            .peekable();
        if codes.peek().is_none() {
            continue;
        }
        if found.len() >= MAX_CANDIDATES {
            break;
        }
        let hashed = line.trim_start().starts_with('#');
        for code in codes {
            // Reply wording stands next to the code it introduces.
            let worded =
                hashed || reply_markers().found_in(&normalise(around(line, code.start, code.end)));
            let reply = status::reply_before(line, code.start);
            let strength = match (worded, reply) {
                (true, _) => Strength::Worded,
                (false, Some(_)) => Strength::Replied,
                (false, None) => Strength::Bare,
            };
            let (reply, reply_from) = match reply {
                Some(reply) => {
                    let from = line[..code.start]
                        .trim_end_matches([' ', '-', '\t', '\'', '"'])
                        .len()
                        - 3;
                    (Some(reply), ReplyFrom::Line(from))
                }
                // qmail puts "(#5.5.0)" on the line after "said: 550 …";
                // Zoho labels both ("ERROR_CODE :550, ERROR_CODE :5.1.1").
                None => match (said_reply(above), labelled_reply(&line[..code.start])) {
                    (Some((reply, from)), _) => (Some(reply), ReplyFrom::Above(&above[from..])),
                    (None, Some(reply)) => (Some(reply), ReplyFrom::Line(0)),
                    (None, None) => (None, ReplyFrom::Line(code.start)),
                },
            };
            found.push(Candidate {
                code: code.code,
                reply,
                line,
                at: start,
                context,
                below: below(own, start + line.len()),
                reply_from,
                highlight: code.start..code.end,
                input_span: text.base.map(|b| b + start..b + start + line.len()),
                source: if strength >= Strength::Replied {
                    Source::NotificationText
                } else {
                    Source::BareLine
                },
                strength,
            });
        }
    }
    found
}

/// A reply code given under a label before the status code on its line
/// (`ERROR_CODE :550, ERROR_CODE :5.1.1`).
fn labelled_reply(before: &str) -> Option<u16> {
    let lower = before.to_ascii_lowercase();
    let at = lower.find("error_code :")? + "error_code :".len();
    let digits = before.get(at..at + 3)?;
    let ends = !before[at + 3..].starts_with(|c: char| c.is_ascii_digit());
    digits
        .parse()
        .ok()
        .filter(|reply| ends && (400..600).contains(reply))
}

/// A reply code after "said:" on a line, and where it starts.
fn said_reply(line: &str) -> Option<(u16, usize)> {
    let at = line.find("said:")? + "said:".len();
    let from = at + (line.len() - at - line[at..].trim_start().len());
    status::leading_reply(&line[from..]).map(|reply| (reply, from))
}

/// The lines after `end` that continue a multi-line reply (`550-…`), at
/// most [`CONTEXT_LINES`] of them and a few hundred bytes.
fn below(own: &str, end: usize) -> &str {
    let rest = start(&own[end.min(own.len())..], MARKER_WINDOW * 2);
    let mut to = 0;
    for (at, line) in text_lines(rest).skip(1).take(CONTEXT_LINES) {
        let line = line.trim_start();
        let continues = line.len() > 4 && status::leading_reply(line).is_some();
        if !continues {
            break;
        }
        to = at + line.len();
    }
    &rest[..to.min(rest.len())]
}

/// Drops the quoting Exchange and others wrap around a reply.
fn clean_reply(reply: &str) -> String {
    let mut text = reply.trim();
    for suffix in ["#SMTP#", ">", "##", "#", "'", "\""] {
        text = text.strip_suffix(suffix).unwrap_or(text).trim_end();
    }
    text.to_owned()
}

/// A server's reply with no enhanced code in the text ("550 Administrative
/// prohibition", `<<< 550 <a@b>... User unknown`): the first permanent
/// one, else the first temporary one, with the lines above it.
pub fn bare_reply(own: &str) -> Option<(u16, &str, &str)> {
    let mut temporary = None;
    let mut recent = [0usize; CONTEXT_LINES];
    for (start, line) in text_lines(own) {
        let context = &own[recent[0]..start];
        recent.rotate_left(1);
        recent[CONTEXT_LINES - 1] = start;
        let trimmed = line.trim_start();
        let trimmed = trimmed.strip_prefix("<<<").unwrap_or(trimmed).trim_start();
        let Some(reply) = status::leading_reply(trimmed).filter(|r| *r >= 400) else {
            continue;
        };
        let words = trimmed[3..].trim_start_matches([' ', '-']);
        if !words.starts_with(|c: char| c.is_ascii_alphabetic() || c == '<') {
            continue;
        }
        if reply >= 500 {
            return Some((reply, trimmed, context));
        }
        temporary = temporary.or(Some((reply, trimmed, context)));
    }
    temporary
}

/// Picks the failure among the candidates: the strongest; among equals a
/// permanent code over a temporary one (retry history lists earlier 4.x.x
/// replies), then the first written.
pub fn best<'c, 'a>(candidates: &'c [Candidate<'a>]) -> Option<&'c Candidate<'a>> {
    let rank = |c: &Candidate| {
        (
            c.strength,
            c.code.class == 5,
            c.code.class == 4,
            c.reply.is_some(),
        )
    };
    let mut best: Option<&Candidate> = None;
    for candidate in candidates {
        if best.is_none_or(|b| rank(candidate) > rank(b)) {
            best = Some(candidate);
        }
    }
    best
}

#[cfg(test)]
mod tests;
