//! For the admin: the fix one step at a time, then the support summary.

use super::{CopyButton, RedactToggle};
use crate::catalogue::{self, Entry, Step};
use crate::{Bounce, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Walkthrough`].
#[derive(PartialEq, Properties)]
pub struct WalkthroughProps {
    /// The interface language.
    pub lang: Lang,
    /// The catalogue entry.
    pub entry: &'static Entry,
    /// The diagnosis, for the summary.
    pub bounce: Rc<Bounce>,
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

/// One step at a time with previous/next, progress and a done checkbox.
#[component]
pub fn Walkthrough(props: &WalkthroughProps) -> Html {
    let lang = props.lang;
    let ui = catalogue::ui(lang);
    let texts = props.entry.texts(lang);
    let total = texts.steps.len();
    let go = |step: usize| {
        let on_step = props.on_step.clone();
        Callback::from(move |_: MouseEvent| on_step.emit(step))
    };
    let done_count = props.done.iter().filter(|d| **d).count();
    let progress = ui
        .steps_done
        .replace("{done}", &done_count.to_string())
        .replace("{total}", &total.to_string());
    let body = match texts.steps.get(props.step) {
        Some(step) => step_view(props, step),
        None => summary_view(props),
    };
    html! {
        <div class="ndr-walkthrough" data-testid="walkthrough">
            <h3>{ ui.admin_heading }</h3>
            <p>{ texts.admin_summary }</p>
            <h3 id="ndr-steps-heading">{ ui.steps_heading }</h3>
            <progress max={ total.to_string() } value={ done_count.to_string() } aria-labelledby="ndr-steps-heading"></progress>
            <p class="ndr-hint" data-testid="steps-done">{ progress }</p>
            <ol class="ndr-step-index">
                { for texts.steps.iter().enumerate().map(|(i, step)| html! {
                    <li>
                        <button type="button" class="ndr-link" onclick={ go(i) }
                            aria-current={ (i == props.step).then_some("step") }>
                            { step.goal.split(['.', ':']).next().unwrap_or(step.goal) }
                            if props.done.get(i).copied().unwrap_or(false) { { " ✓" } }
                        </button>
                    </li>
                }) }
                <li>
                    <button type="button" class="ndr-link" onclick={ go(total) } data-testid="step-index-summary"
                        aria-current={ (props.step >= total).then_some("step") }>{ ui.summary_step }</button>
                </li>
            </ol>
            { body }
            <div class="ndr-print-only" data-testid="print-steps">
                { for texts.steps.iter().enumerate().map(|(i, step)| html! {
                    <section class="ndr-step">
                        <h4>{ ui.step_progress.replace("{n}", &(i + 1).to_string()).replace("{total}", &total.to_string()) }{ " — " }{ step.goal }</h4>
                        <p><strong>{ ui.step_where }{ ": " }</strong>{ step.place }</p>
                        if let Some(shell) = step.powershell {
                            <pre><code>{ shell }</code></pre>
                        }
                        <p><strong>{ ui.step_check }{ ": " }</strong>{ step.check }</p>
                        <p><strong>{ ui.step_avoid }{ ": " }</strong>{ step.avoid }</p>
                    </section>
                }) }
            </div>
        </div>
    }
}

fn step_view(props: &WalkthroughProps, step: &'static Step) -> Html {
    let lang = props.lang;
    let ui = catalogue::ui(lang);
    let n = props.step;
    let total = props.entry.texts(lang).steps.len();
    let done = props.done.get(n).copied().unwrap_or(false);
    let on_done = props.on_done.clone();
    let onchange = Callback::from(move |event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        on_done.emit((n, input.checked()));
    });
    let on_step = props.on_step.clone();
    let previous = (n > 0).then(|| {
        let on_step = on_step.clone();
        Callback::from(move |_: MouseEvent| on_step.emit(n - 1))
    });
    let next = Callback::from(move |_: MouseEvent| on_step.emit(n + 1));
    let label = ui
        .step_progress
        .replace("{n}", &(n + 1).to_string())
        .replace("{total}", &total.to_string());
    html! {
        <article class="ndr-step" data-testid="step" aria-labelledby="ndr-step-title">
            <p class="ndr-step-progress" data-testid="step-progress">{ label }</p>
            <h4 id="ndr-step-title" data-testid="step-goal">{ step.goal }</h4>
            <p><strong>{ ui.step_where }{ ": " }</strong>{ step.place }</p>
            if let Some(shell) = step.powershell {
                <div class="ndr-shell">
                    <p class="ndr-hint">{ ui.powershell_label }</p>
                    <pre data-testid="powershell"><code>{ shell }</code></pre>
                    <CopyButton {lang} text={shell} label={ ui.powershell_label } testid="copy-powershell" />
                </div>
            }
            <p><strong>{ ui.step_check }{ ": " }</strong>{ step.check }</p>
            <p class="ndr-avoid"><strong>{ ui.step_avoid }{ ": " }</strong>{ step.avoid }</p>
            <label class="ndr-choice">
                <input type="checkbox" data-testid="step-done" checked={ done } {onchange} />
                { ui.mark_done }
            </label>
            <nav class="ndr-step-nav" aria-label={ ui.steps_heading }>
                <button type="button" data-testid="step-previous" disabled={ previous.is_none() }
                    onclick={ previous.unwrap_or_default() }>{ ui.previous }</button>
                <button type="button" data-testid="step-next" onclick={ next }>
                    { if n + 1 == total { ui.to_summary } else { ui.next } }
                </button>
            </nav>
        </article>
    }
}

fn summary_view(props: &WalkthroughProps) -> Html {
    let lang = props.lang;
    let ui = catalogue::ui(lang);
    let texts = props.entry.texts(lang);
    let done: Vec<&str> = texts
        .steps
        .iter()
        .zip(props.done.iter())
        .filter(|(_, done)| **done)
        .map(|(step, _)| step.goal.split(['.', ':']).next().unwrap_or(step.goal))
        .collect();
    let mut summary = catalogue::support_summary(&props.bounce, lang, &done);
    if props.redact {
        summary = crate::redact::redact(&summary);
    }
    let on_step = props.on_step.clone();
    let last = texts.steps.len().saturating_sub(1);
    html! {
        <article class="ndr-step" data-testid="summary" aria-labelledby="ndr-summary-title">
            <h4 id="ndr-summary-title">{ ui.summary_heading }</h4>
            <p>{ ui.summary_intro }</p>
            <pre class="ndr-copyable" data-testid="support-summary">{ summary.clone() }</pre>
            <RedactToggle {lang} redact={props.redact} on_change={props.on_redact.clone()} id="ndr-redact-summary" />
            <CopyButton {lang} text={summary} label={ui.summary_heading} testid="copy-summary" />
            <nav class="ndr-step-nav" aria-label={ ui.steps_heading }>
                <button type="button" data-testid="step-previous"
                    onclick={ move |_: MouseEvent| on_step.emit(last) }>{ ui.back_to_steps }</button>
            </nav>
        </article>
    }
}
