//! The words for the diagnosis's kinds, limits, sources and scopes: one
//! place for the CLI's text report and the widget alike.

use super::{Scope, Ui};
use crate::bounce::{Kind, Limit, Source};

impl Ui {
    /// What happened to the message, as one sentence.
    pub fn kind(&self, kind: Kind) -> &'static str {
        match kind {
            Kind::Delay => self.kind_delay,
            Kind::Delivered => self.kind_delivered,
            Kind::Failure => self.kind_failure,
            Kind::NotABounce => self.no_bounce_title,
        }
    }

    /// What a limit left out.
    pub fn limit(&self, limit: &Limit) -> &'static str {
        match limit {
            Limit::InputTooLarge { .. } => self.too_large,
            Limit::MimeTooComplex => self.too_complex,
            Limit::TooManyRecipients { .. } => self.too_many_recipients,
        }
    }

    /// How the status code was found.
    pub fn source(&self, source: Source) -> &'static str {
        match source {
            Source::DeliveryStatus => self.source_dsn,
            Source::NotificationText => self.source_text,
            Source::BareLine => self.source_bare,
        }
    }

    /// Who is affected.
    pub fn scope(&self, scope: Scope) -> &'static str {
        match scope {
            Scope::Organisation => self.scope_organisation,
            Scope::Account => self.scope_account,
            Scope::SendingServer => self.scope_sending_server,
            Scope::Recipient => self.scope_recipient,
            Scope::Message => self.scope_message,
        }
    }
}
