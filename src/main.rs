//! The browser widget's entry point. Trunk builds this binary for `wasm32`;
//! on other targets it only explains where to look.

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::prelude::*;

    /// Mounts the page's widget, if the page has one. `texts` loads a
    /// language's texts: `(tag) => Promise<string>`; `reader` loads the
    /// parser's module: `() => Promise<(bytes) => string>`.
    #[wasm_bindgen]
    pub fn start(texts: Option<js_sys::Function>, reader: Option<js_sys::Function>) {
        ndr_explainer::web::set_texts_loader(texts);
        ndr_explainer::web::set_reader_loader(reader);
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
        texts: Option<js_sys::Function>,
        reader: Option<js_sys::Function>,
    ) {
        ndr_explainer::web::set_texts_loader(texts);
        ndr_explainer::web::set_reader_loader(reader);
        ndr_explainer::web::mount(root, host, lang, audience, theme);
    }
}

/// Each language's texts, carried in a custom section of the wasm:
/// `scripts/postbuild.mjs` takes them out and ships one module per language,
/// so that a page downloads only the language it shows.
#[cfg(all(target_arch = "wasm32", not(feature = "embedded-content")))]
pub mod texts {
    macro_rules! section {
        ($name:ident, $section:literal, $file:literal) => {
            #[link_section = $section]
            pub static $name: [u8; include_bytes!(concat!(env!("OUT_DIR"), $file)).len()] =
                *include_bytes!(concat!(env!("OUT_DIR"), $file));
        };
    }
    section!(EN, "ndr-texts-en", "/content-en.txt");
    section!(FR, "ndr-texts-fr", "/content-fr.txt");
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ndr-explainer-web is the browser widget: build it with `trunk build`, or use the `ndr-explain` command on the command line.");
    std::process::exit(2);
}
