//! The bounced message's path, read from its `Received` headers.

use crate::date::Timestamp;
use crate::mime::header::words_outside_comments;

/// A delay between two hops from which the wait is worth pointing out.
pub const LONG_DELAY_SECS: i64 = 300;

/// Past this many `Received` lines the rest is a loop or padding, not a path.
const MAX_HOPS: usize = 100;

/// One server the message passed through, from one `Received` header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hop {
    /// The host that handed the message over (the word after `from`).
    pub from: Option<String>,
    /// The host that took it (the word after `by`).
    pub by: Option<String>,
    /// The protocol it was handed over with (`ESMTP`, `SMTP`, `mapi`…).
    pub with: Option<String>,
    /// The date as written after the header's last `;`.
    pub time: Option<String>,
    /// `time` as Unix seconds, UTC.
    pub timestamp: Option<i64>,
    /// Seconds since the previous (older) hop, when both times are known;
    /// negative when the two servers' clocks disagree.
    pub delay: Option<i64>,
}

impl Hop {
    /// True when the message waited at least [`LONG_DELAY_SECS`] before this hop.
    pub fn is_long(&self) -> bool {
        self.delay.is_some_and(|d| d >= LONG_DELAY_SECS)
    }
}

/// The hops of `received` (header values in header order, newest first),
/// oldest first; only the newest 100 headers are read.
pub fn hops(received: &[String]) -> Vec<Hop> {
    let mut path: Vec<Hop> = received.iter().take(MAX_HOPS).map(|r| hop(r)).collect();
    path.reverse();
    let mut previous: Option<i64> = None;
    for hop in &mut path {
        hop.delay = match (previous, hop.timestamp) {
            (Some(before), Some(now)) => Some(now - before),
            _ => None,
        };
        previous = hop.timestamp;
    }
    path
}

fn hop(value: &str) -> Hop {
    let (clauses, time) = match date_separator(value) {
        Some(i) => (&value[..i], Some(collapse_spaces(&value[i + 1..]))),
        None => (value, None),
    };
    let time = time.filter(|t| !t.is_empty());
    let words = words_outside_comments(clauses, &[], usize::MAX);
    let after = |key: &str| {
        let i = words.iter().position(|w| w.eq_ignore_ascii_case(key))?;
        words.get(i + 1).map(|w| (i + 1, w.to_string()))
    };
    Hop {
        from: after("from").map(|(_, w)| w),
        by: after("by").map(|(_, w)| w),
        with: after("with").map(|(i, first)| protocol(&words[i..]).unwrap_or(first)),
        timestamp: time.as_deref().and_then(parse_date),
        time,
        delay: None,
    }
}

/// The date of a `Received` field's value, after its last `;` outside comments.
pub(crate) fn received_date(value: &str) -> Option<Timestamp> {
    Timestamp::parse(&value[date_separator(value)? + 1..])
}

/// The `;` before the date: the last one outside comments, as comments may
/// hold their own (TLS details); the last one at all if comments never close.
fn date_separator(value: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut outside = None;
    for (i, b) in value.bytes().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b';' if depth == 0 => outside = Some(i),
            _ => {}
        }
    }
    outside.or_else(|| value.rfind(';'))
}

/// Servers name themselves before the protocol ("Microsoft SMTP Server",
/// "MailEnable ESMTP"): the first of three words that looks like one.
fn protocol(words: &[&str]) -> Option<String> {
    const KNOWN: [&str; 6] = ["SMTP", "LMTP", "HTTP", "MAPI", "IMAP", "LOCAL"];
    words.iter().take(3).find_map(|w| {
        let upper = w.to_ascii_uppercase();
        KNOWN
            .iter()
            .any(|k| upper.contains(k))
            .then(|| w.to_string())
    })
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An RFC 5322 date as `Received` lines write it (`Tue, 17 Mar 2026 09:42:17
/// +0100 (CET)`, obsolete zones and two-digit years included) as Unix seconds.
pub fn parse_date(text: &str) -> Option<i64> {
    Timestamp::parse(text).map(Timestamp::unix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn office365_path_oldest_first() {
        // From madeup-eo-classic-750.eml, unfolded, newest first.
        let path = hops(&lines(&[
            "from AM6PR01MB1234.eurprd01.prod.outlook.com (2001:db8:20b:1a2::15) by AM6PR01MB1234.eurprd01.prod.outlook.com with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8632.29; Tue, 17 Mar 2026 08:42:18 +0000",
            "from relay.branch.contoso.example (198.51.100.23) by VI1EUR01FT012.mail.protection.outlook.com (203.0.113.5) with Microsoft SMTP Server (version=TLS1_2) id 15.20.8632.29 via Frontend Transport; Tue, 17 Mar 2026 08:42:17 +0000",
            "from MFP-3F-EAST (mfp-3f-east.branch.contoso.example [192.0.2.77])\tby relay.branch.contoso.example (Postfix) with ESMTP id 4C1D2E0F5\tfor <orders@fabrikam.example>; Tue, 17 Mar 2026 09:42:17 +0100 (CET)",
        ]));
        assert_eq!(path.len(), 3);
        assert_eq!(path[0].from.as_deref(), Some("MFP-3F-EAST"));
        assert_eq!(path[0].by.as_deref(), Some("relay.branch.contoso.example"));
        assert_eq!(path[0].with.as_deref(), Some("ESMTP"));
        assert_eq!(
            path[0].time.as_deref(),
            Some("Tue, 17 Mar 2026 09:42:17 +0100 (CET)")
        );
        assert_eq!(path[0].timestamp, Some(1_773_736_937));
        assert_eq!(path[0].delay, None);
        assert_eq!(path[1].with.as_deref(), Some("SMTP"));
        assert_eq!(path[1].delay, Some(0));
        assert_eq!(path[2].delay, Some(1));
        assert!(!path[2].is_long());
    }

    #[test]
    fn corpus_lines() {
        // rgl-bounce_office365_non_existing_mailbox.eml and soe-lhost-*.eml.
        let path = hops(&lines(&[
            "from ABCD12EFGH.namprd01.prod.outlook.com ([10.172.105.139]) by ABCD12EFGH.namprd01.prod.outlook.com ([10.172.105.139]) with mapi id 15.01.0888.030; Thu, 16 Feb 2017 21:15:45 +0000",
            "by test.local (Postfix, from userid 0)\tid BD73C158; Fri, 25 Sep 2015 10:49:56 +0000 (UTC)",
            "from [127.0.0.1] ([192.0.2.21]) by home with MailEnable ESMTP; Thu, 29 Apr 2015 23:34:45 +0900",
            "(qmail 1234 invoked by uid 0); 29 Apr 15 23:34:45 -0000",
        ]));
        assert_eq!(path[0].from, None);
        assert_eq!(path[0].with, None);
        assert_eq!(path[1].from.as_deref(), Some("[127.0.0.1]"));
        assert_eq!(path[1].with.as_deref(), Some("ESMTP"));
        assert_eq!(path[2].from, None);
        assert_eq!(path[2].by.as_deref(), Some("test.local"));
        assert_eq!(path[3].with.as_deref(), Some("mapi"));
        assert_eq!(path[1].timestamp, Some(1_430_318_085));
        assert_eq!(
            path[1].delay,
            Some(-32_400),
            "same clock time, zones 9 hours apart"
        );
        assert!(!path[1].is_long());
        assert!(path[2].is_long());
        assert!(path[3].delay.unwrap() > 0);
    }

    #[test]
    fn negative_delay_kept_and_missing_times() {
        let path = hops(&lines(&[
            "from b by c; Mon, 18 Aug 2026 06:55:41 +0000",
            "from a by b; Mon, 18 Aug 2026 07:55:41 +0000",
            "from x by a with SMTP",
        ]));
        assert_eq!(path[0].time, None);
        assert_eq!(path[1].delay, None);
        assert_eq!(path[2].delay, Some(-3_600));
        assert!(!path[2].is_long());
    }

    #[test]
    fn junk_and_limits() {
        assert!(hops(&[]).is_empty());
        let junk = hops(&lines(&["", ";", "((((", "from", "\u{1F600} by ; é"]));
        assert_eq!(junk.len(), 5);
        assert!(junk.iter().all(|h| h.timestamp.is_none()));
        let many = vec!["from a by b; 1 Jan 2020 00:00:00 +0000".to_string(); 500];
        assert_eq!(hops(&many).len(), 100);
    }

    #[test]
    fn dates() {
        let at = parse_date;
        assert_eq!(at("Thu, 01 Jan 1970 00:00:00 +0000"), Some(0));
        assert_eq!(
            at("18 Aug 2026 06:55:41 +0000"),
            at("Tue, 18 Aug 2026 06:55:41 GMT")
        );
        assert_eq!(
            at("Tue, 7 Feb 2017 11:29:10 -0500"),
            at("7 Feb 2017 16:29:10 UT")
        );
        assert_eq!(at("7 Feb 2017 11:29:10 EST"), at("7 Feb 2017 16:29:10 Z"));
        assert_eq!(at("7 Feb 2017 09:29:10 PDT"), at("7 Feb 2017 16:29:10 UTC"));
        assert_eq!(
            at("7 Feb 2017 16:29 +0000"),
            at("7 Feb 2017 16:29:00 +0000")
        );
        assert_eq!(at("25 Sep 2015 10:49:56 +0000 (UTC)"), Some(1_443_178_196));
        assert_eq!(
            at("17 Mar 2026 08:42:19.6021 (UTC)"),
            at("17 Mar 2026 08:42:19 +0000")
        );
        assert_eq!(at("1 Jan 99 00:00:00 +0000"), Some(915_148_800));
        assert_eq!(
            at("1 Jan 49 00:00:00 +0000"),
            at("1 Jan 2049 00:00:00 +0000")
        );
        assert_eq!(at("29 Feb 2024 00:00:00 +0000"), Some(1_709_164_800));
        assert_eq!(at("29 Feb 2000 00:00:00 +0000"), Some(951_782_400));
        assert_eq!(at("29 Feb 2023 00:00:00 +0000"), None);
        assert_eq!(at("29 Feb 1900 00:00:00 +0000"), None);
    }

    #[test]
    fn bad_dates() {
        for text in [
            "",
            "junk",
            "Tue,",
            "32 Jan 2020 00:00:00 +0000",
            "1 Foo 2020 00:00:00 +0000",
            "1 Jan 2020 24:00:00 +0000",
            "1 Jan 2020 00:60:00 +0000",
            "1 Jan 1899 00:00:00 +0000",
            "1 Jan 2020 00:00:00 +2400",
            "1 Jan 2020 00:00:00 +0=",
            "99999999999999999999 Jan 2020 00:00:00 +0000",
            "1 Jan 99999999999999999999 00:00:00 +0000",
            "1 Jan 2020 99999999999999999999:00 +0000",
            "1 Jan 2020 00:00:00:00 +0000",
            "\u{1F600} \u{1F600} 2020",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }
}
