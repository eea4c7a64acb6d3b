//! The widget's root component: owns the session, passes data down and
//! callbacks up.

use super::components::{
    AcceptedDomains, AudienceSwitch, BounceInput, Diagnosis, Explanation, HopTable, LangSwitch,
    MailPath, SenderHelp, Walkthrough,
};
use super::{page, progress};
use crate::catalogue;
use crate::session::{Action, Audience, Session};
use yew::prelude::*;

/// The whole widget.
#[component]
pub fn App() -> Html {
    let session = use_reducer(|| Session::new(page::initial_lang()));
    let lang = session.lang;
    use_effect_with(lang, |lang| page::set_document_lang(*lang));

    // Step progress (never the bounce) is remembered per code.
    let code = session.entry().map(|e| e.code);
    {
        let session = session.clone();
        use_effect_with(code, move |code| {
            if let Some(marks) = code.and_then(progress::load) {
                session.dispatch(Action::Restore(marks));
            }
        });
    }
    {
        let done = session.done.clone();
        use_effect_with((code, done), |(code, done)| {
            if let Some(code) = code {
                progress::save(code, done);
            }
        });
    }

    let ui = catalogue::ui(lang);
    let bounce = session.bounce.clone();
    let entry = session.entry();
    html! {
        <div class="ndr">
            <header class="ndr-header">
                <h1>{ ui.app_title }</h1>
                <LangSwitch {lang} on_change={send(&session, Action::SetLang)} />
            </header>
            <p class="ndr-tagline">{ ui.tagline }</p>
            <BounceInput {lang} text={session.text.clone()} source={session.source.clone()}
                on_input={send(&session, Action::Input)}
                on_file={send(&session, |(name, bytes)| Action::File { name, bytes })}
                on_clear={send(&session, |()| Action::Clear)} />
            <p class="ndr-privacy">{ ui.privacy }</p>
            <Diagnosis {lang} bounce={bounce.clone()} />
            if let Some(hops) = bounce.as_ref().map(|b| crate::hops::hops(&b.original.received)).filter(|h| !h.is_empty()) {
                <HopTable {lang} {hops} />
            }
            if let (Some(bounce), Some(entry)) = (bounce, entry) {
                <section class="ndr-help" aria-labelledby="ndr-help-heading">
                    <Explanation {lang} {entry} code={bounce.status} />
                    if let Some(stage) = entry.stage {
                        <MailPath {lang} {stage} />
                    }
                    <AudienceSwitch {lang} audience={session.audience}
                        on_change={send(&session, Action::SetAudience)} />
                    if session.audience == Audience::Sender {
                        <SenderHelp {lang} {entry} bounce={bounce.clone()}
                            redact={session.redact} on_redact={send(&session, Action::SetRedact)} />
                    } else {
                        <Walkthrough {lang} {entry} bounce={bounce.clone()} step={session.step}
                            done={session.done.clone()}
                            on_step={send(&session, Action::GoTo)}
                            on_done={send(&session, |(step, done)| Action::SetDone(step, done))}
                            redact={session.redact} on_redact={send(&session, Action::SetRedact)} />
                        if entry.code == "5.7.750" {
                            <AcceptedDomains {lang} bounce={bounce.clone()} />
                        }
                    }
                </section>
            }
        </div>
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
