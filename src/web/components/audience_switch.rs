//! "I received this bounce" / "I am the admin".

use crate::session::Audience;
use crate::{catalogue, Lang};
use yew::prelude::*;

/// Two radio buttons in a fieldset, so keyboards and screen readers know
/// them; `current` is checked, `on_change` is called with the chosen one.
pub fn audience_switch(lang: Lang, current: Audience, on_change: &Callback<Audience>) -> Html {
    let ui = catalogue::ui(lang);
    let option = |audience: Audience, label: &'static str, id: &'static str| {
        let on_change = on_change.clone();
        html! {
            <label class="ndr-choice">
                <input type="radio" name="ndr-audience" data-testid={ id }
                    checked={ current == audience }
                    onchange={ move |_| on_change.emit(audience) } />
                { label }
            </label>
        }
    };
    html! {
        <fieldset class="ndr-audience">
            <legend>{ ui.audience_label }</legend>
            { option(Audience::Sender, ui.audience_sender, "audience-sender") }
            { option(Audience::Admin, ui.audience_admin, "audience-admin") }
        </fieldset>
    }
}
