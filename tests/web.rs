//! Component tests in a real browser (headless Chromium through
//! wasm-bindgen-test-runner): the widget renders, analyses what is typed,
//! and switches language.
#![cfg(target_arch = "wasm32")]

use ndr_explainer::web::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

/// Lets spawned tasks run (a language switch waits for its texts), then renders.
async fn settle() {
    for _ in 0..4 {
        let tick = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
        wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    }
    yew::scheduler::flush().await;
}

fn find(root: &Element, test_id: &str) -> Option<Element> {
    root.query_selector(&format!("[data-testid=\"{test_id}\"]"))
        .unwrap()
}

async fn type_into(root: &Element, text: &str) {
    let area: HtmlTextAreaElement = find(root, "ndr-input").unwrap().dyn_into().unwrap();
    area.set_value(text);
    let event = web_sys::Event::new("input").unwrap();
    area.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn typing_a_reply_line_shows_its_code_and_meaning() {
    let root = mount().await;
    assert!(find(&root, "status-code").is_none());
    type_into(
        &root,
        "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains",
    )
    .await;
    assert_eq!(
        find(&root, "status-code").unwrap().text_content().unwrap(),
        "5.7.750"
    );
    let explanation = find(&root, "explanation").unwrap().text_content().unwrap();
    assert!(!explanation.trim().is_empty());
}

#[wasm_bindgen_test]
async fn switching_language_changes_the_explanation_and_html_lang() {
    let root = mount().await;
    type_into(
        &root,
        "550 5.7.705 Access denied, tenant has exceeded threshold",
    )
    .await;
    let english = find(&root, "explanation").unwrap().text_content().unwrap();
    let french_button: HtmlElement = find(&root, "lang-fr").unwrap().dyn_into().unwrap();
    french_button.click();
    settle().await;
    let french = find(&root, "explanation").unwrap().text_content().unwrap();
    assert_ne!(english, french);
    let html_lang = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap()
        .get_attribute("lang");
    assert_eq!(html_lang.as_deref(), Some("fr"));
    assert_eq!(
        find(&root, "status-code").unwrap().text_content().unwrap(),
        "5.7.705"
    );
}

#[wasm_bindgen_test]
async fn text_without_a_bounce_says_so() {
    let root = mount().await;
    type_into(&root, "Hello, are we still on for lunch?").await;
    assert!(find(&root, "no-bounce").is_some());
    assert!(find(&root, "status-code").is_none());
}
