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
                    let on_command = Callback::from(move |command| {
                        session.dispatch(match command {
                            Command::Analyse(text) => Action::Load(text),
                            Command::SetLang(lang) => Action::SetLang(lang),
                            Command::SetAudience(audience) => Action::SetAudience(audience),
                        })
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
    use_effect_with(
        (session.bounce.clone(), session.lang, mode.clone()),
        move |(bounce, lang, mode)| {
            // Nothing is announced before the first diagnosis.
            if bounce.is_none() && !*published.borrow() {
                return;
            }
            *published.borrow_mut() = true;
            let json = bounce.as_ref().map(|b| report::to_json(b, *lang));
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
