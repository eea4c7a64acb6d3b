//! For 5.7.750: which sender domains of the bounce the tenant does not
//! accept, given the accepted domains an admin pastes.

use crate::address::{domain_of, find_addresses, first_address};
use crate::Bounce;
use std::collections::HashSet;

/// The domains in pasted `Get-AcceptedDomain` output (table or
/// `Format-List`) or in a plain list; lower case, each once, in order.
pub fn parse_accepted(text: &str) -> Vec<String> {
    let mut found = Found::default();
    let listed: Vec<&str> = text.lines().filter_map(list_value).collect();
    if !listed.is_empty() {
        listed.iter().for_each(|v| found.all_in(v));
        return found.list;
    }
    let mut column = None;
    for line in text.lines() {
        match (header_column(line), column) {
            (Some(c), _) => column = Some(c),
            (None, Some(c)) => {
                if let Some(domain) = in_column(line, c) {
                    found.push(domain);
                }
            }
            (None, None) => found.all_in(line),
        }
    }
    found.list
}

#[derive(Default)]
struct Found {
    list: Vec<String>,
    seen: HashSet<String>,
}

impl Found {
    fn push(&mut self, domain: String) {
        if self.seen.insert(domain.clone()) {
            self.list.push(domain);
        }
    }

    fn all_in(&mut self, text: &str) {
        for (_, _, word) in words(text) {
            if let Some(domain) = domain(word) {
                self.push(domain);
            }
        }
    }
}

/// Where the `DomainName` column stands in a table.
#[derive(Clone, Copy)]
enum Column {
    /// From this character column (console output, aligned with spaces).
    Chars(usize),
    /// The n-th tab-separated field (copied from a spreadsheet).
    Field(usize),
}

/// The value of a `Format-List` line `DomainName : contoso.com`.
fn list_value(line: &str) -> Option<&str> {
    let (name, value) = line.split_once(':')?;
    name.trim()
        .eq_ignore_ascii_case("DomainName")
        .then_some(value)
}

fn header_column(line: &str) -> Option<Column> {
    let is_name = |w: &str| w.trim().eq_ignore_ascii_case("DomainName");
    if line.contains('\t') {
        return line.split('\t').position(is_name).map(Column::Field);
    }
    let words = words(line);
    let i = words.iter().position(|(_, _, w)| is_name(w))?;
    Some(Column::Chars(words[i].0))
}

/// The row's `DomainName`: console tables left-align text, so its value
/// starts where its header does. A row that lost its alignment, or whose
/// value the console cut, falls back on its last domain, as `Name` (most
/// often the same domain) comes first.
fn in_column(line: &str, column: Column) -> Option<String> {
    let start = match column {
        Column::Field(n) => return line.split('\t').nth(n).and_then(|f| domain(f.trim())),
        Column::Chars(start) => start,
    };
    let words = words(line);
    let under = words
        .iter()
        .find(|w| w.0 == start)
        .and_then(|w| domain(w.2));
    under.or_else(|| words.iter().rev().find_map(|w| domain(w.2)))
}

/// The words of `line` with their start and end, counted in characters.
fn words(line: &str) -> Vec<(usize, usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    let mut column = 0;
    for (i, c) in line.char_indices() {
        let gap = c.is_whitespace() || c == ',' || c == ';';
        match (gap, start) {
            (true, Some((s, sc))) => {
                words.push((sc, column, &line[s..i]));
                start = None;
            }
            (false, None) => start = Some((i, column)),
            _ => {}
        }
        column += 1;
    }
    if let Some((s, sc)) = start {
        words.push((sc, column, &line[s..]));
    }
    words
}

/// `word` as a domain (`*.` kept, an address's domain taken), if it is one.
fn domain(word: &str) -> Option<String> {
    let word = word.trim_matches(|c: char| "\"'<>()[]{}`".contains(c));
    if word.ends_with("...") || word.ends_with('…') {
        return None; // cut by the console: what is left is another name
    }
    let word = word.rsplit('@').next().unwrap_or(word);
    let word = crate::fold::lower(word.trim_end_matches('.'));
    let name = word.strip_prefix("*.").unwrap_or(&word);
    let labels: Vec<&str> = name.split('.').collect();
    let top = labels.last()?;
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    };
    let top_ok =
        top.chars().count() >= 2 && top.chars().all(char::is_alphabetic) || top.starts_with("xn--");
    (labels.len() >= 2 && labels.iter().all(label_ok) && top_ok).then_some(word)
}

/// Where a sender domain was seen in the bounce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// The bounced message's `From`.
    From,
    /// The bounced message's `Return-Path`.
    ReturnPath,
    /// The report's `To`: the envelope sender the report went back to.
    Notified,
    /// An `envelope-from <…>` in one of the bounced message's `Received` lines.
    Received,
}

/// A domain the bounced message was sent from, with every place it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SenderDomain {
    /// The domain, lower case.
    pub domain: String,
    /// Where it was seen, each place once, in the order of [`Seen`].
    pub seen: Vec<Seen>,
}

/// The sender domains of the bounce, each once, in order of first sight.
pub fn sender_domains(bounce: &Bounce) -> Vec<SenderDomain> {
    let original = &bounce.original;
    let mut sightings: Vec<(Seen, Option<String>)> = vec![
        (Seen::From, original.from.as_deref().and_then(first_address)),
        (
            Seen::ReturnPath,
            original.return_path.as_deref().and_then(first_address),
        ),
        (
            Seen::Notified,
            bounce.notified.as_deref().and_then(first_address),
        ),
    ];
    for line in &original.received {
        sightings.extend(
            envelope_from(line)
                .into_iter()
                .map(|a| (Seen::Received, Some(a))),
        );
    }
    let mut domains: Vec<SenderDomain> = Vec::new();
    for (seen, address) in sightings {
        let Some(domain) = address.as_deref().and_then(domain_of) else {
            continue;
        };
        match domains.iter_mut().find(|d| d.domain == domain) {
            Some(d) if !d.seen.contains(&seen) => d.seen.push(seen),
            Some(_) => {}
            None => domains.push(SenderDomain {
                domain,
                seen: vec![seen],
            }),
        }
    }
    domains
}

/// The addresses after `envelope-from` (Exim and others) in a `Received`
/// line, up to the end of its comment; `for <…>` names a recipient instead.
fn envelope_from(line: &str) -> Vec<String> {
    let lower = line.to_ascii_lowercase();
    lower
        .match_indices("envelope-from")
        .filter_map(|(i, key)| {
            let rest = &line[i + key.len()..];
            let end = rest.find([')', ';']).unwrap_or(rest.len());
            find_addresses(&rest[..end]).into_iter().next()
        })
        .collect()
}

/// The sender domains the tenant does not accept: neither in `accepted`
/// nor under a `*.` entry there.
pub fn unaccepted(bounce: &Bounce, accepted: &[String]) -> Vec<SenderDomain> {
    let accepted: Vec<String> = accepted
        .iter()
        .map(|a| crate::fold::lower(a.trim().trim_end_matches('.')))
        .collect();
    sender_domains(bounce)
        .into_iter()
        .filter(|d| !accepted.iter().any(|a| covers(a, &d.domain)))
        .collect()
}

/// Whether the accepted entry takes mail from `domain`. A `*.` entry is how
/// Exchange shows a domain that matches its subdomains, itself included.
fn covers(entry: &str, domain: &str) -> bool {
    match entry.strip_prefix("*.") {
        Some(parent) => {
            domain == parent
                || domain
                    .strip_suffix(parent)
                    .is_some_and(|sub| sub.ends_with('.'))
        }
        None => domain == entry,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> Bounce {
        let path = format!(
            "{}/tests/samples/made-up/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        crate::analyse(&std::fs::read(path).expect("sample"))
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    const TABLE: &str = "
Name                           DomainName                     DomainType    Default
----                           ----------                     ----------    -------
contoso.example                contoso.example                Authoritative True
Contoso Branch Office          *.legacy.contoso.example       Authoritative False
old.contoso.example            fabrikam.example               InternalRelay False
Contoso (tenant)               contoso.onmicrosoft.com        Authoritative False
contoso.mail.onmicrosoft.com   contoso.mail.onmicrosoft.co... ExternalRelay False
";

    #[test]
    fn table_reads_the_domain_name_column() {
        assert_eq!(
            parse_accepted(TABLE),
            [
                "contoso.example",
                "*.legacy.contoso.example",
                "fabrikam.example",
                "contoso.onmicrosoft.com",
                "contoso.mail.onmicrosoft.com"
            ]
        );
        let tabs = "Name\tDomainName\tDomainType\tDefault\nContoso Branch\tBranch.Contoso.com\tAuthoritative\tFalse";
        assert_eq!(parse_accepted(tabs), ["branch.contoso.com"]);
        let unaligned =
            "Name DomainName DomainType Default\nold.contoso.com  contoso.net Authoritative True";
        assert_eq!(parse_accepted(unaligned), ["contoso.net"]);
    }

    #[test]
    fn format_list_and_plain_lists() {
        let list = "Name       : Contoso\nDomainName : Contoso.com\nDomainType : Authoritative\n\
                    Default    : True\nDistinguishedName : CN=other.example,CN=Accepted Domains\n\n\
                    Name       : x.example\nDomainName : *.fabrikam.com\n";
        assert_eq!(parse_accepted(list), ["contoso.com", "*.fabrikam.com"]);
        assert_eq!(
            parse_accepted(
                "contoso.com, Fabrikam.com;tailspin.example\n\"*.contoso.net\" CONTOSO.COM."
            ),
            [
                "contoso.com",
                "fabrikam.com",
                "tailspin.example",
                "*.contoso.net"
            ]
        );
        assert_eq!(
            parse_accepted(
                "Name DomainType Default ---- Authoritative InternalRelay ExternalRelay True False"
            ),
            Vec::<String>::new()
        );
        assert!(parse_accepted("").is_empty());
        let _ = parse_accepted("DomainName\n\u{1F600}\t\u{0}…  é.ü *. *.* ....");
    }

    #[test]
    fn sender_domains_of_the_classic_750_sample() {
        let bounce = sample("madeup-eo-classic-750.eml");
        assert_eq!(
            sender_domains(&bounce),
            [SenderDomain {
                domain: "branch.contoso.example".into(),
                seen: vec![Seen::From, Seen::ReturnPath, Seen::Notified],
            }]
        );
        let pasted = parse_accepted(TABLE);
        let foreign = unaccepted(&bounce, &pasted);
        assert_eq!(foreign.len(), 1);
        assert_eq!(foreign[0].domain, "branch.contoso.example");
        let with_subdomains = strings(&["*.contoso.example"]);
        assert!(unaccepted(&bounce, &with_subdomains).is_empty());
        let exact = strings(&[" Branch.Contoso.Example. "]);
        assert!(unaccepted(&bounce, &exact).is_empty());
    }

    #[test]
    fn every_place_and_envelope_from() {
        let mut bounce = Bounce::none();
        bounce.original.from = Some("Ann <ann@Sales.Contoso.com>".into());
        bounce.original.return_path = Some("<>".into());
        bounce.notified = Some("bounces+x@mailer.example".into());
        bounce.original.received = strings(&[
            "from a by b with esmtp (Exim 4.96) (envelope-from <ann@sales.contoso.com>) id 1 for <bob@other.example>; Tue, 17 Mar 2026 08:42:18 +0000",
            "from c by d (envelope-from MAILER-DAEMON) for <x@y.example>",
            "from e by f (Envelope-From <relay@Mailer.example>)",
        ]);
        let domains = sender_domains(&bounce);
        assert_eq!(domains.len(), 2);
        assert_eq!(domains[0].domain, "sales.contoso.com");
        assert_eq!(domains[0].seen, [Seen::From, Seen::Received]);
        assert_eq!(domains[1].domain, "mailer.example");
        assert_eq!(domains[1].seen, [Seen::Notified, Seen::Received]);
        let accepted = strings(&["contoso.com", "*.mailer.example"]);
        let foreign = unaccepted(&bounce, &accepted);
        assert_eq!(
            foreign.len(),
            1,
            "a subdomain of an exact entry is not accepted"
        );
        assert_eq!(foreign[0].domain, "sales.contoso.com");
        assert!(!covers("*.contoso.com", "notcontoso.com"));
        assert!(sender_domains(&Bounce::none()).is_empty());
    }
}
