//! Who failed, as a report's own text says it, and which code each one got.

use super::{head, list_markers, sentence_markers, start, tail, Candidate, Strength};
use crate::address::{addresses, find_addresses, AddressList};
use crate::lines::text_lines;

/// Local parts that name a mail system, never a recipient that failed.
const SYSTEM_MAILBOXES: &[&str] = &["postmaster", "mailer-daemon", "mailer_daemon"];

/// The failed recipients a report's text names, and whether they were only
/// found as addresses alone on their lines (too weak to make a text a report).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Named {
    /// The addresses, in order, each once.
    pub addresses: Vec<String>,
    /// True when no line names a recipient but some address stands alone.
    pub alone: bool,
}

/// The failed recipients the text lists, in order, without duplicates.
///
/// After a "these recipients failed" line, recipients sit at the indentation of
/// the first listed line; deeper lines are details about them, and a line at
/// that indentation without an address ends the list. Elsewhere a recipient
/// is named by a sentence ("Unknown user: a@b"), opens its line
/// (`<a@b>: host x said: …`, `a@b: …`, `a@b Invalid Address`) or stands in a
/// sendmail reply (`550 <a@b>... User unknown`). A text that names nobody
/// in any of these ways may still hold an address alone on its line.
pub fn recipients(own: &str) -> Named {
    let mut found = AddressList::default();
    let mut alone = AddressList::default();
    let mut listing = false;
    let mut prose = 0;
    let mut level: Option<usize> = None;
    let mut previous = String::new();
    for (_, line) in text_lines(own) {
        if line.trim().is_empty() {
            continue;
        }
        let lower = head(line);
        let list = list_markers();
        // A marker may be wrapped over two lines ("The following address(es)\nfailed:").
        // Only the join needs a second look: the phrase-long ends of both lines.
        let opens_list = list.found_in(&lower) || {
            let joined = format!(
                "{} {}",
                tail(&previous, list.longest()),
                start(lower.trim(), list.longest())
            );
            list.found_in(&joined) && !list.found_in(&previous)
        };
        previous.clear();
        previous.push_str(lower.trim());
        if opens_list {
            listing = true;
            prose = 0;
            level = None;
            continue;
        }
        if sentence_markers().found_in(&lower) {
            found.push(addresses(line).find(|a| plausible(a)));
            continue;
        }
        if listing {
            let indent = line.len() - line.trim_start().len();
            let level = *level.get_or_insert(indent);
            if indent > level {
                continue;
            }
            // A wrapped detail (";l=EXCHANGE…") does not end the list, nor
            // one line of prose under a recipient (Exchange says why each
            // failed); two lines of prose in a row do.
            let wrapped = !line.starts_with(|c: char| c.is_alphanumeric() || c == '<' || c == '"');
            let first = addresses(line).find(|a| plausible(a));
            match (&first, wrapped) {
                (Some(_), _) => prose = 0,
                (None, false) => prose += 1,
                (None, true) => {}
            }
            if prose >= 2 {
                listing = false;
            }
            found.push(first);
            continue;
        }
        let named = opening(line).or_else(|| sendmail(line));
        if named.is_some() {
            found.push(named.filter(|a| !is_system(a)));
        } else {
            alone.push(lone(line));
        }
    }
    let found = found.into_vec();
    if found.is_empty() {
        let addresses = alone.into_vec();
        let alone = !addresses.is_empty();
        Named { addresses, alone }
    } else {
        Named {
            addresses: found,
            alone: false,
        }
    }
}

/// An address that can be a recipient: not a file path (`/var/mail/x@y`)
/// or a pipe command glued to an address.
fn plausible(address: &str) -> bool {
    let local = address.split('@').next().unwrap_or("");
    !local.contains(['/', '|', '\\'])
}

fn is_system(address: &str) -> bool {
    let local = address.split('@').next().unwrap_or("");
    SYSTEM_MAILBOXES
        .iter()
        .any(|s| local.eq_ignore_ascii_case(s))
}

/// An address that opens its line and is followed by what happened to it:
/// `<a@b>:`, `a@b:`, `<a@b>` alone, `a@b Invalid Address`.
fn opening(line: &str) -> Option<String> {
    let trimmed = line.trim_start();
    let token_end = trimmed
        .find(|c: char| c.is_whitespace() || c == ':' || c == ',')
        .unwrap_or(trimmed.len());
    let token = &trimmed[..token_end];
    let rest = &trimmed[token_end..];
    let bare = token.trim_start_matches('<').trim_end_matches('>');
    let address = find_addresses(token)
        .pop()
        .filter(|a| a == bare && plausible(a))?;
    let follows = rest.starts_with(':') || (token.starts_with('<') && rest.trim().is_empty());
    let described = rest.starts_with(' ')
        && rest
            .trim_start()
            .starts_with(|c: char| c.is_ascii_alphabetic());
    (follows || described).then_some(address)
}

/// Sendmail's reply about a recipient, opening its line: `<a@b>... User
/// unknown`, `550 <a@b>...`, `<<< 550 5.1.1 <a@b>...`. (Inside a longer
/// reply the address is often the sender's.)
fn sendmail(line: &str) -> Option<String> {
    let mut rest = line.trim_start();
    rest = rest.strip_prefix("<<<").unwrap_or(rest).trim_start();
    for _ in 0..2 {
        let word = rest.split(' ').next().unwrap_or("");
        if word.len() >= 3 && word.as_bytes()[0].is_ascii_digit() {
            rest = rest[word.len()..].trim_start();
        }
    }
    let inner = rest.strip_prefix('<')?;
    let end = inner.find(">...")?;
    find_addresses(&inner[..end]).pop().filter(|a| plausible(a))
}

/// An address alone on its line (possibly in angle brackets or quotes).
fn lone(line: &str) -> Option<String> {
    let trimmed = line.trim().trim_matches(['<', '>', '"', '\'']);
    find_addresses(trimmed)
        .pop()
        .filter(|a| a == trimmed && !is_system(a))
}

/// For each of `listed`, the strongest code the text gives it: a code on a
/// line that names the recipient, or on the lines after it before another
/// recipient is named. `None` where the text gives a recipient no code of
/// its own.
pub fn codes_of<'c, 'a>(
    own: &str,
    found: &'c [Candidate<'a>],
    listed: &[String],
) -> Vec<Option<&'c Candidate<'a>>> {
    let mut best: Vec<Option<&'c Candidate<'a>>> = vec![None; listed.len()];
    if listed.len() < 2 || found.is_empty() {
        return best;
    }
    let by_address: std::collections::HashMap<String, usize> = listed
        .iter()
        .enumerate()
        .map(|(i, a)| (a.to_ascii_lowercase(), i))
        .collect();
    let index = |address: &str| by_address.get(&address.to_ascii_lowercase()).copied();
    let mut next = found
        .iter()
        .filter(|c| c.strength >= Strength::Replied)
        .peekable();
    let mut current: Option<usize> = None;
    for (at, line) in text_lines(own) {
        let named = addresses(line).find_map(|a| index(&a));
        if named.is_some() {
            current = named;
        }
        while let Some(candidate) = next.peek().filter(|c| c.at <= at) {
            if candidate.at == at {
                if let Some(i) = current {
                    if best[i].is_none_or(|b| rank(candidate) > rank(b)) {
                        best[i] = Some(*candidate);
                    }
                }
            }
            next.next();
        }
    }
    best
}

fn rank(c: &Candidate) -> (Strength, bool) {
    (c.strength, c.code.class == 5)
}

#[cfg(test)]
mod tests {
    #[test]
    fn recipients_in_every_layout() {
        let recipients = |text| super::recipients(text).addresses;
        assert_eq!(recipients("Unknown user: a@b.example\n"), ["a@b.example"]);
        assert_eq!(
            recipients("<<< 550 <c@d.example>... User unknown\n"),
            ["c@d.example"]
        );
        assert_eq!(
            recipients("e@f.example: host mx.f.example said: 550 5.1.1\n"),
            ["e@f.example"]
        );
        assert_eq!(
            recipients("g@h.example Invalid Address, ERROR_CODE :550\n"),
            ["g@h.example"]
        );
        assert_eq!(
            recipients("Failure Reasons\nUser not listed\ni@j.example\n"),
            ["i@j.example"]
        );
    }

    #[test]
    fn junk_is_not_a_recipient() {
        let recipients = |text| super::recipients(text).addresses;
        assert!(recipients("please send mail to\npostmaster@x.example\n").is_empty());
        assert!(recipients("/home/a/a@b.example: none\n").is_empty());
        assert!(
            recipients("The error was: 550 5.7.1 <sender@x.example>... Access denied\n").is_empty()
        );
    }
}
