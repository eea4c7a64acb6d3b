//! For 5.7.750: which sender domains in the bounce are not accepted domains.

use crate::accepted::{self, Seen};
use crate::web::markup::p;
use crate::{catalogue, Diagnosis, Lang};
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`AcceptedDomains`].
#[derive(PartialEq, Properties)]
pub struct AcceptedDomainsProps {
    /// The interface language.
    pub lang: Lang,
    /// The diagnosis.
    pub diagnosis: Rc<Diagnosis>,
}

/// A text area for the accepted domains and, beside it, every sender domain
/// of the bounce marked accepted or not. Nothing pasted here is kept.
#[component]
pub fn AcceptedDomains(props: &AcceptedDomainsProps) -> Html {
    let ui = catalogue::ui(props.lang);
    let pasted = use_state(String::new);
    let oninput = {
        let pasted = pasted.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            pasted.set(area.value());
        })
    };
    let senders = accepted::sender_domains(&props.diagnosis.bounce);
    let accepted_list = accepted::parse_accepted(&pasted);
    let missing: Vec<String> = accepted::unaccepted(&props.diagnosis.bounce, &accepted_list)
        .into_iter()
        .map(|d| d.domain)
        .collect();
    let seen_name = |seen: &Seen| match seen {
        Seen::From => ui.seen_from,
        Seen::ReturnPath => ui.seen_return_path,
        Seen::Notified => ui.seen_notified,
        Seen::Received => ui.seen_received,
    };
    let result = if senders.is_empty() {
        html! { <p data-testid="domains-none">{ ui.domains_none_seen }</p> }
    } else {
        html! {
            <>
                { p(ui.domains_waiting) }
                <ul data-testid="sender-domains">
                    { for senders.iter().map(|sender| {
                        let is_missing = missing.contains(&sender.domain);
                        let seen: Vec<&str> = sender.seen.iter().map(seen_name).collect();
                        let content = html! {
                            <>
                                <code>{ &sender.domain }</code>
                                { format!(" ({})", seen.join(", ")) }
                                if !accepted_list.is_empty() {
                                    { " — " }
                                    <strong>{ if is_missing { ui.domains_missing } else { ui.domains_ok } }</strong>
                                }
                            </>
                        };
                        // Literal classes, not `classes!` (see `components`).
                        if is_missing {
                            html! { <li class="ndr-missing" data-testid="domain-missing">{ content }</li> }
                        } else {
                            html! { <li data-testid="domain">{ content }</li> }
                        }
                    }) }
                </ul>
                if !accepted_list.is_empty() && missing.is_empty() {
                    <p data-testid="domains-all-ok">{ ui.domains_all_ok }</p>
                }
            </>
        }
    };
    html! {
        <section class="ndr-domains" aria-labelledby="ndr-domains-heading" data-testid="accepted-check">
            <h3 id="ndr-domains-heading">{ ui.domains_heading }</h3>
            <p id="ndr-domains-intro">{ ui.domains_intro }</p>
            <label for="ndr-domains">{ ui.domains_label }</label>
            <textarea id="ndr-domains" data-testid="accepted-input" rows="5" spellcheck="false"
                aria-describedby="ndr-domains-intro" value={ (*pasted).clone() } {oninput} />
            <div aria-live="polite">{ result }</div>
        </section>
    }
}
