//! Where the scan writes: standard output, shared by every thread, one
//! whole record at a time. Records are built before the lock is taken.

use crate::output::{self, Item};
use crate::text;
use ndr_explainer::incident::Summary;
use ndr_explainer::Lang;
use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// The output's shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Csv,
}

pub struct Sink {
    format: Format,
    lang: Lang,
    state: Mutex<State>,
    failed: AtomicBool,
}

struct State {
    out: BufWriter<Stdout>,
    items: u64,
    error: Option<io::Error>,
}

impl Sink {
    /// Opens the output: the CSV header, or the start of the JSON object.
    pub fn open(format: Format, lang: Lang) -> Sink {
        let sink = Sink {
            format,
            lang,
            state: Mutex::new(State {
                out: BufWriter::with_capacity(1 << 16, io::stdout()),
                items: 0,
                error: None,
            }),
            failed: AtomicBool::new(false),
        };
        match format {
            Format::Json => sink.write("{\"items\":[", false),
            Format::Csv => sink.write(output::CSV_HEADER, false),
            Format::Text | Format::Jsonl => {}
        }
        sink
    }

    /// Whether writing failed (the reader went away): the scan can stop.
    pub fn failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }

    /// One message's record (nothing in text, which only sums up).
    pub fn item(&self, item: &Item) {
        let record = match self.format {
            Format::Text => return,
            Format::Json => output::json(item, self.lang),
            Format::Jsonl => output::json(item, self.lang) + "\n",
            Format::Csv => output::csv(item, self.lang),
        };
        self.write(&record, self.format == Format::Json);
    }

    /// A file that could not be read, as a record of its own in JSON Lines
    /// and CSV (JSON and text list it in the summary).
    pub fn unreadable(&self, file: &str, error: &str) {
        match self.format {
            Format::Jsonl => self.write(&(output::json_error(file, error) + "\n"), false),
            Format::Csv => self.write(&output::csv_error(file, error), false),
            Format::Text | Format::Json => {}
        }
    }

    /// Writes the summary (text, or the JSON object's other keys) and
    /// flushes; the first write error, if any.
    pub fn close(self, summary: &Summary) -> Result<(), io::Error> {
        match self.format {
            Format::Text => self.write(&text::summary(summary, self.lang), false),
            Format::Json => self.write(
                &format!("\n{}\n", output::summary_tail(summary, self.lang)),
                false,
            ),
            Format::Jsonl | Format::Csv => {}
        }
        let mut state = self.state.into_inner().unwrap_or_else(|e| e.into_inner());
        if let Some(error) = state.error.take() {
            return Err(error);
        }
        state.out.flush()
    }

    /// Writes `text`, after a comma and a line break when it is a JSON
    /// array element that is not the first.
    fn write(&self, text: &str, element: bool) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.error.is_some() {
            return;
        }
        let separator = match (element, state.items) {
            (false, _) => "",
            (true, 0) => "\n",
            (true, _) => ",\n",
        };
        state.items += u64::from(element);
        let result = state
            .out
            .write_all(separator.as_bytes())
            .and_then(|()| state.out.write_all(text.as_bytes()));
        if let Err(error) = result {
            state.error = Some(error);
            self.failed.store(true, Ordering::Relaxed);
        }
    }
}
