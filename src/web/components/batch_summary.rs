//! Several files summed up, as `ndr-explain scan` does: how far the reading
//! got, the counts, one row per code (each opening its first bounce), the
//! hours, and what could not be read.

use super::timeline_chart;
use crate::catalogue::{self, Ui};
use crate::incident::chart::code_name;
use crate::incident::{Batch, State, StatusRow, Timestamp};
use crate::session::WIDGET_MAX_INPUT;
use crate::{Lang, StatusCode};
use yew::prelude::*;

/// What the batch's section shows, and whom it tells about the person's
/// choices (a plain view: everything comes from the session).
pub struct BatchSummary<'a> {
    /// The interface language.
    pub lang: Lang,
    /// The files read so far, summed up.
    pub batch: &'a Batch,
    /// The row whose first bounce is shown.
    pub opened: Option<Option<StatusCode>>,
    /// Whether the person stopped the reading.
    pub stopped: bool,
    /// Opens the first bounce of the row with this code.
    pub on_open: Callback<Option<StatusCode>>,
    /// Stops the reading.
    pub on_stop: Callback<MouseEvent>,
}

impl BatchSummary<'_> {
    /// The section: progress, counts, table, chart, what could not be read.
    pub fn view(&self) -> Html {
        let ui = catalogue::ui(self.lang);
        let summary = &self.batch.summary;
        let reading = !self.stopped && self.batch.state == State::Reading;
        // Said once as the reading starts and once as it ends, not per slice.
        let announcement = if self.stopped {
            ui.batch_stopped.to_owned()
        } else if reading {
            ui.batch_started.to_owned()
        } else {
            ui.batch_done(&n(summary.bounces), &n(summary.messages))
        };
        let mib = (WIDGET_MAX_INPUT >> 20).to_string();
        let partial = summary.partial.iter().map(|p| {
            let place = (p.index + 1).to_string();
            warning(
                "batch-partial",
                ui.batch_partial(&p.file, &place, &mib, &p.total.to_string()),
            )
        });
        let unreadable = summary.unreadable.iter().map(|u| {
            let why = if u.error == "NotFoundError" {
                ui.batch_gone
            } else {
                ui.batch_denied
            };
            html! { <li>{ ui.labelled(&u.file, why) }</li> }
        });
        let shown = self
            .opened
            .and_then(|status| self.batch.first(status))
            .map(|first| {
                let code = code_name(ui, first.status);
                line(
                    "batch-shown",
                    ui.batch_shown(&code, &first.file, &(first.index + 1).to_string()),
                )
            });
        html! {
            <section class="ndr-batch" aria-labelledby="ndr-batch-heading" data-testid="batch">
                <h2 id="ndr-batch-heading">{ ui.batch_heading }</h2>
                <p class="ndr-visually-hidden" aria-live="polite" data-testid="batch-announcement">{ announcement }</p>
                if reading {
                    { self.progress(ui) }
                }
                if self.stopped {
                    { warning("batch-stopped", ui.batch_stopped.to_owned()) }
                }
                { line("batch-counts", counts(ui, self.batch)) }
                if summary.by_status.is_empty() {
                    { line("batch-no-bounce", ui.batch_no_bounce.to_owned()) }
                } else {
                    { self.table(ui) }
                }
                { timeline_chart(self.lang, summary) }
                if !summary.unreadable.is_empty() {
                    <h3>{ ui.batch_unreadable }</h3>
                    <ul data-testid="batch-unreadable">{ for unreadable }</ul>
                }
                { for partial }
                { for shown }
            </section>
        }
    }

    /// How far the reading got, and the button that stops it.
    fn progress(&self, ui: &Ui) -> Html {
        let p = self.batch.progress;
        let said = ui.batch_reading(
            &p.files_done.to_string(),
            &p.files.to_string(),
            &n(self.batch.summary.messages),
        );
        html! {
            <div class="ndr-batch-progress">
                <label for="ndr-batch-progress" data-testid="batch-reading">{ said }</label>
                <progress id="ndr-batch-progress" data-testid="batch-progress"
                    max={ n(p.bytes.max(1)) } value={ n(p.bytes_done) }></progress>
                <button type="button" data-testid="batch-stop" onclick={ self.on_stop.clone() }>{ ui.batch_stop }</button>
            </div>
        }
    }

    /// One row per code, most frequent first.
    fn table(&self, ui: &Ui) -> Html {
        let headings = [
            ui.batch_code,
            ui.batch_count,
            ui.batch_first,
            ui.batch_last,
            ui.batch_senders,
            ui.batch_domains,
            ui.batch_title,
        ];
        html! {
            <div class="ndr-table-scroll" tabindex="0" role="region" aria-labelledby="ndr-batch-caption">
                <table data-testid="batch-table">
                    <caption id="ndr-batch-caption">{ ui.batch_caption }</caption>
                    <thead>
                        <tr>{ for headings.into_iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr>
                    </thead>
                    <tbody>{ for self.batch.summary.by_status.iter().map(|r| self.row(ui, r)) }</tbody>
                </table>
            </div>
        }
    }

    /// One code's row; its code is the button that opens its first bounce
    /// (the caption, which says so, describes each).
    fn row(&self, ui: &Ui, row: &StatusRow) -> Html {
        let status = row.status;
        let code = code_name(ui, status);
        let on_open = self.on_open.clone();
        let title = row.entry.map_or("", |e| e.texts(self.lang).title);
        let cells = [
            n(row.count),
            when(row.first),
            when(row.last),
            row.senders.to_string(),
            row.recipient_domains.to_string(),
            title.to_owned(),
        ];
        html! {
            <tr>
                <th scope="row">
                    <button type="button" class="ndr-link" aria-describedby="ndr-batch-caption"
                        aria-current={ (self.opened == Some(status)).then_some("true") }
                        onclick={ Callback::from(move |_| on_open.emit(status)) }>{ code }</button>
                </th>
                { for cells.into_iter().map(|cell| html! { <td>{ cell }</td> }) }
            </tr>
        }
    }
}

/// The counts of kinds, in one sentence.
fn counts(ui: &Ui, batch: &Batch) -> String {
    let s = &batch.summary;
    let k = &s.kinds;
    ui.batch_counts(
        &n(s.files),
        &n(s.messages),
        &n(s.bounces),
        &n(k.failures),
        &n(k.delays),
        &n(s.not_bounces),
        &n(k.delivered),
        &n(k.other),
        &s.unreadable.len().to_string(),
    )
}

/// A count in figures. Through `usize`, whose formatting the wasm already
/// carries (a count past 4 billion is not a page's).
fn n(count: u64) -> String {
    (count as usize).to_string()
}

/// A date as a person reads it (the column says UTC), a dash when unknown.
fn when(at: Option<Timestamp>) -> String {
    at.map_or_else(|| "—".to_owned(), Timestamp::readable)
}

/// A line of the summary.
fn line(testid: &'static str, said: String) -> Html {
    html! { <p data-testid={ testid }>{ said }</p> }
}

/// A line of the summary that warns.
fn warning(testid: &'static str, said: String) -> Html {
    html! { <p class="ndr-warning" role="note" data-testid={ testid }>{ said }</p> }
}
