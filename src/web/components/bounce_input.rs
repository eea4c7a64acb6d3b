//! The text area where a bounce is pasted.

use crate::{catalogue, Lang};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`BounceInput`].
#[derive(PartialEq, Properties)]
pub struct BounceInputProps {
    /// The interface language.
    pub lang: Lang,
    /// Called with the whole text on every change.
    pub on_input: Callback<String>,
}

/// A labelled text area; analysis runs on every input, no button needed.
#[component]
pub fn BounceInput(props: &BounceInputProps) -> Html {
    let ui = catalogue::ui(props.lang);
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_input.emit(area.value());
        })
    };
    html! {
        <div class="ndr-input">
            <label for="ndr-input">{ ui.input_label }</label>
            <p id="ndr-input-hint" class="ndr-hint">{ ui.input_hint }</p>
            <textarea id="ndr-input" data-testid="ndr-input" rows="10" spellcheck="false"
                autocomplete="off" aria-describedby="ndr-input-hint" {oninput} />
        </div>
    }
}
