//! For the person who got the bounce: what to do now, and a message to send
//! to the admin with the bounce's facts filled in.

use super::{redact_toggle, CopyButton};
use crate::catalogue;
use crate::web::markup::h3;
use crate::{Diagnosis, Lang};
use yew::prelude::*;

/// Steps for the sender and the ready-to-send message about the diagnosed
/// bounce, with a copy button. `redact` says whether personal data is hidden
/// in the message; `on_redact` is called to hide it or show it again.
pub fn sender_help(
    lang: Lang,
    diagnosis: &Diagnosis,
    redact: bool,
    on_redact: &Callback<bool>,
) -> Html {
    let Some(entry) = diagnosis.entry else {
        return Html::default();
    };
    let ui = catalogue::ui(lang);
    let texts = entry.texts(lang);
    let mut message = catalogue::admin_message(texts, &diagnosis.bounce, lang);
    if redact {
        message = crate::redact::redact(&message);
    }
    html! {
        <div class="ndr-sender" data-testid="sender-help">
            { h3(ui.sender_heading) }
            <ol>{ for texts.sender_steps.iter().map(|s| html! { <li>{ *s }</li> }) }</ol>
            <h3 id="ndr-admin-message">{ ui.admin_message_heading }</h3>
            <pre class="ndr-copyable" data-testid="admin-message" aria-labelledby="ndr-admin-message">{ message.clone() }</pre>
            { redact_toggle(lang, redact, on_redact, "ndr-redact-message") }
            <CopyButton {lang} text={message} label={ui.admin_message_heading} testid="copy-admin-message" />
        </div>
    }
}
