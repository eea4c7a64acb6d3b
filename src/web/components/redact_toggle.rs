//! The "hide personal data" switch for copied texts.

use crate::{catalogue, Lang};
use yew::prelude::*;

/// Props of [`RedactToggle`].
#[derive(PartialEq, Properties)]
pub struct RedactToggleProps {
    /// The interface language.
    pub lang: Lang,
    /// Whether personal data is hidden.
    pub redact: bool,
    /// Called with the new choice.
    pub on_change: Callback<bool>,
    /// Distinguishes the two places the switch appears.
    pub id: AttrValue,
}

/// A checkbox with its explanation; the preview above it is what is copied.
#[component]
pub fn RedactToggle(props: &RedactToggleProps) -> Html {
    let ui = catalogue::ui(props.lang);
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        on_change.emit(input.checked());
    });
    let hint = format!("{}-hint", props.id);
    html! {
        <div class="ndr-redact">
            <label class="ndr-choice">
                <input type="checkbox" id={ props.id.clone() } data-testid="redact"
                    checked={ props.redact } aria-describedby={ hint.clone() } {onchange} />
                { ui.redact_label }
            </label>
            <p class="ndr-hint" id={ hint }>{ ui.redact_hint }</p>
        </div>
    }
}
