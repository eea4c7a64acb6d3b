//! Filling the message to the admin and the support summary from a bounce.

use super::{lookup, ui, Texts};
use crate::{Bounce, Lang};

/// The entry's message to the admin with the bounce's facts put in.
pub fn admin_message(texts: &Texts, bounce: &Bounce, lang: Lang) -> String {
    let facts = Facts::of(bounce, lang);
    texts.admin_message(
        &facts.code,
        &facts.date,
        &facts.recipients,
        &facts.server,
        &facts.reply,
    )
}

/// A summary to give Microsoft support: the code, its meaning, the bounce's
/// facts, and the walkthrough steps the admin marked as done.
pub fn support_summary(bounce: &Bounce, lang: Lang, done: &[&str]) -> String {
    let words = ui(lang);
    let title = bounce
        .status
        .and_then(lookup)
        .map_or("", |entry| entry.texts(lang).title);
    let done = if done.is_empty() {
        format!("- {}", words.summary_nothing_done)
    } else {
        done.iter()
            .map(|d| format!("- {d}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let facts = Facts::of(bounce, lang);
    let sender_domain = sender_domain(bounce).unwrap_or_else(|| words.unknown.to_owned());
    words.support_summary(
        &facts.code,
        title,
        &sender_domain,
        &facts.date,
        &facts.server,
        &facts.reply,
        &facts.recipients,
        &done,
    )
}

/// The bounce's facts as the templates show them ("unknown" where missing).
struct Facts {
    code: String,
    date: String,
    recipients: String,
    server: String,
    reply: String,
}

impl Facts {
    fn of(bounce: &Bounce, lang: Lang) -> Facts {
        let unknown = || ui(lang).unknown.to_owned();
        let recipients = bounce
            .recipients
            .iter()
            .map(|r| r.address.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        Facts {
            code: bounce.status.map_or_else(unknown, |s| s.to_string()),
            date: bounce
                .date
                .clone()
                .or_else(|| bounce.original.date.clone())
                .unwrap_or_else(unknown),
            recipients: Some(recipients)
                .filter(|r| !r.is_empty())
                .unwrap_or_else(unknown),
            server: bounce.reporting_mta.clone().unwrap_or_else(unknown),
            reply: bounce.diagnostic.clone().unwrap_or_else(unknown),
        }
    }
}

/// The sending organisation's domain, from the returned message's sender.
fn sender_domain(bounce: &Bounce) -> Option<String> {
    let from = bounce
        .original
        .from
        .as_deref()
        .or(bounce.original.return_path.as_deref())?;
    crate::address::first_address(from).and_then(|a| crate::address::domain_of(&a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_fill_the_admin_message() {
        let mut bounce = crate::analyse(
            b"Remote Server returned '550 5.7.705 Access denied, tenant has exceeded threshold'",
        );
        bounce.date = Some("Mon, 23 Nov 2026 09:14:03 +0000".into());
        let texts = lookup(bounce.status.unwrap()).unwrap().texts(Lang::En);
        let message = admin_message(texts, &bounce, Lang::En);
        assert!(
            message.contains("Mon, 23 Nov 2026 09:14:03 +0000"),
            "{message}"
        );
        assert!(message.contains("550 5.7.705 Access denied"), "{message}");
        assert!(
            !message.contains('{'),
            "every placeholder is filled: {message}"
        );
    }

    #[test]
    fn summary_lists_what_was_done() {
        let bounce = crate::analyse(b"550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains");
        let summary = support_summary(&bounce, Lang::Fr, &["Domaines vérifiés"]);
        assert!(summary.contains("5.7.750"));
        assert!(summary.contains("- Domaines vérifiés"));
    }
}
