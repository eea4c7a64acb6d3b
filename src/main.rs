//! The browser widget's entry point. Trunk builds this binary for `wasm32`;
//! on other targets it only explains where to look.

#[cfg(target_arch = "wasm32")]
fn main() {
    ndr_explainer::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ndr-explainer-web is the browser widget: build it with `trunk build`, or use the `ndr-explain` command on the command line.");
    std::process::exit(2);
}
