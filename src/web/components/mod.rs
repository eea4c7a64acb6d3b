//! One component per file.

mod accepted_domains;
mod audience_switch;
mod bounce_input;
mod copy_button;
mod diagnosis;
mod explanation;
mod hop_table;
mod lang_switch;
mod mail_path;
mod redact_toggle;
mod sender_help;
mod walkthrough;

pub use accepted_domains::AcceptedDomains;
pub use audience_switch::AudienceSwitch;
pub use bounce_input::BounceInput;
pub use copy_button::CopyButton;
pub use diagnosis::Diagnosis;
pub use explanation::Explanation;
pub use hop_table::HopTable;
pub use lang_switch::LangSwitch;
pub use mail_path::MailPath;
pub use redact_toggle::RedactToggle;
pub use sender_help::SenderHelp;
pub use walkthrough::Walkthrough;
