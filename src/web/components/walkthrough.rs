//! For the admin: the fix one step at a time, then the support summary.

use super::{redact_toggle, CopyButton};
use crate::catalogue::{self, Actor, Entry, Step};
use crate::web::markup::{h3, labelled, p};
use crate::{Diagnosis, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// What the walkthrough shows, and whom it tells about the admin's choices.
/// Everything it shows comes from the session, so it is a plain view, not a
/// component.
pub struct Walkthrough {
    /// The interface language.
    pub lang: Lang,
    /// The catalogue entry.
    pub entry: &'static Entry,
    /// The diagnosis, for the summary.
    pub diagnosis: Rc<Diagnosis>,
    /// The step shown; the step count means the summary.
    pub step: usize,
    /// Which steps are marked done.
    pub done: Rc<[bool]>,
    /// Called with the step to show.
    pub on_step: Callback<usize>,
    /// Called with a step and whether it is done.
    pub on_done: Callback<(usize, bool)>,
    /// Whether personal data is hidden in the summary.
    pub redact: bool,
    /// Called to hide personal data or show it again.
    pub on_redact: Callback<bool>,
}

impl Walkthrough {
    /// One step at a time with previous/next, progress and a done checkbox.
    pub fn view(&self) -> Html {
        let lang = self.lang;
        let ui = catalogue::ui(lang);
        let texts = self.entry.texts(lang);
        let total = texts.steps.len();
        let done_count = self.done.iter().filter(|d| **d).count();
        let progress = ui.steps_done(&done_count.to_string(), &total.to_string());
        let body = match texts.steps.get(self.step) {
            Some(step) => self.step_view(step),
            None => self.summary_view(),
        };
        html! {
            <div class="ndr-walkthrough" data-testid="walkthrough">
                { h3(ui.admin_heading) }
                { p(texts.admin_summary) }
                <h3 id="ndr-steps-heading">{ ui.steps_heading }</h3>
                <progress max={ total.to_string() } value={ done_count.to_string() } aria-labelledby="ndr-steps-heading"></progress>
                <p class="ndr-hint" data-testid="steps-done">{ progress }</p>
                <ol class="ndr-step-index">
                    { for texts.steps.iter().enumerate().map(|(i, step)| html! {
                        <li>
                            <button type="button" class="ndr-link" onclick={ self.go(i) }
                                aria-current={ (i == self.step).then_some("step") }>
                                { step.title }
                                if self.done.get(i).copied().unwrap_or(false) { { " ✓" } }
                            </button>
                        </li>
                    }) }
                    if self.asks_support() {
                        <li>
                            <button type="button" class="ndr-link" onclick={ self.go(total) } data-testid="step-index-summary"
                                aria-current={ (self.step >= total).then_some("step") }>{ ui.summary_step }</button>
                        </li>
                    }
                </ol>
                { body }
                <div class="ndr-print-only" data-testid="print-steps">
                    { for texts.steps.iter().enumerate().map(|(i, step)| html! {
                        <section class="ndr-step">
                            <h4>{ step_label(lang, i, total) }{ " — " }{ step.title }</h4>
                            { p(step.goal) }
                            { labelled(ui, ui.step_where, step.place) }
                            if let Some(shell) = step.powershell {
                                <pre><code>{ shell }</code></pre>
                            }
                            { labelled(ui, ui.step_check, step.check) }
                            { labelled(ui, ui.step_avoid, step.avoid) }
                        </section>
                    }) }
                </div>
            </div>
        }
    }

    /// A click handler that shows step `step` (the step count: the summary).
    /// Every button that moves shares it, so the wasm holds one such closure.
    /// Whether the walkthrough ends with a summary for Microsoft support:
    /// only where support has a part in the fix.
    fn asks_support(&self) -> bool {
        self.entry.fixed_by.contains(&Actor::MicrosoftSupport)
    }

    fn go(&self, step: usize) -> Callback<MouseEvent> {
        let on_step = self.on_step.clone();
        Callback::from(move |_| on_step.emit(step))
    }

    fn step_view(&self, step: &'static Step) -> Html {
        let lang = self.lang;
        let ui = catalogue::ui(lang);
        let n = self.step;
        let total = self.entry.texts(lang).steps.len();
        let done = self.done.get(n).copied().unwrap_or(false);
        let on_done = self.on_done.clone();
        let onchange = Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            on_done.emit((n, input.checked()));
        });
        let previous = (n > 0).then(|| self.go(n - 1));
        html! {
            <article class="ndr-step" data-testid="step" aria-labelledby="ndr-step-title">
                <p class="ndr-step-progress" data-testid="step-progress">{ step_label(lang, n, total) }</p>
                <h4 id="ndr-step-title" data-testid="step-title">{ step.title }</h4>
                <p data-testid="step-goal">{ step.goal }</p>
                { labelled(ui, ui.step_where, step.place) }
                if let Some(shell) = step.powershell {
                    <div class="ndr-shell">
                        <p class="ndr-hint">{ ui.powershell_label }</p>
                        <pre data-testid="powershell"><code>{ shell }</code></pre>
                        <CopyButton {lang} text={shell} label={ ui.powershell_label } testid="copy-powershell" />
                    </div>
                }
                { labelled(ui, ui.step_check, step.check) }
                <p class="ndr-avoid"><strong>{ ui.labelled(ui.step_avoid, "") }</strong>{ step.avoid }</p>
                <label class="ndr-choice">
                    <input type="checkbox" data-testid="step-done" checked={ done } {onchange} />
                    { ui.mark_done }
                </label>
                <nav class="ndr-step-nav" aria-label={ ui.steps_heading }>
                    <button type="button" data-testid="step-previous" disabled={ previous.is_none() }
                        onclick={ previous.unwrap_or_default() }>{ ui.previous }</button>
                    if n + 1 < total || self.asks_support() {
                        <button type="button" data-testid="step-next" onclick={ self.go(n + 1) }>
                            { if n + 1 == total { ui.to_summary } else { ui.next } }
                        </button>
                    }
                </nav>
            </article>
        }
    }

    fn summary_view(&self) -> Html {
        let lang = self.lang;
        let ui = catalogue::ui(lang);
        let texts = self.entry.texts(lang);
        let done: Vec<&str> = texts
            .steps
            .iter()
            .zip(self.done.iter())
            .filter(|(_, done)| **done)
            .map(|(step, _)| step.title)
            .collect();
        let mut summary = catalogue::support_summary(&self.diagnosis.bounce, lang, &done);
        if self.redact {
            summary = crate::redact::redact(&summary);
        }
        let last = texts.steps.len().saturating_sub(1);
        html! {
            <article class="ndr-step" data-testid="summary" aria-labelledby="ndr-summary-title">
                <h4 id="ndr-summary-title">{ ui.summary_heading }</h4>
                { p(ui.summary_intro) }
                <pre class="ndr-copyable" data-testid="support-summary">{ summary.clone() }</pre>
                { redact_toggle(lang, self.redact, &self.on_redact, "ndr-redact-summary") }
                <CopyButton {lang} text={summary} label={ui.summary_heading} testid="copy-summary" />
                <nav class="ndr-step-nav" aria-label={ ui.steps_heading }>
                    <button type="button" data-testid="step-previous"
                        onclick={ self.go(last) }>{ ui.back_to_steps }</button>
                </nav>
            </article>
        }
    }
}

/// "Step {n} of {total}" for the step at `index`.
fn step_label(lang: Lang, index: usize, total: usize) -> String {
    catalogue::ui(lang).step_progress(&(index + 1).to_string(), &total.to_string())
}
