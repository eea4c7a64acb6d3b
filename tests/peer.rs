//! Agreement with a peer's test suite: the real bounces of Sisimai's public
//! set (`../shared/corpus-peer`), each with the values Sisimai's own tests
//! expect (`expected.tsv`, format in its `SOURCES.md`). Every checked field
//! counts once; the count reached is held as a floor, so no change can
//! lower it. `NDR_PEER_REPORT=1` prints every miss.

use ndr_explainer::analyse;
use std::path::PathBuf;

/// Checked fields that agree, out of all checked fields. Raise it when the
/// parser improves; never lower it.
const FLOOR: usize = 1133;

struct Score {
    checked: usize,
    agreed: usize,
    misses: Vec<String>,
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-peer")
}

/// `*` not checked; `-` none; otherwise the value, or a set of values.
fn expected(column: &str) -> Option<Vec<String>> {
    match column.trim() {
        "*" => None,
        "-" => Some(Vec::new()),
        list => {
            let mut items: Vec<String> = list
                .split(',')
                .map(|s| s.trim().to_ascii_lowercase())
                .filter(|s| !s.is_empty())
                .collect();
            items.sort();
            items.dedup();
            Some(items)
        }
    }
}

fn score() -> Score {
    let table = std::fs::read_to_string(dir().join("expected.tsv")).unwrap_or_else(|e| {
        panic!("cannot read ../shared/corpus-peer/expected.tsv: {e} (the peer set sits beside the project)")
    });
    let mut score = Score {
        checked: 0,
        agreed: 0,
        misses: Vec::new(),
    };
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 5, "malformed row {line:?}");
        let bytes = std::fs::read(dir().join(cols[0])).unwrap();
        let bounce = analyse(&bytes);
        let mut check = |field: &str, want: Option<Vec<String>>, got: Vec<String>| {
            let Some(want) = want else { return };
            score.checked += 1;
            if want == got {
                score.agreed += 1;
            } else {
                score.misses.push(format!(
                    "{}: {field}: expected {want:?}, got {got:?}",
                    cols[0]
                ));
            }
        };
        check(
            "is_ndr",
            expected(cols[1]),
            vec![bounce.is_ndr().to_string()],
        );
        if cols[1] == "false" {
            continue;
        }
        let want_status = expected(cols[2]);
        let got_status: Vec<String> = if want_status.as_ref().is_some_and(|w| w.len() > 1) {
            let mut all: Vec<String> = bounce
                .recipients
                .iter()
                .filter_map(|r| r.status.map(|s| s.to_string()))
                .collect();
            all.sort();
            all.dedup();
            all
        } else {
            bounce.status.map(|s| s.to_string()).into_iter().collect()
        };
        check("status", want_status, got_status);
        check(
            "smtp_code",
            expected(cols[3]),
            bounce
                .smtp_code
                .map(|c| c.to_string())
                .into_iter()
                .collect(),
        );
        let mut recipients: Vec<String> = bounce
            .recipients
            .iter()
            .map(|r| r.address.to_ascii_lowercase())
            .collect();
        recipients.sort();
        recipients.dedup();
        check("recipients", expected(cols[4]), recipients);
    }
    score
}

#[test]
fn agreement_with_the_peer_suite_holds_its_floor() {
    let score = score();
    assert!(score.checked > 900, "only {} fields checked", score.checked);
    let percent = 100.0 * score.agreed as f64 / score.checked as f64;
    if std::env::var_os("NDR_PEER_REPORT").is_some() {
        eprintln!("{}", score.misses.join("\n"));
    }
    eprintln!(
        "peer suite: {} of {} checked fields agree ({percent:.1} %)",
        score.agreed, score.checked
    );
    assert!(
        score.agreed >= FLOOR,
        "agreement fell to {} of {} ({percent:.1} %), under the floor of {FLOOR}; misses:\n{}",
        score.agreed,
        score.checked,
        score.misses.join("\n")
    );
}
