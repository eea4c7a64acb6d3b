//! MIME (RFC 2045–2049): the tree of parts of a message, flattened into the
//! pieces the diagnosis reads, each tagged with the role it plays in a bounce.

pub mod charset;
pub mod decode;
pub mod header;

use crate::html;
use crate::lines::lines_from;
pub use header::{ContentType, Headers};

/// Deepest MIME nesting followed; deeper parts are not read.
pub const MAX_DEPTH: usize = 24;
/// Most parts read from one message; later parts are not read.
pub const MAX_PARTS: usize = 512;

/// The role a part plays in a bounce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Human-readable text written by the reporting server.
    Notification,
    /// A machine-readable `message/delivery-status` part (RFC 3464).
    DeliveryStatus,
    /// The returned original message (or its headers): never a source of the diagnosis.
    Returned,
}

/// One readable piece of a message.
#[derive(Clone, Debug)]
pub struct Part {
    /// What the part is in the bounce.
    pub role: Role,
    /// The part's text, decoded (HTML turned into plain text).
    pub text: String,
    /// Where `text` starts in the input, when it is a verbatim copy of it.
    pub base: Option<usize>,
    /// Headers of a returned message, when the part is one.
    pub headers: Option<Headers>,
}

/// A message attached to a message (`message/rfc822`): it may be the
/// original a report returns, or a report a person forwards. Read again
/// only in the second case, so a verbatim one is not copied.
#[derive(Clone, Debug)]
pub enum Attached {
    /// The attached message is these bytes of the input.
    Verbatim(std::ops::Range<usize>),
    /// The attached message, decoded from its transfer encoding.
    Decoded(Vec<u8>),
}

/// A message split into its readable parts.
#[derive(Clone, Debug)]
pub struct Message {
    /// The top-level headers.
    pub headers: Headers,
    /// The readable parts, in order.
    pub parts: Vec<Part>,
    /// The messages attached to this one (not those inside them), in order.
    pub attached: Vec<Attached>,
    /// True when nesting or part limits stopped the walk early.
    pub limited: bool,
}

impl Message {
    /// Reads `bytes` as a message, or `None` when it does not start with headers.
    pub fn parse(bytes: &[u8]) -> Option<Message> {
        let (headers, body) = Headers::parse(bytes)?;
        let mut walker = Walker {
            parts: Vec::new(),
            attached: Vec::new(),
            limited: false,
        };
        walker.entity(&headers, &bytes[body..], Some(body), 0, false);
        Some(Message {
            headers,
            parts: walker.parts,
            attached: walker.attached,
            limited: walker.limited,
        })
    }

    /// The parts that play `role`.
    pub fn parts_with(&self, role: Role) -> impl Iterator<Item = &Part> {
        self.parts.iter().filter(move |p| p.role == role)
    }
}

struct Walker {
    parts: Vec<Part>,
    attached: Vec<Attached>,
    limited: bool,
}

impl Walker {
    /// Reads one entity (message or body part) whose body is `body`; `base` is
    /// the body's offset in the input when it is the input's own bytes.
    fn entity(
        &mut self,
        headers: &Headers,
        body: &[u8],
        base: Option<usize>,
        depth: usize,
        returned: bool,
    ) {
        if depth > MAX_DEPTH || self.parts.len() >= MAX_PARTS {
            self.limited = true;
            return;
        }
        let content_type = ContentType::parse(headers.get("Content-Type"));
        let encoding = headers
            .get("Content-Transfer-Encoding")
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if content_type.is("multipart") {
            if let Some(boundary) = content_type.param("boundary").filter(|b| !b.is_empty()) {
                let alternative = content_type.mime == "multipart/alternative";
                return self.multipart(body, base, boundary, depth, returned, alternative);
            }
        }
        // Attachments (images, PDFs…) say nothing about the failure: skip
        // them before paying for their decoding.
        let readable = content_type.is("text") || content_type.is("message");
        if !readable {
            return;
        }
        // Of the returned message only headers are read, never its text:
        // its parts are filed without paying for their decoding.
        let holds_headers = matches!(
            content_type.mime.as_str(),
            "message/rfc822"
                | "message/global"
                | "message/partial"
                | "text/rfc822-headers"
                | "message/global-headers"
        );
        if returned && !holds_headers {
            self.push(Role::Returned, String::new(), None, None);
            return;
        }
        let decoded = match encoding.as_str() {
            "base64" => Some(decode::base64(body)),
            "quoted-printable" => Some(decode::quoted_printable(body)),
            _ => None,
        };
        let (bytes, base) = match &decoded {
            Some(bytes) => (bytes.as_slice(), None),
            None => (body, base),
        };
        match content_type.mime.as_str() {
            "message/rfc822" | "message/global" | "message/partial" => {
                let Some((inner, inner_body)) = Headers::parse(bytes) else {
                    return;
                };
                if !returned {
                    self.attached.push(match base {
                        Some(base) => Attached::Verbatim(base..base + bytes.len()),
                        None => Attached::Decoded(bytes.to_vec()),
                    });
                }
                self.push(Role::Returned, String::new(), None, Some(inner.clone()));
                let inner_base = base.map(|b| b + inner_body);
                self.entity(&inner, &bytes[inner_body..], inner_base, depth + 1, true);
            }
            "text/rfc822-headers" | "message/global-headers" => {
                if let Some((inner, _)) = Headers::parse(bytes) {
                    self.push(Role::Returned, String::new(), None, Some(inner));
                }
            }
            "message/delivery-status" | "message/global-delivery-status" => {
                let role = if returned {
                    Role::Returned
                } else {
                    Role::DeliveryStatus
                };
                let text = charset::lossy_utf8_or_cp1252(bytes);
                self.push(role, text, base, None);
            }
            mime if mime.starts_with("text/") => {
                let role = if returned {
                    Role::Returned
                } else {
                    Role::Notification
                };
                let charset_label = content_type.param("charset").unwrap_or("");
                let text = charset::decode(bytes, charset_label);
                let verbatim = base.filter(|_| text.as_bytes() == bytes);
                if mime == "text/html" {
                    self.push(role, html::to_text(&text), None, None);
                } else {
                    self.push(role, text, verbatim, None);
                }
            }
            _ => {}
        }
    }

    fn multipart(
        &mut self,
        body: &[u8],
        base: Option<usize>,
        boundary: &str,
        depth: usize,
        returned: bool,
        alternative: bool,
    ) {
        let mut bodies = split_multipart(body, boundary.as_bytes());
        if bodies.is_empty() {
            // The declared boundary never appears: the body uses another
            // one (a typo), or a gateway flattened the parts into one text.
            match guess_boundary(body) {
                Some(other) => bodies = split_multipart(body, other),
                None => {
                    let text = charset::lossy_utf8_or_cp1252(body);
                    let verbatim = base.filter(|_| text.len() == body.len());
                    let role = if returned {
                        Role::Returned
                    } else {
                        Role::Notification
                    };
                    self.push(role, text, verbatim, None);
                    return;
                }
            }
        }
        if bodies.len() > MAX_PARTS {
            self.limited = true;
        }
        let sub_parts: Vec<(Headers, usize, usize)> = bodies
            .into_iter()
            .take(MAX_PARTS)
            .map(|(start, end)| {
                let slice = &body[start..end];
                match Headers::parse(slice) {
                    Some((headers, offset)) => (headers, start + offset, end),
                    None => {
                        // No headers: the part starts with its blank line (or has none).
                        let skip = lines_from(slice, 0)
                            .next()
                            .filter(|l| l.start == l.end)
                            .map_or(0, |l| l.next);
                        (Headers::default(), start + skip, end)
                    }
                }
            })
            .collect();
        let has_plain = alternative
            && sub_parts
                .iter()
                .any(|(h, _, _)| ContentType::parse(h.get("Content-Type")).mime == "text/plain");
        for (headers, start, end) in &sub_parts {
            if has_plain && ContentType::parse(headers.get("Content-Type")).mime == "text/html" {
                continue;
            }
            let sub_base = base.map(|b| b + start);
            self.entity(headers, &body[*start..*end], sub_base, depth + 1, returned);
        }
    }

    fn push(&mut self, role: Role, text: String, base: Option<usize>, headers: Option<Headers>) {
        if self.parts.len() >= MAX_PARTS {
            self.limited = true;
            return;
        }
        self.parts.push(Part {
            role,
            text,
            base,
            headers,
        });
    }
}

/// The boundary a body really uses when it is not the declared one: the
/// first `--token` line whose token opens a later line too.
fn guess_boundary(body: &[u8]) -> Option<&[u8]> {
    let mut first: Option<&[u8]> = None;
    for line in lines_from(body, 0) {
        let text = &body[line.start..line.end];
        let Some(token) = text.strip_prefix(b"--") else {
            continue;
        };
        let token = token.strip_suffix(b"--").unwrap_or(token);
        let plausible = token.len() >= 8 && !token.iter().any(u8::is_ascii_whitespace);
        match first {
            None if plausible => first = Some(token),
            Some(seen) if seen == token => return Some(seen),
            _ => {}
        }
    }
    None
}

/// The byte ranges of the bodies between `--boundary` lines. A part that never
/// closes runs to the end of the input.
fn split_multipart(body: &[u8], boundary: &[u8]) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    for line in lines_from(body, 0) {
        let text = &body[line.start..line.end];
        let Some(rest) = text
            .strip_prefix(b"--")
            .and_then(|t| t.strip_prefix(boundary))
        else {
            continue;
        };
        let closing = rest.starts_with(b"--");
        let tail = if closing { &rest[2..] } else { rest };
        if !tail.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        if let Some(start) = open.take() {
            // The line break before a boundary belongs to the boundary.
            ranges.push((start, trim_break(body, start, line.start)));
        }
        if closing {
            return ranges;
        }
        open = Some(line.next);
    }
    if let Some(start) = open {
        ranges.push((start, body.len()));
    }
    ranges
}

fn trim_break(body: &[u8], start: usize, end: usize) -> usize {
    let mut end = end;
    if end > start && body[end - 1] == b'\n' {
        end -= 1;
    }
    if end > start && body[end - 1] == b'\r' {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "From: postmaster@example.com\r\n\
Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\
\r\n\
preamble\r\n\
--b1\r\n\
Content-Type: text/plain; charset=us-ascii\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
Remote Server returned '550 5.7.=\r\n\
750 Client blocked'\r\n\
--b1\r\n\
Content-Type: message/delivery-status\r\n\
\r\n\
Reporting-MTA: dns;example.com\r\n\
\r\n\
Final-Recipient: rfc822;a@example.net\r\n\
Status: 5.7.750\r\n\
--b1\r\n\
Content-Type: message/rfc822\r\n\
\r\n\
Subject: about 5.7.705\r\n\
\r\n\
We saw 550 5.7.705 yesterday.\r\n\
--b1--\r\n";

    #[test]
    fn report_parts_and_roles() {
        let message = Message::parse(REPORT.as_bytes()).unwrap();
        let roles: Vec<Role> = message.parts.iter().map(|p| p.role).collect();
        assert_eq!(
            roles,
            [
                Role::Notification,
                Role::DeliveryStatus,
                Role::Returned,
                Role::Returned
            ]
        );
        assert_eq!(
            message.parts[0].text,
            "Remote Server returned '550 5.7.750 Client blocked'"
        );
        assert!(message.parts[1].text.contains("Status: 5.7.750"));
        let returned = message.parts[2].headers.as_ref().unwrap();
        assert_eq!(returned.get("subject"), Some("about 5.7.705"));
    }

    #[test]
    fn verbatim_parts_know_their_offset() {
        let message = Message::parse(REPORT.as_bytes()).unwrap();
        let status = &message.parts[1];
        let base = status.base.unwrap();
        assert_eq!(&REPORT[base..base + status.text.len()], status.text);
    }

    #[test]
    fn unclosed_boundary_runs_to_the_end() {
        let raw = b"Content-Type: multipart/mixed; boundary=x\n\n--x\n\nhello 5.7.705";
        let message = Message::parse(raw).unwrap();
        assert_eq!(message.parts.len(), 1);
        assert_eq!(message.parts[0].text, "hello 5.7.705");
    }

    #[test]
    fn alternative_prefers_plain_text() {
        let raw = b"Content-Type: multipart/alternative; boundary=x\n\n--x\nContent-Type: text/plain\n\nplain\n--x\nContent-Type: text/html\n\n<p>html</p>\n--x--\n";
        let message = Message::parse(raw).unwrap();
        assert_eq!(message.parts.len(), 1);
        assert_eq!(message.parts[0].text, "plain");
    }

    #[test]
    fn deep_nesting_is_cut() {
        let mut raw = String::new();
        for i in 0..200 {
            raw.push_str(&format!(
                "Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n"
            ));
        }
        raw.push_str("\nend");
        let message = Message::parse(raw.as_bytes()).unwrap();
        assert!(message.limited);
        assert!(message.parts.is_empty());
    }
}
