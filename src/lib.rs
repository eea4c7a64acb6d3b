//! NDR Explainer finds the real failure in an e-mail bounce (non-delivery
//! report) and explains it, above all Exchange Online's 5.7.7xx tenant blocks.
//!
//! The parsing core is plain Rust with no web dependency; the browser widget
//! (`web`, built for `wasm32` only) and the `ndr-explain` command-line tool
//! are thin layers over [`analyse`].
//!
//! ```
//! let bounce = ndr_explainer::analyse(b"Remote Server returned '550 5.7.705 Access denied, tenant has exceeded threshold'");
//! assert_eq!(bounce.status.map(|s| s.to_string()).as_deref(), Some("5.7.705"));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod address;
mod analyse;
mod bounce;
mod date;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod diagnosis;
mod dsn;
mod encoding;
mod fold;
mod html;
mod lang;
mod lines;
mod mailbox;
mod mime;
pub mod msg;
mod notice;
mod quoting;
mod shapes;
mod status;
pub mod wire;

pub use analyse::{analyse, MAX_INPUT, MAX_RECIPIENTS};
pub use bounce::{Bounce, Evidence, Input, Kind, Limit, Original, Recipient, Source};
pub(crate) use diagnosis::Diagnosis;
pub use lang::Lang;
pub use status::StatusCode;

pub mod accepted;
pub mod catalogue;
pub mod incident;
pub mod redact;
pub mod report;

// What the widget holds and the messages it trades with a host page: plain
// Rust, tested natively (where only the tests use it), but no library
// user's business.
pub(crate) mod hops;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) mod protocol;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) mod session;

/// The browser widget. Public only for its own binary (`src/main.rs`) and
/// its browser tests (`tests/web.rs`): not a library interface.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod web;
