//! Outlook items (`.msg`) in the widget. The widget's wasm leaves the reader
//! out (it would not fit the first load): the reader is a wasm module of its
//! own (`src/bin/ndr-explainer-msg.rs`), which the page imports the first
//! time an item is dropped or chosen, through a loader it hands over when it
//! starts the widget (`(bytes) => Promise<bytes>`: a same-origin module
//! import, once, then the reader's answer in the form of [`handover`]). The
//! module is the same file for everyone and the request carries nothing from
//! the page. Its answer goes to the core as it is
//! ([`msg::analyse_converted`]), so the diagnosis is the one a build with the
//! reader gives; if the module cannot be loaded, the diagnosis says so
//! ([`MsgError::ReaderUnavailable`]).

use crate::msg::{self, handover, Converted, MsgError};
use crate::session::{Action, Session, WIDGET_MAX_INPUT};
use js_sys::{Function, Promise, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static LOADER: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Keeps the page's loader of the reader module; `None` leaves an earlier one in place.
pub fn set_loader(loader: Option<Function>) {
    if let Some(loader) = loader {
        LOADER.with(|slot| *slot.borrow_mut() = Some(loader));
    }
}

/// A callback for the files a person gives: an Outlook item goes through the
/// reader module first, any other file straight to the session.
pub fn on_file(session: &yew::UseReducerHandle<Session>) -> yew::Callback<(String, Vec<u8>)> {
    let session = session.clone();
    yew::Callback::from(move |(name, bytes): (String, Vec<u8>)| {
        if !msg::is_compound_file(&bytes) {
            session.dispatch(Action::File { name, bytes });
            return;
        }
        let session = session.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let size = bytes.len();
            let converted = convert(&bytes[..size.min(WIDGET_MAX_INPUT)])
                .await
                .unwrap_or(Err(MsgError::ReaderUnavailable));
            session.dispatch(Action::Item {
                name,
                size,
                converted,
            });
        });
    })
}

/// What the reader module makes of `bytes`; `None` when it could not be
/// loaded, or threw or answered in another form (it never should).
async fn convert(bytes: &[u8]) -> Option<Result<Converted, MsgError>> {
    let loader = LOADER.with(|slot| slot.borrow().clone())?;
    let answer = loader
        .call1(&JsValue::NULL, &Uint8Array::from(bytes))
        .ok()?;
    let answer = JsFuture::from(Promise::resolve(&answer)).await.ok()?;
    handover::decode(&answer.dyn_into::<Uint8Array>().ok()?.to_vec())
}
