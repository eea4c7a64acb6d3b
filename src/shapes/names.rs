//! The names a text gives: host names, addresses (never a pipe, a file or
//! a source route's relay), the addresses a command line was given, and
//! whether a line is a log's own or a copy of it.

use crate::lines::text_lines;

/// True when `prefix` (what stands before a daemon's name) is a syslog
/// prefix: a time stamp and a host, a few words from the line's start. A
/// quoted (`> `) or indented line is someone's copy, not the log.
pub(super) fn syslog_prefix(prefix: &str) -> bool {
    prefix.starts_with(|c: char| c.is_ascii_alphanumeric()) && prefix.split(' ').count() <= 5
}

/// A host name (`mx.example.com`, with its root dot dropped); never an IP
/// address or a bare word.
pub(super) fn host(token: &str) -> Option<String> {
    let token = token.trim().trim_end_matches('.');
    let plausible = token.len() > 3
        && token.contains('.')
        && !token.starts_with(['.', '-'])
        && token.bytes().any(|b| b.is_ascii_alphabetic())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    plausible.then(|| token.to_owned())
}

/// The address in `token` (`<a@b>`, a source route `<@relay:a@b>`), or
/// `None` for what is no address: a pipe, a file, a bare user name.
pub(super) fn address(token: &str) -> Option<String> {
    let token = token.trim().trim_start_matches('<');
    if token.starts_with(['|', '/']) {
        return None;
    }
    crate::address::first_address(token)
}

/// The addresses of a list (`{a@b, c@d}`, `a@b;c@d`).
pub(super) fn addresses(list: &str) -> Vec<String> {
    list.split([',', ';', ' ', '{', '}', '[', ']', '\'', '"'])
        .filter_map(address)
        .collect()
}

/// The address given to `-name` on a command line in `text`
/// (`Get-MessageTraceV2 -RecipientAddress a@b`): who was traced.
pub(super) fn argument(text: &str, name: &str) -> Option<String> {
    text_lines(text).find_map(|(_, line)| {
        let (_, after) = line.split_once(name)?;
        address(after.trim_start().split(' ').next()?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_addresses() {
        assert_eq!(
            host("mx1.fabrikam.example.").as_deref(),
            Some("mx1.fabrikam.example")
        );
        for junk in ["203.0.113.5", "EX01", "...", "", "(helo)", "a.b"] {
            assert_eq!(host(junk), None, "{junk:?}");
        }
        assert_eq!(
            address("<@relay.example.net:kim@fabrikam.example>").as_deref(),
            Some("kim@fabrikam.example")
        );
        assert_eq!(address("|/usr/bin/procmail"), None);
        assert_eq!(address("/var/mail/kim"), None);
        assert_eq!(address("www-data"), None);
        assert_eq!(
            addresses("{a@x.example, b@y.example}"),
            ["a@x.example", "b@y.example"]
        );
        let prompt = "PS C:\\> Get-MessageTrackingLog -Recipients press@example.net -Start x";
        assert_eq!(
            argument(prompt, " -Recipients ").as_deref(),
            Some("press@example.net")
        );
    }
}
