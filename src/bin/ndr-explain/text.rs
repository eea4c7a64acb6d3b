//! The scan's summary in words, for a person at a terminal.

use ndr_explainer::catalogue::{cli, ui};
use ndr_explainer::incident::{Summary, Timestamp};
use ndr_explainer::{Lang, MAX_INPUT};
use std::fmt::Write as _;

/// The widest bar of the timeline, in characters.
const BAR: u64 = 50;

/// The counts, one row per code, the timeline of the most frequent code,
/// then what could not be read, in `lang`.
pub fn summary(summary: &Summary, lang: Lang) -> String {
    let w = cli(lang);
    // A label and its value, with the language's separator ("Files read: 3").
    let l =
        |label: &str, value: &dyn std::fmt::Display| ui(lang).labelled(label, &value.to_string());
    let k = &summary.kinds;
    let mut out = String::new();
    let _ = writeln!(out, "{}", l(w.scan_files_read, &summary.files));
    let _ = writeln!(out, "{}", l(w.scan_messages, &summary.messages));
    let _ = writeln!(
        out,
        "{} ({}, {})",
        l(w.scan_bounces, &summary.bounces),
        l(w.scan_failures, &k.failures),
        l(w.scan_delays, &k.delays)
    );
    let _ = writeln!(
        out,
        "{} ({}, {})",
        l(w.scan_not_bounces, &summary.not_bounces),
        l(w.scan_delivered, &k.delivered),
        l(w.scan_other, &k.other)
    );
    let _ = writeln!(
        out,
        "{}",
        l(w.scan_unreadable_count, &summary.unreadable.len())
    );
    out.push('\n');
    if summary.by_status.is_empty() {
        let _ = writeln!(out, "{}", w.scan_no_bounce);
    } else {
        table(&mut out, summary, lang);
    }
    if let Some(top) = summary.top().filter(|t| t.first.is_some()) {
        let code = top
            .status
            .map_or(w.scan_no_code.to_owned(), |s| s.to_string());
        let _ = writeln!(out, "\n{}", w.scan_timeline_heading(&code));
        let hours: Vec<_> = summary.timeline_of(top.status).collect();
        let most = hours.iter().map(|h| h.count).max().unwrap_or(1).max(1);
        let width = hours
            .iter()
            .map(|h| h.count.to_string().len())
            .max()
            .unwrap_or(1);
        for hour in hours {
            let bar = (hour.count * BAR).div_ceil(most) as usize;
            let _ = writeln!(
                out,
                "  {}  {:>width$}  {}",
                hour.hour,
                hour.count,
                "#".repeat(bar)
            );
        }
    }
    if !summary.unreadable.is_empty() {
        let _ = writeln!(out, "\n{}", w.scan_unreadable_heading);
        for u in &summary.unreadable {
            let _ = writeln!(out, "  {}", l(&u.file, &u.error));
        }
    }
    if !summary.partial.is_empty() {
        let mib = (MAX_INPUT / (1024 * 1024)).to_string();
        let _ = writeln!(out, "\n{}", w.scan_partial_heading(&mib));
        for p in &summary.partial {
            let item = w.scan_partial_item(&p.index.to_string(), &p.total.to_string());
            let _ = writeln!(out, "  {}", l(&p.file, &item));
        }
    }
    out
}

/// One row per code, columns padded to their widest cell.
fn table(out: &mut String, summary: &Summary, lang: Lang) {
    let w = cli(lang);
    let date = |t: Option<Timestamp>| t.map_or(w.scan_no_date.to_owned(), |t| t.to_string());
    let mut rows = vec![[
        w.scan_column_code.to_owned(),
        w.scan_column_count.to_owned(),
        w.scan_column_first.to_owned(),
        w.scan_column_last.to_owned(),
        w.scan_column_senders.to_owned(),
        w.scan_column_domains.to_owned(),
        w.scan_column_title.to_owned(),
    ]];
    for row in &summary.by_status {
        rows.push([
            row.status
                .map_or(w.scan_no_code.to_owned(), |s| s.to_string()),
            row.count.to_string(),
            date(row.first),
            date(row.last),
            row.senders.to_string(),
            row.recipient_domains.to_string(),
            row.entry
                .map(|e| e.texts(lang).title.to_owned())
                .unwrap_or_default(),
        ]);
    }
    let mut widths = [0usize; 7];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in &rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                let pad = widths[i] - cell.chars().count() + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}
