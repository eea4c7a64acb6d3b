//! The result region: what the parser found, and where.

use super::Explanation;
use crate::bounce::{Bounce, Evidence, Kind, Limit, Source};
use crate::{catalogue, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Diagnosis`].
#[derive(PartialEq, Properties)]
pub struct DiagnosisProps {
    /// The interface language.
    pub lang: Lang,
    /// The diagnosis, or `None` before anything is pasted.
    pub bounce: Option<Rc<Bounce>>,
}

/// The findings, announced politely to screen readers as they change.
#[component]
pub fn Diagnosis(props: &DiagnosisProps) -> Html {
    let ui = catalogue::ui(props.lang);
    let body = match props.bounce.as_deref() {
        None => html! { <p class="ndr-empty">{ ui.empty_state }</p> },
        Some(bounce) if bounce.kind == Kind::NotABounce => html! {
            <div data-testid="no-bounce">
                <p class="ndr-kind"><strong>{ ui.no_bounce_title }</strong></p>
                <p>{ ui.no_bounce_hint }</p>
            </div>
        },
        Some(bounce) => findings(bounce, props.lang),
    };
    html! {
        <section class="ndr-result" aria-labelledby="ndr-result-heading">
            <h2 id="ndr-result-heading">{ ui.result_heading }</h2>
            <div aria-live="polite" data-testid="result">{ body }</div>
        </section>
    }
}

fn findings(bounce: &Bounce, lang: Lang) -> Html {
    let ui = catalogue::ui(lang);
    let kind = match bounce.kind {
        Kind::Delay => ui.kind_delay,
        Kind::Delivered => ui.kind_delivered,
        _ => ui.kind_failure,
    };
    let limits = bounce.limits.iter().map(|limit| {
        let text = match limit {
            Limit::InputTooLarge { .. } => ui.too_large,
            Limit::MimeTooComplex => ui.too_complex,
        };
        html! { <p class="ndr-warning" role="note">{ text }</p> }
    });
    let status = bounce
        .status
        .map(|s| s.to_string())
        .unwrap_or_else(|| ui.unknown.to_owned());
    html! {
        <>
            { for limits }
            <p class="ndr-kind">{ kind }</p>
            <dl class="ndr-facts">
                <dt>{ ui.status_label }</dt>
                <dd><code class="ndr-code" data-testid="status-code">{ status }</code></dd>
                if let Some(code) = bounce.smtp_code {
                    <dt>{ ui.reply_label }</dt>
                    <dd data-testid="smtp-code">{ code }</dd>
                }
                if !bounce.recipients.is_empty() {
                    <dt>{ ui.recipients_label }</dt>
                    <dd>
                        <ul data-testid="recipients">
                            { for bounce.recipients.iter().map(|r| html! {
                                <li>
                                    <span class="ndr-address">{ &r.address }</span>
                                    if let Some(code) = r.status {
                                        { " " }<code>{ code.to_string() }</code>
                                    }
                                </li>
                            }) }
                        </ul>
                    </dd>
                }
                if let Some(server) = &bounce.reporting_mta {
                    <dt>{ ui.reporting_label }</dt>
                    <dd data-testid="reporting-server">{ server }</dd>
                }
                if let Some(server) = &bounce.remote_mta {
                    <dt>{ ui.remote_label }</dt>
                    <dd data-testid="remote-server">{ server }</dd>
                }
            </dl>
            if let Some(evidence) = &bounce.evidence {
                { evidence_view(evidence, lang) }
            }
            if let Some(code) = bounce.status {
                <Explanation {lang} {code} bounce={ Rc::new(bounce.clone()) } />
            }
        </>
    }
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
    let how = match evidence.source {
        Source::DeliveryStatus => ui.source_dsn,
        Source::NotificationText => ui.source_text,
        Source::BareLine => ui.source_bare,
    };
    html! {
        <div class="ndr-evidence">
            <h3>{ ui.evidence_label }</h3>
            <pre data-testid="evidence">{ before.trim_start() }<mark>{ code }</mark>{ after }</pre>
            <p class="ndr-hint" data-testid="found-by">{ ui.source_label }{ ": " }{ how }</p>
        </div>
    }
}
