//! Parser throughput: `cargo bench --bench throughput`.
//!
//! Measures `analyse` with `std::time::Instant` (median of repeated runs) on
//! - the whole corpus: every sample of `../shared/corpus` and of
//!   `tests/samples/made-up`, one `analyse` call per file;
//! - a ~5 MB bounce: a made-up 5.7.705 NDR whose returned message carries a
//!   base64 attachment, as a real bounce of a large message does;
//! - the same bounce at 1 MB and 10 MB, and a long help-desk ticket text
//!   ending with a pasted NDR at 1 MB and 10 MB, to show that time grows
//!   linearly (the 10 MB / 1 MB time ratio should be close to 10).
//!
//! Prints a plain table; nothing passes or fails. MB is 10^6 bytes. The
//! `bench` profile inherits `[profile.release]` (opt-level "z", LTO): the
//! numbers are those of the shipped build, not of a speed-tuned one.

use ndr_explainer::analyse;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const MB: usize = 1_000_000;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The bounce samples of a folder: its `.eml`, `.txt` and `.html` files
/// (not the labels and notes beside them), by name.
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
            path.extension()
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

/// Runs `work` once to warm up, then `runs` times; returns the median time.
fn median(runs: usize, mut work: impl FnMut()) -> Duration {
    work();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

struct Row {
    name: String,
    bytes: usize,
    runs: usize,
    time: Duration,
}

fn measure_one(name: &str, input: &[u8], runs: usize) -> Row {
    let time = median(runs, || {
        black_box(analyse(black_box(input)));
    });
    Row {
        name: name.to_owned(),
        bytes: input.len(),
        runs,
        time,
    }
}

fn print_table(rows: &[Row]) {
    println!(
        "{:<44} {:>10} {:>5} {:>12} {:>9}",
        "input", "size (MB)", "runs", "median", "MB/s"
    );
    println!("{}", "-".repeat(84));
    for row in rows {
        let seconds = row.time.as_secs_f64();
        println!(
            "{:<44} {:>10.3} {:>5} {:>9.3} ms {:>9.1}",
            row.name,
            row.bytes as f64 / MB as f64,
            row.runs,
            seconds * 1e3,
            row.bytes as f64 / MB as f64 / seconds
        );
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
    let mut rows = Vec::new();

    let mut files = samples(&root().join("../shared/corpus"));
    files.extend(samples(&root().join("tests/samples/made-up")));
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    let time = median(31, || {
        for (_, bytes) in &files {
            black_box(analyse(black_box(bytes)));
        }
    });
    rows.push(Row {
        name: format!("corpus: {} files, one analyse each", files.len()),
        bytes: total,
        runs: 31,
        time,
    });
    let largest = files
        .iter()
        .max_by_key(|(_, b)| b.len())
        .expect("at least one sample");
    rows.push(measure_one(
        &format!(
            "largest sample ({})",
            largest.0.file_name().unwrap().to_string_lossy()
        ),
        &largest.1,
        101,
    ));

    let five = mime_bounce(5 * MB);
    check(&five, "5.7.705");
    rows.push(measure_one(
        "5 MB NDR, base64 attachment returned",
        &five,
        11,
    ));

    let mut ratios = Vec::new();
    for (shape, build, code) in [
        (
            "NDR + base64 attachment",
            mime_bounce as fn(usize) -> Vec<u8>,
            "5.7.705",
        ),
        ("ticket text + pasted NDR", text_bounce, "5.7.750"),
    ] {
        let small = build(MB);
        let large = build(10 * MB);
        check(&small, code);
        check(&large, code);
        let a = measure_one(&format!("1 MB {shape}"), &small, 21);
        let b = measure_one(&format!("10 MB {shape}"), &large, 7);
        let per_byte = |r: &Row| r.time.as_secs_f64() / r.bytes as f64;
        ratios.push((
            shape,
            b.time.as_secs_f64() / a.time.as_secs_f64(),
            per_byte(&b) / per_byte(&a),
            b.bytes as f64 / a.bytes as f64,
        ));
        rows.push(a);
        rows.push(b);
    }

    println!();
    print_table(&rows);
    println!();
    for (shape, ratio, per_byte, sizes) in ratios {
        println!(
            "10 MB / 1 MB time ratio, {shape}: {ratio:.2} (sizes {sizes:.2}x; per byte {per_byte:.2}, linear = 1.00)"
        );
    }
}
