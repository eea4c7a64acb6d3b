use super::*;

fn recipients(text: &str) -> Vec<String> {
    super::recipients(text).addresses
}

fn text(text: &str) -> Text<'_> {
    Text {
        text: own_text(text),
        base: Some(0),
    }
}

#[test]
fn returned_message_is_not_read() {
    let body = "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'\n\nOriginal message headers:\n\nSubject: we got 550 5.7.705 last week\n";
    let found = candidates(text(body));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code.to_string(), "5.1.10");
    assert_eq!(found[0].reply, Some(550));
    assert_eq!(
        found[0].diagnostic(),
        "550 5.1.10 RESOLVER.ADR.RecipientNotFound"
    );
    assert_eq!(found[0].input_span, Some(0..66));
}

#[test]
fn worded_line_beats_a_bare_mention() {
    let body = "See article 5.7.705 for details.\nStatus code: 550 5.7.750\n";
    let found = candidates(text(body));
    let chosen = best(&found).unwrap();
    assert_eq!(chosen.code.to_string(), "5.7.750");
    assert_eq!(chosen.source, Source::NotificationText);
}

#[test]
fn permanent_beats_retry_history() {
    let body = "Server at mx.example.net returned '450 4.4.316 Connection refused'\nServer at mx.example.net returned '550 5.4.316 Message expired'\n";
    let found = candidates(text(body));
    assert_eq!(best(&found).unwrap().code.to_string(), "5.4.316");
}

#[test]
fn french_copy_with_non_breaking_spaces() {
    let body = "Code d\u{2019}état\u{a0}: 550 5.7.705\n";
    let found = candidates(text(body));
    assert_eq!(found[0].strength, Strength::Worded);
}

#[test]
fn exchange_hash_form_is_cleaned() {
    let found = candidates(text(
        "#< #5.7.705 smtp;550 5.7.705 Access denied, tenant has exceeded threshold> #SMTP#",
    ));
    let chosen = best(&found).unwrap();
    assert_eq!(chosen.reply, Some(550));
    assert_eq!(
        chosen.diagnostic(),
        "550 5.7.705 Access denied, tenant has exceeded threshold"
    );
}

#[test]
fn recipients_from_exchange_list() {
    let body = "Delivery has failed to these recipients or groups:\n\nKijitora (kijitora@example.com)\nother@example.com\n\nThe error was bad.\n";
    assert_eq!(
        recipients(body),
        ["kijitora@example.com", "other@example.com"]
    );
}

#[test]
fn recipients_from_new_style_sentence_and_postfix() {
    assert_eq!(
        recipients("Your message to a@example.com couldn't be delivered."),
        ["a@example.com"]
    );
    assert_eq!(
        recipients("<b@example.org>: host mx.example.org[192.0.2.1] said: 550 5.7.750 x"),
        ["b@example.org"]
    );
}

#[test]
fn servers() {
    assert_eq!(
        reporting_server("Generating server: AM6PR01MB1234.eurprd01.prod.outlook.com\n").as_deref(),
        Some("AM6PR01MB1234.eurprd01.prod.outlook.com")
    );
    assert_eq!(
        reporting_server("Serveur de g\u{e9}n\u{e9}ration\u{a0}: mail.example.fr\n").as_deref(),
        Some("mail.example.fr")
    );
    assert_eq!(
        reporting_server("This is the mail system at host relay.example.com.\n").as_deref(),
        Some("relay.example.com")
    );
    assert_eq!(
        remote_server("host contoso.mail.protection.outlook.com[203.0.113.5] said: 550").as_deref(),
        Some("contoso.mail.protection.outlook.com")
    );
    assert_eq!(
        remote_server("Remote Server at mx.example.net (192.0.2.1) returned '550'").as_deref(),
        Some("mx.example.net")
    );
}

#[test]
fn recipients_after_a_list_marker_from_html() {
    let body = "Delivery has failed to these recipients or groups:\nbuyer@fabrikam.example (buyer@fabrikam.example)\nYour message wasn't delivered because the sending domain notify.contoso.example isn't accepted.\n";
    assert_eq!(recipients(body), ["buyer@fabrikam.example"]);
}

#[test]
fn a_code_cut_by_a_line_break_is_not_read_as_a_shorter_one() {
    assert!(candidates(text("550 5.7.7\n50 Service unavailable")).is_empty());
    let found = candidates(text("550 5.7.750\nService unavailable"));
    assert_eq!(found[0].code.to_string(), "5.7.750");
}
