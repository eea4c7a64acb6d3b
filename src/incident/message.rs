//! The messages of one file, and when each one happened.

use super::Timestamp;
use crate::mailbox::{Mail, Mailbox};
use crate::{analyse, Bounce, Limit, MAX_INPUT};
use std::io::{self, BufRead};

/// One message of a file: an mbox holds many, any other file is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// Its place in the file, from 0.
    pub index: usize,
    /// Its bytes (an mbox's `>From ` lines unescaped), at most [`MAX_INPUT`].
    pub bytes: Vec<u8>,
    /// How many bytes it had: more than `bytes` holds when it was cut.
    pub size: usize,
    /// The date of its mbox separator line (`From sender date`), if any.
    pub envelope_date: Option<Timestamp>,
}

/// The messages of a file read from `reader`, one at a time: an mbox
/// (opening with `From `) is split at its separators, `>From ` unescaped;
/// anything else is one message (an empty input none). Each keeps at most
/// [`MAX_INPUT`] bytes, so memory stays at one message.
///
/// ```
/// let mbox = b"From a@example.com Sun Nov 29 08:12:05 2026\nSubject: one\n\n>From me\n\nFrom b@example.com Sun Nov 29 09:00:00 2026\nSubject: two\n";
/// let messages: Vec<_> = ndr_explainer::incident::messages(&mbox[..]).collect::<Result<_, _>>().unwrap();
/// assert_eq!(messages.len(), 2);
/// assert_eq!(messages[0].bytes, b"Subject: one\n\nFrom me\n");
/// assert_eq!(messages[1].envelope_date.unwrap().to_string(), "2026-11-29T09:00:00Z");
/// ```
pub fn messages<R: BufRead>(reader: R) -> impl Iterator<Item = io::Result<Message>> {
    messages_up_to(reader, MAX_INPUT)
}

/// The messages of `reader` as [`messages`] gives them, each keeping at most
/// `limit` bytes (the browser widget analyses less than the command line).
pub fn messages_up_to<R: BufRead>(
    reader: R,
    limit: usize,
) -> impl Iterator<Item = io::Result<Message>> {
    Mailbox::new(reader, limit)
        .enumerate()
        .map(|(index, mail)| mail.map(|mail| Message::from_mail(index, mail)))
}

impl Message {
    fn from_mail(index: usize, mail: Mail) -> Message {
        Message {
            index,
            envelope_date: mail.envelope.as_deref().and_then(envelope_date),
            size: mail.size,
            bytes: mail.bytes,
        }
    }

    /// The message analysed on its own; a message that was cut says so
    /// (`Limit::InputTooLarge`, with its whole size).
    pub fn diagnose(&self) -> Bounce {
        self.diagnosed(analyse(&self.bytes))
    }

    /// `bounce`, the diagnosis of [`Message::bytes`] (made elsewhere, as the
    /// widget's parser module makes it), saying so when the message was cut.
    pub fn diagnosed(&self, mut bounce: Bounce) -> Bounce {
        if self.size > self.bytes.len() && !bounce.limits.iter().any(is_too_large) {
            bounce.limits.push(Limit::InputTooLarge {
                analysed: self.bytes.len(),
                total: self.size,
            });
        }
        bounce
    }

    /// When the message reached its mailbox: the date of its newest
    /// `Received` line (the one on top).
    pub fn received(&self) -> Option<Timestamp> {
        let (headers, _) = crate::mime::Headers::parse(&self.bytes)?;
        let line = headers.get("Received")?;
        crate::hops::received_date(line)
    }
}

fn is_too_large(limit: &Limit) -> bool {
    matches!(limit, Limit::InputTooLarge { .. })
}

/// The date of an mbox separator's text (`sender date`), the sender being
/// one word (or empty, as some writers leave it).
fn envelope_date(envelope: &str) -> Option<Timestamp> {
    let envelope = envelope.trim();
    Timestamp::parse(envelope).or_else(|| {
        let (_, date) = envelope.split_once(char::is_whitespace)?;
        // "remote from host" closes UUCP-era separators.
        let date = date.split(" remote from ").next().unwrap_or(date);
        Timestamp::parse(date)
    })
}

/// Where the date of a message came from, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateSource {
    /// The bounce's own `Date` header.
    Date,
    /// The newest `Received` line of the bounce.
    Received,
    /// The mbox separator line.
    Mbox,
    /// Its delivery into the mailbox, as the mailbox recorded it (a Maildir
    /// file name).
    Delivery,
    /// The file's modification time.
    File,
}

impl DateSource {
    /// The name in JSON and CSV.
    pub fn name(self) -> &'static str {
        match self {
            DateSource::Date => "date",
            DateSource::Received => "received",
            DateSource::Mbox => "mbox",
            DateSource::Delivery => "delivery",
            DateSource::File => "file",
        }
    }
}

/// When a bounce happened: its own `Date`, else when it arrived (its newest
/// `Received` line, its mbox separator, then `delivered`, what the mailbox
/// recorded), else `modified`, the file's time; with where that came from.
pub fn when(
    bounce: &Bounce,
    message: &Message,
    delivered: Option<Timestamp>,
    modified: Option<Timestamp>,
) -> Option<(Timestamp, DateSource)> {
    let own = bounce.date.as_deref().and_then(Timestamp::parse);
    own.map(|t| (t, DateSource::Date))
        .or_else(|| message.received().map(|t| (t, DateSource::Received)))
        .or_else(|| message.envelope_date.map(|t| (t, DateSource::Mbox)))
        .or_else(|| delivered.map(|t| (t, DateSource::Delivery)))
        .or_else(|| modified.map(|t| (t, DateSource::File)))
}

/// The delivery time a Maildir file name starts with (`1764403925.M1P2.host:2,S`:
/// seconds since 1970, then a dot), if it does.
///
/// ```
/// use ndr_explainer::incident::maildir_delivery;
/// assert_eq!(maildir_delivery("1764403925.M1P2.mx:2,S").unwrap().to_string(), "2025-11-29T08:12:05Z");
/// assert_eq!(maildir_delivery("bounce.eml"), None);
/// ```
pub fn maildir_delivery(name: &str) -> Option<Timestamp> {
    let (seconds, rest) = name.split_once('.')?;
    let plausible = (9..=11).contains(&seconds.len())
        && seconds.bytes().all(|b| b.is_ascii_digit())
        && !rest.is_empty();
    plausible
        .then(|| seconds.parse().ok())
        .flatten()
        .map(Timestamp::from_unix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(bytes: &[u8]) -> Message {
        Message {
            index: 0,
            bytes: bytes.to_vec(),
            size: bytes.len(),
            envelope_date: None,
        }
    }

    #[test]
    fn dates_fall_back_in_order() {
        let t = |s: &str| Timestamp::parse(s).unwrap();
        let mut bounce = Bounce::none();
        let mut m = message(
            b"Received: from a by b; Sun, 29 Nov 2026 10:00:00 +0000\nReceived: from c by a; Sun, 29 Nov 2026 09:00:00 +0000\nSubject: x\n\nbody\n",
        );
        m.envelope_date = Some(t("29 Nov 2026 11:00 +0000"));
        let delivered = Some(t("29 Nov 2026 12:00 +0000"));
        let modified = Some(t("29 Nov 2026 13:00 +0000"));
        let at = |b: &Bounce, m: &Message, d, f| when(b, m, d, f).map(|(t, s)| (t.to_string(), s));

        bounce.date = Some("Sun, 29 Nov 2026 08:00:00 +0000".into());
        assert_eq!(
            at(&bounce, &m, delivered, modified),
            Some(("2026-11-29T08:00:00Z".into(), DateSource::Date))
        );
        bounce.date = Some("not a date".into());
        assert_eq!(
            at(&bounce, &m, delivered, modified),
            Some(("2026-11-29T10:00:00Z".into(), DateSource::Received))
        );
        m.bytes = b"Subject: x\n\nbody\n".to_vec();
        assert_eq!(
            at(&bounce, &m, delivered, modified),
            Some(("2026-11-29T11:00:00Z".into(), DateSource::Mbox))
        );
        m.envelope_date = None;
        assert_eq!(
            at(&bounce, &m, delivered, modified),
            Some(("2026-11-29T12:00:00Z".into(), DateSource::Delivery))
        );
        assert_eq!(
            at(&bounce, &m, None, modified),
            Some(("2026-11-29T13:00:00Z".into(), DateSource::File))
        );
        assert_eq!(at(&bounce, &m, None, None), None);
    }

    #[test]
    fn separator_dates() {
        let date = |s| envelope_date(s).map(|t| t.to_string());
        let want = Some("2026-11-29T08:12:05Z".to_owned());
        assert_eq!(date("MAILER-DAEMON Sun Nov 29 08:12:05 2026"), want);
        assert_eq!(date("  Sun Nov 29 08:12:05 2026"), want);
        assert_eq!(date("uucp Sun Nov 29 08:12:05 2026 remote from far"), want);
        assert_eq!(date("someone"), None);
        assert_eq!(date(""), None);
    }

    #[test]
    fn a_cut_message_says_so_with_its_whole_size() {
        let mut m = message(b"550 5.7.705 Access denied, tenant has exceeded threshold");
        assert!(m.diagnose().limits.is_empty());
        m.size = 100_000_000;
        let bounce = m.diagnose();
        assert_eq!(
            bounce.status.map(|s| s.to_string()).as_deref(),
            Some("5.7.705")
        );
        assert_eq!(
            bounce.limits,
            [Limit::InputTooLarge {
                analysed: m.bytes.len(),
                total: 100_000_000
            }]
        );
    }

    #[test]
    fn maildir_names() {
        assert_eq!(
            maildir_delivery("1764403925.M1P2.mx"),
            Some(Timestamp::from_unix(1_764_403_925))
        );
        for name in [
            "1764403925",
            "1764403925.",
            "17644.x",
            "x1764403925.y",
            "176440392a.x",
            ".1764403925",
        ] {
            assert_eq!(maildir_delivery(name), None, "{name}");
        }
    }
}
