//! A report that a person quoted in a reply (`>`, `|`, any depth) or pasted
//! into an inline forward (Gmail's "Forwarded message", Outlook's
//! `From:/Sent:/To:/Subject:` block in English, French or German, Apple
//! Mail's "Begin forwarded message:"). The quote prefixes are taken off
//! before the report is read, and every offset of the text read maps back
//! to the text the person gave, so evidence still points into it.

use crate::lines::text_lines;
use crate::notice::normalise;

/// `text` without its quote prefixes, with the way back to the original.
#[derive(Debug, PartialEq, Eq)]
pub struct Unquoted {
    /// The text, each line without its prefix.
    pub text: String,
    /// For each line: where it starts in `text` and in the original.
    lines: Vec<(usize, usize)>,
    /// Where the first quoted line starts in `text`, if any line was quoted.
    pub first_quoted: Option<usize>,
}

impl Unquoted {
    /// The offset in the original text of `offset` in [`Unquoted::text`].
    pub fn original(&self, offset: usize) -> usize {
        let at = self.lines.partition_point(|(start, _)| *start <= offset);
        match at.checked_sub(1).map(|i| self.lines[i]) {
            Some((start, original)) => original + (offset - start),
            None => offset,
        }
    }
}

/// The length of a line's quote prefix: spaces, then `>` or `|` marks with
/// spaces between them, and one space after.
fn prefix(line: &str) -> usize {
    let bytes = line.as_bytes();
    let mut end = 0;
    let mut marks = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'>' | b'|' => {
                marks += 1;
                end = i + 1;
            }
            b' ' | b'\t' => {}
            _ => break,
        }
        i += 1;
    }
    if marks == 0 {
        return 0;
    }
    if bytes.get(end) == Some(&b' ') {
        end += 1;
    }
    end
}

/// `text` with the quote prefixes taken off every line.
pub fn unquote(text: &str) -> Unquoted {
    let mut out = String::with_capacity(text.len());
    let mut lines = Vec::new();
    let mut first_quoted = None;
    for (start, line) in text_lines(text) {
        let skip = prefix(line);
        if skip > 0 && first_quoted.is_none() {
            first_quoted = Some(out.len());
        }
        lines.push((out.len(), start + skip));
        out.push_str(&line[skip..]);
        out.push('\n');
    }
    Unquoted {
        text: out,
        lines,
        first_quoted,
    }
}

/// Lines that open a forwarded or quoted message, as they start.
const FORWARD_LINES: &[&str] = &[
    "---------- forwarded message",
    "-------- forwarded message",
    "---------- message transféré",
    "-------- message transféré",
    "---------- weitergeleitete nachricht",
    "-------- weitergeleitete nachricht",
    "-----original message-----",
    "----- original message -----",
    "-----message d'origine-----",
    "----- message d'origine -----",
    "-----ursprüngliche nachricht-----",
    "begin forwarded message:",
    "début du message réexpédié :",
    "anfang der weitergeleiteten nachricht:",
];

/// Whether a line is a forward separator.
fn is_separator(line: &str) -> bool {
    let head: String = normalise(line.trim_start()).chars().take(48).collect();
    FORWARD_LINES.iter().any(|f| head.starts_with(f))
}

/// Past a forward separator that opens `text` (after blank lines), or 0.
pub fn after_separator(text: &str) -> usize {
    text_lines(text)
        .find(|(_, line)| !line.trim().is_empty())
        .filter(|(_, line)| is_separator(line))
        .map_or(0, |(start, line)| (start + line.len() + 1).min(text.len()))
}

/// The labels of Outlook's forward header, per language: "From:" then,
/// within a few lines, "Sent:".
const HEADER_FROM: &[&str] = &["from:", "de :", "de:", "von:"];
const HEADER_SENT: &[&str] = &["sent:", "envoyé :", "envoyé:", "gesendet:", "date:"];

/// How a forwarded message is set off from the person's own text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Forward {
    /// A separator line ("---------- Forwarded message ---------").
    Separator,
    /// A mail client's header block ("From: … Sent: …"), which also opens
    /// a message copied whole out of the client.
    Header,
}

/// Where the forwarded or quoted message starts in `text`, and how: the
/// line after a forward separator, or the first line of a forward header.
pub fn forward_start(text: &str) -> Option<(usize, Forward)> {
    let mut from_line: Option<(usize, usize)> = None;
    for (n, (start, line)) in text_lines(text).enumerate() {
        if is_separator(line) {
            return Some(((start + line.len() + 1).min(text.len()), Forward::Separator));
        }
        let head: String = normalise(line.trim_start()).chars().take(48).collect();
        if HEADER_FROM.iter().any(|f| head.starts_with(f)) {
            from_line = Some((n, start));
        } else if let Some((at, start)) = from_line {
            if n <= at + 4 && HEADER_SENT.iter().any(|f| head.starts_with(f)) {
                return Some((start, Forward::Header));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_of_every_depth_come_off() {
        let text = "Hi\n> a\n>> b\n> > c\n>>>d\n| e\n|  f\n";
        let unquoted = unquote(text);
        assert_eq!(unquoted.text, "Hi\na\nb\nc\nd\ne\n f\n");
        assert_eq!(unquoted.first_quoted, Some(3));
        let d = unquoted.text.find('d').unwrap();
        assert_eq!(&text[unquoted.original(d)..][..1], "d");
    }

    #[test]
    fn an_unquoted_text_is_left_as_it_is() {
        let unquoted = unquote("550 5.7.705 Access denied\n  indented");
        assert_eq!(unquoted.text, "550 5.7.705 Access denied\n  indented\n");
        assert_eq!(unquoted.first_quoted, None);
    }

    #[test]
    fn forward_separators_and_headers() {
        let gmail = "See below\n---------- Forwarded message ---------\nFrom: x\n";
        assert_eq!(
            forward_start(gmail),
            Some((gmail.find("From").unwrap(), Forward::Separator))
        );
        let outlook =
            "Voir plus bas\n\nDe\u{a0}: Microsoft Outlook\nEnvoyé\u{a0}: lundi\nÀ\u{a0}: moi\n";
        assert_eq!(
            forward_start(outlook),
            Some((outlook.find("De").unwrap(), Forward::Header))
        );
        assert_eq!(forward_start("From: a\nTo: b\nSubject: c\n"), None);
    }

    #[test]
    fn deep_quotes_stay_linear() {
        let deep = format!("{}x\n", ">".repeat(100_000));
        assert_eq!(unquote(&deep).text, "x\n");
    }
}
