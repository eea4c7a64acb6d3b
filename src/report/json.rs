//! A small JSON writer: the diagnosis has a fixed shape, so a serialisation
//! framework would only add size.

use crate::bounce::Bounce;
use crate::catalogue;
use crate::Lang;
use std::fmt::Write as _;

/// The diagnosis as one JSON object (the CLI's `--json` output and the
/// widget's result message). Explanation texts are in `lang`.
///
/// ```
/// let bounce = ndr_explainer::analyse(b"550 5.7.705 Access denied, tenant has exceeded threshold");
/// let json = ndr_explainer::report::to_json(&bounce, ndr_explainer::Lang::En);
/// assert!(json.contains("\"status\":\"5.7.705\""));
/// ```
pub fn to_json(bounce: &Bounce, lang: Lang) -> String {
    let mut out = String::from("{");
    field(&mut out, "is_ndr", &bounce.is_ndr().to_string());
    field(&mut out, "kind", &string(bounce.kind.name()));
    field(&mut out, "input", &string(bounce.input.name()));
    field(&mut out, "reports", &bounce.reports.to_string());
    field(
        &mut out,
        "status",
        &opt(bounce.status.map(|s| s.to_string())),
    );
    field(
        &mut out,
        "smtp_code",
        &bounce.smtp_code.map_or("null".into(), |c| c.to_string()),
    );
    field(&mut out, "diagnostic", &opt(bounce.diagnostic.clone()));
    let recipients: Vec<String> = bounce
        .recipients
        .iter()
        .map(|r| {
            let mut item = String::from("{");
            field(&mut item, "address", &string(&r.address));
            field(
                &mut item,
                "original_address",
                &opt(r.original_address.clone()),
            );
            field(&mut item, "status", &opt(r.status.map(|s| s.to_string())));
            field(
                &mut item,
                "smtp_code",
                &r.smtp_code.map_or("null".into(), |c| c.to_string()),
            );
            field(&mut item, "diagnostic", &opt(r.diagnostic.clone()));
            field(&mut item, "remote_mta", &opt(r.remote_mta.clone()));
            close(item)
        })
        .collect();
    field(
        &mut out,
        "recipients",
        &format!("[{}]", recipients.join(",")),
    );
    field(
        &mut out,
        "reporting_mta",
        &opt(bounce.reporting_mta.clone()),
    );
    field(&mut out, "remote_mta", &opt(bounce.remote_mta.clone()));
    field(&mut out, "date", &opt(bounce.date.clone()));
    field(&mut out, "subject", &opt(bounce.subject.clone()));
    let mut original = String::from("{");
    field(&mut original, "from", &opt(bounce.original.from.clone()));
    field(
        &mut original,
        "subject",
        &opt(bounce.original.subject.clone()),
    );
    field(&mut original, "date", &opt(bounce.original.date.clone()));
    field(&mut out, "original", &close(original));
    let evidence = bounce.evidence.as_ref().map_or("null".into(), |e| {
        let mut item = String::from("{");
        field(&mut item, "line", &string(&e.line));
        field(
            &mut item,
            "highlight",
            &format!("[{},{}]", e.highlight.start, e.highlight.end),
        );
        let span = e
            .input_span
            .as_ref()
            .map_or("null".into(), |s| format!("[{},{}]", s.start, s.end));
        field(&mut item, "input_span", &span);
        close(item)
    });
    field(&mut out, "evidence", &evidence);
    field(&mut out, "wrapper", &opt(bounce.wrapper.clone()));
    field(
        &mut out,
        "found_by",
        &bounce.source().map_or("null".into(), |s| string(s.name())),
    );
    let explanation = bounce
        .status
        .and_then(catalogue::lookup)
        .map_or("null".into(), |entry| {
            let texts = entry.texts(lang);
            let mut item = String::from("{");
            field(&mut item, "entry", &string(entry.code));
            field(&mut item, "title", &string(texts.title));
            field(&mut item, "meaning", &string(texts.meaning));
            field(&mut item, "scope", &string(entry.scope.name()));
            // The walkthrough by its step titles, in order.
            let steps: Vec<String> = texts.steps.iter().map(|step| string(step.title)).collect();
            field(&mut item, "steps", &format!("[{}]", steps.join(",")));
            let fixed_by: Vec<String> = entry.fixed_by.iter().map(|a| string(a.name())).collect();
            field(&mut item, "fixed_by", &format!("[{}]", fixed_by.join(",")));
            field(
                &mut item,
                "clears_by_itself",
                &entry.clears_by_itself.to_string(),
            );
            field(
                &mut item,
                "clears_within_hours",
                &entry
                    .clears_within_hours
                    .map_or("null".into(), |h| h.to_string()),
            );
            field(&mut item, "lang", &string(lang.tag()));
            close(item)
        });
    field(&mut out, "explanation", &explanation);
    let limits: Vec<String> = bounce.limits.iter().map(|l| string(l.name())).collect();
    field(&mut out, "limits", &format!("[{}]", limits.join(",")));
    close(out)
}

fn field(out: &mut String, name: &str, value: &str) {
    if !out.ends_with('{') {
        out.push(',');
    }
    let _ = write!(out, "\"{name}\":{value}");
}

fn close(mut out: String) -> String {
    out.push('}');
    out
}

fn opt(value: Option<String>) -> String {
    value.map_or("null".into(), |v| string(&v))
}

/// `value` as a JSON string literal (quoted, escaped).
pub fn string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(string("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    #[test]
    fn no_bounce_is_explicit() {
        let json = to_json(&Bounce::none(), Lang::En);
        assert!(json.starts_with(
            "{\"is_ndr\":false,\"kind\":\"not_a_bounce\",\"input\":\"ndr\",\"reports\":0,\"status\":null,\"smtp_code\":null"
        ));
        assert!(json.contains("\"recipients\":[]"));
    }
}
