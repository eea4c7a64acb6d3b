//! What the widget reads from and writes to the page around it.

use crate::Lang;

/// The language to start in: `?lang=` in the address, else the browser's
/// preferences, else English.
pub fn initial_lang() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::En;
    };
    let from_query = window
        .location()
        .search()
        .ok()
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("lang"))
        .and_then(|tag| Lang::from_tag(&tag));
    from_query.unwrap_or_else(|| {
        let navigator = window.navigator();
        let listed: Vec<String> = navigator
            .languages()
            .iter()
            .filter_map(|v| v.as_string())
            .chain(navigator.language())
            .collect();
        Lang::negotiate(listed.iter().map(String::as_str))
    })
}

/// Makes `<html lang>` follow the widget's language, for screen readers.
pub fn set_document_lang(lang: Lang) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("lang", lang.tag());
    }
}
