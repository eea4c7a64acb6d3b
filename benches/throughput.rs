//! Parser throughput, against Sisimai: `cargo bench --bench throughput`
//! (or `scripts/bench-native.sh`, which installs Sisimai first).
//!
//! Measures `analyse` with `std::time::Instant` (medians of repeated runs) on
//! - the whole corpus: every sample of `../shared/corpus` and of
//!   `tests/samples/made-up`, one `analyse` call per file;
//! - a ~5 MB bounce: a made-up 5.7.705 NDR whose returned message carries a
//!   base64 attachment, as a real bounce of a large message does;
//! - the same bounce at 1 MB and 10 MB, and a long help-desk ticket text
//!   ending with a pasted NDR at 1 MB and 10 MB, to show that time grows
//!   linearly (the 10 MB / 1 MB time ratio should be close to 10).
//!
//! Each input is also given to Sisimai (Debian's `libsisimai-perl`, the
//! reference bounce parser) through `benches/sisimai.pl`, one Perl process
//! kept up for the whole run. The generated inputs are written to
//! `target/bench-inputs/` so that Perl reads the very same bytes. Runs
//! alternate, ours then Sisimai's, round after round, so that a machine that
//! slows down half-way (another build, a fuzzer) slows both sides alike and
//! the ratio of the medians still holds. Sisimai's time covers its parsing
//! only: Perl's start-up, module loading and file reading are outside it.
//! Without Perl or Sisimai the table shows our figures alone and says how to
//! install Sisimai.
//!
//! Prints a plain table; nothing passes or fails. MB is 10^6 bytes. The
//! `bench` profile inherits `[profile.release]` (opt-level 3, LTO), the
//! profile of the shipped command-line tool; the widget's wasm is built for
//! size instead and is measured in the browser (`scripts/bench-browser.mjs`).

use ndr_explainer::analyse;
use std::hint::black_box;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

const MB: usize = 1_000_000;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The bounce samples of a folder: its `.eml`, `.txt` and `.html` files
/// (not the labels and notes beside them, nor the golden files' expected
/// explanations, `<sample>.en.txt` and `<sample>.fr.txt`), by name.
fn samples(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e} (the corpus sits beside the project, in ../shared/corpus)",
            dir.display()
        )
    });
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let golden = name.ends_with(".en.txt") || name.ends_with(".fr.txt");
            !golden
                && path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| matches!(e, "eml" | "txt" | "html"))
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("a readable sample");
            (path, bytes)
        })
        .collect()
}

/// A small deterministic generator (xorshift64*), for attachment bytes.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(len + 8);
        while out.len() < len {
            out.extend_from_slice(&self.next().to_le_bytes());
        }
        out.truncate(len);
        out
    }
}

/// Base64 in 76-column lines, as mail clients write attachments.
fn base64_lines(bytes: &[u8], eol: &str) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut chars = Vec::with_capacity(bytes.len() / 3 * 4 + 4);
    for chunk in bytes.chunks(3) {
        let group = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                chars.push(ALPHABET[(group >> (18 - 6 * i) & 63) as usize]);
            } else {
                chars.push(b'=');
            }
        }
    }
    let mut out = Vec::with_capacity(chars.len() / 76 * 78 + 80);
    for line in chars.chunks(76) {
        out.extend_from_slice(line);
        out.extend_from_slice(eol.as_bytes());
    }
    out
}

/// The made-up 5.7.705 NDR whose returned original is `multipart/mixed`,
/// with a PDF attachment added to that original so that the whole is about
/// `target` bytes.
fn mime_bounce(target: usize) -> Vec<u8> {
    let path = root().join("tests/samples/made-up/madeup-trap-retry-history-705.eml");
    let ndr = String::from_utf8(std::fs::read(&path).expect("the sample")).expect("ASCII");
    let eol = if ndr.contains("\r\n") { "\r\n" } else { "\n" };
    // The returned message's closing boundary: the last "--_004_…--" line.
    let close_at = ndr
        .rfind(&format!("{eol}--_004_"))
        .map(|at| at + eol.len())
        .expect("the returned message is multipart/mixed");
    let close_line = ndr[close_at..].split(eol).next().unwrap();
    let boundary = close_line
        .strip_suffix("--")
        .expect("a closing boundary")
        .to_owned();
    let header = format!(
        "{boundary}{eol}Content-Type: application/pdf; name=\"Q3-report.pdf\"{eol}\
         Content-Description: Q3-report.pdf{eol}\
         Content-Disposition: attachment; filename=\"Q3-report.pdf\"; size={target}{eol}\
         Content-Transfer-Encoding: base64{eol}{eol}"
    );
    // 76 characters and a line break carry 57 bytes.
    let room = target.saturating_sub(ndr.len() + header.len());
    let raw = room / (76 + eol.len()) * 57;
    let mut out = Vec::with_capacity(target + 1024);
    out.extend_from_slice(&ndr.as_bytes()[..close_at]);
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(&base64_lines(&Random(0x57705).bytes(raw), eol));
    out.extend_from_slice(&ndr.as_bytes()[close_at..]);
    out
}

/// A help-desk ticket: a long conversation, full of dates, versions and
/// numbers that look like codes, then the text of a 5.7.750 NDR copied out
/// of Outlook; about `target` bytes in all. Unlike a quoted original after
/// the NDR (which the parser cuts off), every line here is read.
fn text_bounce(target: usize) -> Vec<u8> {
    let path = root().join("tests/samples/made-up/madeup-outlook-copy-classic-750.txt");
    let ndr = std::fs::read(path).expect("the sample");
    let paragraph: &[u8] = b"> On 2026-03-17 at 09:14 Kim wrote: the scanner on floor 5 (firmware \
        v5.7.705, build 15.20.5.7.750) still fails; order 4711, invoice 2026.5.7, host 10.5.7.750.\r\n";
    let mut out = b"Ticket #48213 - mails from the scanner bounce\r\n\r\n".to_vec();
    while out.len() + paragraph.len() + ndr.len() <= target {
        out.extend_from_slice(paragraph);
    }
    out.extend_from_slice(b"\r\nHere is the bounce:\r\n\r\n");
    out.extend_from_slice(&ndr);
    out
}

/// Where the generated inputs are written, for Perl to read.
fn inputs_dir() -> PathBuf {
    root().join("target/bench-inputs")
}

/// Writes a generated input to `target/bench-inputs/`, so that Sisimai
/// parses the very bytes we do.
fn written(file_name: &str, bytes: Vec<u8>) -> (PathBuf, Vec<u8>) {
    let dir = inputs_dir();
    std::fs::create_dir_all(&dir).expect("target/bench-inputs can be created");
    let path = dir.join(file_name);
    std::fs::write(&path, &bytes).expect("a bench input can be written");
    (path, bytes)
}

/// The most one Sisimai pass may take before it is given up on (its Perl
/// process is killed and started again for the next input): the table must
/// come out in minutes even if Sisimai's time were to grow faster than its
/// input.
const SISIMAI_MAX_PASS: Duration = Duration::from_secs(120);

/// About how long Sisimai's timed passes over one input may take in all: a
/// slow input gets fewer rounds, never fewer than `MIN_ROUNDS`.
const SISIMAI_BUDGET: Duration = Duration::from_secs(60);

/// The fewest rounds whose median still means something.
const MIN_ROUNDS: usize = 3;

/// What one Sisimai pass over an input reported.
#[derive(Clone, Copy)]
struct SisimaiPass {
    time: Duration,
    /// Files in which Sisimai found a bounce.
    found: usize,
    /// Its bounce records: one per failed recipient.
    records: usize,
    /// Calls that died (caught, counted, not fatal).
    died: usize,
}

/// Sisimai in one Perl process (`benches/sisimai.pl --serve`) that stays up
/// between inputs: Perl's start-up and Sisimai's module loading are paid once
/// and never timed, and each of its passes can run right after one of ours.
struct Sisimai {
    child: Child,
    stdin: ChildStdin,
    answers: Receiver<String>,
    version: String,
}

impl Sisimai {
    /// Starts the Perl side; `Err` says why Sisimai cannot be measured.
    fn start() -> Result<Sisimai, String> {
        std::fs::create_dir_all(inputs_dir()).expect("target/bench-inputs can be created");
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(sisimai_log())
            .map_err(|e| format!("cannot open {}: {e}", sisimai_log().display()))?;
        let mut child = Command::new("perl")
            .arg(root().join("benches/sisimai.pl"))
            .arg("--serve")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .map_err(|e| format!("cannot run perl ({e})"))?;
        let stdin = child.stdin.take().expect("a piped stdin");
        let stdout = child.stdout.take().expect("a piped stdout");
        // Answers are read on a thread so that a pass can be waited for with
        // a time limit.
        let (send, answers) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let mut sisimai = Sisimai {
            child,
            stdin,
            answers,
            version: String::new(),
        };
        let first = sisimai.answer(Duration::from_secs(60))?;
        match first.split_once('\t') {
            Some(("ready", version)) => {
                sisimai.version = version.to_owned();
                Ok(sisimai)
            }
            Some(("missing", why)) => Err(why.to_owned()),
            _ => Err(format!("benches/sisimai.pl said {first:?}")),
        }
    }

    fn answer(&mut self, within: Duration) -> Result<String, String> {
        self.answers.recv_timeout(within).map_err(|e| match e {
            RecvTimeoutError::Timeout => {
                format!("gave up: one pass took over {} s", within.as_secs())
            }
            RecvTimeoutError::Disconnected => {
                format!("the Perl process stopped (see {})", sisimai_log().display())
            }
        })
    }

    fn send(&mut self, line: &str) -> Result<(), String> {
        writeln!(self.stdin, "{line}")
            .and_then(|()| self.stdin.flush())
            .map_err(|e| format!("cannot write to the Perl process: {e}"))
    }

    /// Has Perl read `paths` into memory under `name`.
    fn load(&mut self, name: &str, paths: &[&Path]) -> Result<(), String> {
        let mut line = format!("load\t{name}");
        for path in paths {
            let path = path
                .to_str()
                .filter(|p| !p.contains(['\t', '\n']))
                .ok_or_else(|| format!("{} cannot be named to Perl", path.display()))?;
            line.push('\t');
            line.push_str(path);
        }
        self.send(&line)?;
        let answer = self.answer(Duration::from_secs(60))?;
        if answer.starts_with("loaded\t") {
            Ok(())
        } else {
            Err(format!("benches/sisimai.pl said {answer:?}"))
        }
    }

    /// One timed pass of Sisimai over what was loaded under `name`.
    fn pass(&mut self, name: &str) -> Result<SisimaiPass, String> {
        self.send(&format!("run\t{name}"))?;
        let answer = self.answer(SISIMAI_MAX_PASS)?;
        let fields: Vec<&str> = answer.split('\t').collect();
        let count = |i: usize| fields.get(i).and_then(|f| f.parse::<usize>().ok());
        let seconds = fields.get(2).and_then(|f| f.parse::<f64>().ok());
        match (fields[0], seconds, count(3), count(4), count(7)) {
            ("run", Some(seconds), Some(found), Some(records), Some(died)) => Ok(SisimaiPass {
                time: Duration::from_secs_f64(seconds),
                found,
                records,
                died,
            }),
            _ => Err(format!("benches/sisimai.pl said {answer:?}")),
        }
    }
}

impl Drop for Sisimai {
    /// Kills Perl, which may still be in a pass that was given up on.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where the Perl side's warnings and errors go: Sisimai warns on some
/// inputs, and that must not break up the table.
fn sisimai_log() -> PathBuf {
    inputs_dir().join("sisimai-stderr.log")
}

/// Why a row has no Sisimai figures when Sisimai cannot run at all.
const NOT_INSTALLED: &str = "not installed";

/// Sisimai's side of the whole run.
struct Reference {
    running: Option<Sisimai>,
    /// Set when Sisimai cannot run at all: why.
    missing: Option<String>,
    version: String,
}

impl Reference {
    fn start() -> Reference {
        let _ = std::fs::remove_file(sisimai_log());
        match Sisimai::start() {
            Ok(sisimai) => Reference {
                version: sisimai.version.clone(),
                running: Some(sisimai),
                missing: None,
            },
            Err(why) => Reference {
                running: None,
                missing: Some(why),
                version: String::new(),
            },
        }
    }

    /// The Perl process, started again if a pass was given up on.
    fn get(&mut self) -> Result<&mut Sisimai, String> {
        if self.missing.is_some() {
            return Err(NOT_INSTALLED.to_owned());
        }
        if self.running.is_none() {
            self.running = Some(Sisimai::start()?);
        }
        Ok(self.running.as_mut().expect("just started"))
    }

    /// One pass; on any failure the process is dropped (killed).
    fn pass(&mut self, name: &str) -> Result<SisimaiPass, String> {
        let result = self.get()?.pass(name);
        if result.is_err() {
            self.running = None;
        }
        result
    }

    /// Loads the files under `name` and runs the warm-up pass.
    fn prepare(&mut self, name: &str, paths: &[&Path]) -> Result<SisimaiPass, String> {
        let loaded = self.get()?.load(name, paths);
        if loaded.is_err() {
            self.running = None;
        }
        loaded?;
        self.pass(name)
    }
}

/// Sisimai's figures for one input.
struct SisimaiFigures {
    median: Duration,
    found: usize,
    records: usize,
    died: usize,
}

struct Row {
    name: String,
    files: usize,
    bytes: usize,
    rounds: usize,
    ours: Duration,
    /// Files in which `analyse` found a failure or delay report.
    ours_found: usize,
    sisimai: Result<SisimaiFigures, String>,
}

/// The median of some times.
fn median_of(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Measures one input (one file, or the whole corpus): both parsers warm
/// up, then `rounds` rounds each time our pass and then Sisimai's, one
/// call per file on each side. A slow Sisimai gets fewer rounds (the
/// budget), and both sides then keep to that number, so that each of its
/// runs still has one of ours beside it. `skip` leaves Sisimai out, saying
/// why.
fn measure(
    reference: &mut Reference,
    name: &str,
    files: &[(PathBuf, Vec<u8>)],
    mut rounds: usize,
    skip: Option<String>,
) -> Row {
    let ours_pass = || {
        let start = Instant::now();
        for (_, bytes) in files {
            black_box(analyse(black_box(bytes)));
        }
        start.elapsed()
    };
    let ours_found = files.iter().filter(|(_, b)| analyse(b).is_ndr()).count();
    ours_pass();

    let paths: Vec<&Path> = files.iter().map(|(p, _)| p.as_path()).collect();
    let mut sisimai = match skip {
        Some(why) => Err(why),
        None => reference.prepare(name, &paths),
    };
    if let Ok(warm) = &sisimai {
        let affordable = SISIMAI_BUDGET.as_secs_f64() / warm.time.as_secs_f64().max(1e-9);
        rounds = rounds.min((affordable as usize).max(MIN_ROUNDS));
    }
    let mut ours = Vec::with_capacity(rounds);
    let mut theirs = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        ours.push(ours_pass());
        if sisimai.is_ok() {
            match reference.pass(name) {
                Ok(pass) => theirs.push(pass),
                Err(why) => sisimai = Err(why),
            }
        }
    }
    let sisimai = sisimai.map(|warm| SisimaiFigures {
        median: median_of(theirs.iter().map(|p| p.time).collect()),
        found: warm.found,
        records: warm.records,
        died: theirs
            .iter()
            .map(|p| p.died)
            .max()
            .unwrap_or(0)
            .max(warm.died),
    });
    Row {
        name: name.to_owned(),
        files: files.len(),
        bytes: files.iter().map(|(_, b)| b.len()).sum(),
        rounds,
        ours: median_of(ours),
        ours_found,
        sisimai,
    }
}

fn megabytes_per_second(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / MB as f64 / time.as_secs_f64()
}

/// Milliseconds, or seconds past ten of them.
fn time_text(time: Duration) -> String {
    if time >= Duration::from_secs(10) {
        format!("{:.2} s", time.as_secs_f64())
    } else {
        format!("{:.3} ms", time.as_secs_f64() * 1e3)
    }
}

fn print_table(rows: &[Row]) {
    println!(
        "{:<46} {:>9} {:>6} {:>12} {:>8} {:>14} {:>8} {:>12}  bounces found (ours / Sisimai)",
        "input",
        "size (MB)",
        "rounds",
        "ours median",
        "MB/s",
        "Sisimai median",
        "MB/s",
        "ours/Sisimai"
    );
    println!("{}", "-".repeat(154));
    let mut notes = Vec::new();
    for row in rows {
        let ours_speed = megabytes_per_second(row.bytes, row.ours);
        let (theirs, found) = match &row.sisimai {
            Ok(s) => {
                if s.died > 0 {
                    notes.push(format!("{}: Sisimai died on {} file(s)", row.name, s.died));
                }
                (
                    format!(
                        "{:>14} {:>8.1} {:>11.1}x",
                        time_text(s.median),
                        megabytes_per_second(row.bytes, s.median),
                        s.median.as_secs_f64() / row.ours.as_secs_f64()
                    ),
                    format!(
                        "{} / {} of {} ({} Sisimai records)",
                        row.ours_found, s.found, row.files, s.records
                    ),
                )
            }
            Err(why) => {
                // Sisimai's absence is said once, above the table.
                let mark = if why == NOT_INSTALLED {
                    "-".to_owned()
                } else {
                    notes.push(format!("{}: Sisimai {why}", row.name));
                    format!("[{}]", notes.len())
                };
                (
                    format!("{:>14} {:>8} {:>12}", mark, "-", "-"),
                    format!("{} of {}", row.ours_found, row.files),
                )
            }
        };
        println!(
            "{:<46} {:>9.3} {:>6} {:>12} {:>8.1} {theirs}  {found}",
            row.name,
            row.bytes as f64 / MB as f64,
            row.rounds,
            time_text(row.ours),
            ours_speed,
        );
    }
    for (i, note) in notes.iter().enumerate() {
        println!("[{}] {note}", i + 1);
    }
}

/// Asserts that a built input is still read as the bounce it was made from.
fn check(input: &[u8], expected: &str) {
    let status = analyse(input).status.map(|s| s.to_string());
    assert_eq!(
        status.as_deref(),
        Some(expected),
        "a built input must stay a {expected} bounce"
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a filter or other flags are ignored.
    let started = Instant::now();
    let mut reference = Reference::start();
    let mut rows = Vec::new();

    let mut files = samples(&root().join("../shared/corpus"));
    files.extend(samples(&root().join("tests/samples/made-up")));
    rows.push(measure(
        &mut reference,
        &format!("corpus: {} files, one call each", files.len()),
        &files,
        31,
        None,
    ));
    let largest = files
        .iter()
        .max_by_key(|(_, b)| b.len())
        .expect("at least one sample")
        .clone();
    rows.push(measure(
        &mut reference,
        &format!(
            "largest sample ({})",
            largest.0.file_name().unwrap().to_string_lossy()
        ),
        &[largest],
        101,
        None,
    ));

    let five = written("ndr-5mb.eml", mime_bounce(5 * MB));
    check(&five.1, "5.7.705");
    rows.push(measure(
        &mut reference,
        "5 MB NDR, base64 attachment returned",
        &[five],
        11,
        None,
    ));

    let mut ratios = Vec::new();
    for (shape, file, build, code) in [
        (
            "NDR + base64 attachment",
            "ndr-{}.eml",
            mime_bounce as fn(usize) -> Vec<u8>,
            "5.7.705",
        ),
        (
            "ticket text + pasted NDR",
            "ticket-{}.txt",
            text_bounce,
            "5.7.750",
        ),
    ] {
        let small = written(&file.replace("{}", "1mb"), build(MB));
        let large = written(&file.replace("{}", "10mb"), build(10 * MB));
        check(&small.1, code);
        check(&large.1, code);
        let sizes = large.1.len() as f64 / small.1.len() as f64;
        let a = measure(&mut reference, &format!("1 MB {shape}"), &[small], 21, None);
        // Sisimai is left out of the 10 MB run when its 1 MB time says a
        // pass would take over half the limit: its rounds would then hold
        // the table for many minutes.
        let skip = a.sisimai.as_ref().ok().and_then(|s| {
            let expected = s.median.mul_f64(sizes);
            (expected > SISIMAI_MAX_PASS / 2).then(|| {
                format!(
                    "skipped: about {:.0} s a pass expected from its 1 MB time",
                    expected.as_secs_f64()
                )
            })
        });
        let b = measure(&mut reference, &format!("10 MB {shape}"), &[large], 7, skip);
        let ratio = |x: Duration, y: Duration| y.as_secs_f64() / x.as_secs_f64();
        let theirs = match (&a.sisimai, &b.sisimai) {
            (Ok(x), Ok(y)) => format!("{:.2}", ratio(x.median, y.median)),
            _ => "not measured".to_owned(),
        };
        ratios.push((shape, ratio(a.ours, b.ours), theirs, sizes));
        rows.push(a);
        rows.push(b);
    }

    println!();
    if let Some(why) = &reference.missing {
        println!("Sisimai not measured: {why}");
        println!("  install it with `sudo apt-get install libsisimai-perl` (or run scripts/bench-native.sh)");
    } else {
        println!(
            "Sisimai {} (perl benches/sisimai.pl, one process); rounds alternate ours / Sisimai; its stderr: {}",
            reference.version,
            sisimai_log().display()
        );
    }
    println!();
    print_table(&rows);
    println!();
    for (shape, ours, theirs, sizes) in ratios {
        println!(
            "10 MB / 1 MB time ratio, {shape}: ours {ours:.2}, Sisimai {theirs} (sizes {sizes:.2}x; linear = sizes)"
        );
    }
    println!("\nbenchmark took {:.0} s", started.elapsed().as_secs_f64());
}
