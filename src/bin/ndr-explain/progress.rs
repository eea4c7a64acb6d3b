//! A progress line on stderr while a scan runs, only when stderr is a
//! terminal and only once the scan has taken more than a moment.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use ndr_explainer::catalogue::cli;
use ndr_explainer::Lang;
use std::fmt;
use std::io::IsTerminal as _;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How long a scan runs before the line shows.
const MOMENT: Duration = Duration::from_millis(700);

pub struct Progress {
    lang: Lang,
    bar: Option<ProgressBar>,
    start: Instant,
    shown: AtomicBool,
}

impl Progress {
    pub fn new(lang: Lang) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let w = cli(lang);
            let template = format!(
                "{{spinner}} {{pos}} {}  {{rate}} {}  {{wide_msg}}",
                w.scan_progress_files, w.scan_progress_per_second
            );
            let style = ProgressStyle::with_template(&template)
                .unwrap_or_else(|_| ProgressStyle::default_spinner())
                .with_key("rate", |state: &ProgressState, out: &mut dyn fmt::Write| {
                    let _ = write!(out, "{:.0}", state.per_sec());
                });
            ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()).with_style(style)
        });
        Progress {
            lang,
            bar,
            start: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    /// The walk is in `folder` now.
    pub fn folder(&self, folder: &Path) {
        if let Some(bar) = &self.bar {
            bar.set_message(folder.display().to_string());
        }
    }

    /// Message `index` of the mailbox `file` is being read (said every
    /// thousand messages, so that a large mbox shows it is moving).
    pub fn mailbox(&self, file: &Path, index: usize) {
        if let Some(bar) = self
            .bar
            .as_ref()
            .filter(|_| index > 0 && index.is_multiple_of(1000))
        {
            let count = cli(self.lang).scan_progress_messages(&index.to_string());
            bar.set_message(format!("{} ({count})", file.display()));
        }
    }

    /// One more file done.
    pub fn file_done(&self) {
        let Some(bar) = &self.bar else { return };
        bar.inc(1);
        if self.start.elapsed() > MOMENT && !self.shown.swap(true, Ordering::Relaxed) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(120));
        }
    }

    /// Takes the line away, leaving stderr as it was.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
