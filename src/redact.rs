//! Hiding personal data (addresses, IP addresses, host names) before a
//! bounce is copied into a ticket or a forum post.

use std::collections::HashMap;

/// Hosts that name Microsoft's service or its documentation, not the user:
/// they stay, as they help whoever reads the copy.
const KEPT: [&str; 7] = [
    "microsoft.com",
    "outlook.com",
    "office.com",
    "office365.com",
    "microsoftonline.com",
    "rfc-editor.org",
    "exchangelabs.com",
];

/// Microsoft host names whose first labels name the customer's tenant
/// (`contoso-com.mail.protection.outlook.com`, `contoso.onmicrosoft.com`):
/// the suffix stays, the tenant is hidden.
const TENANT_SUFFIXES: [&str; 2] = [".mail.protection.outlook.com", ".onmicrosoft.com"];

/// What to do with a host name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Host {
    /// Microsoft's service or documentation: it stays.
    Kept,
    /// Someone's server: it is hidden.
    Hidden,
    /// A Microsoft name of the customer's tenant: its first `usize`
    /// characters are the tenant, hidden; the rest stays.
    Tenant(usize),
}

/// First labels (case-sensitive) or whole names that are never hosts.
const NOT_HOSTS: [&str; 12] = [
    "Microsoft",
    "System",
    "RESOLVER",
    "STOREDRV",
    "QUEUE",
    "ROUTING",
    "SMTPSEND",
    "TransportVersioned",
    "smtp.mailfrom",
    "smtp.helo",
    "smtp.auth",
    "header.from",
];

/// Replaces personal data with numbered placeholders, the same value always
/// with the same one across every text it is given.
#[derive(Clone, Debug, Default)]
pub struct Redactor {
    addresses: Placeholders,
    ips: Placeholders,
    hosts: Placeholders,
    tenants: Placeholders,
}

#[derive(Clone, Debug, Default)]
struct Placeholders(HashMap<String, usize>);

impl Placeholders {
    fn get(&mut self, kind: &str, value: &[char]) -> String {
        let key: String = value.iter().map(|&c| crate::fold::lower_char(c)).collect();
        let next = self.0.len() + 1;
        let n = *self.0.entry(key).or_insert(next);
        format!("<{kind}-{n}>")
    }
}

impl Redactor {
    /// `text` with e-mail addresses as `<address-N>`, IP addresses as `<ip-N>`,
    /// host names as `<host-N>` and tenant names inside Microsoft's host
    /// names as `<tenant-N>`; Microsoft's hosts and links, status codes,
    /// version numbers and dates are kept.
    pub fn redact(&mut self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        // After a run of local-part characters with no '@', no address starts
        // inside it: remembering that keeps the scan linear.
        let mut no_address_before = 0;
        let mut word_after_dots = usize::MAX;
        while i < chars.len() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            if i >= no_address_before && !prev.is_some_and(is_local) {
                let at = run(&chars, i, is_local);
                if chars.get(at) == Some(&'@') {
                    let end = trim_end(&chars, at + 1, run(&chars, at + 1, is_label));
                    if at > i && chars[at + 1..end].contains(&'.') && chars[at + 1] != '.' {
                        out.push_str(&self.addresses.get("address", &chars[i..end]));
                        i = end;
                        continue;
                    }
                }
                no_address_before = at;
            }
            let fresh = i == word_after_dots;
            let ip_start = !prev.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ':');
            if ip_start || fresh || ipv6_tag(&chars, i) {
                if let Some(end) = ip(&chars, i) {
                    out.push_str(&self.ips.get("ip", &chars[i..end]));
                    i = end;
                    continue;
                }
            }
            let host_start = !prev.is_some_and(|c| is_label(c) || c == '@');
            if (host_start || fresh) && is_label(chars[i]) {
                // Dots before a name ("*.contoso.com", "...contoso.com") are not
                // part of it: the name starts after them.
                let lead = run(&chars, i, |c| matches!(c, '.' | '-' | '_'));
                if lead > i {
                    out.extend(&chars[i..lead]);
                    i = lead;
                    word_after_dots = lead;
                    continue;
                }
                let end = run(&chars, i, is_label);
                let name = trim_end(&chars, i, end);
                let copied = match host(&chars[i..name]) {
                    Some(Host::Kept) => name + kept_path(&chars[name..]),
                    Some(Host::Hidden) => {
                        out.push_str(&self.hosts.get("host", &chars[i..name]));
                        i = name;
                        continue;
                    }
                    Some(Host::Tenant(len)) => {
                        out.push_str(&self.tenants.get("tenant", &chars[i..i + len]));
                        i += len;
                        name
                    }
                    None => end,
                };
                out.extend(&chars[i..copied]);
                i = copied;
                continue;
            }
            out.push(chars[i]);
            i += 1;
        }
        out
    }
}

/// `text` redacted with a fresh [`Redactor`].
pub fn redact(text: &str) -> String {
    Redactor::default().redact(text)
}

fn is_local(c: char) -> bool {
    c.is_alphanumeric() || "._%+-=!#$*^~".contains(c)
}

fn is_label(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_' || c == '.'
}

/// The end of the run of `keep` characters from `start`.
fn run(chars: &[char], start: usize, keep: fn(char) -> bool) -> usize {
    start + chars[start..].iter().take_while(|&&c| keep(c)).count()
}

/// `end` moved back over the dots and hyphens that end a sentence, not a name.
fn trim_end(chars: &[char], start: usize, mut end: usize) -> usize {
    while end > start && matches!(chars[end - 1], '.' | '-') {
        end -= 1;
    }
    end
}

/// For a dotted name with a letter-only top-level label: whether it is one
/// of Microsoft's, to keep, someone's, to hide, or a Microsoft name that
/// carries a tenant's.
fn host(name: &[char]) -> Option<Host> {
    let name: String = name.iter().collect();
    let labels: Vec<&str> = name.split('.').collect();
    let top = labels.last()?;
    let top_ok = (top.chars().count() >= 2 && top.chars().all(char::is_alphabetic))
        || top.to_ascii_lowercase().starts_with("xn--");
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) || !top_ok {
        return None;
    }
    // Exchange's .NET type names and error categories, and the property
    // names of Authentication-Results, look like hosts.
    let lower = crate::fold::lower(&name);
    if NOT_HOSTS.contains(&labels[0]) || NOT_HOSTS.contains(&lower.as_str()) {
        return Some(Host::Kept);
    }
    // A tenant's name there is its domain with hyphens for dots
    // (`contoso-com`); Microsoft's own front ends have none (`VI1EUR01FT012`).
    let tenant = |(suffix, tenant): (&str, &str)| {
        !tenant.is_empty() && (suffix == TENANT_SUFFIXES[1] || tenant.contains('-'))
    };
    if let Some((_, tenant)) = TENANT_SUFFIXES
        .iter()
        .find_map(|suffix| Some((*suffix, lower.strip_suffix(suffix)?)))
        .filter(|found| tenant(*found))
    {
        return Some(Host::Tenant(tenant.chars().count()));
    }
    let kept = KEPT
        .iter()
        .any(|k| lower == *k || lower.strip_suffix(k).is_some_and(|s| s.ends_with('.')));
    Some(if kept { Host::Kept } else { Host::Hidden })
}

/// The length of the path after a kept host: a documentation link stays
/// whole, but its query and anything from an address on are read as text.
fn kept_path(rest: &[char]) -> usize {
    if rest.first() != Some(&'/') {
        return 0;
    }
    let mut end = rest
        .iter()
        .take_while(|&&c| c.is_ascii_graphic() && !"<>\"'`()[]{}|\\^?#".contains(c))
        .count();
    if let Some(at) = rest[..end].iter().position(|&c| c == '@') {
        end = at
            - rest[..at]
                .iter()
                .rev()
                .take_while(|&&c| is_local(c))
                .count();
    }
    end
}

/// `IPv6:` before an address literal (`[IPv6:2001:db8::1]`).
fn ipv6_tag(chars: &[char], i: usize) -> bool {
    i >= 5
        && chars[i - 5..i]
            .iter()
            .collect::<String>()
            .eq_ignore_ascii_case("ipv6:")
}

/// The end of an IPv4 or IPv6 address starting at `i`.
fn ip(chars: &[char], i: usize) -> Option<usize> {
    let end = run(chars, i, |c| c.is_ascii_hexdigit() || c == ':' || c == '.');
    if end == i || chars.get(end).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let mut last = end;
    while last > i && matches!(chars[last - 1], '.' | ':') {
        last -= 1;
    }
    let text: String = chars[i..last].iter().collect();
    if is_ipv6(&text) {
        return Some(last);
    }
    // An IPv4 address may carry a port (`192.0.2.1:25`).
    let v4 = text.split(':').next().unwrap_or("");
    (is_ipv4(v4) && !after_version_word(chars, i)).then_some(i + v4.len())
}

/// Four decimal octets; a zero-padded one (`15.01.0888.030`) is a version.
fn is_ipv4(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            (1..=3).contains(&p.len())
                && p.bytes().all(|b| b.is_ascii_digit())
                && !(p.len() > 1 && p.starts_with('0'))
                && p.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

fn is_ipv6(text: &str) -> bool {
    let (head, tail, compressed) = match text.split_once("::") {
        Some((h, t)) => (h, t, true),
        None => (text, "", false),
    };
    let mut groups = 0;
    let sides = [head, tail];
    for (side_index, side) in sides.iter().enumerate() {
        if side.is_empty() {
            continue;
        }
        let parts: Vec<&str> = side.split(':').collect();
        for (k, part) in parts.iter().enumerate() {
            let last = k + 1 == parts.len() && (side_index == 1 || !compressed);
            if last && part.contains('.') && is_ipv4(part) {
                groups += 2;
            } else if (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_hexdigit()) {
                groups += 1;
            } else {
                return false;
            }
        }
    }
    let hex = text.bytes().any(|b| b.is_ascii_hexdigit());
    hex && if compressed { groups <= 7 } else { groups == 8 }
}

/// Exchange writes its build numbers after `id` or `version`
/// (`with Microsoft SMTP Server id 15.1.112.19`), where they look like IPv4.
fn after_version_word(chars: &[char], i: usize) -> bool {
    let before = &chars[i.saturating_sub(12)..i];
    let mut word: Vec<char> = before
        .iter()
        .rev()
        .skip_while(|c| c.is_whitespace() || **c == '=')
        .take_while(|c| c.is_ascii_alphabetic())
        .map(char::to_ascii_lowercase)
        .collect();
    word.reverse();
    let word: String = word.into_iter().collect();
    matches!(word.as_str(), "id" | "version" | "ver" | "build")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_numbering_across_calls() {
        let mut r = Redactor::default();
        assert_eq!(
            r.redact("From: MFP <scanner@branch.contoso.example> to orders@fabrikam.example"),
            "From: MFP <<address-1>> to <address-2>"
        );
        assert_eq!(
            r.redact("Return-Path: SCANNER@Branch.Contoso.Example; again orders@fabrikam.example"),
            "Return-Path: <address-1>; again <address-2>"
        );
        assert_eq!(
            r.redact("domains contoso.com, Contoso.COM and EX10-HUB01.contoso.example."),
            "domains <host-1>, <host-1> and <host-2>."
        );
        assert_eq!(
            r.redact("mail.contoso.example, contoso.com"),
            "<host-3>, <host-1>"
        );
    }

    #[test]
    fn received_line() {
        let line = "Received: from MFP-3F-EAST (mfp-3f-east.branch.contoso.example [192.0.2.77]) \
                    by relay.branch.contoso.example (Postfix) with ESMTP id 4C1D2E0F5 \
                    for <orders@fabrikam.example>; Tue, 17 Mar 2026 09:42:17 +0100 (CET)";
        assert_eq!(
            redact(line),
            "Received: from MFP-3F-EAST (<host-1> [<ip-1>]) by <host-2> (Postfix) with ESMTP \
             id 4C1D2E0F5 for <<address-1>>; Tue, 17 Mar 2026 09:42:17 +0100 (CET)"
        );
        let ms = "Received: from relay.contoso.example (198.51.100.23) by \
                  VI1EUR01FT012.mail.protection.outlook.com (2001:db8:10a6:d10:cafe::3e) with \
                  Microsoft SMTP Server id 15.20.8632.29 via Frontend Transport; \
                  Tue, 17 Mar 2026 08:42:17 +0000; Server id 15.1.112.19 (version=TLS1_2)";
        assert_eq!(
            redact(ms),
            "Received: from <host-1> (<ip-1>) by VI1EUR01FT012.mail.protection.outlook.com \
             (<ip-2>) with Microsoft SMTP Server id 15.20.8632.29 via Frontend Transport; \
             Tue, 17 Mar 2026 08:42:17 +0000; Server id 15.1.112.19 (version=TLS1_2)"
        );
    }

    #[test]
    fn ip_addresses() {
        let mut r = Redactor::default();
        assert_eq!(
            r.redact("[192.0.2.1] fe80::5efe:192.0.2.32, 2001:DB8::1 [IPv6:2001:db8::1] ::1"),
            "[<ip-1>] <ip-2>, <ip-3> [IPv6:<ip-3>] <ip-4>"
        );
        assert_eq!(r.redact("at 192.0.2.1:25."), "at <ip-1>:25.");
        for kept in [
            "08:42:17.8815",
            "1.2.3.4.5",
            "15.01.0888.030",
            "00:1A:2B:3C:4D:5E",
            "a::",
        ] {
            assert_eq!(r.redact(kept), kept);
        }
    }

    #[test]
    fn kept_text() {
        for kept in [
            "550 5.7.750 Service unavailable.",
            "https://learn.microsoft.com/en-us/troubleshoot/...",
            "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains",
            "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-700-through-5-7-750",
            "<https://learn.microsoft.com/en-us/powershell/module/exchange/get-accepteddomain?view=exchange-ps>.",
            "Generating server: AM6PR01MB1234.eurprd01.prod.outlook.com, see https://www.rfc-editor.org/rfc/rfc3464.html",
            "Get-AcceptedDomain | Format-List; Set-HostedOutboundSpamFilterPolicy -Identity Default",
            "Tue, 17 Mar 2026 08:42:18 +0000 (UTC), 2026-03-17T08:42:18.123Z, 17.03.2026, 9:42 a.m., e.g. i.e.",
            "version 15.20.9012.7, Microsoft.Exchange.Data.Transport.SmtpResponse",
            "550 5.1.10 RESOLVER.ADR.RecipientNotFound; 550 4.4.7 QUEUE.Expired; STOREDRV.Deliver:",
            "spf=pass (sender IP is ) smtp.mailfrom=<>; dmarc=none header.from=outlook.com;",
        ] {
            assert_eq!(redact(kept), kept);
        }
    }

    #[test]
    fn tenant_names_inside_microsoft_hosts_are_hidden() {
        assert_eq!(
            redact("contoso-com.mail.protection.outlook.com [203.0.113.5], admin@contoso.onmicrosoft.com, CONTOSO-COM.mail.protection.outlook.com"),
            "<tenant-1>.mail.protection.outlook.com [<ip-1>], <address-1>, <tenant-1>.mail.protection.outlook.com"
        );
        assert_eq!(
            redact("AM6PR01MB1234.eurprd01.prod.outlook.com"),
            "AM6PR01MB1234.eurprd01.prod.outlook.com",
            "Microsoft's own servers name no tenant"
        );
    }

    #[test]
    fn hidden_inside_kept_looking_text() {
        assert_eq!(
            redact("contoso.onmicrosoft.com, *.contoso.com, https://contoso.example/a/b.html"),
            "<tenant-1>.onmicrosoft.com, *.<host-1>, https://<host-2>/a/<host-3>"
        );
        assert_eq!(
            redact("https://outlook.office.com/mail/user@contoso.com/x?to=a@b.example"),
            "https://outlook.office.com/mail/<address-1>/x?<address-2>"
        );
        assert_eq!(redact("mailto:user@example.org"), "mailto:<address-1>");
        assert_eq!(redact("bücher.example’s"), "<host-1>’s");
    }

    #[test]
    fn never_panics() {
        for text in [
            "",
            "@",
            "@@a.b",
            "a@",
            "a@.b",
            ".",
            "::",
            ":::::",
            "[IPv6:",
            "é@ü.ö",
            "\u{1F600}.com",
            "https://",
            "learn.microsoft.com/@",
            "\u{0}\u{FFFF}\u{10FFFF}",
            "a.b.c.d.e.f.g@",
        ] {
            let _ = redact(text);
        }
        let long = "a.".repeat(50_000) + &"1:".repeat(50_000) + &"x=".repeat(50_000);
        assert_eq!(redact(&long).len(), long.len());
    }
}
