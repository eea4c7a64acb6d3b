//! Which servers a report names: the one that wrote it, and the one that
//! refused the message.

use super::{head, markers, normalise, Candidate};
use crate::lines::text_lines;

/// The value after the first label from `labels` found at a line's start.
fn labelled(own: &str, labels: &[&str]) -> Option<String> {
    text_lines(own).find_map(|(_, line)| {
        let lower = head(line);
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
pub fn reporting_server(own: &str) -> Option<String> {
    labelled(own, markers::REPORTING_SERVER).or_else(|| {
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
    if let Some(host) = before_reply(line) {
        return Some(host);
    }
    for label in markers::REMOTE_SERVER {
        if let Some(at) = lower.find(label) {
            let value =
                &line[char_offset(line, lower[..at].chars().count() + label.chars().count())..];
            if let Some(host) = host_token(value) {
                return Some(host);
            }
        }
    }
    if let Some(at) = lower.find("host ") {
        let value = &line[char_offset(line, lower[..at].chars().count() + 5)..];
        if let Some(host) = host_token(value) {
            return Some(host);
        }
    }
    bracketed(line)
}

/// A host written with its address in brackets, in any language's words
/// around it: `узел mx.example [192.0.2.1]`, `H=mx.example [192.0.2.1]`.
fn bracketed(line: &str) -> Option<String> {
    let open = line.find('[')?;
    let close = open + line[open..].find(']')?;
    let inside = &line[open + 1..close];
    let address = inside.split(':').count() > 2
        || (inside.split('.').count() == 4 && inside.split('.').all(|p| p.parse::<u8>().is_ok()));
    if !address {
        return None;
    }
    let before = line[..open].trim_end();
    let token = before.rsplit([' ', '=', '(', '<']).next()?;
    host_token(token)
}

fn char_offset(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

/// The server that gave a candidate's reply: named on its line, else on
/// the lines just above it (a reply wrapped under `host x[ip] said:`, or
/// under `While talking to x:`).
pub fn remote_server_near(candidate: &Candidate) -> Option<String> {
    remote_server(candidate.line)
        .or_else(|| {
            let lines: Vec<&str> = candidate.context.lines().collect();
            lines.iter().rev().find_map(|line| remote_server(line))
        })
        .or_else(|| candidate.below.lines().find_map(remote_server))
}

/// A host that stands just before a reply: `x[ip] said:`, `x #550 5.1.1`
/// (Exchange 2010), `x: 550 5.1.1` at a line's start (CommuniGate).
fn before_reply(line: &str) -> Option<String> {
    if let Some(at) = line.find(" said:") {
        let token = line[..at].rsplit(' ').next()?;
        let host = token.split('[').next()?;
        if let Some(host) = host_token(host) {
            return Some(host);
        }
    }
    let trimmed = line.trim_start();
    let (token, rest) = trimmed.split_once(' ')?;
    let reply_follows = |rest: &str| {
        let rest = rest.trim_start().trim_start_matches('#');
        rest.len() > 3 && rest.as_bytes()[..3].iter().all(u8::is_ascii_digit)
    };
    let host = token.trim_start_matches('<').trim_end_matches(['>', ':']);
    (reply_follows(rest) && (token.ends_with(':') || rest.trim_start().starts_with('#')))
        .then(|| host_token(host))
        .flatten()
}
