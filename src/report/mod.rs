//! Turning a [`Bounce`](crate::Bounce) into something to print: words for a
//! person, or JSON for a program.

mod json;
pub mod share;
mod text;

pub use json::{string as json_string, to_json};
pub use text::to_text;
