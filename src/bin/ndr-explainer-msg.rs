//! The Outlook item reader as a wasm module of its own, for the widget: its
//! wasm leaves the reader out (the first load has no room for it) and loads
//! this one the first time a `.msg` is given (`src/web/outlook.rs`). Trunk
//! builds it beside the widget (`index.html`); `scripts/postbuild.mjs` ships
//! it as one same-origin module, `msg-<hash>.js`. On other targets it only
//! explains where to look.

#[cfg(target_arch = "wasm32")]
mod reader {
    use ndr_explainer::msg::{self, handover};
    use wasm_bindgen::prelude::*;

    /// What the reader makes of the Outlook item `input`: the MIME message
    /// it stands for, or why nothing could be read, in the hand-over form
    /// the widget takes apart (`msg::handover`).
    #[wasm_bindgen]
    pub fn to_mime(input: &[u8]) -> Vec<u8> {
        handover::encode(&msg::to_mime(input))
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ndr-explainer-msg is the widget's Outlook item reader, a wasm module: `scripts/build.sh` builds it; the `ndr-explain` command reads .msg files itself.");
    std::process::exit(2);
}
