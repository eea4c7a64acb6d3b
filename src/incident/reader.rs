//! Files given together (dropped on a page), read one message at a time,
//! so that whoever drives the reading can stop between any two messages:
//! to let a page answer, to show how far it got, or because the person
//! stopped it. The files come one after the other; only the file being
//! read is held, and of every code only its earliest bounce is kept (what a
//! row of the summary opens), never every diagnosis.

use super::{messages_up_to, when, Incident, Message, Summary, Timestamp};
use crate::{Bounce, StatusCode};
use std::io::{self, Cursor};
use std::rc::Rc;

/// How far a reading got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Files given.
    pub files: usize,
    /// Files done with (read, or found unreadable).
    pub files_done: usize,
    /// Bytes of all the files.
    pub bytes: u64,
    /// Bytes done with so far.
    pub bytes_done: u64,
}

/// The earliest bounce seen with one code.
#[derive(Clone, Debug, PartialEq)]
pub struct First {
    /// The code (`None`: bounces in which no code was found).
    pub status: Option<StatusCode>,
    /// The file it came from.
    pub file: String,
    /// Its place in that file, from 0.
    pub index: usize,
    /// When it happened, if known.
    pub when: Option<Timestamp>,
    /// Its diagnosis.
    pub bounce: Rc<Bounce>,
}

/// Where a reading stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Files are still being read.
    Reading,
    /// Every file was read.
    Done,
}

/// What a reading shows at one moment: everything a page needs to draw it.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    /// The summary of what was read.
    pub summary: Summary,
    /// How far the reading got.
    pub progress: Progress,
    /// The earliest bounce of each code, in the order the codes were met.
    pub firsts: Vec<First>,
    /// Whether it goes on.
    pub state: State,
}

impl Batch {
    /// The earliest bounce with `status`, if one was seen.
    pub fn first(&self, status: Option<StatusCode>) -> Option<&First> {
        self.firsts.iter().find(|f| f.status == status)
    }
}

/// Reads files one message at a time into an [`Incident`].
pub struct Reader {
    incident: Incident,
    firsts: Vec<First>,
    progress: Progress,
    limit: usize,
    file: Option<OpenFile>,
}

/// The file being read.
struct OpenFile {
    name: String,
    size: u64,
    modified: Option<Timestamp>,
    messages: Box<dyn Iterator<Item = io::Result<Message>>>,
    /// Bytes done with before this file.
    done_before: u64,
}

impl Reader {
    /// A reading of `files` files holding `bytes` bytes in all, of which each
    /// message is analysed on its first `limit` bytes.
    pub fn new(files: usize, bytes: u64, limit: usize) -> Reader {
        Reader {
            incident: Incident::new(),
            firsts: Vec::new(),
            progress: Progress {
                files,
                bytes,
                ..Progress::default()
            },
            limit,
            file: None,
        }
    }

    /// Starts on a file: its name, its bytes (an mbox is split into its
    /// messages), and its modification time, the date of a message that
    /// carries none. A file still open is counted as read.
    pub fn open(&mut self, name: String, bytes: Vec<u8>, modified: Option<Timestamp>) {
        self.close();
        let size = bytes.len() as u64;
        self.file = Some(OpenFile {
            name,
            size,
            modified,
            messages: Box::new(messages_up_to(Cursor::new(bytes), self.limit)),
            done_before: self.progress.bytes_done,
        });
    }

    /// Lists a file of `size` bytes that could not be read, with why.
    pub fn unreadable(&mut self, name: String, size: u64, why: String) {
        self.incident.unreadable(name, why);
        self.progress.files_done += 1;
        self.progress.bytes_done += size;
    }

    /// Analyses messages of the open file, at least one, as long as `more()`
    /// says so. Returns whether the file may hold more; `false` once it is
    /// read (or when no file is open).
    pub fn read(&mut self, mut more: impl FnMut() -> bool) -> bool {
        while let Some(message) = self.next_message() {
            let bounce = message.diagnose();
            self.add(&message, bounce);
            if !more() {
                return true;
            }
        }
        false
    }

    /// The next message of the open file, for whoever analyses it (then
    /// [`Reader::add`]); `None` once the file is read, which closes it.
    pub fn next_message(&mut self) -> Option<Message> {
        // Bytes in memory read without error; an error would end the file.
        match self.file.as_mut()?.messages.next() {
            Some(Ok(message)) => Some(message),
            _ => {
                self.close();
                None
            }
        }
    }

    /// Counts `message` of the open file, analysed as `bounce`.
    pub fn add(&mut self, message: &Message, bounce: Bounce) {
        let Some(file) = self.file.as_ref() else {
            return;
        };
        let bounce = message.diagnosed(bounce);
        let at = when(&bounce, message, None, file.modified).map(|(t, _)| t);
        self.incident.add(&file.name, message.index, &bounce, at);
        let end = file.done_before + file.size;
        self.progress.bytes_done = (self.progress.bytes_done + message.size as u64).min(end);
        if bounce.is_ndr() {
            let name = file.name.clone();
            keep_first(&mut self.firsts, &name, message.index, at, bounce);
        }
    }

    /// Counts the open file as read.
    fn close(&mut self) {
        if let Some(file) = self.file.take() {
            self.incident.file_read();
            self.progress.files_done += 1;
            self.progress.bytes_done = file.done_before + file.size;
        }
    }

    /// How far the reading got.
    pub fn progress(&self) -> Progress {
        self.progress
    }

    /// What the reading shows now.
    pub fn batch(&self, state: State) -> Batch {
        Batch {
            summary: self.incident.summary(),
            progress: self.progress,
            firsts: self.firsts.clone(),
            state,
        }
    }
}

/// Keeps `bounce` if it is the earliest of its code: a dated bounce comes
/// before an undated one; of two at the same time, the one read first.
fn keep_first(
    firsts: &mut Vec<First>,
    file: &str,
    index: usize,
    at: Option<Timestamp>,
    bounce: Bounce,
) {
    let earlier = |than: Option<Timestamp>| match (at, than) {
        (Some(at), Some(than)) => at < than,
        (at, than) => at.is_some() && than.is_none(),
    };
    let kept = firsts.iter().position(|f| f.status == bounce.status);
    if kept.is_some_and(|i| !earlier(firsts[i].when)) {
        return;
    }
    let first = First {
        status: bounce.status,
        file: file.to_owned(),
        index,
        when: at,
        bounce: Rc::new(bounce),
    };
    match kept {
        Some(i) => firsts[i] = first,
        None => firsts.push(first),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounce(code: &str, date: &str) -> Vec<u8> {
        let date = if date.is_empty() {
            String::new()
        } else {
            format!("Date: {date}\n")
        };
        format!(
            "From: MAILER-DAEMON@example.com\n{date}Subject: Undeliverable\n\nRemote Server returned '550 {code} Access denied'\n"
        )
        .into_bytes()
    }

    fn mbox(messages: &[Vec<u8>]) -> Vec<u8> {
        let mut out = Vec::new();
        for message in messages {
            out.extend_from_slice(b"From MAILER-DAEMON Sun Nov 29 12:00:00 2026\n");
            out.extend_from_slice(message);
            out.push(b'\n');
        }
        out
    }

    /// Reads every file to its end, one message per slice; returns the slices.
    fn read_all(reader: &mut Reader, files: Vec<(&str, Vec<u8>)>) -> usize {
        let mut slices = 0;
        for (name, bytes) in files {
            reader.open(name.into(), bytes, None);
            loop {
                slices += 1;
                if !reader.read(|| false) {
                    break;
                }
            }
        }
        slices
    }

    #[test]
    fn one_message_per_slice_when_asked_and_progress_in_bytes() {
        let messages: Vec<Vec<u8>> = (0..3)
            .map(|i| bounce("5.7.705", &format!("29 Nov 2026 0{i}:00 +0000")))
            .collect();
        let file = mbox(&messages);
        let size = file.len() as u64;
        let mut reader = Reader::new(1, size, 1 << 20);
        reader.open("box".into(), file, None);
        let mut seen = Vec::new();
        while reader.read(|| false) {
            seen.push(reader.progress().bytes_done);
            assert_eq!(reader.progress().files_done, 0);
        }
        assert_eq!(seen.len(), 3, "one message at a time");
        assert!(
            seen.windows(2).all(|w| w[0] < w[1] && w[1] < size),
            "{seen:?}"
        );
        let progress = reader.progress();
        assert_eq!((progress.files_done, progress.bytes_done), (1, size));
        let batch = reader.batch(State::Done);
        assert_eq!((batch.summary.files, batch.summary.bounces), (1, 3));
        assert!(!reader.read(|| true), "nothing open");
    }

    #[test]
    fn a_slice_goes_on_while_asked() {
        let file = mbox(&vec![bounce("5.1.1", ""); 10]);
        let mut reader = Reader::new(1, file.len() as u64, 1 << 20);
        reader.open("box".into(), file, None);
        let mut budget = 4;
        assert!(reader.read(|| {
            budget -= 1;
            budget > 0
        }));
        assert_eq!(reader.batch(State::Reading).summary.messages, 4);
        assert!(!reader.read(|| true));
        assert_eq!(reader.batch(State::Reading).summary.messages, 10);
    }

    #[test]
    fn each_code_keeps_its_earliest_bounce_only() {
        let mut reader = Reader::new(4, 0, 1 << 20);
        read_all(
            &mut reader,
            vec![
                ("undated.eml", bounce("5.7.705", "")),
                ("late.eml", bounce("5.7.705", "29 Nov 2026 11:00 +0000")),
                ("early.eml", bounce("5.7.705", "29 Nov 2026 10:00 +0100")),
                ("same.eml", bounce("5.7.705", "29 Nov 2026 09:00 +0000")),
                ("other.eml", bounce("5.1.1", "")),
                ("hello.eml", b"Subject: lunch\n\nnoon?\n".to_vec()),
            ],
        );
        let batch = reader.batch(State::Done);
        let firsts: Vec<(String, &str)> = batch
            .firsts
            .iter()
            .map(|f| (f.status.unwrap().to_string(), f.file.as_str()))
            .collect();
        assert_eq!(
            firsts,
            [
                ("5.7.705".into(), "early.eml"),
                ("5.1.1".into(), "other.eml")
            ]
        );
        let first = batch.first(StatusCode::parse("5.7.705")).unwrap();
        assert_eq!(first.when.unwrap().to_string(), "2026-11-29T09:00:00Z");
        assert_eq!(first.bounce.status, first.status);
        assert!(batch.first(None).is_none());
        assert_eq!(batch.summary.kinds.other, 1);
    }

    #[test]
    fn a_message_without_a_date_takes_the_file_time() {
        let modified = Timestamp::parse("29 Nov 2026 11:10 +0000");
        let mut reader = Reader::new(1, 0, 1 << 20);
        reader.open("copied.txt".into(), bounce("5.7.705", ""), modified);
        assert!(!reader.read(|| true));
        let batch = reader.batch(State::Done);
        assert_eq!(batch.summary.by_status[0].first, modified);
        assert_eq!(batch.firsts[0].when, modified);
    }

    #[test]
    fn unreadable_and_cut_files_are_listed() {
        let big = mbox(&[
            bounce("5.7.705", ""),
            [bounce("5.1.1", ""), vec![b'x'; 200]].concat(),
        ]);
        let mut reader = Reader::new(3, 1000, 150);
        reader.unreadable("gone.eml".into(), 700, "it was moved".into());
        assert_eq!(reader.progress().bytes_done, 700);
        read_all(
            &mut reader,
            vec![("big.mbox", big), ("empty.eml", Vec::new())],
        );
        let batch = reader.batch(State::Done);
        let summary = &batch.summary;
        assert_eq!((summary.files, summary.messages), (2, 2));
        assert_eq!(summary.unreadable[0].file, "gone.eml");
        assert_eq!(summary.unreadable[0].error, "it was moved");
        assert_eq!(summary.partial.len(), 1);
        assert_eq!(
            (summary.partial[0].index, summary.partial[0].analysed),
            (1, 150)
        );
        assert_eq!(batch.progress.files_done, 3);
    }

    #[test]
    fn opening_a_file_closes_the_one_before() {
        let mut reader = Reader::new(2, 0, 1 << 20);
        reader.open("a".into(), mbox(&vec![bounce("5.1.1", ""); 3]), None);
        assert!(reader.read(|| false));
        reader.open("b".into(), bounce("5.1.1", ""), None);
        assert!(!reader.read(|| true));
        let batch = reader.batch(State::Done);
        assert_eq!((batch.summary.files, batch.summary.messages), (2, 2));
        assert_eq!(batch.progress.files_done, 2);
    }
}
