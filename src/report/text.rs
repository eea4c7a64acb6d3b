//! The diagnosis in words, for a person reading a terminal.

use crate::bounce::{Bounce, Kind};
use crate::catalogue::{self, Entry, Ui};
use crate::{Lang, StatusCode};
use std::fmt::Write as _;

/// The diagnosis, the explanation and the walkthrough, as plain text in `lang`.
pub fn to_text(bounce: &Bounce, lang: Lang) -> String {
    let ui = catalogue::ui(lang);
    let mut out = String::new();
    for limit in &bounce.limits {
        line(&mut out, ui.limit(limit));
    }
    if bounce.kind == Kind::NotABounce {
        line(&mut out, ui.no_bounce_title);
        line(&mut out, ui.no_bounce_hint);
        return out;
    }
    line(&mut out, ui.kind(bounce.kind));
    line(&mut out, &ui.read_as(ui.input(bounce.input)));
    if bounce.reports > 1 {
        line(&mut out, &ui.reports_found(&bounce.reports.to_string()));
    }
    if let Some(wrapper) = &bounce.wrapper {
        line(&mut out, &ui.wrapped_by(wrapper));
    }
    let status = bounce
        .status
        .map_or_else(|| ui.unknown.to_owned(), |s| s.to_string());
    line(&mut out, &ui.labelled(ui.status_label, &status));
    if let Some(code) = bounce.smtp_code {
        line(&mut out, &ui.labelled(ui.reply_label, &code.to_string()));
    }
    if let Some(diagnostic) = &bounce.diagnostic {
        line(&mut out, &ui.labelled(ui.diagnostic_label, diagnostic));
    }
    if !bounce.recipients.is_empty() {
        line(&mut out, &ui.labelled(ui.recipients_label, ""));
        for r in &bounce.recipients {
            let code = r.status.map(|s| format!(" ({s})")).unwrap_or_default();
            line(&mut out, &format!("  - {}{code}", r.address));
        }
    }
    if let Some(server) = &bounce.reporting_mta {
        line(&mut out, &ui.labelled(ui.reporting_label, server));
    }
    if let Some(server) = &bounce.remote_mta {
        line(&mut out, &ui.labelled(ui.remote_label, server));
    }
    if let Some(evidence) = &bounce.evidence {
        line(
            &mut out,
            &ui.labelled(ui.evidence_label, evidence.line.trim()),
        );
        line(
            &mut out,
            &ui.labelled(ui.source_label, ui.source(evidence.source)),
        );
    }
    let Some(code) = bounce.status else {
        return out;
    };
    line(&mut out, "");
    match catalogue::lookup(code) {
        Some(entry) => explanation(&mut out, entry, code, bounce, lang),
        None => {
            let (class, subject) = catalogue::general_meaning(code, lang);
            line(&mut out, ui.general_prefix);
            line(
                &mut out,
                &format!("- {}", ui.labelled(class.title, class.meaning)),
            );
            line(
                &mut out,
                &format!("- {}", ui.labelled(subject.title, subject.meaning)),
            );
        }
    }
    out
}

/// What the catalogue says about the code: meaning, help for the sender,
/// then the admin's walkthrough, one step under each heading.
fn explanation(out: &mut String, entry: &Entry, code: StatusCode, bounce: &Bounce, lang: Lang) {
    let ui = catalogue::ui(lang);
    let texts = entry.texts(lang);
    line(
        out,
        &format!("== {} — {}", entry_code(entry.code, code), texts.title),
    );
    line(out, &ui.labelled(ui.fixed_by_label, &ui.fix_line(entry)));
    line(out, texts.meaning);
    line(out, ui.scope(entry.scope));
    section(out, ui.what_happened_heading, texts.what_happened);
    section(out, ui.why_heading, texts.why);
    section(out, ui.waiting_heading, texts.waiting);
    let mut steps = String::new();
    for step in texts.sender_steps {
        let _ = writeln!(steps, "- {step}");
    }
    section(out, ui.sender_heading, steps.trim_end());
    section(
        out,
        ui.admin_message_heading,
        &catalogue::admin_message(texts, bounce, lang),
    );
    section(out, ui.admin_heading, texts.admin_summary);
    if !texts.steps.is_empty() {
        let mut body = String::new();
        for (n, step) in texts.steps.iter().enumerate() {
            walkthrough_step(&mut body, ui, n + 1, step);
        }
        section(out, ui.steps_heading, body.trim_end());
    }
    let mut links = String::new();
    for link in texts.see_also {
        let _ = writeln!(links, "- {} <{}>", link.title, link.url);
    }
    section(out, ui.see_also_heading, links.trim_end());
    let _ = writeln!(
        out,
        "\n{} <{}> ({} {})",
        ui.labelled(ui.source_prefix, texts.source_title),
        texts.source_url,
        ui.checked_prefix,
        entry.checked
    );
}

/// One step: its number and title on a line of their own, then the rest
/// indented beneath.
fn walkthrough_step(out: &mut String, ui: &Ui, number: usize, step: &catalogue::Step) {
    let _ = writeln!(out, "{number}. {}", step.title);
    let indented = |out: &mut String, text: &str| {
        for text_line in text.lines() {
            let _ = writeln!(out, "   {text_line}");
        }
    };
    indented(out, step.goal);
    indented(out, &ui.labelled(ui.step_where, step.place));
    if let Some(shell) = step.powershell {
        indented(out, &ui.labelled(ui.powershell_label, ""));
        for shell_line in shell.lines() {
            let _ = writeln!(out, "       {shell_line}");
        }
    }
    indented(out, &ui.labelled(ui.step_check, step.check));
    indented(out, &ui.labelled(ui.step_avoid, step.avoid));
    out.push('\n');
}

fn entry_code(pattern: &str, code: StatusCode) -> String {
    if pattern.contains(['-', 'x']) {
        format!("{code} ({pattern})")
    } else {
        code.to_string()
    }
}

fn line(out: &mut String, text: &str) {
    out.push_str(text.trim_end());
    out.push('\n');
}

fn section(out: &mut String, heading: &str, body: &str) {
    let _ = write!(out, "\n## {heading}\n{body}\n");
}
