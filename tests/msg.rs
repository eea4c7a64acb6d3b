//! Outlook items (`.msg`): real items written by Outlook open, show their
//! subject and are not bounces; the made-up reports of `tests/samples/msg`
//! give their labelled diagnosis; hostile containers end quickly with a
//! [`Limit::OutlookMsg`] that says what could not be read.
#![cfg(feature = "outlook-msg")]

use ndr_explainer::msg::MsgError;
use ndr_explainer::{analyse, report, Bounce, Input, Kind, Lang, Limit};
use std::path::Path;
use std::time::{Duration, Instant};

#[path = "msg/compound.rs"]
mod compound;
use compound::{compound, item, properties, storage, stream, unicode};

const REAL: &str = "../shared/msg-real";
const SAMPLES: &str = "tests/samples/msg";

/// Each real item and its subject, as a second reader (`extract-msg`) reads
/// it: trailing NULs cut, and for the item in code page 932 (not decoded by
/// the project) its ASCII kept and the rest replaced.
const REAL_ITEMS: &[(&str, Option<&str>)] = &[
    ("Simple.msg", Some("Simple")),
    ("Subject.msg", Some("Subject")),
    ("attachAndInline.msg", Some("Attach and inline")),
    ("attachmentFiles.msg", Some("attachmentFiles")),
    ("htmlLink.msg", Some("htmlLink")),
    ("longerFat.msg", Some("Has Has 64KB bin.msg")),
    ("msgInMsg.msg", Some("I have attachments!")),
    ("msgInMsgInMsg.msg", Some("I have sub attachments!")),
    ("newOutlook.msg", Some("Microsoft Outlook テスト メッセージ")),
    (
        "nonUnicodeCP932.msg",
        Some("\u{FFFD}\u{FFFD}\u{FFFD}{\u{FFFD}\u{FFFD} Non Unicode \u{FFFD}^\u{FFFD}C\u{FFFD}g\u{FFFD}\u{FFFD}"),
    ),
    ("nonUnicodeMail.msg", Some("Non Unicode mail subject")),
    ("outer-mail.msg", Some("Outer mail")),
    ("sent.msg", Some("Sent time")),
    ("test1.msg", Some("title")),
    // Its subject stream is empty.
    ("test2.msg", None),
    // Outlook's own test item with a subject of odd code points.
    ("unicode1.msg", Some("畑㵲応ｲ瑤㵨㠱")),
];

fn read(path: impl AsRef<Path>) -> Vec<u8> {
    let path = path.as_ref();
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn msg_limits(bounce: &Bounce) -> Vec<MsgError> {
    bounce
        .limits
        .iter()
        .filter_map(|l| match l {
            Limit::OutlookMsg(e) => Some(*e),
            _ => None,
        })
        .collect()
}

#[test]
fn real_outlook_items_open_show_their_subject_and_are_not_bounces() {
    let mut names: Vec<String> = std::fs::read_dir(REAL)
        .expect("../shared/msg-real")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".msg"))
        .collect();
    names.sort();
    let mut listed: Vec<&str> = REAL_ITEMS.iter().map(|(n, _)| *n).collect();
    listed.sort();
    assert_eq!(names, listed, "every real item is listed here");
    for (name, subject) in REAL_ITEMS {
        let bounce = analyse(&read(Path::new(REAL).join(name)));
        assert_eq!(bounce.input, Input::OutlookMsg, "{name}");
        assert_eq!(msg_limits(&bounce), [], "{name} opens");
        assert_eq!(bounce.subject.as_deref(), *subject, "{name}");
        assert_eq!(bounce.kind, Kind::NotABounce, "{name}");
        assert!(report::to_json(&bounce, Lang::En).contains("\"input\":\"outlook_msg\""));
    }
}

#[test]
fn items_inside_items_become_message_parts() {
    let converted = ndr_explainer::msg::to_mime(&read(Path::new(REAL).join("msgInMsgInMsg.msg")))
        .expect("opens");
    let mime = String::from_utf8_lossy(&converted.mime);
    assert_eq!(
        mime.matches("Content-Type: message/rfc822").count(),
        2,
        "{mime}"
    );
    assert!(converted.problems.is_empty());
}

struct Label<'a> {
    file: &'a str,
    kind: &'a str,
    statuses: Vec<&'a str>,
    smtp_code: Option<u16>,
    recipients: Vec<&'a str>,
    subject: &'a str,
}

fn list(field: &str) -> Vec<&str> {
    field.split(',').filter(|s| !s.is_empty()).collect()
}

#[test]
fn made_up_reports_give_their_labels() {
    let labels = std::fs::read_to_string(Path::new(SAMPLES).join("labels.tsv")).unwrap();
    let mut rows = 0;
    for line in labels.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let label = Label {
            file: f[0],
            kind: f[1],
            statuses: list(f[2]),
            smtp_code: f[3].parse().ok(),
            recipients: list(f[4]),
            subject: f[5],
        };
        rows += 1;
        let bounce = analyse(&read(Path::new(SAMPLES).join(label.file)));
        let name = label.file;
        let json = report::to_json(&bounce, Lang::En);
        assert!(
            json.contains(&format!("\"kind\":\"{}\"", label.kind)),
            "{name}: {json}"
        );
        assert_eq!(bounce.input, Input::OutlookMsg, "{name}");
        assert_eq!(bounce.limits, [], "{name}");
        assert_eq!(bounce.subject.as_deref(), Some(label.subject), "{name}");
        let addresses: Vec<&str> = bounce
            .recipients
            .iter()
            .map(|r| r.address.as_str())
            .collect();
        assert_eq!(addresses, label.recipients, "{name}");
        let statuses: Vec<String> = bounce
            .recipients
            .iter()
            .map(|r| r.status.map(|s| s.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(statuses, label.statuses, "{name}");
        assert_eq!(
            bounce.status.map(|s| s.to_string()).as_deref(),
            label.statuses.first().copied(),
            "{name}"
        );
        assert_eq!(bounce.smtp_code, label.smtp_code, "{name}");
        if let Some(evidence) = &bounce.evidence {
            assert_eq!(
                evidence.input_span, None,
                "{name}: no verbatim span in a .msg"
            );
        }
    }
    assert!(rows >= 10, "{rows} labelled samples");
}

/// Runs `analyse` on a hostile item: it must end within two seconds (a slow
/// machine's bound, far above the milliseconds it takes), say it read an
/// Outlook item, carry the expected limit, and report in every language.
fn hostile(input: &[u8], expected: MsgError) -> Bounce {
    let started = Instant::now();
    let bounce = analyse(input);
    let took = started.elapsed();
    assert!(took < Duration::from_secs(2), "{expected:?}: {took:?}");
    assert_eq!(bounce.input, Input::OutlookMsg);
    assert!(
        msg_limits(&bounce).contains(&expected),
        "{expected:?} in {:?}",
        bounce.limits
    );
    for lang in Lang::ALL {
        let json = report::to_json(&bounce, lang);
        assert!(json.contains(expected.name()), "{json}");
        let text = report::to_text(&bounce, lang);
        assert!(text.lines().count() >= 2, "{text}");
    }
    assert!(!expected.to_string().is_empty());
    bounce
}

/// A valid item and where its header says its structures are.
struct Valid {
    bytes: Vec<u8>,
    fat: usize,
    directory: usize,
    mini_fat: usize,
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
}

fn put(bytes: &mut [u8], at: usize, value: u32) {
    bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
}

fn valid() -> Valid {
    let bytes = read(Path::new(SAMPLES).join("ndr-705-unicode.msg"));
    assert_eq!(
        u16::from_le_bytes([bytes[30], bytes[31]]),
        9,
        "512-byte sectors"
    );
    let sector = |n: u32| (n as usize + 1) * 512;
    Valid {
        fat: sector(u32_at(&bytes, 76)),
        directory: sector(u32_at(&bytes, 48)),
        mini_fat: sector(u32_at(&bytes, 60)),
        bytes,
    }
}

#[test]
fn a_sector_chain_that_loops_is_cut() {
    let mut v = valid();
    let first = u32_at(&v.bytes, 48);
    put(&mut v.bytes, v.fat + 4 * first as usize, first);
    hostile(&v.bytes, MsgError::ChainLoop);
}

#[test]
fn fat_difat_and_mini_fat_entries_out_of_range_are_refused() {
    let mut v = valid();
    let first = u32_at(&v.bytes, 48);
    put(&mut v.bytes, v.fat + 4 * first as usize, 0x00FF_FFF0);
    hostile(&v.bytes, MsgError::SectorOutOfRange);

    let mut v = valid();
    put(&mut v.bytes, 76, 0x0FFF_FFFF);
    hostile(&v.bytes, MsgError::SectorOutOfRange);

    let mut v = valid();
    for i in 0..128 {
        put(&mut v.bytes, v.mini_fat + 4 * i, 0x0FFF_0000 + i as u32);
    }
    hostile(&v.bytes, MsgError::SectorOutOfRange);
}

#[test]
fn sizes_larger_than_the_file_are_refused() {
    let mut v = valid();
    put(&mut v.bytes, v.directory + 120, 0x7FFF_FFFF);
    hostile(&v.bytes, MsgError::SizeTooLarge);
}

#[test]
fn a_cut_file_says_so() {
    let v = valid();
    let bounce = analyse(&v.bytes[..v.bytes.len() / 2]);
    assert_eq!(bounce.input, Input::OutlookMsg);
    assert!(!msg_limits(&bounce).is_empty(), "{:?}", bounce.limits);
    hostile(&v.bytes[..600], MsgError::SectorOutOfRange);
    hostile(&v.bytes[..100], MsgError::BadHeader);
}

#[test]
fn a_compressed_rtf_that_lies_about_its_size_is_refused() {
    let mut bytes = read(Path::new(SAMPLES).join("ndr-511-rtf-only.msg"));
    let at = bytes
        .windows(4)
        .position(|w| w == b"LZFu")
        .expect("the RTF body");
    put(&mut bytes, at - 4, u32::MAX);
    let bounce = hostile(&bytes, MsgError::BadRtf);
    // The report's recipient table is still read.
    assert_eq!(
        bounce.status.map(|s| s.to_string()).as_deref(),
        Some("5.1.1")
    );
}

#[test]
fn items_nested_past_eight_levels_are_cut() {
    let mut nodes = item(12, None);
    for depth in (0..12).rev() {
        nodes = item(depth, Some(nodes));
    }
    let bounce = hostile(&compound(nodes), MsgError::TooDeep);
    assert_eq!(bounce.subject.as_deref(), Some("level 0"));

    let mut nodes = item(8, None);
    for depth in (0..8).rev() {
        nodes = item(depth, Some(nodes));
    }
    let converted = ndr_explainer::msg::to_mime(&compound(nodes)).unwrap();
    assert_eq!(converted.problems, [], "eight levels are read");
    let mime = String::from_utf8_lossy(&converted.mime);
    assert!(mime.contains("Subject: level 8"), "{mime}");
}

#[test]
fn ten_thousand_directory_entries_are_refused() {
    let mut nodes = item(0, None);
    nodes.extend((0..10_000).map(|i| stream(&format!("s{i}"), Vec::new())));
    hostile(&compound(nodes), MsgError::TooManyEntries);
}

#[test]
fn a_compound_file_that_is_not_an_item_says_so() {
    let file = compound(vec![stream("WordDocument", vec![1; 600])]);
    hostile(&file, MsgError::NotAnItem);
}

#[test]
fn an_attached_message_file_is_read_as_it_is() {
    let eml = read("tests/samples/made-up/madeup-eo-classic-705.eml");
    let mut nodes = item(0, None);
    nodes.push(storage(
        "__attach_version1.0_#00000000",
        vec![
            stream(
                "__properties_version1.0",
                properties(8, &[(0x3705_0003, 1)]),
            ),
            stream("__substg1.0_3707001F", unicode("Undeliverable.eml")),
            stream("__substg1.0_370E001F", unicode("message/rfc822")),
            stream("__substg1.0_37010102", eml),
        ],
    ));
    let bounce = analyse(&compound(nodes));
    assert_eq!(bounce.input, Input::OutlookMsg);
    assert_eq!(bounce.limits, []);
    assert_eq!(
        bounce.status.map(|s| s.to_string()).as_deref(),
        Some("5.7.705")
    );
    assert_eq!(
        bounce.subject.as_deref(),
        Some("level 0"),
        "the forward's subject"
    );
    assert_eq!(bounce.evidence.and_then(|e| e.input_span), None);
}
