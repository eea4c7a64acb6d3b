//! The parser as a wasm module of its own, for the widget: the widget's wasm
//! holds the interface only, and loads this module with the first input
//! (`src/web/reader.rs`), so the page is usable sooner and carries no code it
//! does not need yet. It reads every shape of input the CLI reads, Outlook
//! `.msg` items included. Trunk builds it beside the widget (`index.html`);
//! `scripts/postbuild.mjs` ships it as one same-origin module,
//! `reader-<hash>.js`. On other targets it only explains where to look.

#[cfg(target_arch = "wasm32")]
mod reader {
    use wasm_bindgen::prelude::*;

    /// The diagnosis of `input`, as the one string the widget reads back
    /// (`ndr_explainer::wire`).
    #[wasm_bindgen]
    pub fn analyse(input: &[u8]) -> String {
        ndr_explainer::wire::encode(&ndr_explainer::analyse(input))
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ndr-explainer-reader is the widget's parser, a wasm module: `scripts/build.sh` builds it; on the command line, use `ndr-explain`.");
    std::process::exit(2);
}
