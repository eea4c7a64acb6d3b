//! The texts a help-desk app puts into a ticket for a diagnosis: the reply
//! for the requester (the person who got the bounce) and the internal note
//! for the admin, plus the words of the app's own controls. Every sentence
//! comes from the catalogue, in the language asked for.

use crate::catalogue::{self, Entry};
use crate::{Diagnosis, Lang};

/// The reply for the requester: what the code means, what to do now, and
/// the message to forward to their admin with the bounce's facts filled in.
/// `None` when the code has no catalogue entry or its texts are not loaded.
pub fn reply(diagnosis: &Diagnosis, lang: Lang) -> Option<String> {
    let entry = known(diagnosis)?;
    let texts = entry.texts(lang);
    let steps = texts
        .sender_steps
        .iter()
        .enumerate()
        .map(|(i, step)| format!("{}. {step}", i + 1))
        .collect::<Vec<_>>()
        .join("\n");
    let message = catalogue::admin_message(texts, &diagnosis.bounce, lang);
    let code = diagnosis
        .bounce
        .status
        .map_or_else(|| entry.code.to_owned(), |s| s.to_string());
    Some(
        catalogue::ui(lang)
            .share_reply(&code, texts.title, texts.meaning, &steps, &message)
            .trim()
            .to_owned(),
    )
}

/// The internal note: the support summary with the walkthrough steps
/// marked in `done`, personal data hidden when `redact` is true. `None`
/// when the input holds no bounce.
pub fn note(diagnosis: &Diagnosis, lang: Lang, done: &[bool], redact: bool) -> Option<String> {
    if !diagnosis.bounce.is_ndr() {
        return None;
    }
    let titles: Vec<&str> = known(diagnosis)
        .map(|entry| {
            let steps = entry.texts(lang).steps.iter();
            steps
                .zip(done)
                .filter(|(_, done)| **done)
                .map(|(step, _)| step.title)
                .collect()
        })
        .unwrap_or_default();
    let summary = catalogue::support_summary(&diagnosis.bounce, lang, &titles);
    let summary = summary.trim();
    Some(if redact {
        crate::redact::redact(summary)
    } else {
        summary.to_owned()
    })
}

/// The entry of a bounce whose texts are here to be quoted.
fn known(diagnosis: &Diagnosis) -> Option<&'static Entry> {
    let entry = diagnosis.entry.filter(|_| diagnosis.bounce.is_ndr())?;
    Lang::ALL
        .into_iter()
        .any(catalogue::is_loaded)
        .then_some(entry)
}

/// The words of a help-desk app's controls, by key, in `lang`. Templates
/// keep their `{name}` placeholders for the app to fill.
pub fn app_words(lang: Lang) -> Vec<(&'static str, String)> {
    let ui = catalogue::ui(lang);
    let prose = [
        ("comment_label", ui.app_comment_label),
        ("paste_option", ui.app_paste_option),
        ("no_bounce", ui.app_no_bounce),
        ("insert_reply", ui.app_insert_reply),
        ("insert_note", ui.app_insert_note),
        ("redact_note", ui.app_redact_note),
        ("inserted_reply", ui.app_inserted_reply),
        ("inserted_note", ui.app_inserted_note),
        ("insert_failed", ui.app_insert_failed),
    ];
    // A template filled with its own placeholders is the template itself.
    let templates = [
        ("comment_option", ui.app_comment_option("{n}", "{author}")),
        ("found", ui.app_found("{n}")),
    ];
    prose
        .into_iter()
        .map(|(key, word)| (key, word.to_owned()))
        .chain(templates)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPLY_750: &[u8] = b"Delivery has failed to these recipients or groups:\r\n\r\n\
        alex@fabrikam.example\r\n\
        Remote Server returned '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains'\r\n";

    #[test]
    fn the_reply_explains_and_lists_the_sender_steps() {
        let diagnosis = Diagnosis::new(crate::analyse(REPLY_750));
        for lang in Lang::ALL {
            let texts = diagnosis.entry.unwrap().texts(lang);
            let reply = reply(&diagnosis, lang).unwrap();
            assert!(reply.contains("5.7.750"), "{reply}");
            assert!(reply.contains(texts.meaning), "{reply}");
            assert!(reply.contains(&format!("1. {}", texts.sender_steps[0])));
            assert!(!reply.contains('{'), "every placeholder is filled: {reply}");
        }
    }

    #[test]
    fn the_note_is_the_support_summary_with_the_steps_done() {
        let diagnosis = Diagnosis::new(crate::analyse(REPLY_750));
        let entry = diagnosis.entry.unwrap();
        let first = entry.texts(Lang::En).steps[0].title;
        let note = note(&diagnosis, Lang::En, &[true], false).unwrap();
        assert!(note.contains(&format!("- {first}")), "{note}");
        assert!(note.contains("alex@fabrikam.example"), "{note}");
        let hidden = super::note(&diagnosis, Lang::En, &[true], true).unwrap();
        assert!(!hidden.contains("alex@fabrikam.example"), "{hidden}");
        assert!(hidden.contains("5.7.750"), "{hidden}");
    }

    #[test]
    fn nothing_to_insert_without_a_bounce() {
        let diagnosis = Diagnosis::new(crate::analyse(b"Hello, can you call me back?"));
        assert_eq!(reply(&diagnosis, Lang::En), None);
        assert_eq!(note(&diagnosis, Lang::En, &[], false), None);
    }

    #[test]
    fn every_app_word_is_written() {
        for lang in Lang::ALL {
            let words = app_words(lang);
            for (key, word) in &words {
                assert!(!word.trim().is_empty(), "{key} in {lang:?}");
            }
            let option = words.iter().find(|(key, _)| *key == "comment_option");
            assert!(option.is_some_and(|(_, w)| w.contains("{n}") && w.contains("{author}")));
        }
    }
}
