//! The hook that links the widget to the page that hosts it.

use super::embed::{self, Mode};
use crate::protocol::Command;
use crate::report;
use crate::session::{Action, Session};
use yew::prelude::*;

/// In an iframe: accept the parent's commands, announce `ready`, report the
/// height. In an iframe or an element: publish each new diagnosis.
#[hook]
pub fn use_host(mode: &Mode, session: &UseReducerHandle<Session>) {
    {
        let session = session.clone();
        use_effect_with(mode.clone(), move |mode| {
            let mut links = None;
            if let Mode::Frame { parent_origin } = mode {
                embed::mark_embedded();
                if let Some(origin) = parent_origin {
                    let set_lang = super::texts::switch_lang(&session);
                    let on_command = Callback::from(move |command| match command {
                        Command::Analyse(text) => session.dispatch(Action::Load(text)),
                        Command::SetLang(lang) => set_lang.emit(lang),
                        Command::SetAudience(audience) => {
                            session.dispatch(Action::SetAudience(audience))
                        }
                    });
                    let listener = embed::listen(origin.clone(), on_command);
                    let height = embed::report_height(origin.clone());
                    embed::post(origin, "ready", None);
                    links = Some((listener, height));
                }
            }
            move || drop(links)
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
            // Nothing is announced before the first diagnosis.
            if !*texts_here || (diagnosis.is_none() && !*published.borrow()) {
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
