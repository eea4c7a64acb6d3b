//! The browser widget: a thin Yew layer over [`crate::analyse`] and the
//! catalogue. Built for `wasm32` only.

mod app;
mod components;
mod page;
mod progress;
mod state;

pub use app::App;

/// Mounts the widget on the page's `<main id="app">` (or the body).
pub fn start() {
    let document = gloo_document();
    match document.get_element_by_id("app") {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

fn gloo_document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("the widget runs in a page with a document")
}
