//! The diagnosis in words, for a person reading a terminal.

use crate::bounce::{Bounce, Kind, Limit, Source};
use crate::catalogue::{self, Scope};
use crate::Lang;
use std::fmt::Write as _;

/// The diagnosis, the explanation and the walkthrough, as plain text in `lang`.
pub fn to_text(bounce: &Bounce, lang: Lang) -> String {
    let ui = catalogue::ui(lang);
    let mut out = String::new();
    for limit in &bounce.limits {
        line(
            &mut out,
            match limit {
                Limit::InputTooLarge { .. } => ui.too_large,
                Limit::MimeTooComplex => ui.too_complex,
                Limit::TooManyRecipients { .. } => ui.too_many_recipients,
                Limit::OutlookMsg(error) => error.text(ui),
            },
        );
    }
    if bounce.kind == Kind::NotABounce {
        line(&mut out, ui.no_bounce_title);
        line(&mut out, ui.no_bounce_hint);
        return out;
    }
    line(
        &mut out,
        match bounce.kind {
            Kind::Delay => ui.kind_delay,
            Kind::Delivered => ui.kind_delivered,
            _ => ui.kind_failure,
        },
    );
    let unknown = ui.unknown.to_owned();
    let status = bounce.status.map_or(unknown.clone(), |s| s.to_string());
    line(&mut out, &format!("{}: {status}", ui.status_label));
    if let Some(code) = bounce.smtp_code {
        line(&mut out, &format!("{}: {code}", ui.reply_label));
    }
    if let Some(diagnostic) = &bounce.diagnostic {
        line(&mut out, &format!("{}: {diagnostic}", ui.diagnostic_label));
    }
    if !bounce.recipients.is_empty() {
        line(&mut out, &format!("{}:", ui.recipients_label));
        for r in &bounce.recipients {
            let code = r.status.map(|s| format!(" ({s})")).unwrap_or_default();
            line(&mut out, &format!("  - {}{code}", r.address));
        }
    }
    if let Some(server) = &bounce.reporting_mta {
        line(&mut out, &format!("{}: {server}", ui.reporting_label));
    }
    if let Some(server) = &bounce.remote_mta {
        line(&mut out, &format!("{}: {server}", ui.remote_label));
    }
    if let Some(evidence) = &bounce.evidence {
        let how = match evidence.source {
            Source::DeliveryStatus => ui.source_dsn,
            Source::NotificationText => ui.source_text,
            Source::BareLine => ui.source_bare,
        };
        line(
            &mut out,
            &format!("{}: {}", ui.evidence_label, evidence.line.trim()),
        );
        line(&mut out, &format!("{}: {how}", ui.source_label));
    }
    let Some(code) = bounce.status else {
        return out;
    };
    line(&mut out, "");
    match catalogue::lookup(code) {
        Some(entry) => {
            let texts = entry.texts(lang);
            line(
                &mut out,
                &format!("== {} — {}", entry_code(entry.code, code), texts.title),
            );
            line(&mut out, texts.meaning);
            line(&mut out, scope(entry.scope, ui));
            section(&mut out, ui.what_happened_heading, texts.what_happened);
            section(&mut out, ui.why_heading, texts.why);
            section(&mut out, ui.waiting_heading, texts.waiting);
            let mut steps = String::new();
            for step in texts.sender_steps {
                let _ = writeln!(steps, "- {step}");
            }
            section(&mut out, ui.sender_heading, steps.trim_end());
            section(
                &mut out,
                ui.admin_message_heading,
                &catalogue::admin_message(texts, bounce, lang),
            );
            section(&mut out, ui.admin_heading, texts.admin_summary);
            for (n, step) in texts.steps.iter().enumerate() {
                let mut body = format!("{}: {}\n", ui.step_where, step.place);
                if let Some(shell) = step.powershell {
                    for shell_line in shell.lines() {
                        let _ = writeln!(body, "    {shell_line}");
                    }
                }
                let _ = writeln!(body, "{}: {}", ui.step_check, step.check);
                let _ = write!(body, "{}: {}", ui.step_avoid, step.avoid);
                section(
                    &mut out,
                    &format!("{} {}. {}", ui.steps_heading, n + 1, step.goal),
                    &body,
                );
            }
            let _ = writeln!(
                out,
                "\n{}: {} <{}> ({} {})",
                ui.source_prefix,
                texts.source_title,
                texts.source_url,
                ui.checked_prefix,
                entry.checked
            );
        }
        None => {
            let (class, subject) = catalogue::general_meaning(code, lang);
            line(&mut out, ui.general_prefix);
            line(&mut out, &format!("- {}: {}", class.title, class.meaning));
            line(
                &mut out,
                &format!("- {}: {}", subject.title, subject.meaning),
            );
        }
    }
    out
}

fn entry_code(pattern: &str, code: crate::StatusCode) -> String {
    if pattern.contains(['-', 'x']) {
        format!("{code} ({pattern})")
    } else {
        code.to_string()
    }
}

/// The "who is affected" line for a scope.
pub(crate) fn scope(scope: Scope, ui: &catalogue::Ui) -> &'static str {
    match scope {
        Scope::Organisation => ui.scope_organisation,
        Scope::Account => ui.scope_account,
        Scope::SendingServer => ui.scope_sending_server,
        Scope::Recipient => ui.scope_recipient,
        Scope::Message => ui.scope_message,
    }
}

fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

fn section(out: &mut String, heading: &str, body: &str) {
    let _ = write!(out, "\n## {heading}\n{body}\n");
}
