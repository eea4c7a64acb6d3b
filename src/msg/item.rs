//! An Outlook item's storage read into what the MIME writer needs: its
//! properties, its recipient table and its attachments ([MS-OXMSG] 2.2–2.4).

use super::cfb::{Container, Kind};
use super::props::*;
use super::{rtf, MsgError, MAX_DEPTH};
use crate::mime::charset;

/// A message body, in the first form the item has.
pub enum Body {
    Text(String),
    Html(String),
    None,
}

/// One row of the recipient table.
pub struct Recipient {
    pub address: String,
    pub supplementary_info: Option<String>,
    pub report_text: Option<String>,
    pub status_code: Option<i64>,
    pub diag_code: Option<i64>,
    pub reason_code: Option<i64>,
    pub remote_mta: Option<String>,
}

/// An attachment, as far as the diagnosis cares.
pub enum Attachment {
    /// An Outlook item inside this one.
    Item(Box<Item>),
    /// An attached message file (`.eml`, `message/rfc822`), as it is.
    Message(Vec<u8>),
    /// Anything else, by name only.
    Named(String),
}

/// One Outlook item, read.
pub struct Item {
    pub class: String,
    pub headers: Option<String>,
    pub subject: Option<String>,
    pub from: (Option<String>, Option<String>),
    pub to: Option<String>,
    pub received_by: (Option<String>, Option<String>),
    pub time: Option<u64>,
    pub message_id: Option<String>,
    pub body: Body,
    pub report_text: Option<String>,
    pub reporting_mta: Option<String>,
    pub original: Vec<(&'static str, String)>,
    pub recipients: Vec<Recipient>,
    pub attachments: Vec<Attachment>,
    pub depth: usize,
}

/// Reads items out of one container, each directory entry at most once.
pub struct Reader<'c> {
    container: &'c Container<'c>,
    visited: Vec<bool>,
    /// RTF bytes that decompression may still produce: twice the file, so
    /// that bodies stored as RTF cannot grow memory past a multiple of it.
    rtf_left: usize,
    /// What could not be read, in the order it was met.
    pub problems: Vec<MsgError>,
}

impl<'c> Reader<'c> {
    /// A reader over `container`.
    pub fn new(container: &'c Container<'c>) -> Reader<'c> {
        Reader {
            container,
            visited: vec![false; container.len()],
            rtf_left: container.file_len().saturating_mul(2),
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, error: MsgError) {
        if self.problems.len() < 64 {
            self.problems.push(error);
        }
    }

    /// Lists storage `id`: its property stream ([MS-OXMSG] 2.4: a header of
    /// `header` bytes, then 16-byte entries) and its named children.
    fn bag(&mut self, id: usize, header: usize, codepage: Option<&str>) -> Option<Bag> {
        let mut bag = Bag {
            fixed: Vec::new(),
            streams: Vec::new(),
            storages: Vec::new(),
            recipients: Vec::new(),
            attachments: Vec::new(),
            codepage: codepage.unwrap_or("").to_owned(),
        };
        let mut properties = None;
        for child in self.container.children(id, &mut self.visited) {
            let Some(entry) = self.container.entry(child) else {
                continue;
            };
            let name = entry.name.to_ascii_lowercase();
            if let Some(hex) = name.strip_prefix("__substg1.0_") {
                if let Ok(value) = u32::from_str_radix(hex, 16) {
                    let map = match entry.kind {
                        Kind::Stream => &mut bag.streams,
                        _ => &mut bag.storages,
                    };
                    map.push((value, child));
                }
            } else if name == "__properties_version1.0" && entry.kind == Kind::Stream {
                properties = Some(child);
            } else if name.starts_with("__recip_version1.0_") && entry.kind == Kind::Storage {
                bag.recipients.push(child);
            } else if name.starts_with("__attach_version1.0_") && entry.kind == Kind::Storage {
                bag.attachments.push(child);
            }
        }
        let stream = match self.container.read(properties?) {
            Ok(bytes) => bytes,
            Err(error) => {
                self.problem(error);
                return None;
            }
        };
        let entries = stream.get(header..).unwrap_or(&[]).chunks_exact(16);
        for raw in entries.take(MAX_PROPERTIES) {
            let tag = u32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]);
            let mut value = [0; 8];
            value.copy_from_slice(&raw[8..16]);
            bag.fixed.push((tag, value));
        }
        if codepage.is_none() {
            let page = bag.int(MESSAGE_CODEPAGE).or_else(|| bag.int(INTERNET_CPID));
            bag.codepage = page.map_or(String::new(), codepage_label);
        }
        Some(bag)
    }

    fn bytes(&mut self, bag: &Bag, id: u16, kind: u16) -> Option<Vec<u8>> {
        let entry = find(&bag.streams, tag(id, kind))?;
        match self.container.read(entry) {
            Ok(bytes) => Some(bytes),
            Err(error) => {
                self.problem(error);
                None
            }
        }
    }

    /// A string property, Unicode or 8-bit in the item's code page.
    fn string(&mut self, bag: &Bag, id: u16) -> Option<String> {
        let text = if let Some(bytes) = self.bytes(bag, id, UNICODE) {
            let units = bytes
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]));
            char::decode_utf16(units)
                .map(|c| c.unwrap_or('\u{FFFD}'))
                .collect()
        } else {
            charset::decode(&self.bytes(bag, id, STRING8)?, &bag.codepage)
        };
        let text = text.trim_end_matches('\0').trim();
        (!text.is_empty()).then(|| text.to_owned())
    }

    /// Reads the item in storage `id` (the root is 0), `depth` items deep.
    pub fn item(&mut self, id: usize, depth: usize) -> Option<Item> {
        // [MS-OXMSG] 2.4.1: the top level's header is 32 bytes, an embedded item's 24.
        let bag = self.bag(id, if depth == 0 { 32 } else { 24 }, None)?;
        let body = self.body(&bag);
        let from = (
            self.string(&bag, SENDER_NAME),
            self.string(&bag, SENDER_SMTP)
                .or_else(|| self.string(&bag, SENDER_EMAIL).filter(|a| a.contains('@'))),
        );
        let original = [
            ("Subject", ORIGINAL_SUBJECT),
            ("From", ORIGINAL_SENDER_EMAIL),
            ("X-Original-Sender-Name", ORIGINAL_SENDER_NAME),
            ("To", ORIGINAL_DISPLAY_TO),
        ]
        .into_iter()
        .filter_map(|(field, prop)| Some((field, self.string(&bag, prop)?)))
        .collect();
        let mut item = Item {
            class: self.string(&bag, MESSAGE_CLASS).unwrap_or_default(),
            headers: self.string(&bag, TRANSPORT_HEADERS),
            subject: self.string(&bag, SUBJECT),
            from,
            to: self.string(&bag, DISPLAY_TO),
            received_by: (
                self.string(&bag, RECEIVED_BY_NAME),
                self.string(&bag, RECEIVED_BY_EMAIL),
            ),
            time: bag
                .time(CLIENT_SUBMIT_TIME)
                .or_else(|| bag.time(DELIVERY_TIME)),
            message_id: self.string(&bag, MESSAGE_ID),
            body,
            report_text: self.string(&bag, REPORT_TEXT),
            reporting_mta: self.string(&bag, REPORTING_MTA),
            original,
            recipients: Vec::new(),
            attachments: Vec::new(),
            depth,
        };
        for &row in &bag.recipients {
            if let Some(recipient) = self.recipient(row, &bag.codepage) {
                item.recipients.push(recipient);
            }
        }
        for &row in &bag.attachments {
            if let Some(attachment) = self.attachment(row, &bag.codepage, depth) {
                item.attachments.push(attachment);
            }
        }
        Some(item)
    }

    /// The body: text, else HTML, else the compressed RTF ([MS-OXRTFCP]).
    fn body(&mut self, bag: &Bag) -> Body {
        if let Some(text) = self.string(bag, BODY) {
            return Body::Text(text);
        }
        if let Some(html) = self.bytes(bag, HTML, BINARY) {
            return Body::Html(charset::decode(&html, &bag.codepage));
        }
        if let Some(html) = self.string(bag, HTML) {
            return Body::Html(html);
        }
        let Some(compressed) = self.bytes(bag, RTF_COMPRESSED, BINARY) else {
            return Body::None;
        };
        match rtf::decompress(&compressed, self.rtf_left) {
            Ok(raw) => {
                self.rtf_left -= raw.len();
                match rtf::decapsulate(&raw) {
                    rtf::Content::Html(html) => Body::Html(html),
                    rtf::Content::Text(text) => Body::Text(text),
                }
            }
            Err(error) => {
                self.problem(error);
                Body::None
            }
        }
    }

    fn recipient(&mut self, id: usize, codepage: &str) -> Option<Recipient> {
        let bag = self.bag(id, 8, Some(codepage))?;
        let name = self.string(&bag, DISPLAY_NAME);
        let address = self
            .string(&bag, SMTP_ADDRESS)
            .or_else(|| self.string(&bag, EMAIL_ADDRESS))
            .or_else(|| name.clone())?;
        Some(Recipient {
            address,
            supplementary_info: self.string(&bag, SUPPLEMENTARY_INFO),
            report_text: self.string(&bag, REPORT_TEXT),
            status_code: bag.int(NDR_STATUS_CODE),
            diag_code: bag.int(NDR_DIAG_CODE),
            reason_code: bag.int(NDR_REASON_CODE),
            remote_mta: self.string(&bag, REMOTE_MTA),
        })
    }

    fn attachment(&mut self, id: usize, codepage: &str, depth: usize) -> Option<Attachment> {
        let bag = self.bag(id, 8, Some(codepage))?;
        let name = self
            .string(&bag, ATTACH_LONG_FILENAME)
            .or_else(|| self.string(&bag, ATTACH_FILENAME))
            .or_else(|| self.string(&bag, DISPLAY_NAME))
            .unwrap_or_default();
        let embedded = find(&bag.storages, tag(ATTACH_DATA, OBJECT));
        if let (Some(storage), Some(ATTACH_EMBEDDED_MSG)) = (embedded, bag.int(ATTACH_METHOD)) {
            if depth + 1 > MAX_DEPTH {
                self.problem(MsgError::TooDeep);
                return Some(Attachment::Named(name));
            }
            return match self.item(storage, depth + 1) {
                Some(item) => Some(Attachment::Item(Box::new(item))),
                None => Some(Attachment::Named(name)),
            };
        }
        let mime = self.string(&bag, ATTACH_MIME_TAG).unwrap_or_default();
        let lower = name.to_ascii_lowercase();
        if mime.eq_ignore_ascii_case("message/rfc822") || lower.ends_with(".eml") {
            if let Some(data) = self.bytes(&bag, ATTACH_DATA, BINARY) {
                return Some(Attachment::Message(data));
            }
        }
        Some(Attachment::Named(name))
    }
}
