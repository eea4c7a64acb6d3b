//! "I received this bounce" / "I am the admin".

use crate::session::Audience;
use crate::{catalogue, Lang};
use yew::prelude::*;

/// Props of [`AudienceSwitch`].
#[derive(PartialEq, Properties)]
pub struct AudienceSwitchProps {
    /// The interface language.
    pub lang: Lang,
    /// The current audience.
    pub audience: Audience,
    /// Called with the chosen audience.
    pub on_change: Callback<Audience>,
}

/// Two radio buttons in a fieldset, so keyboards and screen readers know them.
#[component]
pub fn AudienceSwitch(props: &AudienceSwitchProps) -> Html {
    let ui = catalogue::ui(props.lang);
    let option = |audience: Audience, label: &'static str, id: &'static str| {
        let on_change = props.on_change.clone();
        html! {
            <label class="ndr-choice">
                <input type="radio" name="ndr-audience" data-testid={ id }
                    checked={ props.audience == audience }
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
