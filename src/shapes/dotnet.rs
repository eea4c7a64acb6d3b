//! .NET's mail errors: `System.Net.Mail.SmtpException` and its
//! `SmtpFailedRecipient(s)Exception` (`Mailbox unavailable. The server
//! response was: 5.7.705 …`, also what `Send-MailMessage` prints) and
//! MailKit's `SmtpCommandException: 5.7.708 …`. Both drop the reply code:
//! .NET keeps only an enum (`Mailbox unavailable` for 550), MailKit the
//! text after the code; the number is read only where the application
//! printed it (`status 451`, `StatusCode=451`).

use super::names::{address, addresses};
use super::reply::outcome_at;
use super::tally::Tally;
use super::Finding;
use crate::bounce::Input;
use crate::lines::text_lines;
use std::borrow::Cow;

const RESPONSE: &str = "The server response was: ";
const MAILKIT: &str = "SmtpCommandException: ";
/// How far back (in lines) the application's own line naming the
/// recipient or the reply code may stand before the exception.
const LOG_LINES_BEFORE: usize = 3;
/// Most wrapped lines joined to a reply: a reply is a line or two.
const MAX_WRAPPED: usize = 8;

pub(super) fn read(text: &str) -> Option<Finding> {
    if !text.contains(RESPONSE) && !text.contains(MAILKIT) {
        return None;
    }
    let mut tally = Tally::new(Input::ApplicationError);
    let mut named: Option<(usize, String)> = None;
    let mut printed: Option<(usize, u16)> = None;
    let mut lines = text_lines(text).enumerate().peekable();
    while let Some((n, (start, line))) = lines.next() {
        let Some((_, said)) = line
            .split_once(RESPONSE)
            .or_else(|| line.split_once(MAILKIT))
        else {
            if let Some(to) = log_recipient(line) {
                named = Some((n, to));
            }
            printed = printed_code(line).map(|code| (n, code)).or(printed);
            continue;
        };
        let Some(mut outcome) = outcome_at(line, start, said) else {
            continue;
        };
        // PowerShell wraps an error record at the console's width.
        if line.contains(" : ") {
            let mut joined = outcome.diagnostic.into_owned();
            for _ in 0..MAX_WRAPPED {
                let Some((_, (_, next))) = lines.next_if(|(_, (_, l))| wrapped(l)) else {
                    break;
                };
                joined.push(' ');
                joined.push_str(next.trim());
            }
            outcome.diagnostic = Cow::Owned(joined);
        }
        // A printed code counts for the reply of its class just after it.
        let class = outcome.status.map(|s| u16::from(s.class));
        let near = printed.filter(|&(at, c)| n - at <= LOG_LINES_BEFORE && Some(c / 100) == class);
        outcome.smtp_code = outcome.smtp_code.or(near.map(|(_, code)| code));
        // The failed recipient: named in the reply of a failed-recipient
        // exception, or by the application's line just before.
        let to = if line.contains("SmtpFailedRecipient") {
            addresses(said).into_iter().next()
        } else {
            named
                .take()
                .filter(|(at, _)| n - at <= LOG_LINES_BEFORE)
                .map(|(_, to)| to)
        };
        tally.add(to.map(Cow::Owned), outcome);
    }
    tally.finish()
}

/// A continuation of a wrapped error record: not indented, not its
/// `At …`/`+ …` position lines, not a new log line.
fn wrapped(line: &str) -> bool {
    !line.trim().is_empty()
        && !line.starts_with([' ', '\t', '+', '[', '{'])
        && !line.starts_with(|c: char| c.is_ascii_digit())
        && !line.starts_with("At ")
        && !line.contains("Exception")
}

/// The address after ` to ` in an application's log line (`sending
/// invoice 42 to a@b failed`).
fn log_recipient(line: &str) -> Option<String> {
    if line.starts_with([' ', '\t']) {
        return None;
    }
    line.split(" to ")
        .skip(1)
        .find_map(|after| address(after.split(' ').next()?))
}

/// A reply code the application printed itself on `line`: `status 451`,
/// `StatusCode=451`, `StatusCode: 451`.
fn printed_code(line: &str) -> Option<u16> {
    ["status ", "StatusCode=", "StatusCode: "]
        .iter()
        .find_map(|label| {
            line.split(label).skip(1).find_map(|after| {
                let digits = after.get(..3)?;
                let code: u16 = digits.parse().ok()?;
                let alone = !after[3..].starts_with(|c: char| c.is_ascii_digit());
                (alone && (400..600).contains(&code)).then_some(code)
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounce::Kind;

    #[test]
    fn smtp_exception_without_reply_code() {
        let text = "2026-07-17 [ERR] sending invoice 7 to accounts@fabrikam.example failed\nSystem.Net.Mail.SmtpException: Mailbox unavailable. The server response was: 5.7.711 Access denied, bad inbound connector. AS(2204)\n   at System.Net.Mail.SmtpClient.Send(MailMessage message)\n";
        let f = read(text).unwrap();
        assert_eq!(
            (f.kind, f.status.unwrap().to_string(), f.smtp_code),
            (Kind::Failure, "5.7.711".into(), None)
        );
        assert_eq!(f.recipients[0].address, "accounts@fabrikam.example");
        assert_eq!(
            f.diagnostic.as_deref(),
            Some("5.7.711 Access denied, bad inbound connector. AS(2204)")
        );
        let e = f.evidence.unwrap();
        assert_eq!(&e.line[e.highlight], "5.7.711");
    }

    #[test]
    fn powershell_wraps_and_mailkit_codes() {
        let text = "Send-MailMessage : Mailbox unavailable. The server response was: 5.7.750 Client blocked from\nsending from unregistered domains\nAt C:\\x.ps1:42 char:1\n";
        assert_eq!(
            read(text).unwrap().diagnostic.as_deref(),
            Some("5.7.750 Client blocked from sending from unregistered domains")
        );
        let text = "warn: x (status 451, MessageNotAccepted)\n      MailKit.Net.Smtp.SmtpCommandException: 4.7.500 Try later\n";
        let f = read(text).unwrap();
        assert_eq!((f.kind, f.smtp_code), (Kind::Delay, Some(451)));
        assert!(read("The server response was: OK").is_none());
    }

    #[test]
    fn hostile_errors() {
        let line = "System.Net.Mail.SmtpException: Service not available. The server response was: 4.7.0 Try later\n";
        let f = read(&line.repeat(10 * 1024 * 1024 / line.len())).unwrap();
        assert_eq!(f.kind, Kind::Delay);
        let long = format!(
            "Send-MailMessage : x. The server response was: 5.7.1 {}\n{}",
            "ü".repeat(1 << 19),
            "wrapped\n".repeat(1 << 16)
        );
        assert!(read(&long).is_some_and(|f| f.diagnostic.unwrap().len() <= 2000));
        assert!(printed_code("status 4").is_none() && printed_code("status 4519").is_none());
        let far = "HTTP status 503\na\nb\nc\nd\nSmtpCommandException: 5.7.1 denied\n";
        assert_eq!(read(far).unwrap().smtp_code, None);
    }
}
