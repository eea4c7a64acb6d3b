//! The hook that links the widget to the page that hosts it.

use super::embed::{self, Mode};
use crate::protocol::{Command, Query};
use crate::report::{self, share};
use crate::session::{capped, Action, Session, WIDGET_MAX_INPUT};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// In an iframe: accept the parent's commands, announce `ready`, report the
/// height. In an element: accept the page's commands and questions, announce
/// `ready`. In both: publish each new diagnosis.
#[hook]
pub fn use_host(mode: &Mode, session: &UseReducerHandle<Session>) {
    // Questions are answered from the session as it is now, not as it was
    // when the listener started.
    let latest = use_mut_ref(|| session.clone());
    *latest.borrow_mut() = session.clone();
    {
        let session = session.clone();
        use_effect_with(mode.clone(), move |mode| {
            let mut frame_links = None;
            let mut element_links = None;
            match mode {
                Mode::Frame { parent_origin } => {
                    embed::mark_embedded();
                    if let Some(origin) = parent_origin {
                        let listener = embed::listen(origin.clone(), commands(&session));
                        let height = embed::report_height(origin.clone());
                        embed::post(origin, "ready", None);
                        frame_links = Some((listener, height));
                    }
                }
                Mode::Element { host } => {
                    element_links = embed::listen_element(host, commands(&session), move |query| {
                        answer(&latest.borrow(), query)
                    });
                    embed::dispatch_ready(host);
                }
                Mode::Page => {}
            }
            move || drop((frame_links, element_links))
        });
    }
    let published = use_mut_ref(|| false);
    // The texts of the language are part of a result: it waits for them.
    let texts_here = crate::catalogue::is_loaded(session.lang);
    use_effect_with(
        (
            session.diagnosis.clone(),
            session.lang,
            mode.clone(),
            texts_here,
        ),
        move |(diagnosis, lang, mode, texts_here)| {
            // Nothing is announced before the first diagnosis, nor to nobody.
            let listened = matches!(
                mode,
                Mode::Element { .. }
                    | Mode::Frame {
                        parent_origin: Some(_)
                    }
            );
            if !listened || !*texts_here || (diagnosis.is_none() && !*published.borrow()) {
                return;
            }
            *published.borrow_mut() = true;
            let json = diagnosis
                .as_ref()
                .map(|d| report::to_json(&d.bounce, *lang));
            match mode {
                Mode::Frame {
                    parent_origin: Some(origin),
                } => embed::post(
                    origin,
                    "result",
                    Some(("result", embed::result_value(json.as_deref()))),
                ),
                Mode::Element { host } => embed::dispatch_result(host, json.as_deref()),
                _ => {}
            }
        },
    );
}

/// What the host's commands do to the session.
fn commands(session: &UseReducerHandle<Session>) -> Callback<Command> {
    let session = session.clone();
    let set_lang = super::texts::switch_lang(&session);
    Callback::from(move |command| match command {
        Command::Analyse(text) => session.dispatch(Action::Load(text)),
        Command::SetLang(lang) => set_lang.emit(lang),
        Command::SetAudience(audience) => session.dispatch(Action::SetAudience(audience)),
    })
}

/// The answer to a question of the element's page, from the session `now`.
fn answer(now: &Session, query: Query) -> JsValue {
    let lang = now.lang;
    match query {
        // The parser answers later: the page gets a promise of the result.
        Query::Diagnose(text) => {
            let promise = wasm_bindgen_futures::future_to_promise(async move {
                let bytes = text.as_bytes();
                let cut = &bytes[..bytes.len().min(WIDGET_MAX_INPUT)];
                let bounce = capped(super::reader::analyse(cut).await, bytes.len());
                Ok(embed::result_value(Some(&report::to_json(&bounce, lang))))
            });
            promise.into()
        }
        Query::Share { redact } => {
            let diagnosis = now.diagnosis.as_deref();
            embed::share_value(
                diagnosis.and_then(|d| share::reply(d, lang)),
                diagnosis
                    .and_then(|d| share::note(d, lang, &now.done, redact.unwrap_or(now.redact))),
            )
        }
        Query::Words => embed::words_value(&share::app_words(lang)),
    }
}
