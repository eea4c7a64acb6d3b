//! The fixtures of `tests/scan.rs`: samples with rewritten headers, the
//! morning's folder, mboxes, and readers for the CLI's output.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_ndr-explain");

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn sample(name: &str) -> Vec<u8> {
    let path = if name.starts_with("madeup-") {
        root().join("tests/samples/made-up").join(name)
    } else {
        root().join("../shared/corpus").join(name)
    };
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An empty folder of its own for one test.
pub fn fresh(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("scan")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

/// `bytes` with fields of its top header block set (`Some`) or removed
/// (`None`), folded continuation lines included; set fields that were not
/// there are added first. Line endings are kept.
pub fn with_fields(bytes: &[u8], fields: &[(&str, Option<&str>)]) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut out = String::new();
    let mut lines = text.split_inclusive('\n').peekable();
    if text.starts_with("From ") {
        out.push_str(lines.next().unwrap()); // an mbox separator stays on top
    }
    for (name, value) in fields {
        if let Some(value) = value {
            out.push_str(&format!("{name}: {value}{eol}"));
        }
    }
    let mut skipping = false;
    let mut in_headers = true;
    for line in lines {
        if in_headers && line.trim_end().is_empty() {
            in_headers = false;
        }
        if in_headers {
            if line.starts_with([' ', '\t']) && skipping {
                continue;
            }
            skipping = fields.iter().any(|(name, _)| {
                line.len() > name.len()
                    && line[..name.len()].eq_ignore_ascii_case(name)
                    && line[name.len()..].starts_with(':')
            });
            if skipping {
                continue;
            }
        }
        out.push_str(line);
    }
    out.into_bytes()
}

pub fn dated(name: &str, date: &str, to: Option<&str>) -> Vec<u8> {
    let mut fields = vec![("Date", Some(date))];
    if let Some(to) = to {
        fields.push(("To", Some(to)));
    }
    with_fields(&sample(name), &fields)
}

pub fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// The morning's folder, in a folder of its own per test: 13 files, 14
/// messages (the delivery report is a real mbox of two).
pub fn morning(test: &str) -> PathBuf {
    let dir = fresh(&format!("morning-{test}"));
    let put = |name: &str, bytes: Vec<u8>| write(&dir.join(name), &bytes);
    put(
        "01-postfix.eml",
        dated(
            "soe-lhost-postfix-01.eml",
            "Sun, 29 Nov 2026 08:05:00 +0000",
            Some("ann@contoso.example"),
        ),
    );
    put(
        "02-gmail.eml",
        dated(
            "soe-lhost-gmail-01.eml",
            "Sun, 29 Nov 2026 09:10:00 +0100",
            Some("Bob <bob@contoso.example>"),
        ),
    );
    put(
        "03-delay.eml",
        dated(
            "rgl-bounce_exchange_delay.eml",
            "Sun, 29 Nov 2026 03:20:00 -0500",
            Some("carl@contoso.example"),
        ),
    );
    put(
        "04-auto-reply.eml",
        dated(
            "soe-rfc3834-01.eml",
            "Sun, 29 Nov 2026 08:25:00 +0000",
            None,
        ),
    );
    put(
        "05-delivered.eml",
        dated(
            "soe-rfc3464-28.eml",
            "Sun, 29 Nov 2026 08:26:00 +0000",
            None,
        ),
    );
    put(
        "06-hello.eml",
        dated(
            "rgl-non_bounce_postfix_hello_world.eml",
            "Sun, 29 Nov 2026 08:30:00 +0000",
            None,
        ),
    );
    put(
        "block/10.eml",
        dated(
            "madeup-eo-newstyle-705.eml",
            "Sun, 29 Nov 2026 09:40:00 +0000",
            Some("Ann Lee <ANN@contoso.example>"),
        ),
    );
    put(
        "block/11.eml",
        dated(
            "madeup-eo-classic-705.eml",
            "Sun, 29 Nov 2026 10:55:00 +0100",
            Some("bob@contoso.example"),
        ),
    );
    put(
        "block/12.eml",
        dated(
            "madeup-exchange-fr-705.eml",
            "Sun, 29 Nov 2026 10:05:00 +0000",
            Some("dee@contoso.example"),
        ),
    );
    // Obsolete forms: a zone name, a two-digit year without day name.
    put(
        "block/13.eml",
        dated(
            "madeup-exim-relay-705.eml",
            "Sun, 29 Nov 2026 10:20:00 GMT",
            Some("ann@contoso.example"),
        ),
    );
    put(
        "block/14.eml",
        dated(
            "madeup-trap-retry-history-705.eml",
            "29 Nov 26 05:45:00 EST",
            Some("eve@contoso.example"),
        ),
    );
    put(
        "15-gmail-later.eml",
        dated(
            "soe-lhost-gmail-01.eml",
            "Sun, 29 Nov 2026 10:50:00 +0000",
            Some("carl@contoso.example"),
        ),
    );
    // Copied text has no Date: the file's time stands in.
    let copied = dir.join("block/20-copied.txt");
    put(
        "block/20-copied.txt",
        sample("madeup-outlook-copy-newstyle-705.txt"),
    );
    set_modified(&copied, "2026-11-29T11:10:00Z");
    dir
}

pub fn set_modified(path: &Path, rfc3339: &str) {
    let seconds = ndr_explainer::incident::Timestamp::parse(&rfc3339_to_5322(rfc3339))
        .expect("a test date")
        .unix();
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(seconds as u64);
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(time))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// `2026-11-29T11:10:00Z` as `29 Nov 2026 11:10:00 +0000`.
pub fn rfc3339_to_5322(text: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month: usize = text[5..7].parse().unwrap();
    format!(
        "{} {} {} {} +0000",
        &text[8..10],
        MONTHS[month - 1],
        &text[..4],
        &text[11..19]
    )
}

pub fn run(args: &[&str], paths: &[&Path]) -> Output {
    Command::new(BIN)
        .arg("scan")
        .args(args)
        .args(paths)
        .output()
        .unwrap_or_else(|e| panic!("cannot start {BIN}: {e}"))
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn code(output: &Output) -> i32 {
    output.status.code().expect("the CLI exits normally")
}

/// Exit status 0 and nothing on stderr (it is not a terminal: no progress).
pub fn assert_ok(output: &Output) {
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(code(output), 0, "stderr: {err}");
    assert!(err.is_empty(), "nothing on stderr: {err}");
}

pub fn json(output: &Output) -> Value {
    serde_json::from_str(&stdout(output))
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(output)))
}

/// A catalogue title, trimmed as `build.rs` trims it.
pub fn title(lang: &str, code: &str) -> String {
    let path = root()
        .join("content")
        .join(lang)
        .join(format!("{code}.toml"));
    let table: toml::Table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
    table["title"].as_str().unwrap().trim().to_owned()
}

pub fn file_name(value: &Value) -> String {
    Path::new(value.as_str().unwrap())
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// Items come in the order they were done; sorted by file and index here.
pub fn sorted_items(mut items: Vec<Value>) -> Vec<Value> {
    items.sort_by_key(|i| {
        (
            i["file"].as_str().unwrap_or("").to_owned(),
            i["index"].as_u64(),
        )
    });
    items
}

/// Splits a line of the text table on runs of two spaces or more.
pub fn cells(line: &str) -> Vec<&str> {
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

/// A minimal RFC 4180 reader: quoted fields may hold commas, quotes and line breaks.
pub fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field, mut quoted, mut chars) =
        (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (c, _) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends with CRLF"
    );
    records
}

/// Writes messages as an mboxrd file: a separator before each, body lines
/// that start with `>*From ` quoted with one more `>`.
pub fn mbox(messages: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (separator, bytes) in messages {
        out.extend_from_slice(format!("From {separator}\n").as_bytes());
        let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
        for line in text.split_inclusive('\n') {
            if line.trim_start_matches('>').starts_with("From ") {
                out.push(b'>');
            }
            out.extend_from_slice(line.as_bytes());
        }
        if !out.ends_with(b"\n") {
            out.push(b'\n');
        }
        out.push(b'\n');
    }
    out
}

pub fn symlink(target: &str, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap_or_else(|e| panic!("{}: {e}", link.display()));
}
