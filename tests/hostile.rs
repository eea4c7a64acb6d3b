//! Hostile inputs, generated at test time: huge, deep, truncated, malformed or
//! repetitive bounces. Each must give a bounded, sensible result: no panic, the
//! expected code (or none), the expected [`Limit`] past a cap, at most
//! [`MAX_RECIPIENTS`] recipients, and result strings no longer than what was read.
//!
//! Nothing here is timed: the linearity check only runs the same adversarial
//! pattern at two sizes and asserts that both finish with a bounded result.
//! Speed belongs to benchmarks.

use ndr_explainer::{analyse, report, Bounce, Kind, Lang, Limit, MAX_INPUT, MAX_RECIPIENTS};

const LINE_705: &str =
    "Remote Server returned '550 5.7.705 Access denied, tenant has exceeded threshold'";
const LINE_750: &str = "Remote Server returned '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains'";

fn status(bounce: &Bounce) -> Option<String> {
    bounce.status.map(|s| s.to_string())
}

/// The bytes `analyse` reads of `input`.
fn read_part(input: &[u8]) -> &[u8] {
    &input[..input.len().min(MAX_INPUT)]
}

/// The longest a string of the result may be: the bytes read, or three times
/// them when they are not ASCII (a byte decoded as Windows-1252 takes up to
/// three bytes of UTF-8).
fn string_cap(input: &[u8]) -> usize {
    let read = read_part(input);
    if read.is_ascii() {
        read.len()
    } else {
        3 * read.len()
    }
}

/// Every string of the result, to measure what it holds.
fn strings(bounce: &Bounce) -> Vec<&str> {
    let optional = [
        &bounce.diagnostic,
        &bounce.reporting_mta,
        &bounce.remote_mta,
        &bounce.date,
        &bounce.notified,
        &bounce.original.from,
        &bounce.original.return_path,
        &bounce.original.subject,
        &bounce.original.date,
    ];
    let per_recipient = bounce.recipients.iter().flat_map(|r| {
        [&r.original_address, &r.diagnostic, &r.remote_mta]
            .into_iter()
            .flatten()
            .chain([&r.address])
    });
    optional
        .into_iter()
        .flatten()
        .chain(per_recipient)
        .chain(&bounce.original.received)
        .chain(bounce.evidence.as_ref().map(|e| &e.line))
        .map(String::as_str)
        .collect()
}

/// The checks every hostile input must pass; returns the result for more.
fn bounded(input: &[u8]) -> Bounce {
    let bounce = analyse(input);
    let read = read_part(input);
    let cap = string_cap(input);

    assert!(
        bounce.recipients.len() <= MAX_RECIPIENTS,
        "{} recipients listed, more than {MAX_RECIPIENTS}",
        bounce.recipients.len()
    );
    let over_cap = bounce
        .limits
        .iter()
        .any(|l| matches!(l, Limit::TooManyRecipients { .. }));
    if bounce.recipients.len() < MAX_RECIPIENTS {
        assert!(!over_cap, "TooManyRecipients with only some listed");
    }
    assert_eq!(
        bounce
            .limits
            .iter()
            .any(|l| matches!(l, Limit::InputTooLarge { .. })),
        input.len() > MAX_INPUT,
        "InputTooLarge exactly when the input is over {MAX_INPUT} bytes"
    );
    if let Some(e) = &bounce.evidence {
        assert!(
            e.line.len() <= cap,
            "evidence line of {} bytes from {} bytes read",
            e.line.len(),
            read.len()
        );
        assert!(e.highlight.start <= e.highlight.end && e.highlight.end <= e.line.len());
        let code = e
            .line
            .get(e.highlight.clone())
            .expect("highlight on char boundaries");
        assert_eq!(
            Some(code.to_owned()),
            status(&bounce),
            "highlight is the code"
        );
        if let Some(span) = &e.input_span {
            assert!(span.end <= read.len(), "input span past what was read");
            assert_eq!(
                &read[span.clone()],
                e.line.as_bytes(),
                "input span is the evidence line"
            );
        }
    }
    let all = strings(&bounce);
    for s in &all {
        assert!(s.len() <= cap, "a {} byte string from {cap}", s.len());
    }
    // A short diagnostic copied to each recipient fits in the slack; a long
    // one copied to each does not.
    let total: usize = all.iter().map(|s| s.len()).sum();
    assert!(
        total <= 4 * cap + (1 << 20),
        "the result holds {total} bytes of text from {} bytes read",
        read.len()
    );
    bounce
}

/// [`bounded`], then the whole pipeline: both reports in both languages.
fn bounded_with_reports(input: &[u8]) -> Bounce {
    let bounce = bounded(input);
    let held: usize = strings(&bounce).iter().map(|s| s.len()).sum();
    for lang in Lang::ALL {
        let json = report::to_json(&bounce, lang);
        let text = report::to_text(&bounce, lang);
        assert!(json.starts_with('{') && json.ends_with('}'));
        // JSON escapes a control character in six bytes; the catalogue adds its texts.
        assert!(
            json.len() <= 6 * held + (1 << 20),
            "json of {} bytes",
            json.len()
        );
        assert!(
            text.len() <= 2 * held + (1 << 20),
            "text of {} bytes",
            text.len()
        );
        if let Some(code) = status(&bounce) {
            assert!(json.contains(&format!("\"status\":\"{code}\"")));
            assert!(text.contains(&code));
        }
    }
    bounce
}

/// A bounce message: the usual headers, then `extra_headers`, then `body`
/// (by default the text/plain notification).
fn message(extra_headers: &str, body: &str) -> Vec<u8> {
    message_with_subject("Undeliverable: quarterly figures", extra_headers, body)
}

fn message_with_subject(subject: &str, extra_headers: &str, body: &str) -> Vec<u8> {
    format!(
        "From: Microsoft Outlook <postmaster@contoso.example>\r\n\
         To: <sender@contoso.example>\r\n\
         Subject: {subject}\r\n\
         {extra_headers}\r\n{body}"
    )
    .into_bytes()
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
        for _ in chunk.len()..3 {
            out.push('=');
        }
    }
    out
}

/// Quoted-printable with `=XX` escapes and soft breaks every 76 columns.
fn quoted_printable(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut column = 0;
    for &b in bytes {
        let piece = match b {
            b'\n' => {
                out.push_str("\r\n");
                column = 0;
                continue;
            }
            b'\r' => continue,
            b'=' | 0x80..=0xff => format!("={b:02X}"),
            _ => char::from(b).to_string(),
        };
        if column + piece.len() > 75 {
            out.push_str("=\r\n");
            column = 0;
        }
        column += piece.len();
        out.push_str(&piece);
    }
    out
}

/// Text with no code in it, `len` bytes in all, in lines of about 4 KiB.
/// (32 MiB of 70-byte lines takes about 25 s in a debug build: see
/// the line patterns of the linearity check for short lines.)
fn filler(len: usize) -> Vec<u8> {
    let mut line =
        b"The quick brown fox jumps over the lazy dog; nothing to report here. ".repeat(60);
    line.push(b'\n');
    let mut text = line.repeat(len / line.len() + 1);
    text.truncate(len);
    text
}

#[test]
fn fifty_megabytes_of_text() {
    let total = 50_000_000;
    // A weaker code (reply code, no wording) in the part read, a stronger one
    // past the cut: only a cut at 32 MiB gives 5.7.705.
    let mut input = b"Delivery report\n550 5.7.705 tenant over its threshold\n".to_vec();
    input.extend(filler(MAX_INPUT + 1000 - input.len()));
    input.extend_from_slice(LINE_750.as_bytes());
    input.push(b'\n');
    input.extend(filler(total - input.len()));
    assert_eq!(input.len(), total);

    let bounce = bounded(&input);
    assert_eq!(status(&bounce).as_deref(), Some("5.7.705"));
    assert_eq!(bounce.smtp_code, Some(550));
    assert!(bounce.limits.contains(&Limit::InputTooLarge {
        analysed: MAX_INPUT,
        total
    }));
    let span = bounce.evidence.unwrap().input_span.unwrap();
    assert_eq!(span.start, "Delivery report\n".len());
}

#[test]
fn ten_megabyte_single_line() {
    let mut input = LINE_705.as_bytes().to_vec();
    input.push(b' ');
    input.extend(b"lorem ipsum ".iter().cycle().take(10 << 20));
    let bounce = bounded_with_reports(&input);
    assert_eq!(status(&bounce).as_deref(), Some("5.7.705"));
    assert_eq!(bounce.smtp_code, Some(550));
    assert!(bounce.limits.is_empty());
}

#[test]
fn mime_nested_ten_thousand_levels() {
    let mut body = format!(
        "--top\r\nContent-Type: text/plain\r\n\r\n{LINE_705}\r\n\
         --top\r\nContent-Type: multipart/mixed; boundary=\"n0\"\r\n\r\n"
    );
    for level in 0..10_000 {
        body.push_str(&format!(
            "--n{level}\r\nContent-Type: multipart/mixed; boundary=\"n{}\"\r\n\r\n",
            level + 1
        ));
    }
    // Only a parser that went 10 000 levels down would see this one.
    body.push_str(&format!(
        "--n10000\r\nContent-Type: text/plain\r\n\r\n{LINE_750}\r\n"
    ));
    let input = message("Content-Type: multipart/mixed; boundary=\"top\"\r\n", &body);
    let bounce = bounded_with_reports(&input);
    assert!(bounce.limits.contains(&Limit::MimeTooComplex));
    assert_eq!(status(&bounce).as_deref(), Some("5.7.705"));
}

#[test]
fn mime_one_hundred_thousand_parts() {
    let mut body = format!("--p\r\nContent-Type: text/plain\r\n\r\n{LINE_705}\r\n");
    for i in 1..100_000 {
        body.push_str(&format!(
            "--p\r\nContent-Type: text/plain\r\n\r\npart {i}\r\n"
        ));
    }
    body.push_str("--p--\r\n");
    let input = message("Content-Type: multipart/mixed; boundary=\"p\"\r\n", &body);
    let bounce = bounded_with_reports(&input);
    assert_eq!(status(&bounce).as_deref(), Some("5.7.705"));
    assert!(
        bounce.limits.contains(&Limit::MimeTooComplex),
        "100 000 parts, more than 512, must say MimeTooComplex; limits: {:?}",
        bounce.limits
    );
}

#[test]
fn boundary_that_never_closes() {
    let open_part = format!(
        "--never\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n\
         Delivery has failed to these recipients or groups:\r\n\r\n\
         orders@fabrikam.example\r\n\r\n{LINE_750}\r\n"
    );
    let header =
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"never\"\r\n";
    // The part runs to the end: on its own, with a near-miss boundary, with junk.
    for tail in [
        "",
        "--neve\r\n--never-- not quite\r\n",
        "\r\n\r\n--nevermore\r\n\0\0\0",
    ] {
        let input = message(header, &format!("{open_part}{tail}"));
        let bounce = bounded_with_reports(&input);
        assert_eq!(status(&bounce).as_deref(), Some("5.7.750"), "tail {tail:?}");
        assert_eq!(bounce.recipients[0].address, "orders@fabrikam.example");
    }
}

#[test]
fn truncated_base64_part() {
    let text = format!(
        "Delivery has failed to these recipients or groups:\r\n\r\n\
         orders@fabrikam.example\r\n\r\n{LINE_750}\r\n\r\n\
         Diagnostic information for administrators:\r\n\
         Generating server: AM6PR01MB1234.eurprd01.prod.outlook.com\r\n"
    );
    let encoded = base64(text.as_bytes());
    let code_end = text.find("5.7.750").unwrap() + "5.7.750".len();
    // Enough base64 characters to hold every byte up to the code's end.
    let first_cut = (code_end * 4).div_ceil(3);
    let header = "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n";
    for cut in first_cut..=encoded.len() {
        let lines: Vec<&str> = encoded.as_bytes()[..cut]
            .chunks(76)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        let body = format!(
            "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{}",
            lines.join("\r\n")
        );
        let bounce = bounded(&message(header, &body));
        assert_eq!(status(&bounce).as_deref(), Some("5.7.750"), "cut at {cut}");
    }
}

#[test]
fn truncated_quoted_printable_part() {
    // Windows-1252 bytes: curly quotes, a dash, accented letters.
    let bytes = [
        &b"Your message wasn\x92t delivered because the sending domain isn\x92t accepted.\n\n"[..],
        LINE_750.as_bytes(),
        b"\n\nCaf\xe9 \x93quoted\x94 \x96 = equals, more text to cut inside escapes \xe9\xe9\xe9.\n",
    ]
    .concat();
    let encoded = quoted_printable(&bytes);
    let first_cut = encoded.find("5.7.750").unwrap() + "5.7.750".len();
    let header = "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n";
    for cut in first_cut..=encoded.len() {
        let body = format!(
            "--b\r\nContent-Type: text/plain; charset=windows-1252\r\n\
             Content-Transfer-Encoding: quoted-printable\r\n\r\n{}",
            &encoded[..cut]
        );
        let bounce = bounded(&message(header, &body));
        assert_eq!(status(&bounce).as_deref(), Some("5.7.750"), "cut at {cut}");
    }
}

#[test]
fn invalid_utf8_and_mixed_charsets() {
    let mut input: Vec<u8> = Vec::new();
    input.extend_from_slice(
        b"From: \"Postmaster\" <postmaster@contoso.example>\r\n\
          Subject: =?ISO-8859-1?Q?Non_remis_:_r=E9union_=E0_l'h=F4tel?=\r\n\
          X-Junk: \xff\xfe\xc3\x28\x80\x81\xed\xa0\x80\r\n\
          Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\
          \r\n\
          --b\r\n\
          Content-Type: text/plain; charset=windows-1252\r\n\
          Content-Transfer-Encoding: 8bit\r\n\
          \r\n\
          Your message wasn\x92t delivered \x96 \x93tenant\x94 blocked.\r\n\
          \xc3\x28\xa0\xff raw junk \xfe\xed\xf0\x90\x80\r\n",
    );
    input.extend_from_slice(LINE_705.as_bytes());
    input.extend_from_slice(
        b"\r\n--b\r\n\
          Content-Type: text/plain; charset=iso-8859-1\r\n\
          \r\n\
          Caf\xe9 cr\xe8me br\xfbl\xe9e \xff\xfe\r\n\
          --b\r\n\
          Content-Type: message/rfc822\r\n\
          \r\n\
          Subject: =?ISO-8859-1?Q?r=E9union?= \xe9\xff\r\n\
          \r\n\
          \x80\x81\x82 550 5.7.750 in the returned message, never the diagnosis\r\n\
          --b--\r\n",
    );
    assert!(std::str::from_utf8(&input).is_err());
    let bounce = bounded_with_reports(&input);
    assert_eq!(status(&bounce).as_deref(), Some("5.7.705"));
    assert_eq!(bounce.kind, Kind::Failure);
    assert_eq!(
        bounce.original.subject.as_deref(),
        Some("réunion \u{e9}\u{ff}")
    );

    // The same junk, pasted as text rather than as a message.
    let mut pasted = b"\xff\xfe\0junk \x80\x9d\r\n\xc3\x28 ".to_vec();
    pasted.extend_from_slice(LINE_705.as_bytes());
    pasted.extend_from_slice(b" \xed\xa0\x80\xf4\x90\x80\x80\r\n\xe9");
    let bounce = bounded_with_reports(&pasted);
    assert_eq!(status(&bounce).as_deref(), Some("5.7.705"));
}

#[test]
fn nul_bytes_around_the_code_line() {
    let line = "550 5.7.705 Access denied, tenant has exceeded threshold";
    let nuls = vec![0u8; 4096];
    let on_their_own_lines = [&nuls[..], b"\n", line.as_bytes(), b"\n", &nuls[..]].concat();
    let glued = [&nuls[..16], line.as_bytes(), &nuls[..16]].concat();
    let in_a_message = [
        &message("", "")[..],
        &nuls[..],
        b"\r\n",
        line.as_bytes(),
        b"\r\n",
        &nuls[..],
    ]
    .concat();
    for input in [on_their_own_lines, glued, in_a_message] {
        let bounce = bounded_with_reports(&input);
        assert_eq!(status(&bounce).as_deref(), Some("5.7.705"));
        assert_eq!(bounce.smtp_code, Some(550));
    }
}

#[test]
fn one_megabyte_header() {
    let size = 1 << 20;
    let long = |unit: &str| unit.repeat(size / unit.len());
    let body = format!("{LINE_705}\r\n");
    let headers = [
        // One line.
        format!("X-Junk: {}\r\n", long("a")),
        // Folded over 50 000 continuation lines.
        format!("X-Junk: start\r\n{}", long(" more folded text\r\n")),
        // Addresses, where a parser might look for recipients.
        format!("References: {}\r\n", long("<a@b.example> ")),
    ];
    for header in headers {
        let bounce = bounded_with_reports(&message(&header, &body));
        assert_eq!(status(&bounce).as_deref(), Some("5.7.705"));
    }
    // A Subject of 1 MB of well-formed encoded words, which the parser decodes.
    let subject = format!("Undeliverable: {}", long("=?utf-8?Q?=E9?= "));
    let bounce = bounded_with_reports(&message_with_subject(&subject, "", &body));
    assert_eq!(status(&bounce).as_deref(), Some("5.7.705"));
    // Before the Subject: the header block is read up to 256 KiB, so the
    // Subject falls into the body and the message may no longer look like a
    // bounce. No code, or the right one; never another.
    let mut input = message("", &body);
    let at = input.windows(9).position(|w| w == b"Subject: ").unwrap();
    input.splice(at..at, format!("X-Junk: {}\r\n", long("a")).into_bytes());
    let bounce = bounded_with_reports(&input);
    assert!(matches!(status(&bounce).as_deref(), None | Some("5.7.705")));
}

/// A Subject of unclosed encoded words: a decoder that looks for the closing
/// `?=` of every `=?` to the end of the value takes quadratic time (it took
/// 189 s for this 1 MB Subject in a release build before encoded words were
/// looked for within 256 bytes).
#[test]
fn one_megabyte_subject_of_unclosed_encoded_words() {
    let subject = format!("Undeliverable: {}", "=?a?b".repeat((1 << 20) / 5));
    let input = message_with_subject(&subject, "", &format!("{LINE_705}\r\n"));
    let bounce = bounded_with_reports(&input);
    assert_eq!(status(&bounce).as_deref(), Some("5.7.705"));
}

#[test]
fn one_hundred_thousand_dsn_recipients() {
    let total = 100_000;
    let mut body = format!(
        "--b\r\nContent-Type: text/plain\r\n\r\n{LINE_750}\r\n\
         --b\r\nContent-Type: message/delivery-status\r\n\r\n\
         Reporting-MTA: dns; AM6PR01MB1234.eurprd01.prod.outlook.com\r\n\r\n"
    );
    for i in 0..total {
        body.push_str(&format!(
            "Final-Recipient: rfc822; user{i}@fabrikam.example\r\n\
             Action: failed\r\nStatus: 5.7.750\r\n\r\n"
        ));
    }
    body.push_str("--b--\r\n");
    let header = "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n";
    let bounce = bounded_with_reports(&message(header, &body));
    assert_eq!(status(&bounce).as_deref(), Some("5.7.750"));
    assert_eq!(bounce.recipients.len(), MAX_RECIPIENTS);
    assert_eq!(bounce.recipients[0].address, "user0@fabrikam.example");
    assert!(bounce.limits.contains(&Limit::TooManyRecipients {
        shown: MAX_RECIPIENTS,
        total
    }));
}

#[test]
fn one_hundred_thousand_exchange_list_recipients() {
    let total = 100_000;
    let mut text = String::from("Delivery has failed to these recipients or groups:\r\n\r\n");
    for i in 0..total {
        text.push_str(&format!("User {i} (user{i}@fabrikam.example)\r\n"));
    }
    text.push_str(&format!(
        "\r\nThe sending domain isn't accepted.\r\n\r\n\
         Diagnostic information for administrators:\r\n\r\n{LINE_750}\r\n"
    ));
    // As pasted from Outlook (the message form reads the same text: see the DSN test).
    {
        let bounce = bounded_with_reports(text.as_bytes());
        assert_eq!(status(&bounce).as_deref(), Some("5.7.750"));
        assert_eq!(bounce.recipients.len(), MAX_RECIPIENTS);
        assert_eq!(bounce.recipients[999].address, "user999@fabrikam.example");
        assert!(bounce.limits.contains(&Limit::TooManyRecipients {
            shown: MAX_RECIPIENTS,
            total
        }));
    }
}

/// A long diagnostic shared by many listed recipients must not be copied
/// once per recipient: 1 MB × 200 would be 200 MB of result, and 10 MB ×
/// 100 000 recipients (still under 32 MiB of input) would not fit in memory.
#[test]
fn long_diagnostic_with_many_listed_recipients() {
    let mut text = String::from("Delivery has failed to these recipients or groups:\r\n\r\n");
    for i in 0..200 {
        text.push_str(&format!("user{i}@fabrikam.example\r\n"));
    }
    text.push_str(&format!("\r\n{LINE_705} "));
    text.push_str(&"x".repeat(1 << 20));
    text.push_str("\r\n");
    let bounce = bounded(text.as_bytes());
    assert_eq!(status(&bounce).as_deref(), Some("5.7.705"));
}

fn quoted_printable_bounce(body_line: &str) -> Vec<u8> {
    message(
        "Content-Type: text/plain; charset=us-ascii\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n",
        &format!("Delivery has failed.\r\n\r\n{body_line}\r\n\r\nEnd of report.\r\n"),
    )
}

#[test]
fn code_split_by_a_soft_line_break_at_every_position() {
    let code = "5.7.750";
    for at in 0..=code.len() {
        for soft_break in ["=\r\n", "=\n", "=  \r\n"] {
            let line = format!(
                "Remote Server returned '550 {}{soft_break}{} Service unavailable. Client blocked'",
                &code[..at],
                &code[at..]
            );
            let bounce = bounded_with_reports(&quoted_printable_bounce(&line));
            assert_eq!(
                status(&bounce).as_deref(),
                Some(code),
                "soft break {soft_break:?} after {:?}",
                &code[..at]
            );
        }
    }
}

#[test]
fn code_split_by_a_hard_line_break_gives_no_wrong_code() {
    let code = "5.7.750";
    let mut wrong = Vec::new();
    for at in 1..code.len() {
        for hard_break in ["\r\n", "\n", "\r"] {
            let line = format!(
                "Remote Server returned '550 {}{hard_break}{} Service unavailable. Client blocked'",
                &code[..at],
                &code[at..]
            );
            let pasted = bounded_with_reports(line.as_bytes());
            let in_qp = bounded_with_reports(&quoted_printable_bounce(&line));
            for (how, bounce) in [("pasted", pasted), ("quoted-printable", in_qp)] {
                let found = status(&bounce);
                if found.as_deref().is_some_and(|c| c != code) {
                    wrong.push(format!(
                        "{how}, {hard_break:?} after {:?}: {found:?}",
                        &code[..at]
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "wrong codes:\n{}", wrong.join("\n"));
}

/// Named inputs.
type Patterns = Vec<(&'static str, Vec<u8>)>;

/// Adversarial patterns that are mostly one long line or few lines, each
/// repeated to about `size` bytes.
fn byte_patterns(size: usize) -> Patterns {
    let repeat = |unit: &[u8]| unit.repeat(size / unit.len());
    let after = |prefix: &[u8], unit: &[u8]| -> Vec<u8> { [prefix, &repeat(unit)].concat() };
    let body_of = |headers: &str| message(headers, "");
    vec![
        ("codes on one line", repeat(b"550 5.7.705 ")),
        ("dots and digits", repeat(b"5.5.5.5.5.")),
        ("at signs", repeat(b"a.b@c.d@")),
        ("local parts", repeat(b"a.a.a.a.a.a.a.a.a.a@")),
        ("html tags", repeat(b"<a href='x'><p>&#53;&amp;<!-- ")),
        (
            "unclosed html quote",
            after(b"<html><body>", b"<a title='5.7.705 >"),
        ),
        (
            "boundaries",
            after(
                &body_of("Content-Type: multipart/mixed; boundary=\"b\"\r\n"),
                b"--b\r\n\r\n550 5.7.705\r\n",
            ),
        ),
        (
            "quoted-printable soft breaks",
            after(
                &body_of("Content-Transfer-Encoding: quoted-printable\r\n"),
                b"5.=\r\n7.=\n705 =\r\n",
            ),
        ),
        (
            "base64",
            after(
                &body_of("Content-Transfer-Encoding: base64\r\n"),
                b"NTUwIDUuNy43MDUg",
            ),
        ),
    ]
}

/// Adversarial patterns of many short lines or long header values, which
/// cost more per byte; each repeated to about `size` bytes.
fn line_patterns(size: usize) -> Patterns {
    let repeat = |unit: &[u8]| unit.repeat(size / unit.len());
    let long = |unit: &[u8]| String::from_utf8(repeat(unit)).unwrap();
    let body = format!("{LINE_705}\r\n");
    vec![
        (
            "lines of codes",
            repeat(b"Remote Server returned '550 5.7.705'\n"),
        ),
        (
            "list markers",
            repeat(b"Delivery has failed to these recipients or groups:\n"),
        ),
        ("qmail said", repeat(b"said: 550\n(#5.5.0)\n")),
        (
            "mbox separators",
            repeat(b"From a@b.example\n\nFrom: x\n\n550 5.7.705\n\n"),
        ),
        (
            "dsn fields without blank lines",
            [
                &message("Content-Type: message/delivery-status\r\n", "")[..],
                &repeat(b"Final-Recipient: rfc822; a@b.example\r\nStatus: 5.7.705\r\n"),
            ]
            .concat(),
        ),
        ("quoted lines", repeat(b"> 550 5.7.705 Access denied\n")),
        ("bare quote marks", repeat(b">\n")),
        ("forward headers", repeat(b"From: a@b.example\nSent: today\n")),
        (
            "pasted reports",
            repeat(b"Delivery has failed to these recipients or groups:\na@b.example\nOriginal message headers:\n\n"),
        ),
        (
            "postfix log lines",
            repeat(b"Jun  4 09:12:33 relay postfix/smtp[4242]: 3C4D5E6F7A: to=<a@b.example>, relay=mx.b.example[192.0.2.1]:25, dsn=4.7.500, status=deferred (host mx.b.example[192.0.2.1] said: 451 4.7.500 try later)\n"),
        ),
        (
            "message trace fields",
            repeat(b"Event : Defer\nDetail : Reason: [{LED=451 4.7.500 x};{MSG=};{FQDN=};{IP=};{LRT=}]\nRecipientAddress : a@b.example\n"),
        ),
        (
            "unclosed encoded words",
            message_with_subject(&long(b"=?a?b"), "", &body),
        ),
        (
            "empty encoded words",
            message_with_subject(&long(b"=?a?q??="), "", &body),
        ),
        (
            "content-type quotes",
            message(
                &format!("Content-Type: {}\r\n", long(b"text/plain; a=\";")),
                &body,
            ),
        ),
    ]
}

/// Runs each pattern at `small` and 8 × `small` bytes: both must finish with
/// a bounded result. Not timed: a quadratic pattern shows as a test that
/// hangs, and the sizes are kept small enough for a debug build.
fn linear(patterns: fn(usize) -> Patterns, small: usize) {
    for size in [small, 8 * small] {
        for (name, input) in patterns(size) {
            let bounce = analyse(&input);
            assert!(
                bounce.recipients.len() <= MAX_RECIPIENTS,
                "{name} at {size} bytes"
            );
            let cap = string_cap(&input);
            assert!(
                strings(&bounce).iter().all(|s| s.len() <= cap),
                "{name} at {size} bytes"
            );
        }
    }
}

#[test]
fn one_hundred_thousand_quote_levels() {
    let deep = format!("{}{LINE_705}\n", "> ".repeat(100_000));
    let bounce = bounded_with_reports(deep.as_bytes());
    assert_eq!(status(&bounce).as_deref(), Some("5.7.705"));
}

#[test]
fn a_million_quoted_lines() {
    let mut text = String::from("See below.\n\n");
    text.push_str(&"> a line of a long quoted thread\n".repeat(1_000_000));
    text.push_str(&format!("> {LINE_705}\n"));
    let bounce = bounded(text.as_bytes());
    assert_eq!(status(&bounce).as_deref(), Some("5.7.705"));
}

#[test]
fn endless_utf16_with_an_odd_length() {
    let line = format!("{LINE_705}\r\n");
    let mut bytes = vec![0xFF, 0xFE];
    for _ in 0..(8 << 20) / (2 * line.len()) {
        bytes.extend(line.encode_utf16().flat_map(u16::to_le_bytes));
    }
    bytes.push(0x41);
    let bounce = bounded(&bytes);
    assert_eq!(status(&bounce).as_deref(), Some("5.7.705"));
    assert!(
        bounce.evidence.is_some_and(|e| e.input_span.is_none()),
        "a decoded text has no span into the input"
    );
}

#[test]
fn ten_megabytes_of_log() {
    let line = "Jun  4 09:12:33 relay postfix/smtp[4242]: 3C4D5E6F7A: to=<a@b.example>, relay=mx.b.example[192.0.2.1]:25, delay=1, dsn=4.7.500, status=deferred (host mx.b.example[192.0.2.1] said: 451 4.7.500 try later)\n";
    let mut log = line.repeat((10 << 20) / line.len());
    log.push_str("Jun  4 10:00:00 relay postfix/smtp[4242]: 3C4D5E6F7A: to=<a@b.example>, relay=mx.b.example[192.0.2.1]:25, delay=2, dsn=5.7.705, status=bounced (host mx.b.example[192.0.2.1] said: 550 5.7.705 Access denied, tenant has exceeded threshold (in reply to end of DATA command))\n");
    let bounce = bounded_with_reports(log.as_bytes());
    assert_eq!(status(&bounce).as_deref(), Some("5.7.705"));
}

#[test]
fn linear_byte_patterns_at_1_and_8_mib() {
    linear(byte_patterns, 1 << 20);
}

#[test]
fn linear_line_patterns_at_128_kib_and_1_mib() {
    linear(line_patterns, 128 << 10);
}
