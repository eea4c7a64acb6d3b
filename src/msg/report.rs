//! The `message/delivery-status` part of a report item: one block per row of
//! its recipient table, each with its own status and the server's reply.

use super::item::{Item, Recipient};
use super::write::field;
use crate::status::{self, StatusCode};

/// The `message/delivery-status` part (RFC 3464): one block per recipient,
/// each with its own status and diagnostic.
pub fn delivery_status(item: &Item, action: &str) -> String {
    let mut part = String::from("Content-Type: message/delivery-status\r\n\r\n");
    if let Some(mta) = &item.reporting_mta {
        field(&mut part, "Reporting-MTA", &format!("dns; {mta}"));
    }
    for recipient in &item.recipients {
        part.push_str("\r\n");
        field(
            &mut part,
            "Final-Recipient",
            &format!("rfc822; {}", recipient.address),
        );
        field(&mut part, "Action", action);
        let text = recipient
            .supplementary_info
            .as_deref()
            .or(recipient.report_text.as_deref())
            .or(item.report_text.as_deref());
        if let Some(code) = recipient_status(recipient, text, action) {
            field(&mut part, "Status", &code.to_string());
        }
        let (remote, diagnostic) = text.map_or((None, None), supplementary);
        if let Some(mta) = recipient.remote_mta.as_deref().or(remote) {
            field(&mut part, "Remote-MTA", &format!("dns; {mta}"));
        }
        if let Some(diagnostic) = diagnostic {
            field(&mut part, "Diagnostic-Code", &format!("smtp; {diagnostic}"));
        }
    }
    part
}

/// The remote server and the server's reply in a supplementary info written
/// as [MS-OXCMAIL] 2.2.3.7.1.2 says (`<remote-mta #status diagnostic-code>`,
/// the diagnostic code often `smtp;550 …`); any other text is the reply.
fn supplementary(text: &str) -> (Option<&str>, Option<&str>) {
    let Some(inner) = text
        .trim()
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
    else {
        return (None, Some(text));
    };
    let Some((remote, rest)) = inner.split_once('#') else {
        return (None, Some(text));
    };
    let diagnostic = rest.split_once(' ').map_or("", |(_, d)| d).trim();
    let diagnostic = diagnostic
        .strip_prefix("smtp;")
        .or_else(|| diagnostic.strip_prefix("SMTP;"))
        .unwrap_or(diagnostic)
        .trim();
    let remote = Some(remote.trim()).filter(|r| !r.is_empty() && !r.contains(' '));
    (
        remote,
        Some(diagnostic).filter(|d| !d.is_empty()).or(Some(text)),
    )
}

/// A recipient's status: the enhanced code its report text holds, else its
/// `PidTagNonDeliveryReportStatusCode` ([MS-OXCMAIL] 2.2.3.7.1.3 stores
/// `class * 100 + subject * 10 + detail`), else what its diagnostic code
/// stands for (the same section's table, read backwards).
fn recipient_status(recipient: &Recipient, text: Option<&str>, action: &str) -> Option<StatusCode> {
    if let Some(found) = text.and_then(|t| status::find_codes(t).next()) {
        return Some(found.code);
    }
    if let Some(value) = recipient.status_code.filter(|v| (200..600).contains(v)) {
        let (class, subject, detail) = (value / 100, value / 10 % 10, value % 10);
        if let Some(code) = StatusCode::new(class as u8, subject as u16, detail as u16) {
            return Some(code);
        }
    }
    let class = match action {
        "failed" => 5,
        "delayed" => 4,
        _ => 2,
    };
    if class != 5 {
        return StatusCode::new(class, 0, 0);
    }
    let (subject, detail) = match recipient.diag_code {
        Some(35) => (1, 1), // MAPI_DIAG_MAIL_RECIPIENT_UNKNOWN
        Some(48) => (1, 2),
        Some(32) => (1, 3), // MAPI_DIAG_MAIL_ADDRESS_INCORRECT
        Some(1) => (1, 4),  // MAPI_DIAG_OR_NAME_AMBIGUOUS
        Some(40) => (1, 6), // MAPI_DIAG_MAIL_RECIPIENT_MOVED
        Some(38) => (2, 1), // MAPI_DIAG_MAIL_REFUSED
        Some(30) => (2, 4), // MAPI_DIAG_EXPANSION_FAILED
        _ if recipient.reason_code.is_some() || recipient.diag_code.is_some() => (0, 0),
        _ => return None,
    };
    StatusCode::new(5, subject, detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supplementary_info_splits_into_server_and_reply() {
        let info =
            "<AM6PR01MB1234.eurprd01.prod.outlook.com #5.7.705 smtp;550 5.7.705 Access denied>";
        assert_eq!(
            supplementary(info),
            (
                Some("AM6PR01MB1234.eurprd01.prod.outlook.com"),
                Some("550 5.7.705 Access denied")
            )
        );
        assert_eq!(
            supplementary("550 5.1.1 unknown"),
            (None, Some("550 5.1.1 unknown"))
        );
        assert_eq!(supplementary("<#5.1.1>"), (None, Some("<#5.1.1>")));
    }
}
