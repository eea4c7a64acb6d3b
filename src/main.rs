//! The browser widget's entry point. Trunk builds this binary for `wasm32`;
//! on other targets it only explains where to look.

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::prelude::*;

    /// Runs when the module is instantiated: mounts the page's widget, if the
    /// page has one.
    #[wasm_bindgen(start)]
    pub fn start() {
        ndr_explainer::web::start();
    }

    /// Called by `<ndr-explainer>` to mount a widget in its shadow root.
    #[wasm_bindgen]
    pub fn mount(
        root: web_sys::Element,
        host: web_sys::Element,
        lang: Option<String>,
        audience: Option<String>,
        theme: Option<String>,
    ) {
        ndr_explainer::web::mount(root, host, lang, audience, theme);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ndr-explainer-web is the browser widget: build it with `trunk build`, or use the `ndr-explain` command on the command line.");
    std::process::exit(2);
}
