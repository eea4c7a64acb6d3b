//! Living inside a help-desk portal: in an iframe that talks to its parent
//! with `postMessage` (protocol in [`crate::protocol`]), or as the custom
//! element `<ndr-explainer>` that takes commands and questions as DOM events
//! on itself and dispatches its results there.

use crate::protocol::{self, Command, Fields, Query};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, Element, MessageEvent};
use yew::Callback;

/// Where the widget runs.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Mode {
    /// Opened as a page of its own.
    #[default]
    Page,
    /// In an iframe (`?embed=1`); talks to the parent only when
    /// `?parent_origin=` names an http(s) origin.
    Frame {
        /// The only origin messages are accepted from and posted to.
        parent_origin: Option<String>,
    },
    /// Mounted by the `<ndr-explainer>` element, inside its shadow root.
    Element {
        /// The `<ndr-explainer>` element: events are dispatched on it.
        host: Element,
    },
}

/// The mode the page's address asks for.
pub fn page_mode() -> Mode {
    let params = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
    let Some(params) = params else {
        return Mode::Page;
    };
    if params.get("embed").as_deref() != Some("1") {
        return Mode::Page;
    }
    let parent_origin = params
        .get("parent_origin")
        .filter(|o| protocol::is_origin(o));
    Mode::Frame { parent_origin }
}

/// Listens for the parent's commands while alive.
pub struct Listener {
    closure: Closure<dyn FnMut(MessageEvent)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "message",
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Accepts commands from the parent window at `parent_origin` only; every
/// other message is ignored, never evaluated.
pub fn listen(parent_origin: String, on_command: Callback<Command>) -> Option<Listener> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    let closure = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        // The parent lives in another realm: compare identities, not types.
        let from_parent = event
            .source()
            .is_some_and(|s| JsValue::from(s) == JsValue::from(parent.clone()));
        if !from_parent || !protocol::origin_allowed(Some(&parent_origin), &event.origin()) {
            return;
        }
        if let Some(command) = protocol::command(&fields(&event.data())) {
            on_command.emit(command);
        }
    });
    window
        .add_event_listener_with_callback("message", closure.as_ref().unchecked_ref())
        .ok()?;
    Some(Listener { closure })
}

fn fields(data: &JsValue) -> Fields {
    let get = |name: &str| js_sys::Reflect::get(data, &name.into()).ok();
    let text = |name: &str| get(name).and_then(|v| v.as_string());
    let kind = text("type");
    Fields {
        source: text("source"),
        version: get("version").and_then(|v| v.as_f64()),
        value: kind
            .as_deref()
            .and_then(protocol::value_field)
            .and_then(text),
        redact: get("redact").and_then(|v| v.as_bool()),
        kind,
    }
}

/// Listens on the `<ndr-explainer>` element while alive: commands
/// (`ndr-explainer:command`) and questions (`ndr-explainer:query`), each
/// with the message as `detail`. A question's answer is written into
/// `detail.answer` before `dispatchEvent` returns; anything that is not
/// exactly a known command or question is ignored.
pub struct ElementListener {
    host: Element,
    on_command: Closure<dyn FnMut(CustomEvent)>,
    on_query: Closure<dyn FnMut(CustomEvent)>,
}

impl Drop for ElementListener {
    fn drop(&mut self) {
        for (name, closure) in [
            ("ndr-explainer:command", &self.on_command),
            ("ndr-explainer:query", &self.on_query),
        ] {
            let _ = self
                .host
                .remove_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        }
    }
}

/// Starts listening on `host`; `answer` gives the answer to a question.
pub fn listen_element(
    host: &Element,
    on_command: Callback<Command>,
    answer: impl Fn(Query) -> JsValue + 'static,
) -> Option<ElementListener> {
    let on_command = Closure::<dyn FnMut(CustomEvent)>::new(move |event: CustomEvent| {
        if let Some(command) = protocol::command(&fields(&event.detail())) {
            on_command.emit(command);
        }
    });
    let on_query = Closure::<dyn FnMut(CustomEvent)>::new(move |event: CustomEvent| {
        let detail = event.detail();
        if let Some(query) = protocol::query(&fields(&detail)) {
            let _ = js_sys::Reflect::set(&detail, &"answer".into(), &answer(query));
        }
    });
    for (name, closure) in [
        ("ndr-explainer:command", &on_command),
        ("ndr-explainer:query", &on_query),
    ] {
        host.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())
            .ok()?;
    }
    Some(ElementListener {
        host: host.clone(),
        on_command,
        on_query,
    })
}

/// The texts to insert into a ticket as `{ reply, note }`, each a string or `null`.
pub fn share_value(reply: Option<String>, note: Option<String>) -> JsValue {
    let value = js_sys::Object::new();
    for (name, text) in [("reply", reply), ("note", note)] {
        let text = text.map_or(JsValue::NULL, |t| JsValue::from_str(&t));
        let _ = js_sys::Reflect::set(&value, &name.into(), &text);
    }
    value.into()
}

/// Words by key as a plain object.
pub fn words_value(words: &[(&str, String)]) -> JsValue {
    let value = js_sys::Object::new();
    for (key, word) in words {
        let _ = js_sys::Reflect::set(&value, &(*key).into(), &word.as_str().into());
    }
    value.into()
}

/// Posts `{source, version, type, [name]: value}` to the parent at `parent_origin`.
pub fn post(parent_origin: &str, kind: &str, field: Option<(&str, JsValue)>) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let message = js_sys::Object::new();
    let set = |name: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&message, &name.into(), value);
    };
    set("source", &protocol::WIDGET_SOURCE.into());
    set("version", &protocol::VERSION.into());
    set("type", &kind.into());
    if let Some((name, value)) = field {
        set(name, &value);
    }
    let _ = parent.post_message(&message, parent_origin);
}

/// The diagnosis as a plain JavaScript object (`null` when there is none).
pub fn result_value(json: Option<&str>) -> JsValue {
    json.and_then(|j| js_sys::JSON::parse(j).ok())
        .unwrap_or(JsValue::NULL)
}

/// Dispatches `ndr-explainer:result` on the element, `detail` the diagnosis.
pub fn dispatch_result(host: &Element, json: Option<&str>) {
    dispatch(host, "ndr-explainer:result", &result_value(json));
}

/// Dispatches `ndr-explainer:ready` on the element once it listens.
pub fn dispatch_ready(host: &Element) {
    dispatch(host, "ndr-explainer:ready", &JsValue::NULL);
}

fn dispatch(host: &Element, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(detail);
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Reports the document's height to the parent whenever it changes.
pub struct HeightReporter {
    observer: web_sys::ResizeObserver,
    _closure: Closure<dyn FnMut()>,
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Starts reporting the height of the document's content to `parent_origin`.
pub fn report_height(parent_origin: String) -> Option<HeightReporter> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let mut last = -1.0;
    let closure = Closure::<dyn FnMut()>::new(move || {
        let height = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .map_or(0.0, |e| f64::from(e.scroll_height()));
        if height != last {
            last = height;
            post(&parent_origin, "height", Some(("height", height.into())));
        }
    });
    let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some(HeightReporter {
        observer,
        _closure: closure,
    })
}

/// Marks the document as embedded, so its background turns transparent.
pub fn mark_embedded() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.class_list().add_1("ndr-embedded");
    }
}
