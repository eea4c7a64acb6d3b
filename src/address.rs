//! Finding e-mail addresses in free text, without a regex engine.

/// Every address-looking token in `text` (`local@domain.tld`), in order,
/// without surrounding `<>`, quotes, `mailto:` or trailing punctuation.
pub fn find_addresses(text: &str) -> Vec<String> {
    addresses(text).collect()
}

/// The addresses of `text` one at a time, found as they are asked for.
pub fn addresses(text: &str) -> impl Iterator<Item = String> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(at) = text[from..].find('@').map(|i| from + i) {
            let start = (0..at)
                .rev()
                .take_while(|&i| is_local(bytes[i]))
                .last()
                .unwrap_or(at);
            let mut end = at + 1;
            while end < bytes.len() && is_domain(bytes[end]) {
                end += 1;
            }
            while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
                end -= 1;
            }
            from = end.max(at + 1);
            let domain = &text[at + 1..end];
            // A colon cannot stand unquoted in a local part: it ends a label ("mailto:", "To:").
            let local = text[start..at].rsplit(':').next().unwrap_or("");
            let local = local.trim_start_matches('.');
            if !local.is_empty() && domain.contains('.') && !domain.starts_with('.') {
                return Some(format!("{local}@{domain}"));
            }
        }
        None
    })
}

/// Addresses in the order first seen, each once (compared without case),
/// in time linear in their number.
#[derive(Debug, Default)]
pub struct AddressList {
    list: Vec<String>,
    seen: std::collections::HashSet<String>,
}

impl AddressList {
    /// Adds `address` unless it is already there.
    pub fn push(&mut self, address: Option<String>) {
        if let Some(address) = address {
            if self.seen.insert(address.to_ascii_lowercase()) {
                self.list.push(address);
            }
        }
    }

    /// The addresses, in order.
    pub fn into_vec(self) -> Vec<String> {
        self.list
    }
}

/// The first address in `text`, if any.
pub fn first_address(text: &str) -> Option<String> {
    addresses(text).next()
}

/// The domain of an address, lower case.
pub fn domain_of(address: &str) -> Option<String> {
    address
        .rsplit_once('@')
        .map(|(_, d)| d.to_ascii_lowercase())
}

fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"._%+-=!#$&*/?^`{|}~:".contains(&b)
}

fn is_domain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'.' || b == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_in_context() {
        assert_eq!(
            find_addresses("<a.b@example.com>: host x said; (c+d@sub.example.net)."),
            ["a.b@example.com", "c+d@sub.example.net"]
        );
        assert_eq!(
            find_addresses("mailto:user@example.org"),
            ["user@example.org"]
        );
        assert_eq!(find_addresses("To:user@example.org"), ["user@example.org"]);
    }

    #[test]
    fn not_addresses() {
        assert!(find_addresses("@example.com a@ b@localhost x@.com").is_empty());
    }

    #[test]
    fn list_keeps_the_first_spelling_once() {
        let mut list = AddressList::default();
        for a in ["A@x.example", "b@x.example", "a@X.example"] {
            list.push(Some(a.to_owned()));
        }
        list.push(None);
        assert_eq!(list.into_vec(), ["A@x.example", "b@x.example"]);
    }

    #[test]
    fn domain() {
        assert_eq!(domain_of("A@Example.COM").as_deref(), Some("example.com"));
    }
}
