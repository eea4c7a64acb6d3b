//! Who is talking on each line of an SMTP transcript, in the layouts
//! clients print: Python `smtplib` (`send: '…'`, `reply: b'…'`, after a
//! time stamp at debug level 2), swaks (` -> `, `<-  `, `<** `, and ` ~> `
//! inside TLS), PHPMailer (`CLIENT -> SERVER:`), sendmail (`>>> `, `<<< `)
//! and `C:`/`S:` listings; and which server the client connected to.

/// Words one of the layouts has.
pub(super) const SIGNS: &[&str] = &["send: ", " -> ", ">>> ", "CLIENT -> SERVER: ", "C: "];

/// What one line of a transcript says.
pub(super) enum Said<'a> {
    Client(&'a str),
    Server(&'a str),
    Connected(&'a str),
    Nothing,
}

/// How each layout marks who is talking.
pub(super) fn said(line: &str) -> Said<'_> {
    if let Some((_, rest)) = line.split_once("CLIENT -> SERVER: ") {
        return Said::Client(rest);
    }
    if let Some((_, rest)) = line.split_once("SERVER -> CLIENT: ") {
        return Said::Server(rest);
    }
    for (prefix, client) in [
        (" -> ", true),
        (" ~> ", true),
        (">>> ", true),
        ("C: ", true),
        ("<-  ", false),
        ("<** ", false),
        ("<~  ", false),
        ("<~* ", false),
        ("<<< ", false),
        ("S: ", false),
    ] {
        if let Some(rest) = line.strip_prefix(prefix) {
            return if client {
                Said::Client(rest)
            } else {
                Said::Server(rest)
            };
        }
    }
    for prefix in [
        "=== Connected to ",
        "... while talking to ",
        "Connection: opening to ",
    ] {
        if let Some(rest) = line
            .strip_prefix(prefix)
            .or_else(|| line.split_once(prefix).map(|(_, r)| r))
        {
            return Said::Connected(rest.split([' ', ':']).next().unwrap_or(""));
        }
    }
    // Python: "send: '…'" and "reply: b'…'", after a time stamp at debug level 2.
    let python = line
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.')
        .trim_start();
    if let Some(rest) = python.strip_prefix("send: ") {
        return Said::Client(literal(rest));
    }
    if let Some(rest) = python.strip_prefix("reply: b") {
        return Said::Server(literal(rest));
    }
    Said::Nothing
}

/// The contents of a Python literal (`'…'`, `b'…'`), without its `\r\n`.
fn literal(text: &str) -> &str {
    let text = text.strip_prefix('b').unwrap_or(text);
    let Some(quote) = text.chars().next().filter(|c| *c == '\'' || *c == '"') else {
        return text;
    };
    let inner = &text[1..];
    let inner = inner.strip_suffix(quote).unwrap_or(inner);
    inner.strip_suffix("\\r\\n").unwrap_or(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(line: &str) -> Option<&str> {
        match said(line) {
            Said::Client(c) => Some(c),
            _ => None,
        }
    }

    fn server(line: &str) -> Option<&str> {
        match said(line) {
            Said::Server(s) => Some(s),
            _ => None,
        }
    }

    #[test]
    fn each_layout() {
        assert_eq!(
            client("09:14:04.511430 send: 'rcpt TO:<a@b.example>\\r\\n'"),
            Some("rcpt TO:<a@b.example>")
        );
        assert_eq!(
            server("reply: b'550 5.7.705 x\\r\\n'"),
            Some("550 5.7.705 x")
        );
        assert_eq!(
            client(" -> MAIL FROM:<a@b.example>"),
            Some("MAIL FROM:<a@b.example>")
        );
        assert_eq!(server("<** 550 5.1.1 unknown"), Some("550 5.1.1 unknown"));
        assert_eq!(
            server("2026-05-12 09:14:04\tSERVER -> CLIENT: 221 bye"),
            Some("221 bye")
        );
        assert_eq!(
            client(">>> RCPT To:<a@b.example>"),
            Some("RCPT To:<a@b.example>")
        );
        assert!(matches!(
            said("... while talking to mx.b.example.:"),
            Said::Connected("mx.b.example.")
        ));
        assert!(matches!(
            said("Connection: opening to smtp.b.example:587, timeout=300"),
            Said::Connected("smtp.b.example")
        ));
        assert!(matches!(said("> -> quoted"), Said::Nothing));
        assert_eq!(client("send: 'é"), Some("é"));
        assert_eq!(client("send: "), Some(""));
    }
}
