//! Reading the human-readable text of a bounce: where its own words end and
//! the returned message begins, which line reports the failure, who failed,
//! and which servers were involved.

mod markers;

use crate::address::find_addresses;
use crate::bounce::Source;
use crate::lines::text_lines;
use crate::status::{self, StatusCode};
pub use markers::{AUTO_REPLY_SUBJECTS, BOUNCE_SUBJECTS};

/// A line of notification text, with where it sits.
#[derive(Clone, Copy, Debug)]
pub struct Text<'a> {
    /// The text.
    pub text: &'a str,
    /// The text's offset in the input, when it is a verbatim copy of it.
    pub base: Option<usize>,
}

/// A status code found on a line of the notification, and how sure we are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The code.
    pub code: StatusCode,
    /// The SMTP reply code written with it.
    pub reply: Option<u16>,
    /// The reply text, from the reply code to the end of the line.
    pub diagnostic: String,
    /// The whole line.
    pub line: String,
    /// The code's byte range in `line`.
    pub highlight: std::ops::Range<usize>,
    /// The line's byte range in the input, if verbatim.
    pub input_span: Option<std::ops::Range<usize>>,
    /// How it was found: reply wording around it, or a bare code.
    pub source: Source,
    /// 3: reply wording; 2: an SMTP reply code before it; 1: a bare mention.
    pub strength: u8,
}

/// Lower case, plain spaces for non-breaking ones, straight apostrophes:
/// the shape copied text takes in every client.
pub fn normalise(line: &str) -> String {
    line.chars()
        .map(|c| match c {
            '\u{a0}' | '\u{202f}' | '\u{2007}' | '\t' => ' ',
            '’' | '‘' | '`' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The byte offset where the returned original message starts, or the text's end.
pub fn own_text_end(text: &str) -> usize {
    text_lines(text)
        .find(|(_, line)| {
            let line = normalise(line);
            markers::RETURNED_MESSAGE.iter().any(|m| line.contains(m))
        })
        .map_or(text.len(), |(start, _)| start)
}

/// Every status code on the notification's own lines, with its strength.
pub fn candidates(text: Text<'_>) -> Vec<Candidate> {
    let own = &text.text[..own_text_end(text.text)];
    let mut found = Vec::new();
    let mut previous = "";
    for (start, line) in text_lines(own) {
        let above = std::mem::replace(&mut previous, line);
        let mut codes = status::find_codes(line).peekable();
        if codes.peek().is_none() {
            continue;
        }
        let lower = normalise(line);
        let worded = markers::REPLY_CONTEXT.iter().any(|m| lower.contains(m))
            || line.trim_start().starts_with('#');
        for code in codes {
            let reply = status::reply_before(line, code.start);
            let strength = match (worded, reply) {
                (true, _) => 3,
                (false, Some(_)) => 2,
                (false, None) => 1,
            };
            let (reply, diagnostic) = match reply {
                Some(reply) => {
                    let from = line[..code.start].trim_end_matches([' ', '-', '\t']).len() - 3;
                    (Some(reply), clean_reply(&line[from..]))
                }
                // qmail puts "(#5.5.0)" on the line after "said: 550 …".
                None => match said_reply(above) {
                    Some((reply, from)) => (
                        Some(reply),
                        clean_reply(&format!("{} {}", &above[from..], line.trim())),
                    ),
                    None => (None, clean_reply(&line[code.start..])),
                },
            };
            found.push(Candidate {
                code: code.code,
                reply,
                diagnostic,
                line: line.to_owned(),
                highlight: code.start..code.end,
                input_span: text.base.map(|b| b + start..b + start + line.len()),
                source: if strength >= 2 {
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

/// A reply code after "said:" on a line, and where it starts.
fn said_reply(line: &str) -> Option<(u16, usize)> {
    let at = line.find("said:")? + "said:".len();
    let from = at + (line.len() - at - line[at..].trim_start().len());
    status::leading_reply(&line[from..]).map(|reply| (reply, from))
}

/// Drops the quoting Exchange and others wrap around a reply.
fn clean_reply(reply: &str) -> String {
    let mut text = reply.trim();
    for suffix in ["#SMTP#", ">", "##", "#", "'", "\""] {
        text = text.strip_suffix(suffix).unwrap_or(text).trim_end();
    }
    text.to_owned()
}

/// Picks the failure among the candidates: the strongest; among equals a
/// permanent code over a temporary one (retry history lists earlier 4.x.x
/// replies), then the first written.
pub fn best(candidates: &[Candidate]) -> Option<&Candidate> {
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

/// The failed recipients the text lists, in order, without duplicates.
///
/// After a "these recipients failed" line, recipients sit at the indentation of
/// the first listed line; deeper lines are details about them, and a line at
/// that indentation without an address ends the list.
pub fn recipients(text: &str) -> Vec<String> {
    let own = &text[..own_text_end(text)];
    let mut found: Vec<String> = Vec::new();
    let mut listing = false;
    let mut level: Option<usize> = None;
    let mut previous = String::new();
    for (_, line) in text_lines(own) {
        let lower = normalise(line);
        // A marker may be wrapped over two lines ("The following address(es)\nfailed:").
        let joined = format!("{previous} {}", lower.trim());
        let opens_list = markers::RECIPIENT_LIST
            .iter()
            .any(|m| lower.contains(m) || (joined.contains(m) && !previous.contains(m)));
        previous = lower.trim().to_owned();
        if opens_list {
            listing = true;
            level = None;
            continue;
        }
        let addresses = find_addresses(line);
        if markers::RECIPIENT_SENTENCE
            .iter()
            .any(|m| lower.contains(m))
        {
            push_unique(&mut found, addresses.into_iter().next());
            continue;
        }
        if listing {
            if lower.trim().is_empty() {
                continue;
            }
            let indent = line.len() - line.trim_start().len();
            let level = *level.get_or_insert(indent);
            if indent > level {
                continue;
            }
            // A wrapped detail (";l=EXCHANGE…") does not end the list; prose does.
            let wrapped = !line.starts_with(|c: char| c.is_alphanumeric() || c == '<' || c == '"');
            if addresses.is_empty() && !wrapped {
                listing = false;
            }
            push_unique(&mut found, addresses.into_iter().next());
            continue;
        }
        // Postfix and qmail: "<a@b>: host x said: …" or "<a@b>:" alone.
        let trimmed = line.trim_start();
        if let Some(end) = trimmed.find(">:").filter(|_| trimmed.starts_with('<')) {
            push_unique(&mut found, find_addresses(&trimmed[..end]).pop());
        }
    }
    found
}

/// Adds `address` unless it is already there (addresses compare without case).
pub fn push_unique(list: &mut Vec<String>, address: Option<String>) {
    if let Some(address) = address {
        if !list.iter().any(|a| a.eq_ignore_ascii_case(&address)) {
            list.push(address);
        }
    }
}

/// The value after the first label from `labels` found at a line's start.
fn labelled(text: &str, labels: &[&str]) -> Option<String> {
    let own = &text[..own_text_end(text)];
    text_lines(own).find_map(|(_, line)| {
        let lower = normalise(line);
        let trimmed = lower.trim_start();
        labels.iter().find_map(|label| {
            trimmed.starts_with(label).then(|| {
                let skip = line.len() - line.trim_start().len();
                let value = original_slice_after(line, skip, label);
                host_token(value)
            })?
        })
    })
}

/// The text of `line` after `label`, measured in characters so that
/// normalisation (which keeps the character count) maps back exactly.
fn original_slice_after<'a>(line: &'a str, skip: usize, label: &str) -> &'a str {
    let rest = &line[skip..];
    let offset = rest
        .char_indices()
        .nth(label.chars().count())
        .map_or(rest.len(), |(i, _)| i);
    &rest[offset..]
}

/// The first word of `value` when it looks like a host name or address literal.
fn host_token(value: &str) -> Option<String> {
    let token = value
        .trim()
        .split(|c: char| c.is_whitespace() || c == '(' || c == '[' || c == ',')
        .next()?
        .trim_end_matches(['.', ':', ';']);
    let plausible = token.len() > 1
        && token.contains('.')
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    plausible.then(|| token.to_owned())
}

/// The server that wrote the report, as its text names it.
pub fn reporting_server(text: &str) -> Option<String> {
    labelled(text, markers::REPORTING_SERVER).or_else(|| {
        let own = &text[..own_text_end(text)];
        text_lines(own).find_map(|(_, line)| {
            let rest = line
                .trim_start()
                .strip_prefix("This is the mail system at host ")?;
            host_token(rest)
        })
    })
}

/// The server that refused the message, as the failure line names it
/// (`Remote Server at x (ip) returned`, `host x[ip] said:`).
pub fn remote_server(line: &str) -> Option<String> {
    let lower = normalise(line);
    for label in markers::REMOTE_SERVER {
        if let Some(at) = lower.find(label) {
            let value =
                &line[char_offset(line, lower[..at].chars().count() + label.chars().count())..];
            if let Some(host) = host_token(value) {
                return Some(host);
            }
        }
    }
    let at = lower.find("host ")?;
    let value = &line[char_offset(line, lower[..at].chars().count() + 5)..];
    host_token(value)
}

fn char_offset(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests;
