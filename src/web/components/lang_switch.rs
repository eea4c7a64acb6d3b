//! The visible English/French switch.

use crate::{catalogue, Lang};
use yew::prelude::*;

/// Two buttons, one per language; the current one (`current`) is pressed.
/// `on_change` is called with the chosen language.
pub fn lang_switch(current: Lang, on_change: &Callback<Lang>) -> Html {
    let ui = catalogue::ui(current);
    html! {
        <div class="ndr-lang" role="group" aria-label={ ui.lang_label }>
            { for Lang::ALL.iter().map(|&lang| {
                let on_change = on_change.clone();
                // Each language is named in itself, as people look for it.
                let (name, testid) = match lang {
                    Lang::En => ("English", "lang-en"),
                    Lang::Fr => ("Français", "lang-fr"),
                };
                html! {
                    <button type="button"
                        data-testid={ testid }
                        lang={ lang.tag() }
                        aria-pressed={ if lang == current { "true" } else { "false" } }
                        onclick={ move |_| on_change.emit(lang) }>
                        { name }
                    </button>
                }
            }) }
        </div>
    }
}
