//! The summary's counts, order, dates and distinct counts.

use super::*;
use crate::{Original, Recipient};

fn code(text: &str) -> Option<StatusCode> {
    StatusCode::parse(text)
}

fn at(text: &str) -> Option<Timestamp> {
    Some(Timestamp::parse(text).expect("a test date"))
}

fn bounce(kind: Kind, status: &str, notified: &str, recipients: &[&str]) -> Bounce {
    let mut bounce = Bounce::none();
    bounce.kind = kind;
    bounce.status = code(status);
    bounce.notified = (!notified.is_empty()).then(|| notified.to_owned());
    bounce.recipients = recipients
        .iter()
        .map(|address| Recipient {
            address: (*address).to_owned(),
            status: bounce.status,
            ..Recipient::default()
        })
        .collect();
    bounce
}

fn failure(status: &str, notified: &str, recipients: &[&str]) -> Bounce {
    bounce(Kind::Failure, status, notified, recipients)
}

/// A morning: two ordinary bounces, a delay, a delivery, an auto-reply,
/// then a 5.7.705 block from 09:40 on.
fn morning() -> Vec<(Bounce, Option<Timestamp>)> {
    vec![
        (
            failure("5.1.1", "Ann <ann@contoso.com>", &["x@fabrikam.com"]),
            at("29 Nov 2026 08:05 +0000"),
        ),
        (
            bounce(Kind::Delay, "4.4.7", "bob@contoso.com", &["y@example.org"]),
            at("29 Nov 2026 08:30 +0000"),
        ),
        (
            bounce(
                Kind::Delivered,
                "2.1.5",
                "ann@contoso.com",
                &["z@example.org"],
            ),
            at("29 Nov 2026 08:31 +0000"),
        ),
        (Bounce::none(), at("29 Nov 2026 08:32 +0000")),
        (
            failure(
                "5.7.705",
                "ANN@contoso.com",
                &["a@fabrikam.com", "b@Fabrikam.com"],
            ),
            at("29 Nov 2026 10:40 +0100"),
        ),
        (
            failure("5.7.705", "", &["c@tailspin.example"]),
            at("29 Nov 2026 09:55 +0000"),
        ),
        (
            failure("5.7.705", "carl@contoso.com", &["d@northwind.example"]),
            at("29 Nov 2026 10:15 +0000"),
        ),
        (
            failure("5.1.1", "dee@contoso.com", &["e@fabrikam.com"]),
            None,
        ),
        (
            failure("", "eve@contoso.com", &[]),
            at("29 Nov 2026 11:00 +0000"),
        ),
    ]
}

fn fed(items: &[(Bounce, Option<Timestamp>)]) -> Incident {
    let mut incident = Incident::new();
    for (i, (bounce, when)) in items.iter().enumerate() {
        incident.file_read();
        incident.add(&format!("f{i}"), 0, bounce, *when);
    }
    incident
}

#[test]
fn counts_kinds_apart() {
    let summary = fed(&morning()).summary();
    assert_eq!((summary.files, summary.messages), (9, 9));
    assert_eq!((summary.bounces, summary.not_bounces), (7, 2));
    assert_eq!(
        summary.kinds,
        Kinds {
            failures: 6,
            delays: 1,
            delivered: 1,
            other: 1
        }
    );
    let codes: Vec<String> = summary
        .by_status
        .iter()
        .map(|r| r.status.map_or("none".into(), |s| s.to_string()))
        .collect();
    // By count, then code; the delivery's 2.1.5 is no row; "no code" last.
    assert_eq!(codes, ["5.7.705", "5.1.1", "4.4.7", "none"]);
}

#[test]
fn rows_hold_dates_and_distinct_people() {
    let mut items = morning();
    // The third 5.7.705's sender is only known from the returned message.
    items[5].0.original = Original {
        from: Some("Ann Smith <ann@contoso.com>".into()),
        ..Original::default()
    };
    let summary = fed(&items).summary();
    let top = summary.top().unwrap();
    assert_eq!(top.count, 3);
    assert_eq!(top.first.unwrap().to_string(), "2026-11-29T09:40:00Z");
    assert_eq!(top.last.unwrap().to_string(), "2026-11-29T10:15:00Z");
    assert_eq!(top.senders, 2, "ann (three spellings) and carl");
    assert_eq!(
        top.recipient_domains, 3,
        "fabrikam.com in any case, tailspin, northwind"
    );
    assert_eq!(top.entry.map(|e| e.code), Some("5.7.705"));

    let user_unknown = &summary.by_status[1];
    assert_eq!((user_unknown.count, user_unknown.senders), (2, 2));
    assert_eq!(user_unknown.recipient_domains, 1);
    // The undated one counts but moves no date.
    assert_eq!(user_unknown.first, user_unknown.last);
    let none = summary.by_status.last().unwrap();
    assert_eq!(
        (none.count, none.recipient_domains, none.entry),
        (1, 0, None)
    );
}

#[test]
fn delivered_recipients_are_not_failed_domains() {
    let mut mixed = failure(
        "5.1.1",
        "ann@contoso.com",
        &["a@fabrikam.com", "b@ok.example"],
    );
    mixed.recipients[1].status = code("2.1.5");
    let summary = fed(&[(mixed, None)]).summary();
    assert_eq!(summary.by_status[0].recipient_domains, 1);
    assert_eq!(summary.by_status[0].first, None);
    assert!(summary.timeline.is_empty());
}

#[test]
fn timeline_by_hour_then_code() {
    let summary = fed(&morning()).summary();
    let rows: Vec<(String, String, u64)> = summary
        .timeline
        .iter()
        .map(|h| {
            (
                h.hour.to_string(),
                h.status.map_or("none".into(), |s| s.to_string()),
                h.count,
            )
        })
        .collect();
    let row = |h: &str, s: &str, c| (format!("2026-11-29T{h}:00:00Z"), s.to_owned(), c);
    assert_eq!(
        rows,
        [
            row("08", "4.4.7", 1),
            row("08", "5.1.1", 1),
            row("09", "5.7.705", 2),
            row("10", "5.7.705", 1),
            row("11", "none", 1),
        ]
    );
    let top: Vec<u64> = summary
        .timeline_of(code("5.7.705"))
        .map(|h| h.count)
        .collect();
    assert_eq!(top, [2, 1]);
}

#[test]
fn merged_halves_equal_one_pass_and_summaries_come_at_any_point() {
    let items = morning();
    let whole = fed(&items).summary();
    let mut first = fed(&items[..4]);
    let early = first.summary();
    assert_eq!((early.bounces, early.by_status.len()), (2, 2));
    let second = fed(&items[4..]);
    first.merge(second);
    let mut merged = first.summary();
    // File names differ only in numbering; nothing else may.
    assert_eq!(merged.files, whole.files);
    merged.files = whole.files;
    assert_eq!(merged, whole);
}

#[test]
fn unreadable_and_partial_are_listed_in_order() {
    let mut incident = Incident::new();
    incident.unreadable("b/two.eml", "permission denied");
    incident.unreadable("a/one.eml", "broken symbolic link");
    let mut big = failure("5.7.705", "ann@contoso.com", &[]);
    big.limits.push(Limit::InputTooLarge {
        analysed: 10,
        total: 99,
    });
    incident.add("big.mbox", 3, &big, None);
    incident.add("big.mbox", 1, &big, None);
    let summary = incident.summary();
    let files: Vec<&str> = summary.unreadable.iter().map(|u| u.file.as_str()).collect();
    assert_eq!(files, ["a/one.eml", "b/two.eml"]);
    assert_eq!(summary.unreadable[0].error, "broken symbolic link");
    let partial: Vec<(usize, usize)> = summary.partial.iter().map(|p| (p.index, p.total)).collect();
    assert_eq!(partial, [(1, 99), (3, 99)]);
    assert_eq!(summary.files, 0, "listed files were not read");
}
