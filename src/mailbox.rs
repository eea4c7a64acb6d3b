//! Splitting an mbox file into its messages, as a stream.
//!
//! An mbox opens with a `From ` line; each later message starts at a `From `
//! line that follows a blank line. The separator and the blank line before it
//! belong to the file, not to the messages. Body lines that began with
//! `From ` were written as `>From ` (and `>From ` as `>>From `, the mboxrd
//! rule): one `>` is taken off again. Input that does not open with `From `
//! is one message, given back as it is.
//!
//! The reader is pulled one line at a time and each message is cut at a
//! given size, so memory stays at one message however large the file is.

use std::io::{self, BufRead, Read};

/// The longest part of a separator line kept: enough for an address and a date.
const ENVELOPE_KEPT: usize = 512;

/// One message of a mailbox.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Mail {
    /// The message, unescaped, cut at the reader's limit.
    pub(crate) bytes: Vec<u8>,
    /// How many bytes the message had before it was cut.
    pub(crate) size: usize,
    /// The separator line after `From ` (sender and date), when there was one.
    pub(crate) envelope: Option<String>,
}

/// The messages of a mailbox read from `reader`, each cut at `limit` bytes.
pub(crate) struct Mailbox<R> {
    reader: R,
    limit: usize,
    /// Whether the input opened with `From ` (unknown before the first line).
    mbox: Option<bool>,
    /// The separator that starts the next message, already read.
    next_envelope: Option<String>,
    /// The first bytes of the line being read.
    head: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Mailbox<R> {
    /// Reads the messages of `reader`, keeping at most `limit` bytes of each.
    pub(crate) fn new(reader: R, limit: usize) -> Mailbox<R> {
        Mailbox {
            reader,
            limit,
            mbox: None,
            next_envelope: None,
            head: Vec::new(),
            done: false,
        }
    }

    /// Reads one line: up to the room left in `mail` goes there, its first
    /// bytes into `head`. Returns the line's length (0 at the end).
    fn read_line(&mut self, mail: &mut Mail) -> io::Result<usize> {
        self.head.clear();
        let mut length = 0;
        loop {
            let buffer = match self.reader.fill_buf() {
                Ok(buffer) => buffer,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buffer.is_empty() {
                return Ok(length);
            }
            let (take, ends) = match buffer.iter().position(|&b| b == b'\n') {
                Some(at) => (at + 1, true),
                None => (buffer.len(), false),
            };
            let chunk = &buffer[..take];
            let head_room = ENVELOPE_KEPT.saturating_sub(self.head.len());
            self.head.extend_from_slice(&chunk[..take.min(head_room)]);
            let room = self.limit.saturating_sub(mail.bytes.len());
            mail.bytes.extend_from_slice(&chunk[..take.min(room)]);
            length += take;
            self.reader.consume(take);
            if ends {
                return Ok(length);
            }
        }
    }

    /// Reads input that is not an mbox in one go, without looking at its lines.
    fn read_whole(&mut self) -> io::Result<Option<Mail>> {
        self.done = true;
        let mut bytes = Vec::new();
        let limit = u64::try_from(self.limit).unwrap_or(u64::MAX);
        (&mut self.reader).take(limit).read_to_end(&mut bytes)?;
        let rest = io::copy(&mut self.reader, &mut io::sink())?;
        let size = bytes
            .len()
            .saturating_add(usize::try_from(rest).unwrap_or(usize::MAX));
        Ok((!bytes.is_empty()).then_some(Mail {
            bytes,
            size,
            envelope: None,
        }))
    }

    /// Decides from the first bytes whether the input is an mbox, when they
    /// are enough to tell.
    fn decide(&mut self) -> io::Result<()> {
        let start = loop {
            match self.reader.fill_buf() {
                Ok(buffer) => break buffer,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        let seen = &start[..start.len().min(5)];
        if !b"From ".starts_with(seen) || start.is_empty() {
            self.mbox = Some(false);
        } else if seen.len() == 5 {
            self.mbox = Some(true);
        }
        Ok(())
    }

    fn read_mail(&mut self) -> io::Result<Option<Mail>> {
        if self.mbox.is_none() {
            self.decide()?;
        }
        if self.mbox == Some(false) {
            return self.read_whole();
        }
        let mut mail = Mail {
            envelope: self.next_envelope.take(),
            ..Mail::default()
        };
        let mut read_any = mail.envelope.is_some();
        // The length of the line before, when it was blank.
        let mut blank_before = None;
        loop {
            let kept_before = mail.bytes.len();
            let length = self.read_line(&mut mail)?;
            if length == 0 {
                self.done = true;
                break;
            }
            let head = &self.head[..];
            let mbox = *self.mbox.get_or_insert_with(|| head.starts_with(b"From "));
            let separator =
                mbox && head.starts_with(b"From ") && (blank_before.is_some() || !read_any);
            if separator {
                mail.bytes.truncate(kept_before);
                let envelope = envelope(head);
                if read_any {
                    self.next_envelope = Some(envelope);
                    drop_last_blank_line(&mut mail, blank_before);
                    return Ok(Some(mail));
                }
                mail.envelope = Some(envelope);
                read_any = true;
                continue;
            }
            read_any = true;
            blank_before = matches!(head, b"\n" | b"\r\n").then_some(length);
            let quoted = head.iter().take_while(|&&b| b == b'>').count();
            if mbox && quoted > 0 && head[quoted..].starts_with(b"From ") {
                if mail.bytes.len() > kept_before {
                    mail.bytes.remove(kept_before);
                }
                mail.size += length - 1;
            } else {
                mail.size += length;
            }
        }
        if !read_any {
            return Ok(None);
        }
        if self.mbox == Some(true) {
            drop_last_blank_line(&mut mail, blank_before);
        }
        Ok(Some(mail))
    }
}

impl<R: BufRead> Iterator for Mailbox<R> {
    type Item = io::Result<Mail>;

    fn next(&mut self) -> Option<io::Result<Mail>> {
        if self.done {
            return None;
        }
        match self.read_mail() {
            Ok(mail) => mail.map(Ok),
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// The separator's text after `From `, without its line break.
fn envelope(head: &[u8]) -> String {
    let text = head.strip_prefix(b"From ").unwrap_or(head);
    String::from_utf8_lossy(text).trim_end().to_owned()
}

/// The blank line before a separator belongs to the mbox format. The kept
/// bytes are a prefix of the message, so cutting them to its new size
/// removes that line only when it was kept.
fn drop_last_blank_line(mail: &mut Mail, blank_before: Option<usize>) {
    if let Some(length) = blank_before {
        mail.size = mail.size.saturating_sub(length);
        mail.bytes.truncate(mail.size);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(input: &[u8], limit: usize) -> Vec<Mail> {
        Mailbox::new(input, limit)
            .collect::<io::Result<Vec<_>>>()
            .expect("a slice reads without error")
    }

    fn texts(mails: &[Mail]) -> Vec<String> {
        mails
            .iter()
            .map(|m| String::from_utf8_lossy(&m.bytes).into_owned())
            .collect()
    }

    const MBOX: &[u8] = b"From MAILER-DAEMON Sun Nov 29 08:12:05 2026\n\
Subject: one\n\
\n\
>From here, a quoted line\n\
>>From twice\n\
From inside, not after a blank line\n\
\n\
From postmaster@example.com Sun Nov 29 09:00:00 2026\n\
Subject: two\n\
\n\
body\n\
\n";

    #[test]
    fn splits_at_separators_after_blank_lines_and_unescapes() {
        let mails = split(MBOX, 1 << 20);
        assert_eq!(
            texts(&mails),
            [
                "Subject: one\n\nFrom here, a quoted line\n>From twice\nFrom inside, not after a blank line\n",
                "Subject: two\n\nbody\n",
            ]
        );
        assert_eq!(
            mails[0].envelope.as_deref(),
            Some("MAILER-DAEMON Sun Nov 29 08:12:05 2026")
        );
        assert_eq!(
            mails[1].envelope.as_deref(),
            Some("postmaster@example.com Sun Nov 29 09:00:00 2026")
        );
        assert_eq!(mails[0].size, mails[0].bytes.len());
        assert_eq!(mails[1].size, mails[1].bytes.len());
    }

    #[test]
    fn crlf_mbox() {
        let crlf: Vec<u8> = String::from_utf8_lossy(MBOX)
            .replace('\n', "\r\n")
            .into_bytes();
        let mails = split(&crlf, 1 << 20);
        assert_eq!(mails.len(), 2);
        assert_eq!(texts(&mails)[1], "Subject: two\r\n\r\nbody\r\n");
        assert_eq!(
            mails[0].envelope.as_deref(),
            Some("MAILER-DAEMON Sun Nov 29 08:12:05 2026")
        );
    }

    #[test]
    fn anything_else_is_one_message_as_it_is() {
        let text = b"Subject: x\n\n>From stays\n\nFrom stays too\n";
        let mails = split(text, 1 << 20);
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].bytes, text);
        assert_eq!(mails[0].envelope, None);
        assert!(split(b"", 10).is_empty());
        assert_eq!(split(b"no line break", 100)[0].bytes, b"no line break");
    }

    #[test]
    fn messages_are_cut_at_the_limit_but_sized_whole() {
        let mails = split(MBOX, 10);
        assert_eq!(texts(&mails), ["Subject: o", "Subject: t"]);
        let whole = split(MBOX, 1 << 20);
        assert_eq!(mails[0].size, whole[0].bytes.len());
        assert_eq!(mails[1].size, whole[1].bytes.len());
        assert_eq!(
            mails[1].envelope.as_deref().map(|e| &e[..10]),
            Some("postmaster")
        );
    }

    #[test]
    fn tiny_buffers_and_empty_messages() {
        let reader = io::BufReader::with_capacity(3, MBOX);
        let mails: Vec<Mail> = Mailbox::new(reader, 1 << 20)
            .collect::<io::Result<_>>()
            .unwrap();
        assert_eq!(texts(&mails), texts(&split(MBOX, 1 << 20)));
        // Two bytes at a time: "Fr" cannot tell, the first line then does.
        for text in [&b"Fresh news\n\nFrom me\n"[..], b"Subject: x\n\nFrom me\n"] {
            let reader = io::BufReader::with_capacity(2, text);
            let mails: Vec<Mail> = Mailbox::new(reader, 99).collect::<io::Result<_>>().unwrap();
            assert_eq!(texts(&mails), [String::from_utf8_lossy(text)]);
        }
        let empty = split(
            b"From a Sun Nov 29 08:12:05 2026\n\nFrom b Sun Nov 29 08:12:06 2026\n",
            99,
        );
        assert_eq!(texts(&empty), ["", ""]);
    }

    #[test]
    fn read_errors_end_the_stream_with_the_error() {
        struct Broken;
        impl io::Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("disk on fire"))
            }
        }
        let mut mailbox = Mailbox::new(io::BufReader::new(Broken), 99);
        assert!(mailbox.next().unwrap().is_err());
        assert!(mailbox.next().is_none());
    }
}
