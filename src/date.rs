//! Mail dates (RFC 5322 `Date`, with the obsolete forms of its section 4.3,
//! and the `asctime` form of mbox `From ` lines) read into one instant, so
//! that bounces written in any zone line up on one timeline.

use crate::mime::header::words_outside_comments;
use std::fmt;

/// An instant, in whole seconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// Years outside this range are not dates a mail server wrote.
const YEARS: std::ops::RangeInclusive<i64> = 1900..=9999;

impl Timestamp {
    /// The instant `seconds` after the Unix epoch.
    pub fn from_unix(seconds: i64) -> Timestamp {
        Timestamp(seconds)
    }

    /// Seconds since the Unix epoch.
    pub fn unix(self) -> i64 {
        self.0
    }

    /// The start of the hour this instant falls in.
    pub fn hour(self) -> Timestamp {
        Timestamp(self.0.saturating_sub(self.0.rem_euclid(3600)))
    }

    /// Reads a mail date: RFC 5322 (`Tue, 29 Nov 2026 08:12:00 +0100`), its
    /// obsolete forms (two-digit years, zone names such as `EST` or `GMT`,
    /// military letters, comments, missing day name or seconds) and the
    /// `asctime` form of mbox separators (`Tue Nov 29 08:12:00 2026`).
    /// Returns `None` for anything else; never panics.
    ///
    /// ```
    /// use ndr_explainer::incident::Timestamp;
    /// let t = Timestamp::parse("Sun, 29 Nov 2026 09:12:05 +0100 (CET)").unwrap();
    /// assert_eq!(t.to_string(), "2026-11-29T08:12:05Z");
    /// ```
    pub fn parse(text: &str) -> Option<Timestamp> {
        // Commas only separate; no date reader looks past its seventh word.
        let tokens = words_outside_comments(text, &[','], 7);
        let mut rest: &[&str] = &tokens;
        if rest.first().is_some_and(|t| weekday(t)) {
            rest = &rest[1..];
        }
        let (day, month, year, time, zone) = match rest {
            // RFC 5322: day month year time [zone]
            [d, m, y, t, zone @ ..] if number(d).is_some() => {
                (number(d)?, month(m)?, year(y)?, time(t)?, zone)
            }
            // asctime: month day time year [zone]; some write month day year time.
            [m, d, a, b, zone @ ..] => {
                let (t, y) = if a.contains(':') { (a, b) } else { (b, a) };
                (number(d)?, month(m)?, year(y)?, time(t)?, zone)
            }
            _ => return None,
        };
        let offset = match zone.first() {
            Some(z) => offset(z)?,
            None => 0,
        };
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        let (hour, minute, second) = time;
        let days = days_from_civil(year, month, day);
        Some(Timestamp(
            days * 86_400 + hour * 3600 + minute * 60 + second - offset,
        ))
    }

    /// The instant as a person reads it, in UTC: `2026-11-29 08:12:05`
    /// (RFC 3339 with a space for its `T` and without its `Z`).
    ///
    /// ```
    /// use ndr_explainer::incident::Timestamp;
    /// assert_eq!(Timestamp::from_unix(1_764_403_925).readable(), "2025-11-29 08:12:05");
    /// ```
    pub fn readable(self) -> String {
        let text = self.to_string();
        let (day, time) = text.split_once('T').unwrap_or((&text, ""));
        [day, " ", time.trim_end_matches('Z')].concat()
    }

    /// The day, in UTC: `2026-11-29`.
    pub fn day(self) -> String {
        let (year, month, day) = civil_from_days(self.0.div_euclid(86_400));
        format!("{year:04}-{month:02}-{day:02}")
    }

    /// Hours and minutes, in UTC: `08:12`.
    pub fn clock(self) -> String {
        let seconds = self.0.rem_euclid(86_400);
        format!("{:02}:{:02}", seconds / 3600, seconds % 3600 / 60)
    }
}

/// RFC 3339, in UTC: `2026-11-29T08:12:05Z`.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.0.div_euclid(86_400);
        let seconds = self.0.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    }
}

fn weekday(token: &str) -> bool {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    token.len() >= 3
        && token.bytes().all(|b| b.is_ascii_alphabetic())
        && DAYS.iter().any(|d| token[..3].eq_ignore_ascii_case(d))
}

fn month(token: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if token.len() < 3 || token.len() > 9 || !token.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let at = MONTHS
        .iter()
        .position(|m| token[..3].eq_ignore_ascii_case(m))?;
    Some(at as i64 + 1)
}

/// A run of one to four ASCII digits.
fn number(token: &str) -> Option<i64> {
    if token.is_empty() || token.len() > 4 || !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok()
}

/// RFC 5322 4.3: two-digit years below 50 are 20xx, others 19xx; three-digit
/// years add 1900.
fn year(token: &str) -> Option<i64> {
    let value = number(token)?;
    let year = match token.len() {
        1 | 2 if value < 50 => value + 2000,
        1..=3 => value + 1900,
        _ => value,
    };
    YEARS.contains(&year).then_some(year)
}

/// `hh:mm` or `hh:mm:ss`, a fraction of a second ignored; a leap second
/// counts as the second before it.
fn time(token: &str) -> Option<(i64, i64, i64)> {
    let mut parts = token.split(':');
    let hour = number(parts.next()?)?;
    let minute = number(parts.next()?)?;
    let second = match parts.next() {
        Some(s) => number(s.split('.').next().unwrap_or(s))?,
        None => 0,
    };
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    Some((hour, minute, second.min(59)))
}

/// The zone's offset east of UTC, in seconds: `+hhmm`, `-hh:mm`, or a name.
/// RFC 5322 4.3: names other than UT, GMT and the North American ones, and
/// the military letters, are taken as `-0000` (UTC, zone unknown).
fn offset(token: &str) -> Option<i64> {
    if let Some(sign) = token.strip_prefix(['+', '-']).map(|_| token.as_bytes()[0]) {
        let digits: String = token[1..].chars().filter(|&c| c != ':').collect();
        if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let hours: i64 = digits[..2].parse().ok()?;
        let minutes: i64 = digits[2..].parse().ok()?;
        if hours > 23 || minutes > 59 {
            return None;
        }
        let seconds = hours * 3600 + minutes * 60;
        return Some(if sign == b'-' { -seconds } else { seconds });
    }
    if !token.bytes().all(|b| b.is_ascii_alphabetic()) || token.len() > 5 {
        return None;
    }
    const NAMED: [(&str, i64); 8] = [
        ("edt", -4),
        ("est", -5),
        ("cdt", -5),
        ("cst", -6),
        ("mdt", -6),
        ("mst", -7),
        ("pdt", -7),
        ("pst", -8),
    ];
    let hours = NAMED
        .iter()
        .find(|(name, _)| token.eq_ignore_ascii_case(name))
        .map_or(0, |(_, h)| *h);
    Some(hours * 3600)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day number, the inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> Option<String> {
        Timestamp::parse(text).map(|t| t.to_string())
    }

    #[test]
    fn day_and_clock_in_utc() {
        let t = Timestamp::parse("Sun, 29 Nov 2026 00:59:59 +0100").unwrap();
        assert_eq!(
            (t.day(), t.clock()),
            ("2026-11-28".to_owned(), "23:59".to_owned())
        );
        let before_1970 = Timestamp::from_unix(-60);
        assert_eq!(
            (before_1970.day(), before_1970.clock()),
            ("1969-12-31".to_owned(), "23:59".to_owned())
        );
    }

    #[test]
    fn current_form_with_zones() {
        let want = Some("2026-11-29T08:12:05Z".to_owned());
        assert_eq!(utc("Sun, 29 Nov 2026 08:12:05 +0000"), want);
        assert_eq!(utc("Sun, 29 Nov 2026 09:12:05 +0100"), want);
        assert_eq!(utc("Sun, 29 Nov 2026 03:12:05 -0500"), want);
        assert_eq!(utc("Sun, 29 Nov 2026 13:42:05 +0530"), want);
        assert_eq!(utc("29 Nov 2026 08:12:05 -0000"), want);
        assert_eq!(utc("  Sun,29 Nov 2026 08:12:05 +0000  "), want);
        assert_eq!(utc("Sun, 29 Nov 2026 09:12:05 +01:00"), want);
    }

    #[test]
    fn obsolete_forms() {
        let want = Some("2026-11-29T08:12:05Z".to_owned());
        assert_eq!(utc("Sun, 29 Nov 26 08:12:05 GMT"), want);
        assert_eq!(utc("Sunday, 29 November 2026 08:12:05 UT"), want);
        assert_eq!(utc("29 nov 2026 03:12:05 EST"), want);
        assert_eq!(utc("29 Nov 2026 04:12:05 EDT"), want);
        assert_eq!(utc("29 Nov 2026 00:12:05 PST"), want);
        assert_eq!(utc("29 Nov 2026 08:12:05 Z"), want);
        // Military letters and unknown names count as -0000 (RFC 5322 4.3).
        assert_eq!(utc("29 Nov 2026 08:12:05 A"), want);
        assert_eq!(utc("29 Nov 2026 08:12:05 CET"), want);
        assert_eq!(
            utc("Sun, 29 Nov 2026 09:12:05 +0100 (CET) (comment (nested))"),
            want
        );
        assert_eq!(utc("Sun (day), 29 (d) Nov 2026 08:12:05"), want);
        assert_eq!(
            utc("29 Nov 2026 08:12"),
            Some("2026-11-29T08:12:00Z".into())
        );
        assert_eq!(
            utc("1 Jan 99 0:0:0 GMT"),
            Some("1999-01-01T00:00:00Z".into())
        );
        assert_eq!(
            utc("1 Jan 049 00:00:00 GMT"),
            Some("1949-01-01T00:00:00Z".into())
        );
        assert_eq!(
            utc("31 Dec 2026 23:59:60 +0000"),
            Some("2026-12-31T23:59:59Z".into())
        );
    }

    #[test]
    fn asctime_of_mbox_separators() {
        let want = Some("2026-11-29T08:12:05Z".to_owned());
        assert_eq!(utc("Sun Nov 29 08:12:05 2026"), want);
        assert_eq!(utc("Sun Nov 29 08:12:05 2026 +0000"), want);
        assert_eq!(utc("Nov 29 2026 08:12:05"), want);
        assert_eq!(
            utc("Sun Nov  9 08:12:05 2026"),
            Some("2026-11-09T08:12:05Z".into())
        );
    }

    #[test]
    fn day_changes_across_zones_and_leap_years() {
        assert_eq!(
            utc("Thu, 1 Jan 1970 00:30:00 +0100"),
            Some("1969-12-31T23:30:00Z".into())
        );
        assert_eq!(
            utc("29 Feb 2028 12:00:00 +0000"),
            Some("2028-02-29T12:00:00Z".into())
        );
        assert_eq!(utc("29 Feb 2027 12:00:00 +0000"), None);
        assert_eq!(
            utc("29 Feb 2000 12:00:00 +0000"),
            Some("2000-02-29T12:00:00Z".into())
        );
        assert_eq!(utc("29 Feb 1900 12:00:00 +0000"), None);
        assert_eq!(utc("31 Apr 2026 12:00:00 +0000"), None);
    }

    #[test]
    fn junk_is_none() {
        for junk in [
            "",
            "yesterday",
            "Sun, 29 Nov 2026",
            "32 Nov 2026 08:12:05 +0000",
            "0 Nov 2026 08:12:05 +0000",
            "29 Foo 2026 08:12:05 +0000",
            "29 Nov 2026 24:00:00 +0000",
            "29 Nov 2026 08:60:00 +0000",
            "29 Nov 2026 08:12:05 +01000",
            "29 Nov 2026 08:12:05 +0199",
            "29 Nov 2026 08:12:05 +abcd",
            "29 Nov 12026 08:12:05 +0000",
            "29 Nov 2026 08:12:05:07 +0000",
            "29 Nov 2026 8-12-05 +0000",
            "99999999999 Nov 2026 08:12:05",
            "29 Nov 2026 08:12:05 +\u{e9}\u{e9}",
            "\u{e9}\u{e9}\u{e9}, 29 Nov 2026 08:12:05",
        ] {
            assert_eq!(utc(junk), None, "{junk:?}");
        }
    }

    #[test]
    fn never_panics_on_any_prefix_or_odd_character() {
        let date = "Sun, 29 Nov 2026 09:12:05 +0100 (CET)";
        for end in 0..=date.len() {
            let _ = Timestamp::parse(&date[..end]);
        }
        for c in ['\u{0}', 'é', '🙂', '(', ')', ':', '+', '-', ','] {
            for at in 0..date.len() {
                let mut text = date.to_owned();
                text.insert(at, c);
                let _ = Timestamp::parse(&text);
            }
        }
    }

    #[test]
    fn hours_and_round_trips() {
        let t = Timestamp::parse("29 Nov 2026 08:59:59 +0000").unwrap();
        assert_eq!(t.hour().to_string(), "2026-11-29T08:00:00Z");
        assert_eq!(
            Timestamp::from_unix(-1).hour().to_string(),
            "1969-12-31T23:00:00Z"
        );
        for days in [-800_000, -1, 0, 1, 59, 60, 365, 10_957, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{days}");
        }
        assert_eq!(Timestamp::from_unix(0).to_string(), "1970-01-01T00:00:00Z");
    }
}
