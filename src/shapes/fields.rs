//! The layouts PowerShell and Exchange write objects in: `Name : value`
//! lists (`Format-List`, values wrapped under their column) and CSV rows
//! (message tracking logs, `Export-Csv`).

use super::value::Value;
use crate::lines::text_lines;
use std::ops::Range;

/// Most fields read in one record and one CSV row.
const MAX_FIELDS: usize = 128;

/// One `Name : value` field.
#[derive(Debug)]
pub(super) struct Field<'a> {
    pub name: &'a str,
    pub value: Value<'a>,
}

/// The value of the first field called `name` (case ignored).
pub(super) fn get<'r, 'a>(record: &'r [Field<'a>], name: &str) -> Option<&'r Value<'a>> {
    record
        .iter()
        .find(|f| f.name.eq_ignore_ascii_case(name))
        .map(|f| &f.value)
}

/// The name and where the value starts, when `line` is `Name   : value`:
/// a single word at the line's start, padded, then `:`.
fn field_line(line: &str) -> Option<(&str, usize)> {
    let (name, _) = line.split_once(':')?;
    let word = name.trim_end();
    let named = name.len() > word.len()
        && word.starts_with(|c: char| c.is_ascii_alphabetic())
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if !named {
        return None;
    }
    let after = name.len() + 1;
    Some((word, after + usize::from(line[after..].starts_with(' '))))
}

/// Calls `each` with every record of `Format-List` output in `text`: the
/// fields between blank lines, each value joined with its wrapped lines.
pub(super) fn records<'a>(text: &'a str, mut each: impl FnMut(&[Field<'a>])) {
    let mut record: Vec<Field<'a>> = Vec::new();
    let mut wrapping = false;
    for (start, line) in text_lines(text) {
        if line.trim().is_empty() {
            if !record.is_empty() {
                each(&record);
                record.clear();
            }
            wrapping = false;
            continue;
        }
        if line.starts_with([' ', '\t']) {
            // A value wrapped under its column; past a full value, dropped.
            if wrapping {
                if let Some(field) = record.last_mut() {
                    wrapping = field.value.push(line, start);
                }
            }
            continue;
        }
        wrapping = false;
        if let Some((name, col)) = field_line(line) {
            if record.len() < MAX_FIELDS {
                record.push(Field {
                    name,
                    value: Value::rest(line, start, col),
                });
                wrapping = true;
            }
        } else if !record.is_empty() {
            // Prose or a prompt ends the record.
            each(&record);
            record.clear();
        }
    }
    if !record.is_empty() {
        each(&record);
    }
}

/// The fields of a CSV `line`, each as the range of its content (inside
/// the quotes; a doubled quote stays doubled).
pub(super) fn csv(line: &str) -> Vec<Range<usize>> {
    let bytes = line.as_bytes();
    let mut fields = Vec::new();
    let mut at = 0;
    while at <= bytes.len() && fields.len() < MAX_FIELDS {
        if bytes.get(at) == Some(&b'"') {
            let start = at + 1;
            let mut end = start;
            while end < bytes.len() {
                if bytes[end] == b'"' {
                    if bytes.get(end + 1) == Some(&b'"') {
                        end += 2;
                        continue;
                    }
                    break;
                }
                end += 1;
            }
            fields.push(start..end.min(bytes.len()));
            let next = line[end.min(bytes.len())..].find(',');
            at = next.map_or(bytes.len() + 1, |i| end + i + 1);
        } else {
            let end = line[at..].find(',').map_or(bytes.len(), |i| at + i);
            fields.push(at..end);
            at = end + 1;
        }
    }
    fields
}

/// The column of `names` (any of them, case ignored) in a CSV header.
pub(super) fn column(header: &[&str], names: &[&str]) -> Option<usize> {
    header
        .iter()
        .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<Vec<(String, String)>> {
        let mut out = Vec::new();
        records(text, |r| {
            out.push(
                r.iter()
                    .map(|f| (f.name.to_owned(), f.value.text().to_owned()))
                    .collect(),
            )
        });
        out
    }

    #[test]
    fn format_list_records_with_wrapped_values() {
        let text = "PS C:\\> Get-Queue | fl\r\n\r\nStatus    : Retry\r\nLastError : [{LED=451 4.4.0\r\n            wrapped};{FQDN=}]\r\nAction    :\r\n\r\nEvent : Fail\r\n";
        let got = all(text);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0][1],
            (
                "LastError".into(),
                "[{LED=451 4.4.0 wrapped};{FQDN=}]".into()
            )
        );
        assert_eq!(got[0][2], ("Action".into(), String::new()));
        assert_eq!(got[1][0], ("Event".into(), "Fail".into()));
    }

    #[test]
    fn not_fields() {
        for line in [
            "2026-05-12 09:14:04\tSERVER -> CLIENT: 220",
            "PS C:\\> x",
            "Name: value",
            ": x",
            "   at x: y",
        ] {
            assert!(all(line).is_empty(), "{line:?}");
        }
    }

    #[test]
    fn csv_fields() {
        let line = "a,\"b,\"\"c\"\"\",,\"d";
        let got: Vec<&str> = csv(line).into_iter().map(|r| &line[r]).collect();
        assert_eq!(got, ["a", "b,\"\"c\"\"", "", "d"]);
        assert_eq!(csv("").len(), 1);
        assert_eq!(
            column(&["\"x\"", "EventId"], &["event-id", "eventid"]),
            Some(1)
        );
    }
}
