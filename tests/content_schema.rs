//! The content build's checks, on copies of `content/` with one mistake
//! each: the build must refuse it and name the file, the key and the
//! language. The checker is `build/`'s own code, included here.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/content.rs"]
#[allow(dead_code)]
mod content;
#[path = "../build/facts.rs"]
#[allow(dead_code)]
mod facts;
#[path = "../build/french.rs"]
mod french;
#[path = "../build/problem.rs"]
mod problem;
#[path = "../src/catalogue/schema.rs"]
#[allow(dead_code)]
mod schema;
#[path = "../build/texts.rs"]
mod texts;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh copy of the project's `content/`.
fn copy() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "ndr-content-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for sub in ["", "en", "fr"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for file in std::fs::read_dir(source.join(sub)).unwrap().flatten() {
            if file.path().is_file() {
                std::fs::copy(file.path(), dir.join(sub).join(file.file_name())).unwrap();
            }
        }
    }
    dir
}

/// Rewrites one file of the copy.
fn edit(dir: &Path, file: &str, change: impl FnOnce(String) -> String) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = change(text.clone());
    assert_ne!(changed, text, "the edit of {file} changed nothing");
    std::fs::write(path, changed).unwrap();
}

/// The problems the build reports for the copy, as it prints them.
fn problems(dir: &Path) -> Vec<String> {
    let found = match content::read(dir) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(|p| p.to_string()).collect(),
    };
    std::fs::remove_dir_all(dir).unwrap();
    found
}

fn assert_reported(found: &[String], needle: &str) {
    assert!(
        found.iter().any(|p| p.contains(needle)),
        "expected a problem containing {needle:?}, got {found:#?}"
    );
}

#[test]
fn the_content_as_it_stands_builds() {
    assert_eq!(problems(&copy()), Vec::<String>::new());
}

#[test]
fn a_misspelt_french_placeholder_is_refused() {
    let dir = copy();
    edit(&dir, "fr/5.7.705.toml", |t| {
        t.replacen("{date}", "{dat}", 1)
    });
    let found = problems(&dir);
    assert_reported(
        &found,
        "content/fr/5.7.705.toml: `admin_message`: has the unknown placeholder {dat}",
    );
    assert_reported(
        &found,
        "content/fr/5.7.705.toml: `admin_message`: uses the placeholders",
    );
}

#[test]
fn a_missing_step_is_refused() {
    let dir = copy();
    edit(&dir, "fr/5.7.750.toml", |t| {
        let last = t.rfind("[[step]]").unwrap();
        let next = t[last..].find("[[see_also]]").map_or(t.len(), |n| last + n);
        format!("{}{}", &t[..last], &t[next..])
    });
    assert_reported(
        &problems(&dir),
        "content/fr/5.7.750.toml: `step`: English has",
    );
}

#[test]
fn an_unknown_key_is_refused() {
    let dir = copy();
    edit(&dir, "en/5.1.1.toml", |t| format!("titel = \"x\"\n{t}"));
    assert_reported(
        &problems(&dir),
        "content/en/5.1.1.toml: `titel`: is not a field",
    );
}

#[test]
fn a_missing_language_file_is_refused() {
    let dir = copy();
    std::fs::remove_file(dir.join("fr/5.2.2.toml")).unwrap();
    assert_reported(
        &problems(&dir),
        "content/fr/5.2.2.toml: the file is missing",
    );
}

#[test]
fn a_missing_interface_text_is_refused() {
    let dir = copy();
    edit(&dir, "fr/ui.toml", |t| {
        t.lines()
            .filter(|l| !l.starts_with("app_title"))
            .collect::<Vec<_>>()
            .join("\n")
    });
    assert_reported(
        &problems(&dir),
        "content/fr/ui.toml: `app_title`: is missing",
    );
}

#[test]
fn a_malformed_code_is_refused() {
    let dir = copy();
    edit(&dir, "codes.toml", |t| {
        t.replacen("code = \"5.1.1\"", "code = \"5.1.1.1\"", 1)
    });
    assert_reported(
        &problems(&dir),
        "content/codes.toml: `5.1.1.1: code`: \"5.1.1.1\" is not a status code",
    );
}

#[test]
fn french_without_its_space_before_a_colon_is_refused() {
    let dir = copy();
    edit(&dir, "fr/5.1.1.toml", |t| {
        t.replacen("title = \"", "title = \"Remarque: ", 1)
    });
    assert_reported(
        &problems(&dir),
        "content/fr/5.1.1.toml: `title`: no space before `:`",
    );
}

#[test]
fn an_unknown_scope_is_refused() {
    let dir = copy();
    edit(&dir, "codes.toml", |t| {
        t.replacen("scope = \"recipient\"", "scope = \"mailbox\"", 1)
    });
    assert_reported(
        &problems(&dir),
        "\"mailbox\" is not one of organisation, account",
    );
}

#[test]
fn a_removal_ready_to_run_among_reads_is_refused() {
    let dir = copy();
    edit(&dir, "en/5.7.705.toml", |t| {
        t.replacen("# Remove-InboundConnector", "Remove-InboundConnector", 1)
    });
    assert_reported(
        &problems(&dir),
        "stands uncommented among read-only commands",
    );
}

#[test]
fn an_entry_without_see_also_is_refused() {
    let dir = copy();
    edit(&dir, "fr/5.1.1.toml", |t| {
        t.split("[[see_also]]").next().unwrap().to_owned()
    });
    assert_reported(
        &problems(&dir),
        "content/fr/5.1.1.toml: `see_also`: has 0 items",
    );
}
