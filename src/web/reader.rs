//! The parser, for the widget. The widget's wasm holds the interface only:
//! the parser is a wasm module of its own (`src/bin/ndr-explainer-reader.rs`),
//! which the page imports with the first input through a loader it hands
//! over when it starts the widget (`() => Promise<(bytes) => string>`: a
//! same-origin module import, whose function gives the diagnosis in the form
//! of [`crate::wire`]). The module is the same file for everyone and the
//! request carries nothing from the page. If it cannot be loaded, the
//! diagnosis says so ([`crate::Limit::ReaderUnavailable`]). Built with the feature
//! `inline-reader` (the browser tests), the widget analyses in its own wasm.

use crate::Bounce;
use std::cell::RefCell;

thread_local! {
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// The module's function once loaded: later inputs call it at once,
    /// where awaiting another import would wait for the browser's next task,
    /// after the frame that lays out a large paste.
    #[cfg(not(feature = "inline-reader"))]
    static PARSER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Keeps the page's loader of the reader module; `None` leaves an earlier one in place.
pub fn set_loader(loader: Option<js_sys::Function>) {
    if let Some(loader) = loader {
        LOADER.with(|slot| *slot.borrow_mut() = Some(loader));
    }
}

/// Loads the parser's module ahead of the first input, so that its
/// diagnosis does not wait for it.
pub async fn prepare() {
    #[cfg(not(feature = "inline-reader"))]
    let _ = parser().await;
}

/// The diagnosis of `bytes` (already cut to what the widget reads).
pub async fn analyse(bytes: &[u8]) -> Bounce {
    #[cfg(feature = "inline-reader")]
    return crate::analyse(bytes);
    #[cfg(not(feature = "inline-reader"))]
    match from_module(bytes).await {
        Some(bounce) => bounce,
        None => {
            let mut bounce = Bounce::none();
            bounce.limits.push(crate::Limit::ReaderUnavailable);
            bounce
        }
    }
}

/// What the reader module says of `bytes`; `None` when it could not be
/// loaded, or threw or answered in another form (it never should).
#[cfg(not(feature = "inline-reader"))]
async fn from_module(bytes: &[u8]) -> Option<Bounce> {
    use wasm_bindgen::JsValue;
    let answer = parser()
        .await?
        .call1(&JsValue::NULL, &js_sys::Uint8Array::from(bytes))
        .ok()?;
    crate::wire::decode(&answer.as_string()?)
}

/// The reader module's function, loaded by the page's loader the first time.
#[cfg(not(feature = "inline-reader"))]
async fn parser() -> Option<js_sys::Function> {
    use wasm_bindgen::{JsCast, JsValue};
    if let Some(parser) = PARSER.with(|slot| slot.borrow().clone()) {
        return Some(parser);
    }
    let loader = LOADER.with(|slot| slot.borrow().clone())?;
    let module = loader.call0(&JsValue::NULL).ok()?;
    let parser: js_sys::Function =
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&module))
            .await
            .ok()?
            .dyn_into()
            .ok()?;
    PARSER.with(|slot| *slot.borrow_mut() = Some(parser.clone()));
    Some(parser)
}
