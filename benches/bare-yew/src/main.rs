//! A bare Yew page: a heading, a labelled text area, and the length of what
//! was typed. The reference for the widget's time to interactive.

#[cfg(target_arch = "wasm32")]
mod browser {
    use web_sys::HtmlTextAreaElement;
    use yew::prelude::*;

    #[component]
    fn Bare() -> Html {
        let length = use_state(|| 0usize);
        let oninput = {
            let length = length.clone();
            Callback::from(move |event: InputEvent| {
                let area: HtmlTextAreaElement = event.target_unchecked_into();
                length.set(area.value().len());
            })
        };
        html! {
            <div class="bare">
                <h1>{ "Bare Yew page" }</h1>
                <label for="bare-input">{ "Paste some text" }</label>
                <textarea id="bare-input" data-testid="bare-input" rows="10" spellcheck="false"
                    autocomplete="off" {oninput} />
                <p data-testid="bare-length">{ format!("{} bytes", *length) }</p>
            </div>
        }
    }

    /// Mounts the page on `<main id="bare-yew-app">` when the module starts,
    /// as the widget does on its own element.
    #[wasm_bindgen::prelude::wasm_bindgen(start)]
    pub fn start() {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("bare-yew-app"));
        if let Some(root) = root {
            yew::Renderer::<Bare>::with_root(root).render();
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("bare-yew is a browser page: build it with scripts/build-bare-yew.sh.");
    std::process::exit(2);
}
