//! Outlook item files (`.msg`, [MS-OXMSG]): an item is turned into the MIME
//! message it stands for, which [`crate::analyse`] then reads like any other
//! message, so that one path reads everything.
//!
//! A non-delivery report saved from Outlook (`REPORT.IPM.Note.NDR`) becomes a
//! `multipart/report` whose `message/delivery-status` part is built from the
//! item's recipient table; an item forwarded "as attachment" becomes a
//! `message/rfc822` part of the message that carries it.
//!
//! The reader is behind the cargo feature `outlook-msg`; without it, an item
//! is recognised by its signature and the diagnosis says it was not read.
//! The widget reads items in its parser module (`src/bin/ndr-explainer-reader.rs`).

#[cfg(feature = "outlook-msg")]
mod cfb;
#[cfg(feature = "outlook-msg")]
mod item;
#[cfg(feature = "outlook-msg")]
mod props;
#[cfg(feature = "outlook-msg")]
mod report;
#[cfg(feature = "outlook-msg")]
mod rtf;
#[cfg(feature = "outlook-msg")]
mod write;

use crate::bounce::{Bounce, Input, Limit};
use crate::catalogue::Ui;
use std::fmt;

/// The Compound File Binary signature every `.msg` file starts with ([MS-CFB] 2.2).
const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Deepest nesting of items inside items that is read.
pub const MAX_DEPTH: usize = 8;

/// Why an Outlook item, or part of it, could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MsgError {
    /// This build leaves the `.msg` reader out.
    NotSupported,
    /// The container's header is not a valid compound file header.
    BadHeader,
    /// A sector or FAT entry points past the end of the file.
    SectorOutOfRange,
    /// A sector chain comes back to a sector it already passed.
    ChainLoop,
    /// A stream declares more bytes than the file holds.
    SizeTooLarge,
    /// A chain ends before the stream's declared size.
    Truncated,
    /// The directory holds more entries than are read.
    TooManyEntries,
    /// A directory entry is not what its place says it is.
    BadDirectory,
    /// The compound file is not an Outlook item (no property stream).
    NotAnItem,
    /// Items inside items go deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The compressed RTF body is damaged or lies about its size.
    BadRtf,
}

impl MsgError {
    /// Every error, in declaration order.
    pub const ALL: [MsgError; 11] = [
        MsgError::NotSupported,
        MsgError::BadHeader,
        MsgError::SectorOutOfRange,
        MsgError::ChainLoop,
        MsgError::SizeTooLarge,
        MsgError::Truncated,
        MsgError::TooManyEntries,
        MsgError::BadDirectory,
        MsgError::NotAnItem,
        MsgError::TooDeep,
        MsgError::BadRtf,
    ];

    /// The error's name in JSON (`"limits"`).
    pub fn name(self) -> &'static str {
        match self {
            MsgError::NotSupported => "msg_not_supported",
            MsgError::BadHeader => "msg_bad_header",
            MsgError::SectorOutOfRange => "msg_sector_out_of_range",
            MsgError::ChainLoop => "msg_chain_loop",
            MsgError::SizeTooLarge => "msg_size_too_large",
            MsgError::Truncated => "msg_truncated",
            MsgError::TooManyEntries => "msg_too_many_entries",
            MsgError::BadDirectory => "msg_bad_directory",
            MsgError::NotAnItem => "msg_not_an_item",
            MsgError::TooDeep => "msg_too_deep",
            MsgError::BadRtf => "msg_bad_rtf",
        }
    }

    /// What a person reads about the error, in the interface's language.
    pub(crate) fn text(self, ui: &Ui) -> &'static str {
        match self {
            MsgError::NotSupported => ui.msg_not_supported,
            MsgError::BadHeader => ui.msg_bad_header,
            MsgError::SectorOutOfRange => ui.msg_sector_out_of_range,
            MsgError::ChainLoop => ui.msg_chain_loop,
            MsgError::SizeTooLarge => ui.msg_size_too_large,
            MsgError::Truncated => ui.msg_truncated,
            MsgError::TooManyEntries => ui.msg_too_many_entries,
            MsgError::BadDirectory => ui.msg_bad_directory,
            MsgError::NotAnItem => ui.msg_not_an_item,
            MsgError::TooDeep => ui.msg_too_deep,
            MsgError::BadRtf => ui.msg_bad_rtf,
        }
    }
}

impl fmt::Display for MsgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text(crate::catalogue::ui(crate::Lang::En)))
    }
}

impl std::error::Error for MsgError {}

/// True when `input` starts like a compound file (a `.msg` item, or an old
/// Office document).
pub fn is_compound_file(input: &[u8]) -> bool {
    input.starts_with(&SIGNATURE)
}

/// An Outlook item turned into MIME.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Converted {
    /// The MIME message the item stands for.
    pub mime: Vec<u8>,
    /// The MIME message of the first delivery report the item carries as an
    /// attachment, when the item is not a report itself (a forward).
    pub forwarded: Option<Vec<u8>>,
    /// What could not be read of the item.
    pub problems: Vec<MsgError>,
}

/// The MIME message an Outlook item stands for. `Err` when nothing could be
/// read at all.
///
/// ```
/// let error = ndr_explainer::msg::to_mime(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 too short").err();
/// assert_eq!(error, Some(ndr_explainer::msg::MsgError::BadHeader));
/// ```
#[cfg(feature = "outlook-msg")]
pub fn to_mime(input: &[u8]) -> Result<Converted, MsgError> {
    let container = cfb::Container::open(input)?;
    let mut reader = item::Reader::new(&container);
    let top = reader.item(0, 0).ok_or_else(|| {
        reader
            .problems
            .first()
            .copied()
            .unwrap_or(MsgError::NotAnItem)
    })?;
    let mut problems = reader.problems;
    problems.dedup();
    Ok(Converted {
        mime: write::message(&top),
        forwarded: write::forwarded_report(&top),
        problems,
    })
}

#[cfg(not(feature = "outlook-msg"))]
fn to_mime(_input: &[u8]) -> Result<Converted, MsgError> {
    Err(MsgError::NotSupported)
}

/// Analyses an Outlook item: the MIME message it stands for, read by
/// [`crate::analyse`], said to be an Outlook item, with no evidence span (the
/// text it rests on is not a verbatim part of the file).
pub(crate) fn analyse(input: &[u8]) -> Bounce {
    let total = input.len();
    let input = &input[..total.min(crate::MAX_INPUT)];
    let mut bounce = analyse_converted(to_mime(input));
    if total > crate::MAX_INPUT {
        bounce.limits.push(Limit::InputTooLarge {
            analysed: crate::MAX_INPUT,
            total,
        });
    }
    bounce
}

/// Analyses an Outlook item from what [`to_mime`] made of it (of at most
/// [`crate::MAX_INPUT`] bytes): the diagnosis [`crate::analyse`] gives for the
/// item itself.
fn analyse_converted(converted: Result<Converted, MsgError>) -> Bounce {
    let (mut bounce, problems) = match converted {
        Ok(converted) => {
            let mut bounce = crate::analyse(&converted.mime);
            // A report inside a forward: read it when the forward alone
            // gives no code and it gives one, and keep the forward's subject.
            if let Some(report) = converted.forwarded.filter(|_| bounce.status.is_none()) {
                let mut inner = crate::analyse(&report);
                if inner.status.is_some() {
                    inner.subject = bounce.subject.take();
                    bounce = inner;
                }
            }
            (bounce, converted.problems)
        }
        Err(error) => (Bounce::none(), vec![error]),
    };
    bounce.input = Input::OutlookMsg;
    if let Some(evidence) = bounce.evidence.as_mut() {
        evidence.input_span = None;
    }
    let mut limits: Vec<Limit> = problems.into_iter().map(Limit::OutlookMsg).collect();
    limits.append(&mut bounce.limits);
    bounce.limits = limits;
    bounce
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_is_recognised_by_its_signature() {
        let mut input = SIGNATURE.to_vec();
        input.extend_from_slice(&[0; 600]);
        let bounce = crate::analyse(&input);
        assert_eq!(bounce.input, Input::OutlookMsg);
        let expected = if cfg!(feature = "outlook-msg") {
            MsgError::BadHeader
        } else {
            MsgError::NotSupported
        };
        assert_eq!(bounce.limits, [Limit::OutlookMsg(expected)]);
        assert!(!is_compound_file(b"From: a@b\r\n\r\nhello"));
    }

    #[test]
    fn every_error_has_a_sentence_in_each_language() {
        for lang in crate::Lang::ALL {
            let ui = crate::catalogue::ui(lang);
            for error in MsgError::ALL {
                assert!(error.text(ui).len() > 40, "{error:?}");
            }
        }
        assert!(MsgError::TooDeep.to_string().contains('8'));
    }

    #[test]
    fn a_converted_item_is_read_as_an_outlook_item() {
        let converted = Converted {
            mime: b"Subject: Undeliverable: lunch\r\nFrom: postmaster@example.com\r\nDate: Mon, 1 Dec 2026 10:00:00 +0000\r\n\r\nRemote Server returned '550 5.7.705 Access denied, tenant has exceeded threshold'\r\n".to_vec(),
            forwarded: None,
            problems: vec![MsgError::BadRtf],
        };
        let bounce = analyse_converted(Ok(converted));
        assert_eq!(bounce.input, Input::OutlookMsg);
        assert_eq!(
            bounce.status.map(|s| s.to_string()).as_deref(),
            Some("5.7.705")
        );
        assert_eq!(bounce.limits, [Limit::OutlookMsg(MsgError::BadRtf)]);
        assert!(bounce.evidence.is_some_and(|e| e.input_span.is_none()));
    }
}
