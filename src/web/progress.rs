//! Walkthrough progress remembered in the browser, per code: only which steps
//! were marked done, never anything from the bounce itself.

const PREFIX: &str = "ndr-explainer.progress.";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The marks saved for `code` ("1,0,1"), if any.
pub fn load(code: &str) -> Option<Vec<bool>> {
    let saved = storage()?.get_item(&format!("{PREFIX}{code}")).ok()??;
    Some(saved.split(',').map(|mark| mark == "1").collect())
}

/// Saves the marks for `code`; nothing is kept while no step is done.
pub fn save(code: &str, done: &[bool]) {
    let Some(storage) = storage() else {
        return;
    };
    let key = format!("{PREFIX}{code}");
    if done.iter().any(|d| *d) {
        let marks: Vec<&str> = done.iter().map(|d| if *d { "1" } else { "0" }).collect();
        let _ = storage.set_item(&key, &marks.join(","));
    } else {
        let _ = storage.remove_item(&key);
    }
}
