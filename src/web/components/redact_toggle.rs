//! The "hide personal data" switch for copied texts.

use crate::{catalogue, Lang};
use yew::prelude::*;

/// A checkbox with its explanation; the preview above it is what is copied.
/// `redact` says whether personal data is hidden, `on_change` is called with
/// the new choice, and `id` distinguishes the two places the switch appears.
pub fn redact_toggle(
    lang: Lang,
    redact: bool,
    on_change: &Callback<bool>,
    id: &'static str,
) -> Html {
    let ui = catalogue::ui(lang);
    let on_change = on_change.clone();
    let onchange = Callback::from(move |event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        on_change.emit(input.checked());
    });
    let hint = format!("{id}-hint");
    html! {
        <div class="ndr-redact">
            <label class="ndr-choice">
                <input type="checkbox" {id} data-testid="redact"
                    checked={ redact } aria-describedby={ hint.clone() } {onchange} />
                { ui.redact_label }
            </label>
            <p class="ndr-hint" id={ hint }>{ ui.redact_hint }</p>
        </div>
    }
}
