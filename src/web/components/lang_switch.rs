//! The visible English/French switch.

use crate::{catalogue, Lang};
use yew::prelude::*;

/// Props of [`LangSwitch`].
#[derive(PartialEq, Properties)]
pub struct LangSwitchProps {
    /// The current language.
    pub lang: Lang,
    /// Called with the chosen language.
    pub on_change: Callback<Lang>,
}

/// Two buttons, one per language; the current one is pressed.
#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let ui = catalogue::ui(props.lang);
    html! {
        <div class="ndr-lang" role="group" aria-label={ ui.lang_label }>
            { for Lang::ALL.iter().map(|&lang| {
                let on_change = props.on_change.clone();
                // Each language is named in itself, as people look for it.
                let name = match lang {
                    Lang::En => "English",
                    Lang::Fr => "Français",
                };
                html! {
                    <button type="button"
                        data-testid={ format!("lang-{}", lang.tag()) }
                        lang={ lang.tag() }
                        aria-pressed={ (lang == props.lang).to_string() }
                        onclick={ move |_| on_change.emit(lang) }>
                        { name }
                    </button>
                }
            }) }
        </div>
    }
}
