//! Enhanced status codes (RFC 3463) and the scanner that finds them in text.

use std::fmt;

/// An enhanced mail system status code, `class.subject.detail` (RFC 3463).
///
/// The class is 2, 4 or 5; the subject and the detail have one to three digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StatusCode {
    /// 2 success, 4 persistent transient failure, 5 permanent failure.
    pub class: u8,
    /// What the code is about: 1 addressing, 2 mailbox, … 7 security or policy.
    pub subject: u16,
    /// The particular condition within the subject.
    pub detail: u16,
}

impl StatusCode {
    /// Builds a code, or `None` when the parts are outside RFC 3463's ranges.
    pub fn new(class: u8, subject: u16, detail: u16) -> Option<Self> {
        let valid = matches!(class, 2 | 4 | 5) && subject <= 7 && detail <= 999;
        valid.then_some(StatusCode {
            class,
            subject,
            detail,
        })
    }

    /// Parses exactly one code, such as `5.7.705`, ignoring surrounding spaces.
    ///
    /// ```
    /// use ndr_explainer::StatusCode;
    /// assert_eq!(StatusCode::parse(" 5.7.705 ").unwrap().to_string(), "5.7.705");
    /// assert!(StatusCode::parse("5.7.7050").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        match find_codes(text).next() {
            Some(found) if found.start == 0 && found.end == text.len() => Some(found.code),
            _ => None,
        }
    }

    /// True for a permanent failure (class 5).
    pub fn is_permanent(self) -> bool {
        self.class == 5
    }

    /// True for the Exchange Online tenant-level family 5.7.7xx.
    pub fn is_tenant_block(self) -> bool {
        self.class == 5 && self.subject == 7 && (700..800).contains(&self.detail)
    }
}

impl fmt::Display for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.class, self.subject, self.detail)
    }
}

/// A status code found in a text, with the byte range it occupies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// The code.
    pub code: StatusCode,
    /// Byte offset of the code's first character.
    pub start: usize,
    /// Byte offset just past the code.
    pub end: usize,
}

/// Finds every enhanced status code in `text`, left to right, in one pass.
///
/// A code must stand on its own: digits, dots or letters glued to either side
/// (`15.20.5.7.705`, `v5.7.705`, `5.7.7050`, `5.7.705.1`) mean a version number,
/// an IP address or a host name, never a status.
pub fn find_codes(text: &str) -> impl Iterator<Item = Found> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < bytes.len() {
            let start = pos;
            pos += 1;
            if !matches!(bytes[start], b'2' | b'4' | b'5') || !free_before(bytes, start) {
                continue;
            }
            if let Some((code, end)) = code_at(bytes, start) {
                pos = end;
                return Some(Found { code, start, end });
            }
        }
        None
    })
}

/// The SMTP reply code written just before a status code (`550 5.7.705`,
/// `550-5.1.1`, `smtp;550 5.7.1`), if any.
pub fn reply_before(text: &str, code_start: usize) -> Option<u16> {
    let bytes = text.as_bytes();
    // A reply quoted as a whole by a wrapper: `552-'5.2.2 …'`.
    let code_start = match code_start.checked_sub(1).map(|i| bytes[i]) {
        Some(b'\'' | b'"') => code_start - 1,
        _ => code_start,
    };
    let sep_end = code_start.checked_sub(1)?;
    if !matches!(bytes[sep_end], b' ' | b'-' | b'\t') {
        return None;
    }
    let mut start = sep_end;
    while start > 0 && bytes[start - 1] == b' ' {
        start -= 1;
    }
    let digits = start.checked_sub(3)?;
    reply_at(bytes, digits, start)
}

/// The first SMTP reply code that opens `text` (after spaces), such as the `550`
/// of `550 Requested action not taken`.
pub fn leading_reply(text: &str) -> Option<u16> {
    let trimmed = text.trim_start();
    let bytes = trimmed.as_bytes();
    if bytes.len() > 3 && !matches!(bytes[3], b' ' | b'-') {
        return None;
    }
    reply_at(bytes, 0, 3.min(bytes.len()))
}

fn reply_at(bytes: &[u8], start: usize, end: usize) -> Option<u16> {
    let digits = bytes.get(start..end)?;
    let well_formed = digits.len() == 3
        && matches!(digits[0], b'2'..=b'5')
        && digits[1..].iter().all(u8::is_ascii_digit)
        && (start == 0 || !bytes[start - 1].is_ascii_alphanumeric());
    well_formed.then(|| digits.iter().fold(0, |n, d| n * 10 + u16::from(d - b'0')))
}

fn free_before(bytes: &[u8], at: usize) -> bool {
    at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || matches!(bytes[at - 1], b'.' | b'_'))
}

fn code_at(bytes: &[u8], start: usize) -> Option<(StatusCode, usize)> {
    let class = bytes[start] - b'0';
    if bytes.get(start + 1) != Some(&b'.') {
        return None;
    }
    let (subject, after_subject) = number(bytes, start + 2)?;
    if bytes.get(after_subject) != Some(&b'.') {
        return None;
    }
    let (detail, end) = number(bytes, after_subject + 1)?;
    let glued = match bytes.get(end) {
        Some(b'.') => bytes.get(end + 1).is_some_and(u8::is_ascii_digit),
        Some(&b) => b.is_ascii_alphanumeric() || b == b'_',
        None => false,
    };
    if glued {
        return None;
    }
    Some((StatusCode::new(class, subject, detail)?, end))
}

/// One to three digits at `at`; fails when a fourth digit follows.
fn number(bytes: &[u8], at: usize) -> Option<(u16, usize)> {
    let mut end = at;
    let mut value = 0u16;
    while end < bytes.len() && bytes[end].is_ascii_digit() {
        if end - at == 3 {
            return None;
        }
        value = value * 10 + u16::from(bytes[end] - b'0');
        end += 1;
    }
    (end > at).then_some((value, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<String> {
        find_codes(text).map(|f| f.code.to_string()).collect()
    }

    macro_rules! scan_cases {
        ($($name:ident: $text:expr => [$($code:expr),*];)*) => {$(
            #[test]
            fn $name() {
                let expected: Vec<&str> = vec![$($code),*];
                assert_eq!(codes($text), expected, "scanning {:?}", $text);
            }
        )*};
    }

    scan_cases! {
        plain_reply: "550 5.7.705 Access denied, tenant has exceeded threshold" => ["5.7.705"];
        exchange_hash_form: "#< #5.7.750 smtp;550 5.7.750 Service unavailable> #SMTP#" => ["5.7.750", "5.7.750"];
        gmail_dash: "550-5.1.1 The email account that you tried to reach does not exist." => ["5.1.1"];
        qmail_parens: "550 Unknown user (#5.5.0)" => ["5.5.0"];
        end_of_sentence: "The status was 5.1.10." => ["5.1.10"];
        version_number: "Microsoft SMTP Server 15.20.5.7.705 ready" => [];
        ip_address: "connect to 10.5.7.705 failed" => [];
        letter_prefix: "build v5.7.705" => [];
        four_digit_detail: "code 5.7.7050 is not a code" => [];
        dotted_suffix: "version 5.7.705.12" => [];
        date_like: "released 2026.5.7 today" => [];
        subject_out_of_range: "5.8.1 is undefined" => [];
        class_three: "3.1.1 is not a class" => [];
        three_digit_subject_rejected: "5.100.1" => [];
        several: "4.4.7 then 5.4.312" => ["4.4.7", "5.4.312"];
    }

    #[test]
    fn reply_code_before_status() {
        let line = "Remote Server returned '550 5.7.705 Access denied'";
        let found = find_codes(line).next().unwrap();
        assert_eq!(reply_before(line, found.start), Some(550));
        let line = "smtp;550 5.7.1 no";
        let found = find_codes(line).next().unwrap();
        assert_eq!(reply_before(line, found.start), Some(550));
        let line = "550-5.1.1 no";
        assert_eq!(reply_before(line, 4), Some(550));
        let line = "x1550 5.1.1";
        assert_eq!(reply_before(line, 6), None);
        assert_eq!(reply_before("5.1.1", 0), None);
    }

    #[test]
    fn leading_reply_code() {
        assert_eq!(leading_reply("  550 Requested action"), Some(550));
        assert_eq!(leading_reply("5500 no"), None);
        assert_eq!(leading_reply("55"), None);
        assert_eq!(leading_reply("650 no"), None);
    }

    #[test]
    fn parse_is_exact() {
        assert_eq!(StatusCode::parse("5.7.750"), StatusCode::new(5, 7, 750));
        assert!(StatusCode::parse("5.7.750 x").is_none());
        assert!(StatusCode::parse("").is_none());
    }

    #[test]
    fn tenant_block_family() {
        assert!(StatusCode::parse("5.7.705").unwrap().is_tenant_block());
        assert!(!StatusCode::parse("5.7.1").unwrap().is_tenant_block());
        assert!(!StatusCode::parse("4.7.700").unwrap().is_tenant_block());
    }
}
