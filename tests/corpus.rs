//! Every labelled sample gives its labelled status, reply code, recipients and
//! kind: the real bounces of `../shared/corpus` and our own made-up 5.7.7xx
//! samples in `tests/samples/made-up`. Each miss is reported by file name.

use ndr_explainer::{analyse, Bounce, Kind};
use std::path::{Path, PathBuf};

struct Row {
    file: String,
    statuses: Vec<String>,
    reply: Option<u16>,
    recipients: Vec<String>,
    kind: String,
    reporting: String,
}

fn rows(table: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(table).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e} (the corpus sits beside the project, in ../shared/corpus)",
            table.display()
        )
    });
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(
                cols.len() >= 7,
                "{}: malformed row {line:?}",
                table.display()
            );
            let list = |col: &str| -> Vec<String> {
                if col.trim() == "-" {
                    return Vec::new();
                }
                col.split([',', ';'])
                    .map(|item| item.split(" (").next().unwrap_or("").trim().to_owned())
                    .filter(|item| !item.is_empty())
                    .collect()
            };
            Row {
                file: cols[0].to_owned(),
                statuses: list(cols[1]),
                reply: cols[2].trim().parse().ok(),
                recipients: list(cols[3])
                    .into_iter()
                    .map(|a| a.to_ascii_lowercase())
                    .collect(),
                reporting: cols[4].to_owned(),
                kind: cols[6].to_owned(),
            }
        })
        .collect()
}

fn misses(row: &Row, bounce: &Bounce) -> Vec<String> {
    let mut found = Vec::new();
    let kind_ok = match row.kind.as_str() {
        "not-bounce" => bounce.kind == Kind::NotABounce,
        "delay" => bounce.kind == Kind::Delay,
        "delivered" => bounce.kind == Kind::Delivered,
        _ => bounce.kind == Kind::Failure,
    };
    if !kind_ok {
        found.push(format!(
            "kind: expected {}, got {:?}",
            row.kind, bounce.kind
        ));
    }
    let got_statuses: Vec<String> = if row.statuses.len() > 1 {
        let mut all: Vec<String> = bounce
            .recipients
            .iter()
            .filter_map(|r| r.status.map(|s| s.to_string()))
            .collect();
        all.dedup();
        all
    } else {
        bounce.status.map(|s| s.to_string()).into_iter().collect()
    };
    if got_statuses != row.statuses {
        found.push(format!(
            "status: expected {:?}, got {got_statuses:?}",
            row.statuses
        ));
    }
    if bounce.smtp_code != row.reply {
        found.push(format!(
            "reply: expected {:?}, got {:?}",
            row.reply, bounce.smtp_code
        ));
    }
    let mut got: Vec<String> = bounce
        .recipients
        .iter()
        .map(|r| r.address.to_ascii_lowercase())
        .collect();
    got.sort();
    let mut expected = row.recipients.clone();
    expected.sort();
    if got != expected {
        found.push(format!("recipients: expected {expected:?}, got {got:?}"));
    }
    found
}

fn check_table(dir: &Path) -> (usize, Vec<String>) {
    let rows = rows(&dir.join("labels.tsv"));
    let mut report = Vec::new();
    for row in &rows {
        let bytes =
            std::fs::read(dir.join(&row.file)).unwrap_or_else(|e| panic!("{}: {e}", row.file));
        let bounce = analyse(&bytes);
        for miss in misses(row, &bounce) {
            report.push(format!("{}: {miss}", row.file));
        }
        // A made-up sample names its reporting host: it must be found.
        if row.reporting.contains('.')
            && !row.reporting.contains(' ')
            && bounce.reporting_mta.as_deref() != Some(row.reporting.as_str())
        {
            report.push(format!(
                "{}: reporting server: expected {}, got {:?}",
                row.file, row.reporting, bounce.reporting_mta
            ));
        }
    }
    (rows.len(), report)
}

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn real_corpus_rows_all_pass() {
    let (count, report) = check_table(&manifest().join("../shared/corpus"));
    assert!(count > 0, "the corpus table has no rows");
    assert!(
        report.is_empty(),
        "{} of {count} corpus rows miss:\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn made_up_samples_all_pass() {
    let (count, report) = check_table(&manifest().join("tests/samples/made-up"));
    assert!(count > 0, "the made-up table has no rows");
    assert!(
        report.is_empty(),
        "{} misses in {count} made-up rows:\n{}",
        report.len(),
        report.join("\n")
    );
}
