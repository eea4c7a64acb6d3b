//! The browser widget: a thin Yew layer over [`crate::analyse`] and the
//! catalogue. Built for `wasm32` only.

mod app;
mod components;
mod decoder;
mod embed;
mod host;
mod markup;
mod page;
mod progress;
mod reader;
mod state;
mod texts;

pub use app::{App, AppProps};
pub use embed::Mode;
pub use reader::set_loader as set_reader_loader;
pub use texts::set_loader as set_texts_loader;

/// Mounts the widget on the page's `<main id="ndr-explainer-app">`, in the
/// mode the address asks for. A page without that element (a portal that
/// loaded the script for `<ndr-explainer>`) is left untouched.
pub fn start() {
    decoder::install();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("ndr-explainer-app"));
    if let Some(root) = root {
        let props = AppProps {
            mode: embed::page_mode(),
            ..AppProps::default()
        };
        yew::Renderer::<App>::with_root_and_props(root, props).render();
    }
}

/// Mounts the widget inside `root` (in the shadow root of `host`, the
/// `<ndr-explainer>` element), with the element's attributes as options.
pub fn mount(
    root: web_sys::Element,
    host: web_sys::Element,
    lang: Option<String>,
    audience: Option<String>,
    theme: Option<String>,
) {
    decoder::install();
    let props = AppProps {
        mode: Mode::Element { host },
        lang: lang.as_deref().and_then(crate::Lang::from_tag),
        audience: match audience.as_deref() {
            Some("admin") => Some(crate::session::Audience::Admin),
            Some("sender") => Some(crate::session::Audience::Sender),
            _ => None,
        },
        theme: theme
            .filter(|t| t == "light" || t == "dark")
            .map(Into::into),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}
