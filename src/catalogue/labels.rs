//! The words for the diagnosis's kinds, limits, sources and scopes: one
//! place for the CLI's text report and the widget alike.

use super::{Actor, Entry, Scope, Ui};
use crate::bounce::{Input, Kind, Limit, Source};

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
            Limit::OutlookMsg(error) => error.text(self),
            Limit::ReaderUnavailable => self.reader_unavailable,
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

    /// What the input was read as, after "Read as:".
    pub fn input(&self, input: Input) -> &'static str {
        match input {
            Input::Ndr => self.input_ndr,
            Input::ForwardedNdr => self.input_forwarded_ndr,
            Input::QuotedNdr => self.input_quoted_ndr,
            Input::MtaLog => self.input_mta_log,
            Input::ApplicationError => self.input_application_error,
            Input::SmtpTranscript => self.input_smtp_transcript,
            Input::MessageTrace => self.input_message_trace,
            Input::QueueError => self.input_queue_error,
            Input::SmtpReply => self.input_smtp_reply,
            Input::CopiedText => self.input_copied_text,
            Input::OutlookMsg => self.input_outlook_msg,
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

impl Ui {
    /// Who acts, at the start of a sentence.
    fn actor(&self, actor: Actor) -> &'static str {
        match actor {
            Actor::Sender => self.who_sender,
            Actor::Admin => self.who_admin,
            Actor::RecipientAdmin => self.who_recipient_admin,
            Actor::MicrosoftSupport => self.who_microsoft_support,
        }
    }

    /// Who acts, after "then".
    fn next_actor(&self, actor: Actor) -> &'static str {
        match actor {
            Actor::Sender => self.who_then_sender,
            Actor::Admin => self.who_then_admin,
            Actor::RecipientAdmin => self.who_then_recipient_admin,
            Actor::MicrosoftSupport => self.who_then_microsoft_support,
        }
    }

    /// Who fixes the failure and whether it clears by itself, in a line read
    /// in two seconds: "Your admin, then Microsoft support. It will not clear
    /// by itself." or "Nobody: it clears by itself within 24 hours."
    pub fn fix_line(&self, entry: &Entry) -> String {
        let hours = entry.clears_within_hours.map(|h| h.to_string());
        let Some((first, rest)) = entry.fixed_by.split_first() else {
            let clears = match (&hours, entry.clears_by_itself) {
                (Some(hours), true) => self.nobody_clears_within(hours),
                (None, true) => self.nobody_clears_yes.to_owned(),
                (_, false) => return format!("{}. {}", self.who_nobody, self.clears_no),
            };
            return self.labelled(self.who_nobody, &clears);
        };
        let mut who = self.actor(*first).to_owned();
        for actor in rest {
            who = self.who_then(&who, self.next_actor(*actor));
        }
        let clears = match (&hours, entry.clears_by_itself) {
            (Some(hours), true) => self.clears_within(hours),
            (None, true) => self.clears_yes.to_owned(),
            (_, false) => self.clears_no.to_owned(),
        };
        format!("{who}. {clears}")
    }
}

#[cfg(test)]
mod tests {
    use crate::catalogue::{entries, ui, Actor};
    use crate::Lang;

    fn line(code: &str, lang: Lang) -> String {
        let entry = entries().iter().find(|e| e.code == code).unwrap();
        ui(lang).fix_line(entry)
    }

    #[test]
    fn the_fix_line_names_who_acts_in_order() {
        let entry = entries().iter().find(|e| e.code == "5.7.705").unwrap();
        assert_eq!(entry.fixed_by, [Actor::Admin, Actor::MicrosoftSupport]);
        assert_eq!(
            line("5.7.705", Lang::En),
            "Your admin, then Microsoft support. It will not clear by itself."
        );
        assert!(line("5.7.705", Lang::Fr)
            .starts_with("Votre administrateur, puis le support Microsoft."));
    }

    #[test]
    fn a_limit_that_lifts_says_when() {
        assert_eq!(
            line("5.7.233", Lang::En),
            "Nobody: it clears by itself within 24 hours."
        );
        assert_eq!(
            line("5.7.236", Lang::En),
            "Your admin. It clears by itself within 24 hours."
        );
    }

    #[test]
    fn nobody_acting_reads_as_a_french_sentence() {
        let french = line("5.2.2", Lang::Fr);
        assert!(
            french.starts_with("Personne\u{202f}: le problème"),
            "{french}"
        );
    }
}
