//! One component per file.

mod audience_switch;
mod bounce_input;
mod copy_button;
mod diagnosis;
mod explanation;
mod lang_switch;
mod mail_path;
mod sender_help;
mod walkthrough;

pub use audience_switch::AudienceSwitch;
pub use bounce_input::BounceInput;
pub use copy_button::CopyButton;
pub use diagnosis::Diagnosis;
pub use explanation::Explanation;
pub use lang_switch::LangSwitch;
pub use mail_path::MailPath;
pub use sender_help::SenderHelp;
pub use walkthrough::Walkthrough;
