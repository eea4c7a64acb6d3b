//! Reading several files without freezing the page: the files one after the
//! other, each analysed a message at a time for a few milliseconds, then the
//! browser has the hand back (its clicks, its keys, its painting) before the
//! next slice. Nothing leaves the page: the files are read from the
//! person's own disk through the `File` objects they gave.

use crate::incident::{Reader, State, Timestamp};
use crate::session::{Action, Session, WIDGET_MAX_INPUT};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::File;
use yew::UseReducerHandle;

/// How long a slice analyses before the page has the hand back, in ms.
const SLICE_MS: f64 = 12.0;

/// Numbers the readings: one goes on only while the number is still its own.
pub type Runs = Rc<Cell<u32>>;

/// Ends the reading under way, if any (at its next slice).
pub fn stop(runs: &Runs) {
    runs.set(runs.get().wrapping_add(1));
}

/// Reads `files` into the session's batch, slice by slice, until every file
/// is read or the reading is stopped (`stop`, or a new one).
pub fn read(files: Vec<File>, session: UseReducerHandle<Session>, runs: Runs) {
    stop(&runs);
    let run = runs.get();
    let bytes = files.iter().map(|f| f.size() as u64).sum();
    let mut reader = Reader::new(files.len(), bytes, WIDGET_MAX_INPUT);
    session.dispatch(Action::StartBatch(Rc::new(reader.batch(State::Reading))));
    spawn_local(async move {
        for file in files {
            pause().await;
            // Read only when its turn comes: one file's bytes at a time.
            let read = JsFuture::from(file.array_buffer()).await;
            if runs.get() != run {
                return;
            }
            open(&mut reader, &file, read);
            // Each message goes to the parser module; the page has the hand
            // back at least every slice.
            let mut until = js_sys::Date::now() + SLICE_MS;
            while let Some(message) = reader.next_message() {
                let bounce = super::super::reader::analyse(&message.bytes).await;
                reader.add(&message, bounce);
                if js_sys::Date::now() >= until {
                    show(&reader, &session);
                    pause().await;
                    if runs.get() != run {
                        return;
                    }
                    until = js_sys::Date::now() + SLICE_MS;
                }
            }
            show(&reader, &session);
        }
        session.dispatch(Action::UpdateBatch(Rc::new(reader.batch(State::Done))));
    });
}

/// Starts on `file`, or lists it as unreadable with the browser's name for
/// why (`NotFoundError`…), which the view words.
#[inline(never)]
fn open(reader: &mut Reader, file: &File, read: Result<JsValue, JsValue>) {
    match read {
        Ok(buffer) => {
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            reader.open(file.name(), bytes, modified(file));
        }
        Err(error) => {
            let why = error
                .dyn_ref::<js_sys::Error>()
                .map_or_else(String::new, |e| e.name().into());
            reader.unreadable(file.name(), file.size() as u64, why);
        }
    }
}

/// Shows how far the reading got.
#[inline(never)]
fn show(reader: &Reader, session: &UseReducerHandle<Session>) {
    session.dispatch(Action::UpdateBatch(Rc::new(reader.batch(State::Reading))));
}

/// The file's modification time, the date of a message that has none.
fn modified(file: &File) -> Option<Timestamp> {
    let ms = file.last_modified();
    (ms > 0.0).then(|| Timestamp::from_unix((ms / 1000.0) as i64))
}

/// Waits for the browser's next turn (a zero-delay timeout): the events and
/// the painting queued meanwhile go first.
async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window();
        let queued = window.map(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
        });
        if queued != Some(true) {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}
