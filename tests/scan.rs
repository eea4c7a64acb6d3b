//! `ndr-explain scan` on folders, mailboxes and Maildirs made here from
//! real bounces (`../shared/corpus`) and made-up ones (`tests/samples/made-up`),
//! with their `Date` and `To` rewritten to tell a morning: ordinary bounces
//! and a delay from 08:05, an auto-reply, a delivery report and a plain
//! message, then a 5.7.705 tenant block from 09:40. The expected counts come
//! from the samples' labels (`labels.tsv`), never from a run of the tool.
#![cfg(not(target_arch = "wasm32"))]

#[path = "scan/support.rs"]
mod support;

use serde_json::Value;
use std::path::Path;
use std::process::Command;
use support::*;

/// The morning's summary rows: status, count, first, last, senders, domains.
/// 5.7.705: ann (twice, in any case), bob, dee, eve; the copied text names
/// nobody; info@example.net, orders@ and commandes@fabrikam.example,
/// partners@example.com. 5.1.1: ann, bob, carl; r@p351355.pool.example.ne.jp
/// and userunknown@example.jp (twice). 4.4.7: carl, rui.lopes@example.com.
const ROWS: [(&str, u64, &str, &str, u64, u64); 3] = [
    (
        "5.7.705",
        6,
        "2026-11-29T09:40:00Z",
        "2026-11-29T11:10:00Z",
        4,
        3,
    ),
    (
        "5.1.1",
        3,
        "2026-11-29T08:05:00Z",
        "2026-11-29T10:50:00Z",
        3,
        2,
    ),
    (
        "4.4.7",
        1,
        "2026-11-29T08:20:00Z",
        "2026-11-29T08:20:00Z",
        1,
        1,
    ),
];

/// The morning's hours: the block starts mid-way.
const TIMELINE: [(&str, &str, u64); 6] = [
    ("2026-11-29T08:00:00Z", "4.4.7", 1),
    ("2026-11-29T08:00:00Z", "5.1.1", 2),
    ("2026-11-29T09:00:00Z", "5.7.705", 2),
    ("2026-11-29T10:00:00Z", "5.1.1", 1),
    ("2026-11-29T10:00:00Z", "5.7.705", 3),
    ("2026-11-29T11:00:00Z", "5.7.705", 1),
];

#[test]
fn json_summary_of_a_morning() {
    let dir = morning("json");
    let output = run(&["--json"], &[&dir]);
    assert_ok(&output);
    let json = json(&output);
    assert_eq!(json["files"], 13);
    assert_eq!(json["messages"], 14);
    assert_eq!(json["bounces"], 10);
    assert_eq!(json["not_bounces"], 4);
    assert_eq!(
        json["kinds"],
        serde_json::json!({"failure": 9, "delay": 1, "delivered": 2, "not_a_bounce": 2})
    );
    assert_eq!(json["unreadable"], serde_json::json!([]));
    let rows = json["by_status"].as_array().unwrap();
    assert_eq!(rows.len(), ROWS.len());
    for (row, (status, count, first, last, senders, domains)) in rows.iter().zip(ROWS) {
        assert_eq!(row["status"], status, "{row}");
        assert_eq!(row["count"], count, "{row}");
        assert_eq!(row["first"], first, "{row}");
        assert_eq!(row["last"], last, "{row}");
        assert_eq!(row["senders"], senders, "{row}");
        assert_eq!(row["recipient_domains"], domains, "{row}");
        let fixed_by = ndr_explainer::StatusCode::parse(row["status"].as_str().unwrap_or(""))
            .and_then(ndr_explainer::catalogue::lookup)
            .map(|e| e.fixed_by.iter().map(|a| a.name()).collect::<Vec<_>>())
            .unwrap_or_default();
        assert_eq!(row["fixed_by"], serde_json::json!(fixed_by), "{row}");
    }
    assert_eq!(rows[0]["title"], title("en", "5.7.705"));
    assert_eq!(rows[0]["scope"], "organisation");
    let hours: Vec<(String, String, u64)> = json["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["hour"].as_str().unwrap().into(),
                h["status"].as_str().unwrap().into(),
                h["count"].as_u64().unwrap(),
            )
        })
        .collect();
    let want: Vec<(String, String, u64)> = TIMELINE
        .iter()
        .map(|(h, s, c)| ((*h).into(), (*s).into(), *c))
        .collect();
    assert_eq!(hours, want);

    let items = sorted_items(json["items"].as_array().unwrap().clone());
    assert_eq!(items.len(), 14);
    let names: Vec<String> = items.iter().map(|i| file_name(&i["file"])).collect();
    assert_eq!(names[0], "01-postfix.eml");
    let by_name = |name: &str| {
        items
            .iter()
            .find(|i| file_name(&i["file"]) == name)
            .unwrap()
    };
    let b = by_name("11.eml");
    assert_eq!(
        (
            b["index"].as_u64(),
            b["when"].as_str(),
            b["when_from"].as_str()
        ),
        (Some(0), Some("2026-11-29T09:55:00Z"), Some("date"))
    );
    assert_eq!(b["status"], "5.7.705");
    assert_eq!(b["explanation"]["entry"], "5.7.705");
    let f = by_name("20-copied.txt");
    assert_eq!(
        (f["when"].as_str(), f["when_from"].as_str()),
        (Some("2026-11-29T11:10:00Z"), Some("file"))
    );
    assert_eq!(by_name("05-delivered.eml")["kind"], "delivered");
    assert_eq!(by_name("04-auto-reply.eml")["is_ndr"], false);
    assert_eq!(by_name("03-delay.eml")["kind"], "delay");
}

#[test]
fn text_summary_of_a_morning_in_both_languages() {
    let dir = morning("text");
    for (lang, heads, counts, timeline) in [
        (
            "en",
            [
                "Code",
                "Count",
                "First",
                "Last",
                "Senders",
                "Recipient domains",
                "Title",
            ],
            [
                "Files read: 13",
                "Messages: 14",
                "Bounces: 10 (failures: 9, delays: 1)",
                "Not bounces: 4 (delivery reports: 2, other messages: 2)",
                "Could not be read: 0",
            ],
            "Bounces with 5.7.705, by hour (UTC):",
        ),
        (
            "fr",
            [
                "Code",
                "Nombre",
                "Premier",
                "Dernier",
                "Expéditeurs",
                "Domaines destinataires",
                "Titre",
            ],
            [
                "Fichiers lus : 13",
                "Messages : 14",
                "Rapports de non-remise : 10 (échecs : 9, retards : 1)",
                "Autres messages : 4 (confirmations de remise : 2, autres : 2)",
                "Fichiers illisibles : 0",
            ],
            "Rapports de non-remise 5.7.705, heure par heure (UTC) :",
        ),
    ] {
        let output = run(&["--lang", lang], &[&dir]);
        assert_ok(&output);
        let text = stdout(&output);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[..5], counts, "{text}");
        assert_eq!(lines[5], "");
        assert_eq!(cells(lines[6]), heads, "{text}");
        for (line, (status, count, first, last, senders, domains)) in lines[7..10].iter().zip(ROWS)
        {
            let mut want = vec![
                status.to_owned(),
                count.to_string(),
                first.into(),
                last.into(),
                senders.to_string(),
                domains.to_string(),
            ];
            if status != "4.4.7" {
                want.push(title(lang, status));
            }
            assert_eq!(cells(line), want, "{text}");
        }
        assert_eq!(lines[10], "");
        assert_eq!(lines[11], timeline);
        let hours: Vec<Vec<&str>> = lines[12..15].iter().map(|l| cells(l)).collect();
        assert_eq!(
            hours,
            [
                ["2026-11-29T09:00:00Z", "2", &"#".repeat(34)],
                ["2026-11-29T10:00:00Z", "3", &"#".repeat(50)],
                ["2026-11-29T11:00:00Z", "1", &"#".repeat(17)],
            ],
            "{text}"
        );
        assert_eq!(lines.len(), 15, "nothing unreadable, nothing cut: {text}");
    }
}

#[test]
fn jsonl_and_csv_hold_one_record_per_message() {
    let dir = morning("records");
    let from_json = sorted_items(
        json(&run(&["--json"], &[&dir]))["items"]
            .as_array()
            .unwrap()
            .clone(),
    );

    let output = run(&["--jsonl"], &[&dir]);
    assert_ok(&output);
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(sorted_items(lines), from_json);

    let output = run(&["--csv", "--lang", "fr"], &[&dir]);
    assert_ok(&output);
    let text = stdout(&output);
    assert!(text.starts_with("file,index,when,when_from,is_ndr,kind,status,smtp_code,sender,recipients,diagnostic,reporting_mta,remote_mta,found_by,title,limits,error\r\n"));
    let mut records = csv_records(&text);
    assert_eq!(records.len(), 15);
    assert!(records.iter().all(|r| r.len() == 17), "17 columns each");
    records.remove(0);
    records.sort();
    let named = |name: &str| {
        records
            .iter()
            .find(|r| r[0].ends_with(name))
            .unwrap()
            .clone()
    };
    let row = named("block/13.eml");
    assert_eq!(
        row[1..10],
        [
            "0",
            "2026-11-29T10:20:00Z",
            "date",
            "true",
            "failure",
            "5.7.705",
            "550",
            "ann@contoso.example",
            "info@example.net"
        ]
    );
    assert_eq!(row[14], title("fr", "5.7.705"));
    assert_eq!(row[16], "");
    assert!(row[10].contains("5.7.705"), "diagnostic: {row:?}");
    let row = named("04-auto-reply.eml");
    assert_eq!(row[4..7], ["false", "not_a_bounce", ""]);
    // The same messages as the JSON items, by file and index.
    let keys: Vec<(String, String)> = records
        .iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let want: Vec<(String, String)> = from_json
        .iter()
        .map(|i| (i["file"].as_str().unwrap().into(), i["index"].to_string()))
        .collect();
    assert_eq!(keys, want);
}

const QUOTED_FROM: &str = "From: Mail Delivery System <MAILER-DAEMON@mx.contoso.example>
To: fay@contoso.example
Subject: Undelivered Mail Returned to Sender

This is the mail system at host mx.contoso.example.

From mx1.fabrikam.example: 550 5.7.705 Access denied, tenant has exceeded threshold
";

#[test]
fn an_mbox_is_split_and_each_message_analysed_on_its_own() {
    let dir = fresh("mbox");
    let file = dir.join("postmaster.mbox");
    let undated = with_fields(
        &sample("madeup-eo-classic-705.eml"),
        &[("Date", None), ("To", Some("gil@contoso.example"))],
    );
    write(
        &file,
        &mbox(&[
            (
                "MAILER-DAEMON Sun Nov 29 08:00:00 2026",
                dated(
                    "soe-lhost-postfix-01.eml",
                    "Sun, 29 Nov 2026 08:05:00 +0000",
                    Some("ann@contoso.example"),
                ),
            ),
            ("MAILER-DAEMON Sun Nov 29 09:41:07 2026", undated),
            (
                "MAILER-DAEMON Sun Nov 29 09:50:00 2026",
                QUOTED_FROM.as_bytes().to_vec(),
            ),
            (
                "kijitora@example.net Sun Nov 29 09:51:00 2026",
                sample("soe-rfc3834-01.eml"),
            ),
        ]),
    );
    let output = run(&["--json"], &[&file]);
    assert_ok(&output);
    let json = json(&output);
    assert_eq!(
        (
            json["files"].as_u64(),
            json["messages"].as_u64(),
            json["bounces"].as_u64()
        ),
        (Some(1), Some(4), Some(3))
    );
    let items = sorted_items(json["items"].as_array().unwrap().clone());
    let indexes: Vec<u64> = items.iter().map(|i| i["index"].as_u64().unwrap()).collect();
    assert_eq!(indexes, [0, 1, 2, 3]);
    let status: Vec<&str> = items
        .iter()
        .map(|i| i["status"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(status, ["5.1.1", "5.7.705", "5.7.705", "-"]);
    // Without a Date or Received line, the separator's date stands in.
    assert_eq!(
        (items[1]["when"].as_str(), items[1]["when_from"].as_str()),
        (Some("2026-11-29T09:41:07Z"), Some("mbox"))
    );
    // `>From ` was unescaped: the evidence is the server's own line.
    assert_eq!(
        items[2]["evidence"]["line"],
        "From mx1.fabrikam.example: 550 5.7.705 Access denied, tenant has exceeded threshold"
    );
    let top = &json["by_status"][0];
    assert_eq!(
        (
            top["status"].as_str(),
            top["count"].as_u64(),
            top["senders"].as_u64()
        ),
        (Some("5.7.705"), Some(2), Some(2))
    );
    assert_eq!(
        (top["first"].as_str(), top["last"].as_str()),
        (Some("2026-11-29T09:41:07Z"), Some("2026-11-29T09:50:00Z"))
    );
}

#[test]
fn a_maildir_is_read_without_tmp_and_hidden_files() {
    let dir = fresh("maildir");
    let undated = with_fields(&sample("madeup-eo-newstyle-705.eml"), &[("Date", None)]);
    write(&dir.join("new/1796544000.M1P1.mx"), &undated);
    let received = with_fields(
        &undated,
        &[(
            "Received",
            Some("from mx1 by mx2; Sun, 29 Nov 2026 10:30:00 +0100"),
        )],
    );
    write(&dir.join("cur/1796544001.M2P2.mx:2,S"), &received);
    write(
        &dir.join("cur/1796544002.M3P3.mx:2,S"),
        &sample("soe-rfc3834-01.eml"),
    );
    write(
        &dir.join("tmp/1796544003.M4P4.mx"),
        &sample("madeup-eo-classic-750.eml"),
    );
    write(
        &dir.join("cur/.hidden.eml"),
        &sample("madeup-eo-classic-750.eml"),
    );
    // A Maildir++ folder is hidden but read.
    write(
        &dir.join(".Junk/cur/1796544004.M5P5.mx:2,S"),
        &sample("madeup-eo-classic-703.eml"),
    );
    write(
        &dir.join(".Junk/tmp/1796544005.M6P6.mx"),
        &sample("madeup-eo-classic-750.eml"),
    );
    let output = run(&["--jsonl"], &[&dir]);
    assert_ok(&output);
    let items: Vec<Value> = sorted_items(
        stdout(&output)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
    );
    let names: Vec<String> = items.iter().map(|i| file_name(&i["file"])).collect();
    assert_eq!(
        names,
        [
            "1796544004.M5P5.mx:2,S",
            "1796544001.M2P2.mx:2,S",
            "1796544002.M3P3.mx:2,S",
            "1796544000.M1P1.mx"
        ]
    );
    let status: Vec<&str> = items
        .iter()
        .map(|i| i["status"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(status, ["5.7.703", "5.7.705", "-", "5.7.705"]);
    // 1796544000 is 2026-12-06T08:00:00Z (`date -u -d @1796544000`): the delivery time in the name.
    assert_eq!(
        (items[3]["when"].as_str(), items[3]["when_from"].as_str()),
        (Some("2026-12-06T08:00:00Z"), Some("delivery"))
    );
    assert_eq!(
        (items[1]["when"].as_str(), items[1]["when_from"].as_str()),
        (Some("2026-11-29T09:30:00Z"), Some("received"))
    );
}

#[test]
fn unreadable_files_are_listed_and_the_scan_goes_on() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = fresh("broken");
    write(&dir.join("good.eml"), &sample("madeup-eo-classic-705.eml"));
    symlink("nowhere.eml", &dir.join("gone.eml"));
    symlink("loop-b", &dir.join("loop-a"));
    symlink("loop-a", &dir.join("loop-b"));
    std::fs::create_dir(dir.join("sub")).unwrap();
    symlink("..", &dir.join("sub/back")); // read once, not forever
    let fifo = dir.join("pipe");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let locked = dir.join("locked.eml");
    write(&locked, &sample("madeup-eo-classic-750.eml"));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // A superuser reads it all the same: then it is one more bounce.
    let denied = std::fs::File::open(&locked).is_err();
    let missing = dir.join("not-there");

    let output = run(&["--json"], &[&dir, &missing]);
    assert_ok(&output);
    let json = json(&output);
    let mut want = vec![
        (
            "gone.eml",
            "broken symbolic link (its target does not exist)",
        ),
        ("loop-a", "symbolic links that loop back on themselves"),
        ("loop-b", "symbolic links that loop back on themselves"),
        ("not-there", "no such file or folder"),
        ("pipe", "not a regular file (a device, socket or pipe)"),
    ];
    if denied {
        want.insert(2, ("locked.eml", "permission denied"));
    }
    let listed: Vec<(String, String)> = json["unreadable"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                file_name(&u["file"]),
                u["error"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(f, e)| ((*f).into(), (*e).into()))
        .collect();
    assert_eq!(listed, want);
    assert_eq!(json["files"], if denied { 1 } else { 2 });
    assert_eq!(json["bounces"], if denied { 1 } else { 2 });

    let output = run(&["--lang", "fr"], &[&dir]);
    let text = stdout(&output);
    assert!(
        text.contains("\nFichiers qui n’ont pas pu être lus :\n"),
        "{text}"
    );
    assert!(
        text.contains("/gone.eml : lien symbolique rompu (sa cible n’existe pas)\n"),
        "{text}"
    );

    let output = run(&["--jsonl"], &[&dir]);
    let errors: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v.get("error").is_some())
        .collect();
    assert_eq!(
        errors.len(),
        want.len() - 1,
        "one record per unreadable file"
    );
    assert!(errors.iter().all(|e| e["index"].is_null()));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn a_file_past_the_limit_is_analysed_in_part_and_said_so() {
    let dir = fresh("large");
    // A failure notice with a large attachment, past the limit by 1000 bytes.
    let mut big = b"From: Mail Delivery System <MAILER-DAEMON@mx.contoso.example>
To: ann@contoso.example
Subject: Undeliverable: the catalogue
Date: Sun, 29 Nov 2026 08:05:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=\"b\"

--b
Content-Type: text/plain

Remote Server returned '550 5.7.705 Access denied, tenant has exceeded threshold'

--b
Content-Type: application/pdf
Content-Transfer-Encoding: base64

"
    .to_vec();
    let line = format!("{}\n", "QUJD".repeat(19));
    while big.len() <= ndr_explainer::MAX_INPUT + 1000 {
        big.extend_from_slice(line.as_bytes());
    }
    write(&dir.join("huge.eml"), &big);
    let output = run(&["--json"], &[&dir]);
    assert_ok(&output);
    let json = json(&output);
    assert_eq!(json["bounces"], 1);
    assert_eq!(json["items"][0]["status"], "5.7.705");
    assert_eq!(
        json["items"][0]["limits"],
        serde_json::json!(["input_too_large"])
    );
    let partial = &json["partial"][0];
    assert_eq!(
        (
            partial["index"].as_u64(),
            partial["analysed"].as_u64(),
            partial["total"].as_u64()
        ),
        (
            Some(0),
            Some(ndr_explainer::MAX_INPUT as u64),
            Some(big.len() as u64)
        )
    );
    let text = stdout(&run(&[], &[&dir]));
    assert!(
        text.contains(&format!("huge.eml: message 0, {} bytes\n", big.len())),
        "{text}"
    );
}

#[test]
fn exit_statuses() {
    let quiet = fresh("quiet");
    write(
        &quiet.join("hello.eml"),
        &sample("rgl-non_bounce_postfix_hello_world.eml"),
    );
    write(&quiet.join("auto-reply.eml"), &sample("soe-rfc3834-01.eml"));
    write(&quiet.join("delivered.eml"), &sample("soe-rfc3464-28.eml"));
    let output = run(&[], &[&quiet]);
    assert_eq!(code(&output), 1, "no bounce among them");
    let text = stdout(&output);
    assert!(
        text.contains("Not bounces: 4 (delivery reports: 2, other messages: 2)\n"),
        "{text}"
    );
    assert!(text.contains("\nNo bounce found.\n"), "{text}");
    assert_eq!(code(&run(&["--csv"], &[&quiet.join("missing")])), 1);

    let loud = fresh("loud");
    write(&loud.join("705.eml"), &sample("madeup-eo-classic-705.eml"));
    for args in [
        &[][..],
        &["--json"],
        &["--jsonl"],
        &["--csv"],
        &["--lang=fr"],
        &["--"],
    ] {
        assert_ok(&run(args, &[&loud]));
    }
    let with_path: &[&Path] = &[&loud];
    for (args, paths, words) in [
        (&[][..], &[][..], "at least one PATH"),
        (&["--json"][..], &[][..], "at least one PATH"),
        (&["--json", "--csv"][..], with_path, "one of --json"),
        (&["--lang", "de"][..], with_path, "\"de\""),
        (&["--lang"][..], &[][..], "--lang needs"),
        (
            &["--frobnicate"][..],
            with_path,
            "unknown option --frobnicate",
        ),
    ] {
        let output = run(args, paths);
        let err = String::from_utf8_lossy(&output.stderr);
        assert_eq!(code(&output), 2, "{args:?}: {err}");
        assert!(
            err.starts_with("ndr-explain scan: ")
                && err.contains(words)
                && err.contains("usage: ndr-explain scan"),
            "{args:?}: {err}"
        );
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    let help = run(&["--help"], &[]);
    assert_eq!(code(&help), 0);
    assert!(stdout(&help).starts_with("usage: ndr-explain scan"));
}
