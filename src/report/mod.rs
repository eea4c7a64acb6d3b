//! Turning a [`Bounce`](crate::Bounce) into something to print: words for a
//! person, or JSON for a program.

mod json;
mod text;

pub use json::to_json;
pub use text::to_text;

/// The "who is affected" sentence for a scope, in `lang`.
pub fn scope_line(scope: crate::catalogue::Scope, lang: crate::Lang) -> &'static str {
    text::scope(scope, crate::catalogue::ui(lang))
}
