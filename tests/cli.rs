//! The `ndr-explain` command-line contract, tested on the built binary:
//! exit status (0 bounce, 1 none, 2 usage or read error, with a message on
//! stderr), input from a FILE, from `-` or from standard input, the `--json`
//! object's shape, and the human output in both languages. Expected texts are
//! read from `content/` (never copied here), so the tests follow the catalogue.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_ndr-explain");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn made_up(name: &str) -> PathBuf {
    root().join("tests/samples/made-up").join(name)
}

fn corpus(name: &str) -> PathBuf {
    let path = root().join("../shared/corpus").join(name);
    assert!(
        path.exists(),
        "{} is missing (the corpus sits beside the project, in ../shared/corpus)",
        path.display()
    );
    path
}

/// Runs the CLI with `args`; standard input is `stdin`, or empty when `None`.
fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {BIN}: {e}"));
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.unwrap_or_default().to_vec();
    // Written from a thread so that a large output cannot block the input.
    let writer = std::thread::spawn(move || {
        // The CLI may exit before reading (usage errors): a broken pipe is fine.
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("the CLI runs to its end");
    writer.join().expect("stdin writer");
    output
}

fn run_file(args: &[&str], file: &Path) -> Output {
    let mut all = args.to_vec();
    all.push(file.to_str().expect("UTF-8 path"));
    run(&all, None)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("the CLI exits normally")
}

/// Asserts exit status 2 with an `ndr-explain:` message on stderr holding
/// every one of `words`, and nothing on stdout.
fn assert_usage_error(output: &Output, words: &[&str]) {
    let err = stderr(output);
    assert_eq!(code(output), 2, "exit status; stderr: {err}");
    assert!(
        err.starts_with("ndr-explain: "),
        "stderr starts with the program name: {err:?}"
    );
    for word in words {
        assert!(err.contains(word), "stderr names {word:?}: {err:?}");
    }
    assert!(
        output.stdout.is_empty(),
        "nothing on stdout: {}",
        stdout(output)
    );
}

// ---- content/ -------------------------------------------------------------

fn load_toml(path: &Path) -> toml::Table {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.parse()
        .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()))
}

/// One word of `ui.toml` without punctuation (so typography cannot change it).
fn ui(lang: &str, key: &str) -> String {
    let table = load_toml(&root().join("content").join(lang).join("ui.toml"));
    let word = table
        .get(key)
        .and_then(|v| v.as_str())
        .unwrap_or_else(|| panic!("content/{lang}/ui.toml has no {key}"))
        .trim()
        .to_owned();
    assert!(
        !word.contains([':', ';', '!', '?']),
        "{key} is a plain word"
    );
    word
}

/// The entry the program explains `file` with, in `lang`: its title and its
/// steps' titles, as `--json` gives them.
fn title_and_steps(file: &Path, lang: &str) -> (String, Vec<String>) {
    let json = parse_json(&run_file(&["--json", "--lang", lang], file));
    let explanation = &json["explanation"];
    let title = explanation["title"].as_str().unwrap_or_default().to_owned();
    let steps = explanation["steps"]
        .as_array()
        .map(|steps| {
            steps
                .iter()
                .map(|s| s.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default();
    (title, steps)
}

/// Checks that the human output for `file` in `lang` names `code`, shows the
/// entry's title and every step, numbered and in order, each on a line of
/// its own under the walkthrough's heading. Returns the misses.
fn walkthrough_misses(file: &Path, lang: &str, status: &str) -> Vec<String> {
    let output = run_file(&["--lang", lang], file);
    let text = stdout(&output);
    let name = file.file_name().unwrap().to_string_lossy();
    let mut misses = Vec::new();
    if code(&output) != 0 {
        misses.push(format!(
            "{name} [{lang}]: exit status {}, stderr {}",
            code(&output),
            stderr(&output)
        ));
        return misses;
    }
    let label = ui(lang, "status_label");
    if !text
        .lines()
        .any(|l| l.starts_with(&label) && l.ends_with(&format!(" {status}")))
    {
        misses.push(format!("{name} [{lang}]: no line {label}: {status}"));
    }
    let (title, steps) = title_and_steps(file, lang);
    if title.is_empty() || !text.contains(&format!(" — {title}\n")) {
        misses.push(format!("{name} [{lang}]: no title {title:?}"));
    }
    if steps.is_empty() {
        misses.push(format!("{name} [{lang}]: no walkthrough in --json"));
    }
    let heading = format!("## {}\n", ui(lang, "steps_heading"));
    let Some(mut from) = text.find(&heading).map(|at| at + heading.len()) else {
        misses.push(format!("{name} [{lang}]: no heading {heading:?}"));
        return misses;
    };
    for (n, step) in steps.iter().enumerate() {
        let expected = format!("\n{}. {step}\n", n + 1);
        match text[from - 1..].find(&expected) {
            Some(at) => from += at + expected.len() - 1,
            None => misses.push(format!(
                "{name} [{lang}]: step {} missing or out of order: {step:?}",
                n + 1
            )),
        }
    }
    misses
}

// ---- exit status ----------------------------------------------------------

#[test]
fn bounce_file_exits_0() {
    let output = run_file(&[], &made_up("madeup-eo-classic-705.eml"));
    assert_eq!(code(&output), 0, "stderr: {}", stderr(&output));
    assert!(stderr(&output).is_empty());
    let text = stdout(&output);
    assert!(text.contains(&format!("{}: 5.7.705\n", ui("en", "status_label"))));
}

#[test]
fn non_bounce_file_exits_1() {
    let output = run_file(&[], &corpus("rgl-non_bounce_postfix_hello_world.eml"));
    assert_eq!(code(&output), 1, "stderr: {}", stderr(&output));
    assert!(stderr(&output).is_empty(), "no error: {}", stderr(&output));
    assert!(stdout(&output).contains(&ui("en", "no_bounce_title")));

    let output = run_file(&["--lang", "fr"], &made_up("madeup-trap-notbounce-750.eml"));
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains(&ui("fr", "no_bounce_title")));
}

#[test]
fn empty_stdin_exits_1() {
    for args in [&[][..], &["-"][..], &["--json"][..], &["--json", "-"][..]] {
        let output = run(args, Some(b""));
        assert_eq!(
            code(&output),
            1,
            "args {args:?}; stderr {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).is_empty(),
            "args {args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn text_without_bounce_on_stdin_exits_1() {
    let output = run(&["-"], Some(b"Hello,\nlunch at noon?\n"));
    assert_eq!(code(&output), 1);
}

#[test]
fn unknown_option_exits_2() {
    let output = run(&["--frobnicate"], None);
    assert_usage_error(&output, &["unknown option", "--frobnicate", "usage:"]);
    let output = run(
        &[
            "-x",
            &made_up("madeup-eo-classic-705.eml").to_string_lossy(),
        ],
        None,
    );
    assert_usage_error(&output, &["unknown option", "-x"]);
}

#[test]
fn unknown_language_exits_2() {
    for args in [&["--lang", "de"][..], &["--lang=de"][..]] {
        let output = run(
            args,
            Some(b"550 5.7.705 Access denied, tenant has exceeded threshold"),
        );
        assert_usage_error(&output, &["\"de\"", "en", "fr"]);
    }
}

#[test]
fn lang_without_value_exits_2() {
    let output = run(&["--lang"], None);
    assert_usage_error(&output, &["--lang", "en", "fr"]);
}

#[test]
fn missing_file_exits_2_and_names_it() {
    let missing = root().join("tests/samples/made-up/no-such-bounce-4242.eml");
    let output = run_file(&[], &missing);
    let err = stderr(&output);
    assert_eq!(code(&output), 2, "stderr: {err}");
    assert!(err.starts_with("ndr-explain: "), "{err:?}");
    assert!(
        err.contains(&*missing.to_string_lossy()),
        "names the file: {err:?}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn a_directory_is_a_read_error() {
    let dir = root().join("tests/samples");
    let output = run_file(&[], &dir);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains(&*dir.to_string_lossy()));
}

#[test]
fn two_files_exit_2() {
    let a = made_up("madeup-eo-classic-705.eml");
    let b = made_up("madeup-eo-classic-750.eml");
    let output = run(&[&a.to_string_lossy(), &b.to_string_lossy()], None);
    assert_usage_error(&output, &["at most one FILE"]);
    // `-` counts as a FILE too.
    let output = run(&["-", &a.to_string_lossy()], Some(b""));
    assert_usage_error(&output, &["at most one FILE"]);
}

#[test]
fn help_exits_0_with_usage() {
    for flag in ["--help", "-h"] {
        let output = run(&[flag], None);
        assert_eq!(code(&output), 0);
        assert!(stdout(&output).starts_with("usage: ndr-explain"));
    }
}

// ---- input ----------------------------------------------------------------

#[test]
fn stdin_with_dash_and_without_file_equals_the_file() {
    let file = made_up("madeup-eo-classic-750.eml");
    let bytes = std::fs::read(&file).unwrap();
    for extra in [&[][..], &["--json"][..], &["--lang", "fr"][..]] {
        let from_file = run_file(extra, &file);
        assert_eq!(code(&from_file), 0);
        let mut dash = extra.to_vec();
        dash.push("-");
        for args in [extra, &dash[..]] {
            let from_stdin = run(args, Some(&bytes));
            assert_eq!(code(&from_stdin), 0, "args {args:?}");
            assert_eq!(
                stdout(&from_stdin),
                stdout(&from_file),
                "args {args:?}: stdin and FILE give the same output"
            );
        }
    }
}

#[test]
fn one_smtp_line_on_stdin() {
    let output = run(
        &["--json"],
        Some(b"550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains"),
    );
    assert_eq!(code(&output), 0);
    let json = parse_json(&output);
    assert_eq!(json["status"], "5.7.750");
    assert_eq!(json["smtp_code"], 550);
    assert_eq!(json["recipients"], Value::Array(Vec::new()));
}

// ---- --json ---------------------------------------------------------------

/// The whole of stdout as exactly one JSON object (serde_json rejects
/// anything after the first value).
fn parse_json(output: &Output) -> Value {
    let text = stdout(output);
    let value: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("stdout is not one JSON value ({e}): {text}"));
    assert!(value.is_object(), "one JSON object: {text}");
    assert_eq!(text.trim_end().lines().count(), 1, "one line: {text}");
    value
}

/// Checks the types the README promises; returns the object.
fn check_shape(json: &Value) -> &serde_json::Map<String, Value> {
    let object = json.as_object().unwrap();
    for key in [
        "is_ndr",
        "kind",
        "status",
        "smtp_code",
        "diagnostic",
        "recipients",
        "reporting_mta",
        "remote_mta",
        "evidence",
        "found_by",
        "explanation",
    ] {
        assert!(object.contains_key(key), "key {key} in {json}");
    }
    assert!(json["is_ndr"].is_boolean(), "is_ndr: {json}");
    assert!(json["kind"].is_string(), "kind: {json}");
    match &json["status"] {
        Value::Null => {}
        Value::String(s) => assert_eq!(
            ndr_explainer::StatusCode::parse(s)
                .map(|c| c.to_string())
                .as_deref(),
            Some(s.as_str()),
            "status is a code written like 5.7.705"
        ),
        other => panic!("status is a string or null: {other}"),
    }
    assert!(
        json["smtp_code"].is_null() || json["smtp_code"].is_u64(),
        "smtp_code: {json}"
    );
    for recipient in json["recipients"]
        .as_array()
        .expect("recipients is an array")
    {
        let r = recipient.as_object().expect("each recipient is an object");
        assert!(r["address"].is_string(), "address: {recipient}");
        for key in ["status", "diagnostic"] {
            assert!(
                r[key].is_string() || r[key].is_null(),
                "{key} is a string or null: {recipient}"
            );
        }
        assert!(r["smtp_code"].is_null() || r["smtp_code"].is_u64());
    }
    object
}

#[test]
fn json_of_a_bounce() {
    let output = run_file(&["--json"], &made_up("madeup-eo-classic-750.eml"));
    assert_eq!(code(&output), 0);
    let json = parse_json(&output);
    check_shape(&json);
    assert_eq!(json["is_ndr"], true);
    assert_eq!(json["kind"], "failure");
    assert_eq!(json["status"], "5.7.750");
    assert_eq!(json["smtp_code"], 550);
    let recipients = json["recipients"].as_array().unwrap();
    assert_eq!(recipients.len(), 1, "{json}");
    assert_eq!(recipients[0]["address"], "orders@fabrikam.example");
    assert_eq!(recipients[0]["status"], "5.7.750");
    assert!(recipients[0]["diagnostic"]
        .as_str()
        .is_some_and(|d| d.contains("5.7.750")));
    assert!(json["explanation"]["title"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    assert_eq!(json["explanation"]["entry"], "5.7.750");
    assert_eq!(json["explanation"]["lang"], "en");
}

#[test]
fn json_explanation_follows_the_language() {
    let output = run_file(
        &["--json", "--lang", "fr"],
        &made_up("madeup-eo-classic-705.eml"),
    );
    assert_eq!(code(&output), 0);
    let json = parse_json(&output);
    check_shape(&json);
    let (english, _) = title_and_steps(&made_up("madeup-eo-classic-705.eml"), "en");
    let french = json["explanation"]["title"].as_str().unwrap_or_default();
    assert!(
        !french.is_empty() && french != english,
        "{french:?} / {english:?}"
    );
    assert_eq!(json["explanation"]["lang"], "fr");
}

#[test]
fn json_keeps_each_recipient_with_its_own_code() {
    let output = run_file(
        &["--json"],
        &made_up("madeup-trap-two-recipients-750-5110.eml"),
    );
    assert_eq!(code(&output), 0);
    let json = parse_json(&output);
    check_shape(&json);
    let pairs: Vec<(String, String)> = json["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["address"].as_str().unwrap().to_ascii_lowercase(),
                r["status"].as_str().unwrap_or("null").to_owned(),
            )
        })
        .collect();
    assert!(
        pairs.contains(&("orders@fabrikam.example".into(), "5.7.750".into())),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("jo.smyth@contoso.example".into(), "5.1.10".into())),
        "{pairs:?}"
    );
}

#[test]
fn json_of_no_bounce() {
    let output = run_file(
        &["--json"],
        &corpus("rgl-non_bounce_postfix_hello_world.eml"),
    );
    assert_eq!(code(&output), 1);
    let json = parse_json(&output);
    check_shape(&json);
    assert_eq!(json["is_ndr"], false);
    assert_eq!(json["status"], Value::Null);
    assert_eq!(json["smtp_code"], Value::Null);
    assert_eq!(json["recipients"], Value::Array(Vec::new()));

    let output = run(&["--json"], Some(b""));
    assert_eq!(code(&output), 1);
    assert_eq!(parse_json(&output)["is_ndr"], false);
}

#[test]
fn json_of_every_made_up_sample_is_one_object() {
    for (file, _) in labelled_samples() {
        let output = run_file(&["--json"], &file);
        let json = parse_json(&output);
        check_shape(&json);
        let expected = if json["is_ndr"] == true { 0 } else { 1 };
        assert_eq!(code(&output), expected, "{}", file.display());
    }
}

// ---- human output ---------------------------------------------------------

#[test]
fn french_walkthrough_of_750() {
    let misses = walkthrough_misses(&made_up("madeup-eo-classic-750.eml"), "fr", "5.7.750");
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn english_walkthrough_of_750() {
    let misses = walkthrough_misses(&made_up("madeup-eo-classic-750.eml"), "en", "5.7.750");
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn french_output_is_french() {
    let file = made_up("madeup-eo-classic-750.eml");
    let fr = stdout(&run_file(&["--lang", "fr"], &file));
    let en = stdout(&run_file(&["--lang", "en"], &file));
    let default = stdout(&run_file(&[], &file));
    assert_eq!(en, default, "English is the default");
    let (title_en, _) = title_and_steps(&file, "en");
    assert!(!fr.contains(&title_en), "no English title in French output");
    assert!(fr.contains(&ui("fr", "steps_heading")));
    assert!(!fr.contains(&ui("en", "steps_heading")));
}

/// The made-up samples and the first status code of their label (column 2).
fn labelled_samples() -> Vec<(PathBuf, Option<String>)> {
    let table = made_up("labels.tsv");
    let text = std::fs::read_to_string(&table).unwrap();
    let rows: Vec<_> = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(cols.len() >= 2, "malformed row {line:?}");
            let first = cols[1].split([';', ',']).next().unwrap_or("").trim();
            let status = (first != "-" && !first.is_empty()).then(|| first.to_owned());
            (made_up(cols[0]), status)
        })
        .collect();
    assert!(rows.len() >= 20, "labels.tsv lists the samples");
    rows
}

#[test]
fn every_made_up_57xx_sample_shows_its_entry_in_both_languages() {
    let mut checked = 0;
    let mut misses = Vec::new();
    for (file, status) in labelled_samples() {
        let Some(status) = status
            .filter(|s| ndr_explainer::StatusCode::parse(s).is_some_and(|c| c.is_tenant_block()))
        else {
            continue;
        };
        for lang in ["en", "fr"] {
            misses.extend(walkthrough_misses(&file, lang, &status));
        }
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} 5.7.7xx samples checked");
    assert!(
        misses.is_empty(),
        "{} misses:\n{}",
        misses.len(),
        misses.join("\n")
    );
}
