//! RFC 5322 header blocks: unfolding, RFC 2047 encoded words, MIME parameters.

use super::{charset, decode};
use crate::lines::lines_from;

/// Headers of one message or part, in order, names as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Headers {
    fields: Vec<(String, String)>,
}

/// Longest field value kept, and most fields kept: a header block of any
/// size is read to its end (so a Subject after a huge field is still found)
/// while what is kept of it stays small.
const MAX_FIELD_BYTES: usize = 8 * 1024;
const MAX_FIELDS: usize = 1000;

impl Headers {
    /// Reads a header block at the start of `bytes`. Returns the headers and
    /// the offset where the body starts, or `None` when `bytes` does not open
    /// with a header line (so it is not a message).
    pub fn parse(bytes: &[u8]) -> Option<(Headers, usize)> {
        let mut fields: Vec<(String, String)> = Vec::new();
        let mut body = bytes.len();
        for line in lines_from(bytes, 0) {
            let text = &bytes[line.start..line.end];
            if text.is_empty() {
                body = line.next;
                break;
            }
            if matches!(text[0], b' ' | b'\t') && !fields.is_empty() {
                if let Some((_, value)) =
                    fields.last_mut().filter(|(_, v)| v.len() < MAX_FIELD_BYTES)
                {
                    value.push(' ');
                    value.push_str(charset::lossy_utf8_or_cp1252(text).trim());
                    truncate(value, MAX_FIELD_BYTES);
                }
                continue;
            }
            if fields.is_empty() && line.start == 0 && text.starts_with(b"From ") {
                continue; // mbox separator line
            }
            match split_field(text) {
                Some((name, mut value)) => {
                    if fields.len() < MAX_FIELDS {
                        truncate(&mut value, MAX_FIELD_BYTES);
                        fields.push((name, value));
                    }
                }
                None if fields.is_empty() => return None,
                None => {
                    body = line.start;
                    break;
                }
            }
        }
        (!fields.is_empty()).then_some((Headers { fields }, body))
    }

    /// The first value of the field `name` (case-insensitive), unfolded, raw.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of the field `name`, in order.
    pub fn get_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The first value of `name` with its encoded words decoded.
    pub fn decoded(&self, name: &str) -> Option<String> {
        self.get(name).map(decode_words)
    }

    /// True when the field `name` is present, even with an empty value.
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The fields in order, as (name, raw value).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.fields.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }
}

/// The words of a field value outside its comments (RFC 5322 CFWS, which
/// may nest), split at white space, parentheses and `separators`. Stops at
/// `limit` words: a date needs its first few only.
pub(crate) fn words_outside_comments<'a>(
    value: &'a str,
    separators: &[char],
    limit: usize,
) -> Vec<&'a str> {
    let mut words = Vec::new();
    let mut depth = 0usize;
    let mut start = None;
    for (i, c) in value.char_indices() {
        let boundary = c.is_whitespace() || c == '(' || c == ')' || separators.contains(&c);
        if boundary || depth > 0 {
            if let Some(s) = start.take() {
                words.push(&value[s..i]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if words.len() >= limit {
            return words;
        }
    }
    if let Some(s) = start {
        words.push(&value[s..]);
    }
    words
}

/// Cuts `text` to at most `max` bytes, on a character boundary.
fn truncate(text: &mut String, max: usize) {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
}

fn split_field(line: &[u8]) -> Option<(String, String)> {
    let colon = line.iter().position(|&b| b == b':')?;
    let name = &line[..colon];
    let valid_name = !name.is_empty()
        && name.len() <= 76
        && name.iter().all(|&b| b.is_ascii_graphic() && b != b':');
    if !valid_name {
        return None;
    }
    let value = charset::lossy_utf8_or_cp1252(&line[colon + 1..]);
    Some((
        String::from_utf8_lossy(name).into_owned(),
        value.trim().to_owned(),
    ))
}

/// Decodes RFC 2047 encoded words (`=?charset?Q?…?=`, `=?charset?B?…?=`);
/// whitespace between two adjacent encoded words is dropped, as the RFC says.
pub fn decode_words(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    let mut pending_space = "";
    let mut last_was_word = false;
    while let Some(start) = rest.find("=?") {
        let Some((decoded, len)) = encoded_word(&rest[start..]) else {
            out.push_str(pending_space);
            out.push_str(&rest[..start + 2]);
            pending_space = "";
            last_was_word = false;
            rest = &rest[start + 2..];
            continue;
        };
        let between = &rest[..start];
        if !(last_was_word && between.trim().is_empty()) {
            out.push_str(pending_space);
            out.push_str(between);
        }
        out.push_str(&decoded);
        last_was_word = true;
        rest = &rest[start + len..];
        let spaces = rest.len() - rest.trim_start().len();
        pending_space = &rest[..spaces];
        rest = &rest[spaces..];
    }
    out.push_str(pending_space);
    out.push_str(rest);
    out
}

/// Decodes one encoded word at the start of `text`; returns it and its length.
fn encoded_word(text: &str) -> Option<(String, usize)> {
    // RFC 2047 caps a word at 75 characters; some mailers write a few more.
    // Looking no further than this keeps a header of many "=?" linear.
    const LONGEST_WORD: usize = 256;
    let mut limit = text.len().min(LONGEST_WORD);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let inner = text[..limit].strip_prefix("=?")?;
    let (charset_label, after) = inner.split_once('?')?;
    let (encoding, after) = after.split_once('?')?;
    let end = after.find("?=")?;
    let payload = &after[..end];
    if payload.contains(' ') || charset_label.is_empty() {
        return None;
    }
    let bytes = match encoding {
        "Q" | "q" => decode::q_encoding(payload.as_bytes()),
        "B" | "b" => decode::base64(payload.as_bytes()),
        _ => return None,
    };
    // RFC 2231 allows a language after '*': "utf-8*fr".
    let label = charset_label.split('*').next().unwrap_or(charset_label);
    let len = 2 + charset_label.len() + 1 + encoding.len() + 1 + end + 2;
    Some((charset::decode(&bytes, label), len))
}

/// A parsed `Content-Type`: lower-case `type/subtype` and its parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentType {
    /// `type/subtype`, lower case (`text/plain` when absent or unreadable).
    pub mime: String,
    params: Vec<(String, String)>,
}

impl ContentType {
    /// Parses a Content-Type value; a missing one means `text/plain`.
    pub fn parse(value: Option<&str>) -> ContentType {
        let value = value.unwrap_or("");
        let mut pieces = split_params(value).into_iter();
        let mime = pieces
            .next()
            .map(|m| m.trim().to_ascii_lowercase())
            .filter(|m| m.contains('/'))
            .unwrap_or_else(|| "text/plain".to_owned());
        let params = pieces
            .filter_map(|p| {
                let (name, value) = p.split_once('=')?;
                Some((name.trim().to_ascii_lowercase(), unquote(value.trim())))
            })
            .collect();
        ContentType { mime, params }
    }

    /// A parameter's value (`boundary`, `charset`, `report-type`), name case-insensitive.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// True when the type is `prefix/…` (e.g. `multipart`).
    pub fn is(&self, kind: &str) -> bool {
        self.mime.split('/').next() == Some(kind)
    }
}

/// Splits on `;` outside double quotes.
fn split_params(value: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in value.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => {
                pieces.push(&value[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(&value[start..]);
    pieces
}

fn unquote(value: &str) -> String {
    match value.strip_prefix('"') {
        Some(inner) => inner.trim_end_matches('"').replace("\\\"", "\""),
        None => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_headers_and_body_offset() {
        let raw = b"Subject: Undeliverable:\r\n  hello\r\nFrom: postmaster@example.com\r\n\r\nbody";
        let (headers, body) = Headers::parse(raw).unwrap();
        assert_eq!(headers.get("subject"), Some("Undeliverable: hello"));
        assert_eq!(&raw[body..], b"body");
    }

    #[test]
    fn a_huge_field_is_cut_and_later_fields_are_still_read() {
        let raw = format!(
            "X-Junk: {}\n {}\nSubject: Undeliverable\n\nbody",
            "a".repeat(1 << 20),
            "b".repeat(1 << 20)
        );
        let (headers, body) = Headers::parse(raw.as_bytes()).unwrap();
        assert_eq!(headers.get("X-Junk").unwrap().len(), MAX_FIELD_BYTES);
        assert_eq!(headers.get("Subject"), Some("Undeliverable"));
        assert_eq!(&raw[body..], "body");
    }

    #[test]
    fn mbox_line_is_skipped() {
        let raw = b"From MAILER-DAEMON Mon Jan 1 00:00:00 2026\nSubject: x\n\nb";
        let (headers, _) = Headers::parse(raw).unwrap();
        assert_eq!(headers.get("Subject"), Some("x"));
    }

    #[test]
    fn text_is_not_a_message() {
        assert!(Headers::parse(b"550 5.7.705 Access denied: tenant").is_none());
        assert!(Headers::parse(b"Your message to a@b.c couldn't be delivered.").is_none());
        assert!(Headers::parse(b"").is_none());
    }

    #[test]
    fn encoded_words() {
        assert_eq!(
            decode_words("=?iso-8859-1?Q?Non_remis_:_r=E9union?="),
            "Non remis : réunion"
        );
        assert_eq!(decode_words("=?utf-8?B?w6k=?= =?utf-8?B?w6k=?="), "éé");
        assert_eq!(decode_words("a =?utf-8?q?b?= c"), "a b c");
        assert_eq!(decode_words("broken =?utf-8?Q?x"), "broken =?utf-8?Q?x");
        assert_eq!(decode_words("=?=?utf-8?Q?x?="), "=?x");
    }

    #[test]
    fn many_unfinished_words_stay_linear() {
        let header = "=?abc".repeat(50_000);
        assert_eq!(decode_words(&header), header);
    }

    #[test]
    fn content_type_params() {
        let ct = ContentType::parse(Some(
            "multipart/report; report-type=delivery-status;\tboundary=\"a;b\"",
        ));
        assert_eq!(ct.mime, "multipart/report");
        assert_eq!(ct.param("boundary"), Some("a;b"));
        assert_eq!(ct.param("report-type"), Some("delivery-status"));
        assert_eq!(ContentType::parse(None).mime, "text/plain");
        assert_eq!(ContentType::parse(Some("garbage")).mime, "text/plain");
    }

    #[test]
    fn words_skip_nested_comments_and_stop_at_the_limit() {
        let value = "from a.example (helo (nested) b) by c.example, id 1";
        assert_eq!(
            words_outside_comments(value, &[], usize::MAX),
            ["from", "a.example", "by", "c.example,", "id", "1"]
        );
        assert_eq!(
            words_outside_comments(value, &[','], 4),
            ["from", "a.example", "by", "c.example"]
        );
        // An unclosed comment runs to the end.
        assert_eq!(words_outside_comments("x (y z", &[], 9), ["x"]);
    }
}
