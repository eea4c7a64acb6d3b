//! Where the bounce comes in: a text area for pasting, a file button, and
//! dropping a file anywhere on the input area. Several files at once, or one
//! mbox, go to the summary of many (`on_files`) instead.

use crate::session::Source;
use crate::{catalogue, Lang};
use std::rc::Rc;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Props of [`BounceInput`].
#[derive(PartialEq, Properties)]
pub struct BounceInputProps {
    /// The interface language.
    pub lang: Lang,
    /// Text the widget writes into the text area when `text_rev` changes.
    pub text: Rc<str>,
    /// Changes when `text` must be written (the user's own typing never does).
    pub text_rev: u32,
    /// What is being analysed.
    pub source: Option<Source>,
    /// Called with the whole text on every change.
    pub on_input: Callback<String>,
    /// Called with a file's name and bytes.
    pub on_file: Callback<(String, Vec<u8>)>,
    /// Called with several files given together, or with one mbox.
    pub on_files: Callback<Vec<web_sys::File>>,
    /// Called when the user clears the input.
    pub on_clear: Callback<()>,
}

/// The input area. Analysis runs on every change; no button is needed.
#[component]
pub fn BounceInput(props: &BounceInputProps) -> Html {
    let ui = catalogue::ui(props.lang);
    let unreadable = use_state(|| false);
    // The text area is left alone while the user types: writing a multi-
    // megabyte value back after every keystroke would freeze the page.
    let area = use_node_ref();
    {
        let area = area.clone();
        let text = props.text.clone();
        use_effect_with(props.text_rev, move |_| {
            if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                area.set_value(&text);
            }
        });
    }
    let dragging = use_state(|| false);
    let read = {
        let on_file = props.on_file.clone();
        let unreadable = unreadable.clone();
        move |file: web_sys::File| {
            let on_file = on_file.clone();
            let unreadable = unreadable.clone();
            spawn_local(async move {
                match JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => {
                        unreadable.set(false);
                        on_file.emit((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()));
                    }
                    Err(_) => unreadable.set(true),
                }
            });
        }
    };
    // Several files go to the summary; so does one that opens with `From `
    // (an mbox). Any other single file is read as one bounce.
    let take = {
        let on_files = props.on_files.clone();
        let unreadable = unreadable.clone();
        move |list: Option<web_sys::FileList>| {
            let Some(list) = list else {
                return;
            };
            let mut files: Vec<web_sys::File> =
                (0..list.length()).filter_map(|i| list.get(i)).collect();
            if files.len() > 1 {
                unreadable.set(false);
                return on_files.emit(files);
            }
            let Some(file) = files.pop() else {
                return;
            };
            let (read, on_files) = (read.clone(), on_files.clone());
            spawn_local(async move {
                if is_mbox(&file).await {
                    on_files.emit(vec![file]);
                } else {
                    read(file);
                }
            });
        }
    };
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_input.emit(area.value());
        })
    };
    let onchange = {
        let take = take.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            take(input.files());
            input.set_value("");
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            take(event.data_transfer().and_then(|d| d.files()));
        })
    };
    let onclick = {
        let on_clear = props.on_clear.clone();
        let unreadable = unreadable.clone();
        Callback::from(move |_: MouseEvent| {
            unreadable.set(false);
            on_clear.emit(());
        })
    };
    let file_note = match &props.source {
        Some(Source::File { name, size }) => Some(ui.file_loaded(name, &size.to_string())),
        _ => None,
    };
    let content = html! {
        <>
            <label for="ndr-input">{ ui.input_label }</label>
            <p id="ndr-input-hint" class="ndr-hint">{ ui.input_hint }</p>
            // A pasted bounce is in no known language, not the interface's: an
            // empty `lang` says so to screen readers, and spares the browser
            // re-shaping megabytes of text when the interface changes language.
            <textarea id="ndr-input" data-testid="ndr-input" rows="10" spellcheck="false" lang=""
                autocomplete="off" aria-describedby="ndr-input-hint"
                ref={ area } {oninput} />
            <div class="ndr-input-actions">
                <label class="ndr-file">
                    <input type="file" accept=".eml,.txt,.msg,.html,.htm,.mbox,message/rfc822,text/plain,text/html,application/mbox"
                        multiple=true data-testid="file-input" {onchange} />
                    <span class="ndr-button">{ ui.choose_file }</span>
                </label>
                <span class="ndr-hint">{ ui.drop_hint }</span>
                <button type="button" data-testid="clear" {onclick}>{ ui.clear }</button>
            </div>
            if let Some(note) = file_note {
                <p class="ndr-hint" data-testid="file-note">{ note }</p>
            }
            if *unreadable {
                <p class="ndr-warning" role="alert">{ ui.file_unreadable }</p>
            }
        </>
    };
    // Literal classes, not `classes!` (see `components`). Both are the same
    // element to Yew, so the text area inside is kept, with its text, while
    // a file is dragged over it.
    if *dragging {
        html! {
            <div class="ndr-input ndr-dragging" {ondragover} {ondragleave} {ondrop}
                data-testid="drop-zone">{ content }</div>
        }
    } else {
        html! {
            <div class="ndr-input" {ondragover} {ondragleave} {ondrop}
                data-testid="drop-zone">{ content }</div>
        }
    }
}

/// Whether `file` opens with `From `, as an mbox does (its first 5 bytes
/// only are read).
async fn is_mbox(file: &web_sys::File) -> bool {
    let Ok(head) = file.slice_with_i32_and_i32(0, 5) else {
        return false;
    };
    match JsFuture::from(head.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec() == b"From ",
        Err(_) => false,
    }
}
