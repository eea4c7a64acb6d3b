//! `ndr-explain scan` end to end, against Sisimai's own run over the same
//! folder: `cargo bench --bench scan` (or `scripts/bench-scan.sh`, which
//! installs Sisimai first).
//!
//! Both sides are whole processes, start-up included, timed by the wall
//! clock: ours is `ndr-explain scan --jsonl PATH` (every diagnosis written,
//! as Sisimai writes every record), Sisimai's is
//! `perl -MSisimai -e 'print Sisimai->dump(shift)' DIR` (Debian's
//! `libsisimai-perl`); over the Maildir, ours is also timed as a person runs
//! it, printing the summary only. Output goes to a file, counted afterwards. Runs
//! alternate, ours then Sisimai's, so that a machine that slows down slows
//! both alike.
//!
//! Inputs: the two corpus folders (`../shared/corpus`, `../shared/corpus-peer`,
//! every file in them, as both tools read them), and a Maildir of 100,000
//! bounces generated in a temporary folder from the corpus's bounces and our
//! made-up 5.7.7xx ones, each with its own `Date` (one every 0.36 s from
//! 06:00 UTC) and `To` (one of 997 senders): about 550 MB, all in `cur/`.
//! Sisimai reads a Maildir's files one folder deep, so it is given `cur/`;
//! ours is given the Maildir. The 10,000- and 50,000-file Maildirs (hard
//! links to the first files) show how the time grows.
//!
//! `NDR_SCAN_BENCH_FILES=20000` makes a smaller Maildir. Prints tables;
//! nothing passes or fails. MB is 10^6 bytes.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_ndr-explain");
const MB: f64 = 1_000_000.0;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary folder, removed at the end however the run ends.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The bounces the Maildir is made of: the corpus's failures and delays of
/// at most 16 KB (the rare larger ones would make the average message
/// three times what a mailbox of bounces holds), and our made-up `.eml` bounces.
fn templates() -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
    let corpus = root().join("../shared/corpus");
    let labels = std::fs::read_to_string(corpus.join("labels.tsv"))
        .expect("../shared/corpus/labels.tsv (the corpus sits beside the project)");
    let real = labels
        .lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            matches!(fields.get(6), Some(&"bounce" | &"delay")).then(|| fields[0])
        })
        .map(|name| std::fs::read(corpus.join(name)).expect("a corpus file"))
        .filter(|bytes| bytes.len() <= 16_000)
        .collect();
    let made_up_dir = root().join("tests/samples/made-up");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&made_up_dir)
        .expect("tests/samples/made-up")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .filter(|p| !p.to_string_lossy().contains("notbounce"))
        .collect();
    names.sort();
    let made_up = names
        .iter()
        .map(|p| std::fs::read(p).expect("a sample"))
        .collect();
    (real, made_up)
}

/// `bytes` with its top `Date` and `To` replaced (continuation lines too).
fn readdressed(bytes: &[u8], date: &str, to: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines = text.split_inclusive('\n').peekable();
    let mut out = String::with_capacity(text.len() + 64);
    if text.starts_with("From ") {
        out.push_str(lines.next().unwrap_or_default());
    }
    out.push_str(&format!("Date: {date}{eol}To: {to}{eol}"));
    let (mut in_headers, mut skipping) = (true, false);
    for line in lines {
        if in_headers && line.trim_end().is_empty() {
            in_headers = false;
        }
        if in_headers {
            if skipping && line.starts_with([' ', '\t']) {
                continue;
            }
            let name = line.split(':').next().unwrap_or("").to_ascii_lowercase();
            skipping = name == "date" || name == "to";
            if skipping {
                continue;
            }
        }
        out.push_str(line);
    }
    out.into_bytes()
}

/// An RFC 5322 date `seconds` after 2026-11-29T06:00:00Z, in +0100.
fn date(seconds: u64) -> String {
    let local = 7 * 3600 + seconds; // 06:00 UTC is 07:00 in +0100
    let (day, rest) = (29 + local / 86_400, local % 86_400);
    format!(
        "{day} Nov 2026 {:02}:{:02}:{:02} +0100",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Writes `count` bounces into `dir/cur` (with empty `new/` and `tmp/`);
/// returns the paths, in order, and their total size.
fn generate(dir: &Path, count: usize) -> (Vec<PathBuf>, u64) {
    let (real, made_up) = templates();
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(dir.join(sub)).expect("the Maildir");
    }
    let mut paths = Vec::with_capacity(count);
    let mut bytes = 0;
    for i in 0..count {
        // Three in five from the corpus, two in five from the made-up block.
        let template = if i % 5 < 3 {
            &real[(i / 5 * 3 + i % 5) % real.len()]
        } else {
            &made_up[(i / 5 * 2 + i % 5 - 3) % made_up.len()]
        };
        let seconds = i as u64 * 36 / 100;
        let message = readdressed(
            template,
            &date(seconds),
            &format!("user{}@contoso.example", i % 997),
        );
        let path = dir
            .join("cur")
            .join(format!("{}.M{i}P1.bench:2,S", 1_796_536_800 + seconds));
        std::fs::write(&path, &message).expect("a generated message");
        bytes += message.len() as u64;
        paths.push(path);
    }
    (paths, bytes)
}

/// A Maildir of the first `count` files of `paths`, as hard links.
fn subset(dir: &Path, paths: &[PathBuf], count: usize) -> (u64, PathBuf) {
    std::fs::create_dir_all(dir.join("cur")).expect("the Maildir");
    std::fs::create_dir_all(dir.join("new")).expect("the Maildir");
    let mut bytes = 0;
    for path in &paths[..count] {
        let link = dir.join("cur").join(path.file_name().expect("a name"));
        std::fs::hard_link(path, &link).expect("a hard link");
        bytes += std::fs::metadata(&link).map_or(0, |m| m.len());
    }
    (bytes, dir.to_path_buf())
}

/// Files and bytes in a folder, every file, recursively.
fn size_of(dir: &Path) -> (u64, u64) {
    let mut totals = (0, 0);
    for entry in std::fs::read_dir(dir).expect("a folder").flatten() {
        let meta = entry.metadata().expect("metadata");
        if meta.is_dir() {
            let (f, b) = size_of(&entry.path());
            totals = (totals.0 + f, totals.1 + b);
        } else if meta.is_file() {
            totals = (totals.0 + 1, totals.1 + meta.len());
        }
    }
    totals
}

/// Runs `command` with its stdout in `out`; the wall time.
fn time(command: &mut Command, out: &Path) -> Duration {
    let file = std::fs::File::create(out).expect("an output file");
    let start = Instant::now();
    let status = command
        .stdout(file)
        .stderr(Stdio::null())
        .status()
        .expect("the command starts");
    let elapsed = start.elapsed();
    // `scan` exits 1 when it finds no bounce; anything else is a failure.
    assert!(
        matches!(status.code(), Some(0 | 1)),
        "{command:?} failed: {status}"
    );
    elapsed
}

fn ours(path: &Path) -> Command {
    let mut command = Command::new(BIN);
    command.args(["scan", "--jsonl"]).arg(path);
    command
}

/// Ours as a person runs it: the summary only, no record per message.
fn ours_summary(path: &Path) -> Command {
    let mut command = Command::new(BIN);
    command.arg("scan").arg(path);
    command
}

fn sisimai(path: &Path) -> Command {
    let mut command = Command::new("perl");
    command
        .args(["-MSisimai", "-e", "print Sisimai->dump(shift)"])
        .arg(path);
    command
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Messages our JSON Lines call bounces.
fn our_bounces(out: &Path) -> usize {
    let text = std::fs::read_to_string(out).expect("our output");
    text.lines()
        .filter(|l| l.contains("\"is_ndr\":true"))
        .count()
}

/// Records in Sisimai's JSON array (one per bounced recipient), each with
/// one `"timestamp"` key.
fn sisimai_records(out: &Path) -> usize {
    let text = std::fs::read_to_string(out).expect("Sisimai's output");
    text.matches("\"timestamp\":").count()
}

fn sisimai_version() -> Option<String> {
    let output = Command::new("perl")
        .args(["-MSisimai", "-e", "print Sisimai->version"])
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The columns of [`print`]; `n` is the number of runs of each side.
const HEADER: &str = "input                             files       MB       ours   files/s    MB/s  n    Sisimai   files/s    MB/s  n      ratio  bounces (ours) / records (Sisimai)";

struct Row {
    name: String,
    files: u64,
    bytes: u64,
    ours: Duration,
    ours_runs: usize,
    found: usize,
    theirs: Option<(Duration, usize, usize)>,
}

fn print(row: &Row) {
    let rate = |t: Duration| {
        let s = t.as_secs_f64();
        format!(
            "{:>9.3} s {:>9.0} {:>7.1}",
            s,
            row.files as f64 / s,
            row.bytes as f64 / MB / s
        )
    };
    let theirs = row
        .theirs
        .map_or("Sisimai not installed".into(), |(t, runs, records)| {
            format!(
                "{}  {runs}  {:>8.1}x  {} / {records}",
                rate(t),
                t.as_secs_f64() / row.ours.as_secs_f64(),
                row.found
            )
        });
    println!(
        "{:<30} {:>8} {:>8.1}  {}  {}  {theirs}",
        row.name,
        row.files,
        row.bytes as f64 / MB,
        rate(row.ours),
        row.ours_runs
    );
}

fn compare(name: &str, ours_path: &Path, theirs_path: &Path, rounds: usize, scratch: &Path) -> Row {
    let (files, bytes) = size_of(ours_path);
    let (ours_out, theirs_out) = (scratch.join("ours.jsonl"), scratch.join("sisimai.json"));
    let with_sisimai = sisimai_version().is_some();
    let (mut our_times, mut their_times) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        our_times.push(time(&mut ours(ours_path), &ours_out));
        // Sisimai takes minutes over the large Maildir: once is enough there.
        if with_sisimai && (round == 0 || files < 10_000) {
            their_times.push(time(&mut sisimai(theirs_path), &theirs_out));
        }
    }
    let theirs = with_sisimai.then(|| {
        let runs = their_times.len();
        (median(their_times), runs, sisimai_records(&theirs_out))
    });
    Row {
        name: name.into(),
        files,
        bytes,
        ours: median(our_times),
        ours_runs: rounds,
        found: our_bounces(&ours_out),
        theirs,
    }
}

fn main() {
    let count: usize = std::env::var("NDR_SCAN_BENCH_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let scratch =
        Scratch(std::env::temp_dir().join(format!("ndr-scan-bench-{}", std::process::id())));
    std::fs::create_dir_all(&scratch.0).expect("a temporary folder");
    match sisimai_version() {
        Some(v) => println!(
            "Sisimai {v}; {} cores",
            std::thread::available_parallelism().map_or(1, |n| n.get())
        ),
        None => {
            println!("Sisimai is not installed (apt-get install libsisimai-perl): our figures only")
        }
    }
    let started = Instant::now();
    let maildir = scratch.0.join(format!("maildir-{count}"));
    let (paths, _) = generate(&maildir, count);
    println!(
        "generated {count} bounces in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    println!("\n{HEADER}");
    for (name, dir) in [
        ("corpus", "../shared/corpus"),
        ("corpus-peer", "../shared/corpus-peer"),
    ] {
        let path = root().join(dir);
        print(&compare(name, &path, &path, 5, &scratch.0));
    }
    let name = format!("generated Maildir, {count}");
    let row = compare(&name, &maildir, &maildir.join("cur"), 3, &scratch.0);
    print(&row);
    let out = scratch.0.join("summary.txt");
    let summary = median(
        (0..3)
            .map(|_| time(&mut ours_summary(&maildir), &out))
            .collect(),
    );
    print(&Row {
        name: "  the same, summary only".into(),
        ours: summary,
        ..row
    });

    println!("\nhow the time grows (ours, median of 3):");
    println!(
        "{:>8} {:>8} {:>10} {:>10} {:>14}",
        "files", "MB", "time", "files/s", "time / first"
    );
    let mut first = None;
    for share in [10, 2, 1] {
        let n = count / share;
        let (bytes, dir) = if share == 1 {
            (size_of(&maildir).1, maildir.clone())
        } else {
            subset(&scratch.0.join(format!("subset-{n}")), &paths, n)
        };
        let out = scratch.0.join("ours.jsonl");
        let t = median((0..3).map(|_| time(&mut ours(&dir), &out)).collect());
        let base = *first.get_or_insert(t.as_secs_f64());
        println!(
            "{n:>8} {:>8.1} {:>8.3} s {:>10.0} {:>13.2}x",
            bytes as f64 / MB,
            t.as_secs_f64(),
            n as f64 / t.as_secs_f64(),
            t.as_secs_f64() / base
        );
    }
}
