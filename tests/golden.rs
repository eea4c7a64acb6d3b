//! Golden files: every sample under `tests/golden/<shape>/` and
//! `tests/samples/made-up/` beside its expected full output, and every
//! sample's label (`labels.tsv` in its folder) checked field by field.
//!
//! - `<sample>.json`: the `--json` diagnosis in English, pretty-printed;
//! - for the made-up samples also `<sample>.en.txt` and `<sample>.fr.txt`,
//!   the text report in each language.
//!
//! A difference writes `<expected>.failed` beside the expected file for
//! review and fails. `UPDATE_GOLDEN=1 cargo test --test golden` rewrites
//! every expected file instead: review the change with `git diff`.
#![cfg(not(target_arch = "wasm32"))]

use ndr_explainer::{analyse, report, Bounce, Kind, Lang};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Files written by this test or describing a folder, not samples.
fn is_sample(path: &Path) -> bool {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let output = [".json", ".en.txt", ".fr.txt", ".failed"];
    path.is_file()
        && !output.iter().any(|end| name.ends_with(end))
        && !matches!(name.as_ref(), "labels.tsv" | "README.md")
        && !name.ends_with(".py")
}

/// The sample folders: one per shape, and the made-up 5.7.7xx samples.
fn folders() -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(root().join("golden"))
        .expect("tests/golden exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    folders.push(root().join("samples/made-up"));
    folders
}

fn samples(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_sample(p))
        .collect();
    files.sort();
    files
}

fn pretty(json: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(json).expect("the report is JSON");
    serde_json::to_string_pretty(&value).unwrap() + "\n"
}

/// Compares `actual` with the file at `expected`; returns a miss, if any.
fn compare(expected: &Path, actual: &str, update: bool) -> Option<String> {
    let failed = PathBuf::from(format!("{}.failed", expected.display()));
    if update {
        std::fs::write(expected, actual).unwrap();
        let _ = std::fs::remove_file(&failed);
        return None;
    }
    match std::fs::read_to_string(expected) {
        Ok(text) if text == actual => {
            let _ = std::fs::remove_file(&failed);
            None
        }
        Ok(_) => {
            std::fs::write(&failed, actual).unwrap();
            Some(format!(
                "{} differs: see {}",
                expected.display(),
                failed.display()
            ))
        }
        Err(_) => {
            std::fs::write(&failed, actual).unwrap();
            Some(format!(
                "{} is missing: see {} (UPDATE_GOLDEN=1 writes it)",
                expected.display(),
                failed.display()
            ))
        }
    }
}

#[test]
fn every_sample_gives_its_golden_output() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut cases = 0;
    let mut misses = Vec::new();
    for folder in folders() {
        let made_up = folder.ends_with("made-up");
        for sample in samples(&folder) {
            let bounce = analyse(&std::fs::read(&sample).unwrap());
            let name = sample.display().to_string();
            let json = pretty(&report::to_json(&bounce, Lang::En));
            misses.extend(compare(Path::new(&format!("{name}.json")), &json, update));
            if made_up {
                for lang in Lang::ALL {
                    let text = report::to_text(&bounce, lang);
                    let expected = format!("{name}.{lang}.txt");
                    misses.extend(compare(Path::new(&expected), &text, update));
                }
            }
            cases += 1;
        }
    }
    assert!(cases > 100, "only {cases} golden samples found");
    assert!(
        misses.is_empty(),
        "{} of the golden outputs differ (UPDATE_GOLDEN=1 cargo test --test golden rewrites them for review):\n{}",
        misses.len(),
        misses.join("\n")
    );
}

// ---- labels ---------------------------------------------------------------

/// `-` none, `*` not checked, else a set of values (lower case).
fn set(column: &str) -> Option<Vec<String>> {
    match column.trim() {
        "*" => None,
        "-" | "" => Some(Vec::new()),
        list => {
            let mut items: Vec<String> = list
                .split([',', ';'])
                .map(|s| s.trim().to_ascii_lowercase())
                .filter(|s| !s.is_empty())
                .collect();
            items.sort();
            items.dedup();
            Some(items)
        }
    }
}

fn sorted(mut items: Vec<String>) -> Vec<String> {
    items.sort();
    items.dedup();
    items
}

/// The label's columns that the diagnosis does not match.
fn label_misses(cols: &[&str], bounce: &Bounce) -> Vec<String> {
    let mut misses = Vec::new();
    let mut check = |field: &str, want: Option<Vec<String>>, got: Vec<String>| {
        if let Some(want) = want {
            if want != got {
                misses.push(format!("{field}: expected {want:?}, got {got:?}"));
            }
        }
    };
    check("input", set(cols[1]), vec![bounce.input.name().to_owned()]);
    let kind = match bounce.kind {
        Kind::Failure => "failure",
        Kind::Delay => "delay",
        Kind::Delivered => "delivered",
        Kind::NotABounce => "not-bounce",
    };
    check("kind", set(cols[2]), vec![kind.to_owned()]);
    let want_status = set(cols[3]);
    let per_recipient = want_status.as_ref().is_some_and(|s| s.len() > 1);
    let status = if per_recipient {
        sorted(
            bounce
                .recipients
                .iter()
                .filter_map(|r| r.status.map(|s| s.to_string()))
                .collect(),
        )
    } else {
        bounce.status.map(|s| s.to_string()).into_iter().collect()
    };
    check("status", want_status, status);
    let want_reply = set(cols[4]);
    let reply = if want_reply.as_ref().is_some_and(|s| s.len() > 1) {
        sorted(
            bounce
                .recipients
                .iter()
                .filter_map(|r| r.smtp_code.map(|c| c.to_string()))
                .collect(),
        )
    } else {
        bounce
            .smtp_code
            .map(|c| c.to_string())
            .into_iter()
            .collect()
    };
    check("smtp_code", want_reply, reply);
    let recipients = sorted(
        bounce
            .recipients
            .iter()
            .map(|r| r.address.to_ascii_lowercase())
            .collect(),
    );
    check("recipients", set(cols[5]), recipients);
    let remote = bounce
        .remote_mta
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    check("remote_mta", set(cols[6]), remote);
    check("reports", set(cols[7]), vec![bounce.reports.to_string()]);
    misses
}

#[test]
fn every_shape_sample_matches_its_label() {
    let mut rows = 0;
    let mut misses = Vec::new();
    for folder in folders().into_iter().filter(|f| !f.ends_with("made-up")) {
        let table = std::fs::read_to_string(folder.join("labels.tsv"))
            .unwrap_or_else(|e| panic!("{}/labels.tsv: {e}", folder.display()));
        let labelled: Vec<&str> = table
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .collect();
        for sample in samples(&folder) {
            let name = sample.file_name().unwrap().to_string_lossy().into_owned();
            if !labelled
                .iter()
                .any(|l| l.split('\t').next() == Some(name.as_str()))
            {
                misses.push(format!("{}/{name}: no row in labels.tsv", folder.display()));
            }
        }
        for line in labelled {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(
                cols.len() >= 8,
                "{}: malformed row {line:?}",
                folder.display()
            );
            let bytes = std::fs::read(folder.join(cols[0]))
                .unwrap_or_else(|e| panic!("{}/{}: {e}", folder.display(), cols[0]));
            for miss in label_misses(&cols, &analyse(&bytes)) {
                let shape = folder.file_name().unwrap().to_string_lossy();
                misses.push(format!("{shape}/{}: {miss}", cols[0]));
            }
            rows += 1;
        }
    }
    assert!(rows > 150, "only {rows} labelled samples");
    assert!(
        misses.is_empty(),
        "{} label misses in {rows} samples:\n{}",
        misses.len(),
        misses.join("\n")
    );
}
