//! `ndr-explain scan`: every bounce under some folders and mailboxes,
//! summed up ("since when, how many, which codes, whom").
//!
//! The walk streams files to every core (rayon); each message is analysed
//! on its own, its record written at once, and only the summary's counts
//! are kept, so memory stays at a few messages per core however many files
//! there are. An mbox's messages are shared out among the cores too.

use crate::output::Item;
use crate::progress::Progress;
use crate::sink::{Format, Sink};
use crate::walk::{Found, Problem, Walk};
use crate::{or_usage, parse_lang};
use ndr_explainer::incident::{self, Incident, Message, Timestamp};
use ndr_explainer::Lang;
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::UNIX_EPOCH;

pub const USAGE: &str = "usage: ndr-explain scan [--json | --jsonl | --csv] [--lang en|fr] PATH...
Reads every message under each PATH (files; folders, recursively, hidden
entries skipped; mbox files, split into their messages; Maildir folders,
tmp/ skipped), analyses each message on its own and sums them up: per status
code, how many, first and last date, distinct senders and recipient domains;
the hours of the most frequent code; the files that could not be read.
  --json        one JSON object: the items, then the summary
  --jsonl       one JSON line per message, written as it is read
  --csv         one CSV row per message (RFC 4180), written as it is read
  --lang en|fr  language of the summary and the titles (default: en)
Exit status: 0 at least one bounce was found, 1 none was, 2 usage error.";

struct Options {
    format: Format,
    lang: Lang,
    paths: Vec<PathBuf>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut format = None;
    let mut lang = Lang::En;
    let mut paths = Vec::new();
    let mut options_done = false;
    while let Some(arg) = args.next() {
        let chosen = match arg.as_str() {
            _ if options_done => {
                paths.push(PathBuf::from(arg));
                continue;
            }
            "--" => {
                options_done = true;
                continue;
            }
            "--json" => Format::Json,
            "--jsonl" => Format::Jsonl,
            "--csv" => Format::Csv,
            "--lang" => {
                let value = args.next().ok_or("--lang needs a value: en or fr")?;
                lang = parse_lang(&value)?;
                continue;
            }
            "-h" | "--help" => return Err(String::new()),
            _ if arg.starts_with("--lang=") => {
                lang = parse_lang(&arg["--lang=".len()..])?;
                continue;
            }
            _ if arg.starts_with('-') && arg != "-" => return Err(format!("unknown option {arg}")),
            _ => {
                paths.push(PathBuf::from(arg));
                continue;
            }
        };
        if format.is_some_and(|f| f != chosen) {
            return Err("choose one of --json, --jsonl and --csv".into());
        }
        format = Some(chosen);
    }
    if paths.is_empty() {
        return Err("give at least one PATH (a file or a folder)".into());
    }
    Ok(Options {
        format: format.unwrap_or(Format::Text),
        lang,
        paths,
    })
}

/// Runs `ndr-explain scan` with the arguments after `scan`.
pub fn main(args: impl Iterator<Item = String>) -> ExitCode {
    let options = match or_usage(parse_args(args), "ndr-explain scan", USAGE) {
        Ok(options) => options,
        Err(status) => return status,
    };
    let scan = Scan {
        lang: options.lang,
        sink: Sink::open(options.format, options.lang),
        progress: Progress::new(options.lang),
    };
    let walk = Walk::new(&options.paths, |folder| scan.progress.folder(folder));
    let incident = walk
        .take_while(|_| !scan.sink.failed())
        .par_bridge()
        .fold(Incident::new, |mut incident, found| {
            scan.found(&mut incident, found);
            incident
        })
        .reduce(Incident::new, merged);
    scan.progress.finish();
    let summary = incident.summary();
    match scan.sink.close(&summary) {
        Ok(()) if summary.bounces > 0 => ExitCode::SUCCESS,
        Ok(()) => ExitCode::from(1),
        Err(e) => {
            if e.kind() != io::ErrorKind::BrokenPipe {
                eprintln!("ndr-explain scan: cannot write the output: {e}");
            }
            ExitCode::from(2)
        }
    }
}

fn merged(mut a: Incident, b: Incident) -> Incident {
    a.merge(b);
    a
}

struct Scan {
    lang: Lang,
    sink: Sink,
    progress: Progress,
}

/// What a file told about where its messages came from.
struct Origin<'a> {
    label: &'a str,
    delivered: Option<Timestamp>,
    modified: Option<Timestamp>,
}

impl Scan {
    fn found(&self, incident: &mut Incident, found: Found) {
        match found {
            Found::Problem { path, problem } => self.unreadable(incident, &path, &problem),
            Found::File { path, maildir } => {
                self.read(incident, &path, maildir);
                self.progress.file_done();
            }
        }
    }

    fn unreadable(&self, incident: &mut Incident, path: &Path, problem: &Problem) {
        let w = ndr_explainer::catalogue::cli(self.lang);
        let error = match problem {
            Problem::Missing => w.scan_missing.to_owned(),
            Problem::Denied => w.scan_denied.to_owned(),
            Problem::BrokenLink => w.scan_broken_link.to_owned(),
            Problem::LinkLoop => w.scan_link_loop.to_owned(),
            Problem::NotAFile => w.scan_not_a_file.to_owned(),
            Problem::Io(detail) => w.scan_read_error(detail),
        };
        let file = path.to_string_lossy();
        self.sink.unreadable(&file, &error);
        incident.unreadable(file, error);
    }

    /// Reads one file: an mbox's messages on every core, any other file as
    /// one message.
    fn read(&self, incident: &mut Incident, path: &Path, maildir: bool) {
        let file = match File::open(path) {
            Ok(file) => file,
            Err(e) => return self.unreadable(incident, path, &Problem::of(&e)),
        };
        let modified = file
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .and_then(|d| i64::try_from(d.as_secs()).ok())
            .map(Timestamp::from_unix);
        let name = path.file_name().and_then(|n| n.to_str());
        let label = path.to_string_lossy();
        let origin = Origin {
            label: &label,
            delivered: name
                .filter(|_| maildir)
                .and_then(incident::maildir_delivery),
            modified,
        };
        let mut reader = BufReader::with_capacity(1 << 16, file);
        let mbox = match reader.fill_buf() {
            Ok(start) => start.starts_with(b"From "),
            Err(e) => return self.unreadable(incident, path, &Problem::of(&e)),
        };
        let failed = AtomicBool::new(false);
        let each = |mut incident: Incident, message: io::Result<Message>| {
            match message {
                Ok(message) => {
                    if mbox {
                        self.progress.mailbox(path, message.index);
                    }
                    self.message(&mut incident, &origin, &message)
                }
                Err(e) => {
                    failed.store(true, Ordering::Relaxed);
                    self.unreadable(&mut incident, path, &Problem::of(&e));
                }
            }
            incident
        };
        let messages = incident::messages(reader);
        let found = if mbox {
            messages
                .par_bridge()
                .fold(Incident::new, each)
                .reduce(Incident::new, merged)
        } else {
            messages.fold(Incident::new(), each)
        };
        incident.merge(found);
        if !failed.load(Ordering::Relaxed) {
            incident.file_read();
        }
    }

    fn message(&self, incident: &mut Incident, origin: &Origin, message: &Message) {
        let bounce = message.diagnose();
        let when = incident::when(&bounce, message, origin.delivered, origin.modified);
        incident.add(origin.label, message.index, &bounce, when.map(|(t, _)| t));
        self.sink.item(&Item {
            file: origin.label,
            index: message.index,
            when,
            bounce: &bounce,
        });
    }
}
