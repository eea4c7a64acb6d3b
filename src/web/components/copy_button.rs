//! A button that copies a text to the clipboard and says whether it worked.

use crate::{catalogue, Lang};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

/// Props of [`CopyButton`].
#[derive(PartialEq, Properties)]
pub struct CopyButtonProps {
    /// The interface language.
    pub lang: Lang,
    /// Exactly what is copied.
    pub text: AttrValue,
    /// What the button copies, for screen readers (after the visible "Copy").
    pub label: AttrValue,
    /// A test id for the button.
    #[prop_or_default]
    pub testid: AttrValue,
}

#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Idle,
    Copied,
    Failed,
}

/// Copies on click; the outcome is announced politely.
#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let ui = catalogue::ui(props.lang);
    let outcome = use_state(|| Outcome::Idle);
    {
        let outcome = outcome.clone();
        use_effect_with(props.text.clone(), move |_| outcome.set(Outcome::Idle));
    }
    let onclick = {
        let text = props.text.clone();
        let outcome = outcome.clone();
        Callback::from(move |_: MouseEvent| {
            let text = text.clone();
            let outcome = outcome.clone();
            spawn_local(async move {
                let copied = match web_sys::window() {
                    Some(window) => {
                        let promise = window.navigator().clipboard().write_text(&text);
                        JsFuture::from(promise).await.is_ok()
                    }
                    None => false,
                };
                outcome.set(if copied {
                    Outcome::Copied
                } else {
                    Outcome::Failed
                });
            });
        })
    };
    let status = match *outcome {
        Outcome::Idle => "",
        Outcome::Copied => ui.copied,
        Outcome::Failed => ui.copy_failed,
    };
    html! {
        <span class="ndr-copy">
            <button type="button" {onclick} aria-label={ ui.copy_named(&props.label) }
                data-testid={ props.testid.clone() }>{ ui.copy }</button>
            <span class="ndr-copy-status" role="status">{ status }</span>
        </span>
    }
}
