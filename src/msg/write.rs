//! The MIME message an Outlook item stands for: its headers (the transport
//! headers it kept, or fields made from its properties), its body, a
//! `message/delivery-status` part for a report, and its attachments.

use super::item::{Attachment, Body, Item};
use super::report::delivery_status;
use std::fmt::Write as _;

/// The report an item's message class makes it ([MS-OXCMAIL] 2.2.3.7.1.1:
/// `REPORT.<class>.NDR`, `.DR`, `.Delayed.DR`, `.Relayed.DR`, `.Expanded.DR`),
/// as the DSN `Action` of its recipients; read receipts (`.IPNRN`,
/// `.IPNNRN`) and every other class are not delivery reports.
pub fn action(class: &str) -> Option<&'static str> {
    let class = class.to_ascii_uppercase();
    if !class.starts_with("REPORT.") {
        return None;
    }
    [
        (".NDR", "failed"),
        (".DELAYED.DR", "delayed"),
        (".RELAYED.DR", "relayed"),
        (".EXPANDED.DR", "expanded"),
        (".DR", "delivered"),
    ]
    .into_iter()
    .find(|(suffix, _)| class.ends_with(suffix))
    .map(|(_, action)| action)
}

/// The MIME message of the first delivery report `item` carries, depth
/// first, when `item` is not one itself: the report a person forwarded "as
/// attachment", as an Outlook item or as an attached message file (which may
/// or may not be a report: the caller's analysis says).
pub fn forwarded_report(item: &Item) -> Option<Vec<u8>> {
    if action(&item.class).is_some() {
        return None;
    }
    item.attachments.iter().find_map(|a| match a {
        Attachment::Item(inner) if action(&inner.class).is_some() => Some(message(inner)),
        Attachment::Item(inner) => forwarded_report(inner),
        Attachment::Message(bytes) => Some(bytes.clone()),
        Attachment::Named(_) => None,
    })
}

/// The item as a MIME message (CRLF line ends, UTF-8 text).
pub fn message(item: &Item) -> Vec<u8> {
    let mut out = String::new();
    headers(item, &mut out);
    let body = body_part(&item.body);
    let action = action(&item.class);
    let mut parts: Vec<Vec<u8>> = vec![body.into_bytes()];
    if let Some(action) = action {
        parts.push(delivery_status(item, action).into_bytes());
        if !item.original.is_empty() {
            let mut part = String::from("Content-Type: text/rfc822-headers\r\n\r\n");
            for (name, value) in &item.original {
                field(&mut part, name, value);
            }
            parts.push(part.into_bytes());
        }
    }
    for attachment in &item.attachments {
        parts.push(attachment_part(attachment));
    }
    let mut bytes = Vec::new();
    if parts.len() == 1 {
        out.push_str("MIME-Version: 1.0\r\n");
        bytes.extend_from_slice(out.as_bytes());
        bytes.extend_from_slice(&parts[0]);
        return bytes;
    }
    let boundary = boundary(item.depth, &parts);
    let kind = if action.is_some() {
        "report; report-type=delivery-status"
    } else {
        "mixed"
    };
    let _ = write!(
        out,
        "MIME-Version: 1.0\r\nContent-Type: multipart/{kind}; boundary=\"{boundary}\"\r\n\r\n"
    );
    bytes.extend_from_slice(out.as_bytes());
    for part in &parts {
        bytes.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        bytes.extend_from_slice(part);
        bytes.extend_from_slice(b"\r\n");
    }
    bytes.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    bytes
}

/// A boundary no part contains (each level of nesting has its own): one
/// pass finds the numbers the parts already use after the prefix, and the
/// boundary takes the next one.
fn boundary(depth: usize, parts: &[Vec<u8>]) -> String {
    let prefix = format!("=_outlook-item-{depth}-");
    let needle = prefix.as_bytes();
    let mut next: u64 = 0;
    for part in parts {
        let mut at = 0;
        while let Some(found) = part[at..].windows(needle.len()).position(|w| w == needle) {
            at += found + needle.len();
            let digits = part[at..]
                .iter()
                .take(18)
                .take_while(|b| b.is_ascii_digit());
            let number = digits.fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
            next = next.max(number + 1);
        }
    }
    format!("{prefix}{next}")
}

/// The transport headers the item kept (less the MIME fields, which describe
/// a body that is no longer there), else fields made from its properties.
fn headers(item: &Item, out: &mut String) {
    if let Some(kept) = &item.headers {
        let mut skipping = false;
        for line in kept.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            if !line.starts_with([' ', '\t']) {
                let name = line.split(':').next().unwrap_or("").trim();
                skipping = ["content-type", "content-transfer-encoding", "mime-version"]
                    .iter()
                    .any(|f| name.eq_ignore_ascii_case(f));
            }
            if !skipping {
                out.push_str(line);
                out.push_str("\r\n");
            }
        }
        if !out.is_empty() {
            return;
        }
    }
    let (from, to) = if action(&item.class).is_some() {
        // A report is addressed to the sender of the message it is about.
        (
            mailbox(&item.from),
            mailbox(&item.received_by).or(item.to.clone()),
        )
    } else {
        (mailbox(&item.from), item.to.clone())
    };
    let date = item.time.and_then(rfc5322_date);
    let fields = [
        ("From", from),
        ("To", to),
        ("Subject", item.subject.clone()),
        ("Date", date),
        ("Message-ID", item.message_id.clone()),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            field(out, name, &value);
        }
    }
}

fn mailbox((name, address): &(Option<String>, Option<String>)) -> Option<String> {
    match (name, address) {
        (Some(name), Some(address)) if name != address => {
            Some(format!("{} <{address}>", name.replace(['"', '<', '>'], "")))
        }
        (_, Some(address)) => Some(address.clone()),
        (Some(name), None) => Some(name.clone()),
        (None, None) => None,
    }
}

/// One header field on one line: a value never brings its own line breaks.
pub fn field(out: &mut String, name: &str, value: &str) {
    let value: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let _ = write!(out, "{name}: {}\r\n", value.trim());
}

fn body_part(body: &Body) -> String {
    let (kind, text) = match body {
        Body::Text(text) => ("plain", text.as_str()),
        Body::Html(html) => ("html", html.as_str()),
        Body::None => ("plain", ""),
    };
    format!("Content-Type: text/{kind}; charset=utf-8\r\n\r\n{text}")
}

fn attachment_part(attachment: &Attachment) -> Vec<u8> {
    match attachment {
        Attachment::Item(item) => {
            let mut part = b"Content-Type: message/rfc822\r\n\r\n".to_vec();
            part.extend_from_slice(&message(item));
            part
        }
        Attachment::Message(bytes) => {
            let mut part = b"Content-Type: message/rfc822\r\n\r\n".to_vec();
            part.extend_from_slice(bytes);
            part
        }
        Attachment::Named(name) => {
            let name: String = name
                .chars()
                .filter(|c| !c.is_control() && *c != '"' && *c != '\\')
                .collect();
            format!(
                "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n\r\n"
            )
            .into_bytes()
        }
    }
}

/// A FILETIME (100 ns since 1601-01-01 UTC) as an RFC 5322 date.
fn rfc5322_date(filetime: u64) -> Option<String> {
    const UNIX_EPOCH: u64 = 11_644_473_600;
    let seconds = (filetime / 10_000_000).checked_sub(UNIX_EPOCH)?;
    let days = seconds / 86_400;
    let rest = seconds % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    Some(format!(
        "{}, {day:02} {} {year} {:02}:{:02}:{:02} +0000",
        WEEKDAYS[(days % 7) as usize],
        MONTHS[(month - 1) as usize],
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_map_to_actions() {
        assert_eq!(action("REPORT.IPM.Note.NDR"), Some("failed"));
        assert_eq!(action("Report.IPM.Note.DR"), Some("delivered"));
        assert_eq!(action("REPORT.IPM.Note.Delayed.DR"), Some("delayed"));
        assert_eq!(action("REPORT.IPM.Note.IPNRN"), None);
        assert_eq!(action("IPM.Note"), None);
    }

    #[test]
    fn boundaries_avoid_what_the_parts_contain() {
        let parts = vec![b"--=_outlook-item-0-0 and =_outlook-item-0-41".to_vec()];
        assert_eq!(boundary(0, &parts), "=_outlook-item-0-42");
        assert_eq!(boundary(1, &parts), "=_outlook-item-1-0");
    }

    #[test]
    fn filetimes_become_dates() {
        // 2026-03-15 10:30:00 UTC.
        let filetime = (1_773_570_600 + 11_644_473_600) * 10_000_000;
        assert_eq!(
            rfc5322_date(filetime).as_deref(),
            Some("Sun, 15 Mar 2026 10:30:00 +0000")
        );
    }
}
