//! Small pieces of markup that recur across the components.
//!
//! Every `html!` element expands into a fair amount of inlined code (its
//! attributes, its children's vector, its reference counts); built here once
//! and called, a piece that appears ten times costs the wasm one copy, not
//! ten. `#[inline(never)]` keeps the optimiser from undoing that.

use crate::catalogue::Ui;
use yew::prelude::*;

/// `<h3>{text}</h3>`.
#[inline(never)]
pub fn h3(text: &'static str) -> Html {
    html! { <h3>{ text }</h3> }
}

/// `<p>{text}</p>`.
#[inline(never)]
pub fn p(text: &'static str) -> Html {
    html! { <p>{ text }</p> }
}

/// `<p><strong>{label}: </strong>{value}</p>`, one labelled line such as a
/// step's "Where: …", with the separator of the language.
#[inline(never)]
pub fn labelled(ui: &Ui, label: &'static str, value: &'static str) -> Html {
    html! { <p><strong>{ ui.labelled(label, "") }</strong>{ value }</p> }
}

/// `<dt>{label}</dt><dd data-testid={testid}>{value}</dd>`, one fact of a
/// description list.
#[inline(never)]
pub fn fact(label: &'static str, testid: Option<&'static str>, value: Html) -> Html {
    html! {
        <>
            <dt>{ label }</dt>
            <dd data-testid={ testid }>{ value }</dd>
        </>
    }
}
