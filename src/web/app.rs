//! The widget's root component.

use super::components::{BounceInput, Diagnosis, LangSwitch};
use super::page;
use super::state::{Action, State};
use crate::catalogue;
use yew::prelude::*;

/// The whole widget: input, language switch and diagnosis.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(page::initial_lang()));
    let lang = state.lang;
    use_effect_with(lang, |lang| page::set_document_lang(*lang));
    let ui = catalogue::ui(lang);
    let on_input = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::Input(text)))
    };
    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang| state.dispatch(Action::SetLang(lang)))
    };
    html! {
        <div class="ndr">
            <header class="ndr-header">
                <h1>{ ui.app_title }</h1>
                <LangSwitch {lang} on_change={on_lang} />
            </header>
            <p class="ndr-tagline">{ ui.tagline }</p>
            <BounceInput {lang} on_input={on_input} />
            <p class="ndr-privacy">{ ui.privacy }</p>
            <Diagnosis {lang} bounce={state.bounce.clone()} />
        </div>
    }
}
