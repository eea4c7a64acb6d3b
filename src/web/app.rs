//! The widget's root component: owns the session, passes data down and
//! callbacks up.

use super::components::batch_reading::{self, Runs};
use super::components::{
    audience_switch, diagnosis, explanation, hop_table, lang_switch, mail_path, sender_help,
    AcceptedDomains, BatchSummary, BounceInput, Walkthrough,
};
use super::embed::Mode;
use super::host::use_host;
use super::{page, progress, reader, texts};
use crate::session::{Action, Audience, Memory, Session};
use crate::Diagnosis;
use crate::{catalogue, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`App`]: how the widget is hosted and what it starts with.
#[derive(Clone, Debug, Default, PartialEq, Properties)]
pub struct AppProps {
    /// Page, iframe or custom element.
    #[prop_or_default]
    pub mode: Mode,
    /// The language to start in (else `?lang=`, then the browser's).
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// The audience to start with.
    #[prop_or_default]
    pub audience: Option<Audience>,
    /// `light` or `dark` to force a colour scheme; otherwise the system's.
    #[prop_or_default]
    pub theme: Option<AttrValue>,
}

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let session = use_reducer(|| {
        let lang = props.lang.unwrap_or_else(page::initial_lang);
        let session = Session::new(lang, Memory::new(progress::load));
        session.apply(Action::SetAudience(props.audience.unwrap_or_default()))
    });
    let lang = session.lang;
    let owns_page = !matches!(props.mode, Mode::Element { .. });
    use_effect_with((lang, owns_page), |(lang, owns_page)| {
        if *owns_page {
            page::set_document_lang(*lang);
        }
    });
    use_host(&props.mode, &session);

    // The explanations (the language's texts) are needed only once there is
    // something to explain: they are loaded with the first input, not with
    // the page, and the diagnosis shows at once while they arrive. The file
    // is the same for everyone and carries nothing from the page. Later
    // switches wait for their texts (`texts::switch_lang`), so the page never
    // unmounts what the person was doing; if a language cannot be loaded, the
    // other one stands in.
    let texts_failed = use_state(|| false);
    let rerender = use_force_update();
    let wanted = session.source.is_some() || session.diagnosis.is_some() || session.batch.is_some();

    // Each input waits for the parser's answer (`reader`: a module loaded
    // with the first input); the session drops an answer that comes too late.
    {
        let waiting = session.pending.clone();
        let session = session.clone();
        use_effect_with(waiting, move |waiting| {
            if let Some(pending) = waiting.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let bounce = reader::analyse(&pending.bytes).await;
                    session.dispatch(Action::Diagnosed {
                        rev: pending.rev,
                        bounce: Box::new(bounce),
                    });
                });
            }
        });
    }
    {
        let texts_failed = texts_failed.clone();
        use_effect_with((lang, wanted), move |&(lang, wanted)| {
            if wanted && !catalogue::is_loaded(lang) {
                wasm_bindgen_futures::spawn_local(async move {
                    match texts::ensure(lang).await {
                        Ok(()) => rerender.force_update(),
                        Err(_) => texts_failed.set(true),
                    }
                });
            }
        });
    }

    // Step progress (never the bounce) is remembered per code; the session
    // recalls it with each new diagnosis (`Memory`).
    let code = session.entry().map(|e| e.code);
    {
        let done = session.done.clone();
        use_effect_with((code, done), |(code, done)| {
            if let Some(code) = code {
                progress::save(code, done);
            }
        });
    }

    // A person about to give something (focus in the widget, a file dragged
    // over it) will need the parser and the texts: fetch them now, once, so
    // the first diagnosis does not wait for them. Nothing of the input is known yet.
    let prefetched = use_mut_ref(|| false);
    let prefetch = Callback::from(move |()| {
        if !std::mem::replace(&mut *prefetched.borrow_mut(), true) {
            // Both at once: neither waits for the other.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = texts::ensure(lang).await;
            });
            wasm_bindgen_futures::spawn_local(reader::prepare());
        }
    });

    // Several files are read in slices (`batch_reading`); a reading ends
    // when its batch is cleared, stopped or replaced.
    let runs = use_memo((), |_| Runs::default());
    let reading = session.reading();
    {
        let runs = runs.clone();
        use_effect_with(reading, move |&reading| {
            if !reading {
                batch_reading::stop(&runs);
            }
        });
    }
    let on_files = {
        let session = session.clone();
        Callback::from(move |files| batch_reading::read(files, session.clone(), (*runs).clone()))
    };

    let ui = catalogue::ui(lang);
    let found = session.diagnosis.clone();
    let batch = session.batch.clone();
    html! {
        <div class="ndr" lang={ lang.tag() } data-mode={ mode_name(&props.mode) } data-theme={ props.theme.clone() }
            data-texts={ catalogue::is_loaded(lang).then_some(lang.tag()) }
            onfocusin={ prefetch.reform(|_: FocusEvent| ()) } ondragenter={ prefetch.reform(|_: DragEvent| ()) }>
            <header class="ndr-header">
                <h1>{ ui.app_title }</h1>
                { lang_switch(lang, &texts::switch_lang(&session)) }
            </header>
            <p class="ndr-tagline">{ ui.tagline }</p>
            <BounceInput {lang} text={session.text.clone()} text_rev={session.text_rev} source={session.source.clone()}
                on_input={send(&session, Action::Input)}
                on_file={send(&session, |(name, bytes)| Action::File { name, bytes })}
                {on_files} on_clear={send(&session, |()| Action::Clear)} />
            <p class="ndr-privacy">{ ui.privacy }</p>
            if let Some(batch) = &batch {
                { BatchSummary {
                    lang,
                    batch,
                    opened: session.opened,
                    stopped: session.stopped,
                    on_open: send(&session, Action::OpenFirst),
                    on_stop: send(&session, |_| Action::StopBatch),
                }.view() }
            }
            if batch.is_none() || found.is_some() {
                { diagnosis(lang, found.as_deref(), session.pending.is_some()) }
            }
            if let Some(found) = found.as_ref().filter(|d| !d.hops.is_empty()) {
                { hop_table(lang, &found.hops) }
            }
            if *texts_failed && found.is_some() {
                <p class="ndr-warning" role="status">{ ui.texts_unavailable }</p>
            }
            if let (Some(found), true) = (found.clone().filter(|d| d.entry.is_some()), Lang::ALL.into_iter().any(catalogue::is_loaded)) {
                { help(lang, &session, found) }
            }
        </div>
    }
}

/// The explanation and the help for the reader's audience.
fn help(lang: Lang, session: &UseReducerHandle<Session>, found: Rc<Diagnosis>) -> Html {
    let Some(entry) = found.entry else {
        return Html::default();
    };
    html! {
                <section class="ndr-help" aria-labelledby="ndr-help-heading">
                    { explanation(lang, entry) }
                    if let Some(stage) = entry.stage {
                        { mail_path(lang, stage) }
                    }
                    { audience_switch(lang, session.audience, &send(session, Action::SetAudience)) }
                    if session.audience == Audience::Sender {
                        { sender_help(lang, &found, session.redact, &send(session, Action::SetRedact)) }
                    } else {
                        { Walkthrough {
                            lang,
                            entry,
                            diagnosis: found.clone(),
                            step: session.step,
                            done: session.done.clone(),
                            on_step: send(session, Action::GoTo),
                            on_done: send(session, |(step, done)| Action::SetDone(step, done)),
                            redact: session.redact,
                            on_redact: send(session, Action::SetRedact),
                        }.view() }
                        if found.checks_accepted_domains() {
                            <AcceptedDomains {lang} diagnosis={found.clone()} />
                        }
                    }
                </section>
    }
}

/// A callback that turns its value into an action on the session.
fn send<T: 'static>(
    session: &UseReducerHandle<Session>,
    make: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let session = session.clone();
    Callback::from(move |value| session.dispatch(make(value)))
}

fn mode_name(mode: &Mode) -> &'static str {
    match mode {
        Mode::Page => "page",
        Mode::Frame { .. } => "frame",
        Mode::Element { .. } => "element",
    }
}
