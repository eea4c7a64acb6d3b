//! One component or view per file. Only what keeps state of its own across
//! renders (hooks) is a component; the rest are plain functions returning
//! `Html`, rendered with their parent: a component costs the wasm about a
//! kilobyte of machinery (its lifecycle, its props comparison) that they
//! do not need.
//!
//! A class that comes and goes is written as two literal `class`es, not with
//! `classes!`: that macro's set of class names costs the compressed wasm
//! about 2 KB, far more than four two-way choices are worth.

mod accepted_domains;
mod audience_switch;
pub(crate) mod batch_reading;
mod batch_summary;
mod bounce_input;
mod copy_button;
mod diagnosis;
mod explanation;
mod hop_table;
mod lang_switch;
mod mail_path;
mod redact_toggle;
mod sender_help;
mod timeline_chart;
mod walkthrough;

pub use accepted_domains::AcceptedDomains;
pub use audience_switch::audience_switch;
pub use batch_summary::BatchSummary;
pub use bounce_input::BounceInput;
pub use copy_button::CopyButton;
pub use diagnosis::diagnosis;
pub use explanation::explanation;
pub use hop_table::hop_table;
pub use lang_switch::lang_switch;
pub use mail_path::mail_path;
pub use redact_toggle::redact_toggle;
pub use sender_help::sender_help;
pub use timeline_chart::timeline_chart;
pub use walkthrough::Walkthrough;
