//! For the person who got the bounce: what to do now, and a message to send
//! to the admin with the bounce's facts filled in.

use super::{CopyButton, RedactToggle};
use crate::catalogue::{self, Entry};
use crate::{Bounce, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`SenderHelp`].
#[derive(PartialEq, Properties)]
pub struct SenderHelpProps {
    /// The interface language.
    pub lang: Lang,
    /// The catalogue entry.
    pub entry: &'static Entry,
    /// The diagnosis, to fill the message.
    pub bounce: Rc<Bounce>,
    /// Whether personal data is hidden in the message.
    pub redact: bool,
    /// Called to hide personal data or show it again.
    pub on_redact: Callback<bool>,
}

/// Steps for the sender and the ready-to-send message, with a copy button.
#[component]
pub fn SenderHelp(props: &SenderHelpProps) -> Html {
    let ui = catalogue::ui(props.lang);
    let texts = props.entry.texts(props.lang);
    let mut message = catalogue::admin_message(texts, &props.bounce, props.lang);
    if props.redact {
        message = crate::redact::redact(&message);
    }
    html! {
        <div class="ndr-sender" data-testid="sender-help">
            <h3>{ ui.sender_heading }</h3>
            <ol>{ for texts.sender_steps.iter().map(|s| html! { <li>{ *s }</li> }) }</ol>
            <h3 id="ndr-admin-message">{ ui.admin_message_heading }</h3>
            <pre class="ndr-copyable" data-testid="admin-message" aria-labelledby="ndr-admin-message">{ message.clone() }</pre>
            <RedactToggle lang={props.lang} redact={props.redact} on_change={props.on_redact.clone()} id="ndr-redact-message" />
            <CopyButton lang={props.lang} text={message} label={ui.admin_message_heading} testid="copy-admin-message" />
        </div>
    }
}
