//! The result region: what the parser found, and where.

use crate::bounce::{Bounce, Evidence, Kind};
use crate::catalogue;
use crate::web::markup::{fact, h3, p};
use crate::{Diagnosis, Lang};
use yew::prelude::*;

/// The findings (`bounce` is `None` before anything is given). A one-line
/// summary is announced politely to screen readers; `busy` while the parser
/// works on a newer input.
pub fn diagnosis(lang: Lang, found: Option<&Diagnosis>, busy: bool) -> Html {
    let ui = catalogue::ui(lang);
    let (body, announcement) = match found {
        None => (
            html! { <p class="ndr-empty">{ ui.empty_state }</p> },
            String::new(),
        ),
        // What could not be read (a damaged .msg) and the input's own
        // subject say what was looked at.
        Some(found) if found.bounce.kind == Kind::NotABounce => (
            html! {
                <div data-testid="no-bounce">
                    { for limits(&found.bounce, lang) }
                    <p class="ndr-kind"><strong>{ ui.no_bounce_title }</strong></p>
                    if let Some(subject) = &found.bounce.subject {
                        <p class="ndr-hint" data-testid="subject">{ ui.labelled(ui.subject_label, subject) }</p>
                    }
                    { p(ui.no_bounce_hint) }
                </div>
            },
            ui.announce_none.to_owned(),
        ),
        Some(found) => (findings(found, lang), announce(found, lang)),
    };
    html! {
        <section class="ndr-result" aria-labelledby="ndr-result-heading" aria-busy={ busy.then_some("true") }>
            <h2 id="ndr-result-heading">{ ui.result_heading }</h2>
            <p class="ndr-visually-hidden" aria-live="polite" data-testid="announcement">{ announcement }</p>
            <div data-testid="result">{ body }</div>
        </section>
    }
}

fn announce(found: &Diagnosis, lang: Lang) -> String {
    let ui = catalogue::ui(lang);
    let Some(code) = found.bounce.status else {
        return ui.kind_failure.to_owned();
    };
    let title = found.entry.map_or("", |e| e.texts(lang).title);
    ui.announce(&code.to_string(), title)
}

fn findings(found: &Diagnosis, lang: Lang) -> Html {
    let bounce = &found.bounce;
    let ui = catalogue::ui(lang);
    let kind = ui.kind(bounce.kind);
    let entry = found.entry;
    let tenant_wide = found.tenant_wide();
    let status = bounce
        .status
        .map(|s| s.to_string())
        .unwrap_or_else(|| ui.unknown.to_owned());
    html! {
        <>
            { for limits(bounce, lang) }
            if tenant_wide {
                <div class="ndr-flag" role="note" data-testid="tenant-wide">
                    <strong>{ ui.tenant_wide_title }</strong>
                    { p(ui.tenant_wide_body) }
                </div>
            }
            <p class="ndr-kind">{ kind }</p>
            <p class="ndr-hint" data-testid="read-as">{ ui.read_as(ui.input(bounce.input)) }</p>
            if bounce.reports > 1 {
                <p class="ndr-hint" data-testid="reports">{ ui.reports_found(&bounce.reports.to_string()) }</p>
            }
            if let Some(wrapper) = &bounce.wrapper {
                <p class="ndr-hint" data-testid="wrapped">{ ui.wrapped_by(wrapper) }</p>
            }
            <dl class="ndr-facts">
                { fact(ui.status_label, None, html! {
                    <code class="ndr-code" data-testid="status-code">{ status }</code>
                }) }
                if let Some(code) = bounce.smtp_code {
                    { fact(ui.reply_label, Some("smtp-code"), code.into()) }
                }
                if !bounce.recipients.is_empty() {
                    { fact(ui.recipients_label, None, html! {
                        <ul data-testid="recipients">
                            { for bounce.recipients.iter().map(|r| html! {
                                <li>
                                    <span class="ndr-address">{ &r.address }</span>
                                    if let Some(code) = r.status {
                                        { " " }<code>{ code.to_string() }</code>
                                    }
                                    if let Some(text) = r.diagnostic.as_ref().filter(|_| bounce.recipients.len() > 1) {
                                        <br /><span class="ndr-hint">{ text }</span>
                                    }
                                </li>
                            }) }
                        </ul>
                    }) }
                }
                if let Some(server) = &bounce.reporting_mta {
                    { fact(ui.reporting_label, Some("reporting-server"), server.into()) }
                }
                if let Some(server) = &bounce.remote_mta {
                    { fact(ui.remote_label, Some("remote-server"), server.into()) }
                }
            </dl>
            if let Some(evidence) = &bounce.evidence {
                { evidence_view(evidence, lang) }
            }
            if let (Some(code), None) = (bounce.status, entry) {
                { general(code, lang) }
            }
        </>
    }
}

/// What the analysis could not read, one warning each.
fn limits(bounce: &Bounce, lang: Lang) -> impl Iterator<Item = Html> + '_ {
    let ui = catalogue::ui(lang);
    bounce
        .limits
        .iter()
        .map(move |limit| html! { <p class="ndr-warning" role="note">{ ui.limit(limit) }</p> })
}

fn evidence_view(evidence: &Evidence, lang: Lang) -> Html {
    let ui = catalogue::ui(lang);
    let line = &evidence.line;
    let range = evidence.highlight.clone();
    let (before, code, after) = match (
        line.get(..range.start),
        line.get(range.clone()),
        line.get(range.end..),
    ) {
        (Some(b), Some(c), Some(a)) => (b, c, a),
        _ => (line.as_str(), "", ""),
    };
    let how = ui.source(evidence.source);
    html! {
        <div class="ndr-evidence">
            { h3(ui.evidence_label) }
            <pre data-testid="evidence">{ before.trim_start() }<mark>{ code }</mark>{ after }</pre>
            <p class="ndr-hint" data-testid="found-by">{ ui.labelled(ui.source_label, how) }</p>
        </div>
    }
}

/// RFC 3463's general meaning, for a code the catalogue does not name.
fn general(code: crate::StatusCode, lang: Lang) -> Html {
    let ui = catalogue::ui(lang);
    let rfc = catalogue::rfc3463(lang);
    let (class, subject) = catalogue::general_meaning(code, lang);
    html! {
        <div class="ndr-explanation" data-testid="explanation">
            { p(ui.general_prefix) }
            <ul>
                <li><strong>{ class.title }</strong>{ " — " }{ class.meaning }</li>
                <li><strong>{ subject.title }</strong>{ " — " }{ subject.meaning }</li>
            </ul>
            { p(rfc.unknown_detail) }
            <p class="ndr-source">{ ui.labelled(ui.source_prefix, "") }
                <a href={ rfc.source_url } target="_blank" rel="noopener noreferrer">{ rfc.source_title }</a></p>
        </div>
    }
}
