//! The scan's machine-readable output: one item per message (JSON, JSON
//! Lines or CSV), and the summary's JSON.

use ndr_explainer::catalogue::Entry;
use ndr_explainer::incident::{DateSource, Summary, Timestamp};
use ndr_explainer::{incident, report, Bounce, Lang};
use std::fmt::Write as _;

/// One message's diagnosis, with where it came from and when it happened.
pub struct Item<'a> {
    pub file: &'a str,
    pub index: usize,
    pub when: Option<(Timestamp, DateSource)>,
    pub bounce: &'a Bounce,
}

/// The CSV columns, in order (README, "ndr-explain scan").
pub const CSV_HEADER: &str = "file,index,when,when_from,is_ndr,kind,status,smtp_code,sender,recipients,diagnostic,reporting_mta,remote_mta,found_by,title,limits,error\r\n";

/// The item as JSON: `file`, `index`, `when`, `when_from`, then every field
/// of the single-file `--json` object.
pub fn json(item: &Item, lang: Lang) -> String {
    let diagnosis = report::to_json(item.bounce, lang);
    let mut out = String::with_capacity(diagnosis.len() + item.file.len() + 80);
    let _ = write!(
        out,
        "{{\"file\":{},\"index\":{},\"when\":{},\"when_from\":{},",
        string(item.file),
        item.index,
        item.when
            .map_or("null".into(), |(t, _)| string(&t.to_string())),
        item.when.map_or("null".into(), |(_, s)| string(s.name())),
    );
    out.push_str(diagnosis.strip_prefix('{').unwrap_or(&diagnosis));
    out
}

/// A file that could not be read, as a JSON Lines record.
pub fn json_error(file: &str, error: &str) -> String {
    format!(
        "{{\"file\":{},\"index\":null,\"error\":{}}}",
        string(file),
        string(error)
    )
}

/// The item as one CSV record (RFC 4180: CRLF, fields quoted when needed).
pub fn csv(item: &Item, lang: Lang) -> String {
    let b = item.bounce;
    let code = |c: Option<u16>| c.map(|c| c.to_string()).unwrap_or_default();
    let recipients: Vec<&str> = b
        .recipients
        .iter()
        .filter(|r| r.status.is_none_or(|s| s.class != 2))
        .map(|r| r.address.as_str())
        .collect();
    let title = b
        .status
        .and_then(ndr_explainer::catalogue::lookup)
        .map(|e| e.texts(lang).title)
        .unwrap_or_default();
    let limits: Vec<&str> = b.limits.iter().map(|l| l.name()).collect();
    let fields = [
        item.file.to_owned(),
        item.index.to_string(),
        item.when.map(|(t, _)| t.to_string()).unwrap_or_default(),
        item.when.map(|(_, s)| s.name()).unwrap_or_default().into(),
        b.is_ndr().to_string(),
        b.kind.name().into(),
        b.status.map(|s| s.to_string()).unwrap_or_default(),
        code(b.smtp_code),
        incident::sender(b).unwrap_or_default(),
        recipients.join(" "),
        b.diagnostic.clone().unwrap_or_default(),
        b.reporting_mta.clone().unwrap_or_default(),
        b.remote_mta.clone().unwrap_or_default(),
        b.source().map(|s| s.name()).unwrap_or_default().into(),
        title.into(),
        limits.join(" "),
        String::new(),
    ];
    record(&fields)
}

/// A file that could not be read, as a CSV record with only `file` and `error`.
pub fn csv_error(file: &str, error: &str) -> String {
    let mut fields = vec![String::new(); 17];
    fields[0] = file.to_owned();
    fields[16] = error.to_owned();
    record(&fields)
}

fn record(fields: &[String]) -> String {
    let mut out = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains(['"', ',', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
    out
}

/// The summary's keys, to close the `--json` object opened by `{"items":[`.
pub fn summary_tail(summary: &Summary, lang: Lang) -> String {
    let mut out = String::from("],");
    let k = &summary.kinds;
    let _ = write!(
        out,
        "\"files\":{},\"messages\":{},\"bounces\":{},\"not_bounces\":{},\"kinds\":{{\"failure\":{},\"delay\":{},\"delivered\":{},\"not_a_bounce\":{}}},",
        summary.files, summary.messages, summary.bounces, summary.not_bounces,
        k.failures, k.delays, k.delivered, k.other
    );
    let unreadable: Vec<String> = summary
        .unreadable
        .iter()
        .map(|u| {
            format!(
                "{{\"file\":{},\"error\":{}}}",
                string(&u.file),
                string(&u.error)
            )
        })
        .collect();
    let _ = write!(out, "\"unreadable\":[{}],", unreadable.join(","));
    let partial: Vec<String> = summary
        .partial
        .iter()
        .map(|p| {
            format!(
                "{{\"file\":{},\"index\":{},\"analysed\":{},\"total\":{}}}",
                string(&p.file),
                p.index,
                p.analysed,
                p.total
            )
        })
        .collect();
    let _ = write!(out, "\"partial\":[{}],", partial.join(","));
    let rows: Vec<String> = summary
        .by_status
        .iter()
        .map(|row| {
            let date = |t: Option<Timestamp>| t.map_or("null".into(), |t| string(&t.to_string()));
            format!(
                "{{\"status\":{},\"count\":{},\"first\":{},\"last\":{},\"senders\":{},\"recipient_domains\":{},\"title\":{},\"scope\":{},\"fixed_by\":{}}}",
                row.status.map_or("null".into(), |s| string(&s.to_string())),
                row.count,
                date(row.first),
                date(row.last),
                row.senders,
                row.recipient_domains,
                row.entry.map_or("null".into(), |e| string(e.texts(lang).title)),
                row.entry.map_or("null".into(), |e| string(e.scope.name())),
                row.entry.map_or("[]".into(), fixed_by),
            )
        })
        .collect();
    let _ = write!(out, "\"by_status\":[{}],", rows.join(","));
    let hours: Vec<String> = summary
        .timeline
        .iter()
        .map(|h| {
            format!(
                "{{\"hour\":{},\"status\":{},\"count\":{}}}",
                string(&h.hour.to_string()),
                h.status.map_or("null".into(), |s| string(&s.to_string())),
                h.count
            )
        })
        .collect();
    let _ = write!(
        out,
        "\"timeline\":[{}],\"lang\":{}}}",
        hours.join(","),
        string(lang.tag())
    );
    out
}

/// Who must act to fix the entry's failure, as a JSON array.
fn fixed_by(entry: &Entry) -> String {
    let names: Vec<String> = entry.fixed_by.iter().map(|a| string(a.name())).collect();
    format!("[{}]", names.join(","))
}

fn string(value: &str) -> String {
    report::json_string(value)
}
