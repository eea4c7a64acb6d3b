//! Property tests of the public parser: `analyse` never panics (arbitrary
//! bytes, arbitrary and mail-like strings, mutated real and made-up bounces)
//! and what it returns is consistent; `StatusCode` parses what it displays;
//! a code with a digit, letter or dot glued to it is never taken as the status.
//! Case counts are kept small enough for the whole file to run in seconds in
//! a debug build.
#![cfg(not(target_arch = "wasm32"))]

use ndr_explainer::{analyse, report, Bounce, Lang, StatusCode};
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::path::Path;
use std::sync::OnceLock;

/// Checks what must hold of any result, and renders it both ways (the
/// renderers must not panic either).
fn check_result(input: &[u8], bounce: &Bounce) -> Result<(), TestCaseError> {
    if let Some(evidence) = &bounce.evidence {
        let h = &evidence.highlight;
        prop_assert!(
            h.start <= h.end && h.end <= evidence.line.len(),
            "highlight {h:?} outside the line {:?}",
            evidence.line
        );
        prop_assert!(
            evidence.line.is_char_boundary(h.start) && evidence.line.is_char_boundary(h.end),
            "highlight {h:?} splits a character of {:?}",
            evidence.line
        );
        let marked = evidence.line.get(h.clone()).unwrap_or_default();
        prop_assert_eq!(
            StatusCode::parse(marked),
            bounce.status,
            "the highlight {:?} of {:?} is the status",
            h,
            &evidence.line
        );
        if let Some(span) = &evidence.input_span {
            prop_assert!(
                span.start <= span.end && span.end <= input.len(),
                "input span {span:?} outside the input ({} bytes)",
                input.len()
            );
            prop_assert_eq!(
                &input[span.clone()],
                evidence.line.as_bytes(),
                "the input span {:?} holds the evidence line",
                span
            );
        }
    }
    prop_assert!(bounce.recipients.len() <= ndr_explainer::MAX_RECIPIENTS);
    for lang in [Lang::En, Lang::Fr] {
        let _ = report::to_text(bounce, lang);
        let json = report::to_json(bounce, lang);
        prop_assert!(
            json.starts_with('{') && json.ends_with('}'),
            "JSON is one object: {}",
            json
        );
    }
    Ok(())
}

// ---- analyse never panics -------------------------------------------------

/// Pieces of real bounces, glued at random: headers, MIME, encodings, DSN
/// fields, Exchange and SMTP phrases, HTML, codes and near-codes.
const FRAGMENTS: &[&str] = &[
    "\r\n",
    "\n",
    "\r",
    " ",
    "\t",
    "From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n",
    "From: postmaster@contoso.example\n",
    "To: a@b.example\n",
    "Subject: Undeliverable: hi\n",
    "Subject: =?utf-8?Q?Non_remis_:_=E9?=\n",
    "Subject: =?iso-8859-1?B?qUVjaGVj?=\n",
    "MIME-Version: 1.0\n",
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n",
    "Content-Type: multipart/mixed; boundary=b2\n",
    "Content-Type: message/delivery-status\n",
    "Content-Type: message/rfc822\n",
    "Content-Type: text/rfc822-headers\n",
    "Content-Type: text/plain; charset=utf-7\n",
    "Content-Type: text/html; charset=windows-1252\n",
    "Content-Transfer-Encoding: base64\n",
    "Content-Transfer-Encoding: quoted-printable\n",
    "--b1\n",
    "--b1--\n",
    "--b2\n",
    "--b2--\n",
    "Reporting-MTA: dns; AM6PR01MB1234.eurprd01.prod.outlook.com\n",
    "Final-Recipient: rfc822; orders@fabrikam.example\n",
    "Original-Recipient: rfc822;x@y\n",
    "Action: failed\n",
    "Action: delayed\n",
    "Status: 5.7.705\n",
    "Status: 5.0.0\n",
    "Diagnostic-Code: smtp; 550 5.7.750 Service unavailable\n",
    "Remote-MTA: dns; mx.example\n",
    "X-Failed-Recipients: a@b.example\n",
    "Remote Server returned '550 5.7.705 Access denied, tenant has exceeded threshold'",
    "Delivery has failed to these recipients or groups:",
    "#< #5.7.750 smtp;550 5.7.750 Service unavailable> #SMTP#",
    "550-5.1.1 ",
    "451 4.7.500 ",
    "5.7.",
    "705",
    "v5.7.705",
    "15.20.5.7.705",
    "5.7.7050",
    "=\n",
    "=\r\n",
    "=E9",
    "=3D",
    "=",
    "+ADw-",
    "+",
    "NTUwIDUuNy43MDU=",
    "<html><body><p>",
    "&#39;",
    "&nbsp;",
    "&lt;",
    "<br>",
    "<em>550 5.7.705</em>",
    "</p>",
    "é",
    "\u{2019}",
    "\u{a0}:",
    "<a@b.example>",
    "@",
];

fn mail_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
            1 => "[ -~]{0,12}",
        ],
        0..120,
    )
    .prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(Config { cases: 512, ..Config::default() })]

    #[test]
    fn arbitrary_bytes(input in prop::collection::vec(any::<u8>(), 0..4096)) {
        check_result(&input, &analyse(&input))?;
    }

    #[test]
    fn arbitrary_strings(input in any::<String>()) {
        check_result(input.as_bytes(), &analyse(input.as_bytes()))?;
    }

    #[test]
    fn mail_like_strings(input in mail_like()) {
        check_result(input.as_bytes(), &analyse(input.as_bytes()))?;
    }
}

// ---- mutated samples ------------------------------------------------------

/// A few real and made-up bounces of varied shapes (MIME, QP, base64,
/// Windows-1252, HTML, pasted text, one line, mbox-like).
const SAMPLES: &[&str] = &[
    "../shared/corpus/rgl-bounce_office365_non_existing_mailbox.eml",
    "../shared/corpus/rgl-bounce_exchange_delay.eml",
    "../shared/corpus/soe-lhost-exchange2007-06.eml",
    "../shared/corpus/soe-rhost-microsoft-03.eml",
    "../shared/corpus/rgl-non_bounce_postfix_hello_world.eml",
    "tests/samples/made-up/madeup-eo-classic-750.eml",
    "tests/samples/made-up/madeup-eo-newstyle-705.eml",
    "tests/samples/made-up/madeup-exim-relay-705.eml",
    "tests/samples/made-up/madeup-html-source-750.html",
    "tests/samples/made-up/madeup-outlook-copy-fr-750.txt",
    "tests/samples/made-up/madeup-trap-two-recipients-750-5110.eml",
    "tests/samples/made-up/madeup-smtp-line-708.txt",
];

fn samples() -> &'static [Vec<u8>] {
    static SAMPLES_READ: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SAMPLES_READ.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        SAMPLES
            .iter()
            .map(|name| {
                let path = root.join(name);
                std::fs::read(&path).unwrap_or_else(|e| {
                    panic!(
                        "cannot read {}: {e} (the corpus sits beside the project, in ../shared/corpus)",
                        path.display()
                    )
                })
            })
            .collect()
    })
}

/// One change to a sample; positions are fractions of its length, so that
/// they stay inside it whatever its size.
#[derive(Clone, Debug)]
enum Mutation {
    /// Replace one byte.
    Set(f64, u8),
    /// Flip bits of one byte.
    Flip(f64, u8),
    /// Cut everything from here on.
    Truncate(f64),
    /// Insert bytes here.
    Insert(f64, Vec<u8>),
    /// Insert a mail-like fragment here (a boundary, a code, an escape…).
    InsertFragment(f64, &'static str),
    /// Remove up to this many bytes from here.
    Delete(f64, usize),
    /// Repeat the bytes from here, up to this many, in place.
    Duplicate(f64, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..1.0f64;
    prop_oneof![
        3 => (at.clone(), any::<u8>()).prop_map(|(p, b)| Mutation::Set(p, b)),
        2 => (at.clone(), 1..=255u8).prop_map(|(p, b)| Mutation::Flip(p, b)),
        1 => at.clone().prop_map(Mutation::Truncate),
        2 => (at.clone(), prop::collection::vec(any::<u8>(), 1..64))
            .prop_map(|(p, b)| Mutation::Insert(p, b)),
        3 => (at.clone(), prop::sample::select(FRAGMENTS))
            .prop_map(|(p, f)| Mutation::InsertFragment(p, f)),
        2 => (at.clone(), 1..512usize).prop_map(|(p, n)| Mutation::Delete(p, n)),
        1 => (at, 1..512usize).prop_map(|(p, n)| Mutation::Duplicate(p, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let at = |p: f64, len: usize| ((p * len as f64) as usize).min(len);
    let len = bytes.len();
    match mutation {
        Mutation::Set(p, b) if len > 0 => {
            let i = at(*p, len - 1);
            bytes[i] = *b;
        }
        Mutation::Flip(p, b) if len > 0 => {
            let i = at(*p, len - 1);
            bytes[i] ^= *b;
        }
        Mutation::Set(..) | Mutation::Flip(..) => {}
        Mutation::Truncate(p) => bytes.truncate(at(*p, len)),
        Mutation::Insert(p, new) => {
            let i = at(*p, len);
            bytes.splice(i..i, new.iter().copied());
        }
        Mutation::InsertFragment(p, fragment) => {
            let i = at(*p, len);
            bytes.splice(i..i, fragment.bytes());
        }
        Mutation::Delete(p, n) => {
            let i = at(*p, len);
            bytes.drain(i..(i + n).min(len));
        }
        Mutation::Duplicate(p, n) => {
            let i = at(*p, len);
            let copy: Vec<u8> = bytes[i..(i + n).min(len)].to_vec();
            bytes.splice(i..i, copy);
        }
    }
}

proptest! {
    #![proptest_config(Config { cases: 384, ..Config::default() })]

    #[test]
    fn mutated_samples(
        which in 0..SAMPLES.len(),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let mut bytes = samples()[which].clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        check_result(&bytes, &analyse(&bytes))?;
    }
}

/// Found by `mail_like_strings`: a UTF-7 part whose decoded text has as
/// many bytes as the part (here "+ADw-" shrinks by 4, two Latin-1 bytes grow
/// by 2 each) was taken as a verbatim copy, and the evidence's input span
/// pointed 4 bytes before the line.
#[test]
fn utf7_part_is_not_a_verbatim_copy() {
    let input = b"From: postmaster@example.com\nSubject: Undeliverable\n\
        Content-Type: text/plain; charset=utf-7\n\n+ADw-\n\
        Remote Server returned '550 5.7.705 Access denied, tenant has exceeded threshold'\n\
        \xe9\xe9\n";
    let bounce = analyse(input);
    assert_eq!(
        bounce.status.map(|s| s.to_string()).as_deref(),
        Some("5.7.705")
    );
    let evidence = bounce.evidence.expect("evidence");
    if let Some(span) = evidence.input_span {
        assert_eq!(&input[span], evidence.line.as_bytes());
    }
}

#[test]
fn unmutated_samples_are_bounces_or_not_as_labelled() {
    // The mutation test starts from these files: make sure they are read
    // and give what they are meant to give (the hello-world is no bounce).
    for (name, bytes) in SAMPLES.iter().zip(samples()) {
        let bounce = analyse(bytes);
        let expected = !name.contains("non_bounce");
        assert_eq!(bounce.is_ndr(), expected, "{name}");
    }
}

// ---- StatusCode -----------------------------------------------------------

fn valid_code() -> impl Strategy<Value = StatusCode> {
    (prop::sample::select(&[2u8, 4, 5][..]), 0..=7u16, 0..=999u16)
        .prop_map(|(c, s, d)| StatusCode::new(c, s, d).expect("a valid code"))
}

proptest! {
    #![proptest_config(Config { cases: 512, ..Config::default() })]

    #[test]
    fn parse_round_trips_display(code in valid_code(), pad in "[ \t]{0,2}") {
        let text = code.to_string();
        prop_assert_eq!(StatusCode::parse(&text), Some(code));
        prop_assert_eq!(StatusCode::parse(&format!("{pad}{text}{pad}")), Some(code));
        prop_assert_eq!(StatusCode::parse(&text).unwrap().to_string(), text);
    }

    #[test]
    fn four_digit_details_are_rejected(
        class in prop::sample::select(&[2u8, 4, 5][..]),
        subject in 0..=7u16,
        detail in 0..=9999u16,
    ) {
        // Four digits, leading zeros included ("5.7.0705").
        let text = format!("{class}.{subject}.{detail:04}");
        prop_assert_eq!(StatusCode::parse(&text), None, "{}", text);
        prop_assert_eq!(StatusCode::new(class, subject, 1000 + detail % 9000), None);
    }

    #[test]
    fn out_of_range_parts_are_rejected(
        class in 0..=9u8,
        subject in 0..=99u16,
        detail in 0..=999u16,
    ) {
        let valid = matches!(class, 2 | 4 | 5) && subject <= 7;
        let text = format!("{class}.{subject}.{detail}");
        prop_assert_eq!(StatusCode::parse(&text).is_some(), valid, "{}", text);
        prop_assert_eq!(StatusCode::new(class, subject, detail).is_some(), valid);
    }
}

#[test]
fn every_valid_code_round_trips() {
    // Only 24,000 codes: check them all, not a sample.
    for class in [2, 4, 5] {
        for subject in 0..=7 {
            for detail in 0..=999 {
                let code = StatusCode::new(class, subject, detail).unwrap();
                let text = code.to_string();
                assert_eq!(StatusCode::parse(&text), Some(code), "{text}");
            }
        }
    }
}

// ---- glued codes are never the status -------------------------------------

/// What may be glued before a code: a digit, a letter or a dot.
fn glue_before() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]",
        "[a-zA-Z]",
        Just(".".to_owned()),
        "[0-9]{1,3}\\.",
        "[a-zA-Z][a-zA-Z0-9]{0,5}",
    ]
}

/// What may be glued after a code: a digit, a letter, or a dot followed by a
/// digit. (A dot followed by a space or the end of the line is the end of a
/// sentence, "… was 5.1.10.", and a code before it is a code.)
fn glue_after() -> impl Strategy<Value = String> {
    prop_oneof!["[0-9]", "[a-zA-Z]", "\\.[0-9]{1,3}", "[a-zA-Z0-9]{1,4}",]
}

#[derive(Clone, Debug)]
enum Glue {
    Before(String),
    After(String),
    Both(String, String),
}

fn glue() -> impl Strategy<Value = Glue> {
    prop_oneof![
        glue_before().prop_map(Glue::Before),
        glue_after().prop_map(Glue::After),
        (glue_before(), glue_after()).prop_map(|(b, a)| Glue::Both(b, a)),
    ]
}

/// Lines on which an unglued code is taken as the status.
const TEMPLATES: &[&str] = &[
    "{reply} {code}",
    "{reply} {code} Access denied, tenant has exceeded threshold",
    "{reply}-{code} The email account that you tried to reach does not exist.",
    "Remote Server returned '{reply} {code} Service unavailable'",
    "smtp;{reply} {code} Client blocked",
    "#{code} smtp;{reply} {code} no> #SMTP#",
];

fn line(template: &str, reply: u16, code: &str) -> String {
    template
        .replace("{reply}", &reply.to_string())
        .replace("{code}", code)
}

proptest! {
    #![proptest_config(Config { cases: 512, ..Config::default() })]

    #[test]
    fn glued_code_is_never_the_status(
        code in valid_code(),
        glue in glue(),
        template in prop::sample::select(TEMPLATES),
    ) {
        let reply = match code.class { 2 => 250, 4 => 450, _ => 550 };
        let text = code.to_string();
        let glued = match &glue {
            Glue::Before(b) => format!("{b}{text}"),
            Glue::After(a) => format!("{text}{a}"),
            Glue::Both(b, a) => format!("{b}{text}{a}"),
        };
        // The same line with the bare code finds it: the template is sound.
        let bare = line(template, reply, &text);
        let found = analyse(bare.as_bytes()).status;
        prop_assert_eq!(found, Some(code), "control line {:?}", bare);

        let input = line(template, reply, &glued);
        let bounce = analyse(input.as_bytes());
        prop_assert_ne!(bounce.status, Some(code), "{:?} gave {}", input, code);
        for r in &bounce.recipients {
            prop_assert_ne!(r.status, Some(code), "{:?}: a recipient got {}", input, code);
        }
    }
}

#[test]
fn glued_examples() {
    for input in [
        "550 x5.7.705",
        "550 5.7.705x",
        "550 15.7.705",
        "550 .5.7.705",
        "550 5.7.7050",
        "550 5.7.705.1",
        "550 v5.7.705 Access denied, tenant has exceeded threshold",
        "Remote Server returned '550 10.5.7.705 Access denied'",
    ] {
        let found = analyse(input.as_bytes()).status.map(|s| s.to_string());
        assert_ne!(found.as_deref(), Some("5.7.705"), "{input:?}");
    }
    // The end of a sentence is not glue.
    assert_eq!(
        analyse(b"550 5.7.705. Access denied")
            .status
            .map(|s| s.to_string())
            .as_deref(),
        Some("5.7.705")
    );
}
