//! Filling the message to the admin and the support summary from a bounce.

use super::{lookup, ui, Texts};
use crate::{Bounce, Lang};

/// The entry's message to the admin with the bounce's facts put in.
pub fn admin_message(texts: &Texts, bounce: &Bounce, lang: Lang) -> String {
    fill(texts.admin_message, bounce, lang)
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
    fill(words.support_summary, bounce, lang)
        .replace("{title}", title)
        .replace(
            "{sender_domain}",
            &sender_domain(bounce).unwrap_or_else(|| words.unknown.to_owned()),
        )
        .replace("{done}", &done)
}

fn fill(template: &str, bounce: &Bounce, lang: Lang) -> String {
    let words = ui(lang);
    let unknown = || words.unknown.to_owned();
    let recipients = bounce
        .recipients
        .iter()
        .map(|r| r.address.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let date = bounce.date.clone().or_else(|| bounce.original.date.clone());
    template
        .replace(
            "{code}",
            &bounce.status.map_or_else(unknown, |s| s.to_string()),
        )
        .replace("{date}", &date.unwrap_or_else(unknown))
        .replace(
            "{recipients}",
            &Some(recipients)
                .filter(|r| !r.is_empty())
                .unwrap_or_else(unknown),
        )
        .replace(
            "{server}",
            &bounce.reporting_mta.clone().unwrap_or_else(unknown),
        )
        .replace(
            "{reply}",
            &bounce.diagnostic.clone().unwrap_or_else(unknown),
        )
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
    fn facts_fill_the_template() {
        let mut bounce = crate::analyse(
            b"Remote Server returned '550 5.7.705 Access denied, tenant has exceeded threshold'",
        );
        bounce.date = Some("Mon, 23 Nov 2026 09:14:03 +0000".into());
        let filled = fill(
            "{code} {date} {recipients} {server} {reply}",
            &bounce,
            Lang::En,
        );
        assert_eq!(
            filled,
            format!(
                "5.7.705 Mon, 23 Nov 2026 09:14:03 +0000 {u} {u} 550 5.7.705 Access denied, tenant has exceeded threshold",
                u = ui(Lang::En).unknown
            )
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
