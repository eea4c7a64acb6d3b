//! One component per file.

mod bounce_input;
mod diagnosis;
mod explanation;
mod lang_switch;

pub use bounce_input::BounceInput;
pub use diagnosis::Diagnosis;
pub use explanation::Explanation;
pub use lang_switch::LangSwitch;
