//! Brings a language's texts into the catalogue when the widget needs them.
//!
//! The page hands over a loader (`(tag) => Promise<string>`, a same-origin
//! module import) when it starts the widget; a page built with both
//! languages embedded (the tests) never calls it.

use crate::session::{Action, Session};
use crate::{catalogue, Lang};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Keeps the page's loader; `None` leaves an earlier one in place.
pub fn set_loader(loader: Option<js_sys::Function>) {
    if let Some(loader) = loader {
        LOADER.with(|slot| *slot.borrow_mut() = Some(loader));
    }
}

/// Loads the texts of `lang`, unless they are already here.
pub async fn ensure(lang: Lang) -> Result<(), String> {
    if catalogue::is_loaded(lang) {
        return Ok(());
    }
    let loader = LOADER.with(|slot| slot.borrow().clone());
    let loader = loader.ok_or("the page gave the widget no way to load its texts")?;
    let promise = loader
        .call1(&JsValue::NULL, &JsValue::from_str(lang.tag()))
        .map_err(describe)?;
    let text = JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .map_err(describe)?
        .as_string()
        .ok_or("the texts module holds no text")?;
    catalogue::load(lang, text).map_err(|e| e.to_string())
}

/// A callback that switches the session to a language once its texts are
/// here (or could not be loaded: then the other language's stand in).
pub fn switch_lang(session: &yew::UseReducerHandle<Session>) -> yew::Callback<Lang> {
    let session = session.clone();
    yew::Callback::from(move |lang| {
        let session = session.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = ensure(lang).await;
            session.dispatch(Action::SetLang(lang));
        });
    })
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the texts could not be loaded".to_owned())
}
