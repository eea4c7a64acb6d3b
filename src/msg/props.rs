//! Property tags and the property bag of one storage ([MS-OXMSG] 2.4): the
//! fixed-size values of its property stream, and where its other values are.

// Property ids ([MS-OXPROPS] section 2, "Property ID"); the type is added when
// a stream name or a tag is built.
pub const MESSAGE_CLASS: u16 = 0x001A; // PidTagMessageClass
pub const SUBJECT: u16 = 0x0037; // PidTagSubject
pub const CLIENT_SUBMIT_TIME: u16 = 0x0039; // PidTagClientSubmitTime
pub const RECEIVED_BY_NAME: u16 = 0x0040; // PidTagReceivedByName
pub const ORIGINAL_SUBJECT: u16 = 0x0049; // PidTagOriginalSubject
pub const ORIGINAL_SENDER_NAME: u16 = 0x005A; // PidTagOriginalSenderName
pub const ORIGINAL_SENDER_EMAIL: u16 = 0x0067; // PidTagOriginalSenderEmailAddress
pub const ORIGINAL_DISPLAY_TO: u16 = 0x0074; // PidTagOriginalDisplayTo
pub const RECEIVED_BY_EMAIL: u16 = 0x0076; // PidTagReceivedByEmailAddress
pub const TRANSPORT_HEADERS: u16 = 0x007D; // PidTagTransportMessageHeaders
pub const NDR_REASON_CODE: u16 = 0x0C04; // PidTagNonDeliveryReportReasonCode, [MS-OXOMSG] 2.2.2.31
pub const NDR_DIAG_CODE: u16 = 0x0C05; // PidTagNonDeliveryReportDiagCode, [MS-OXOMSG] 2.2.2.30
pub const SENDER_NAME: u16 = 0x0C1A; // PidTagSenderName
pub const SUPPLEMENTARY_INFO: u16 = 0x0C1B; // PidTagSupplementaryInfo, [MS-OXOMSG] 2.2.2.36
pub const SENDER_EMAIL: u16 = 0x0C1F; // PidTagSenderEmailAddress
pub const NDR_STATUS_CODE: u16 = 0x0C20; // PidTagNonDeliveryReportStatusCode, [MS-OXOMSG] 2.2.2.32
pub const REMOTE_MTA: u16 = 0x0C21; // PidTagRemoteMessageTransferAgent, [MS-OXOMSG] 2.2.2.34
pub const DISPLAY_TO: u16 = 0x0E04; // PidTagDisplayTo
pub const DELIVERY_TIME: u16 = 0x0E06; // PidTagMessageDeliveryTime
pub const BODY: u16 = 0x1000; // PidTagBody
pub const REPORT_TEXT: u16 = 0x1001; // PidTagReportText
pub const RTF_COMPRESSED: u16 = 0x1009; // PidTagRtfCompressed
pub const HTML: u16 = 0x1013; // PidTagHtml
pub const MESSAGE_ID: u16 = 0x1035; // PidTagInternetMessageId
pub const DISPLAY_NAME: u16 = 0x3001; // PidTagDisplayName
pub const EMAIL_ADDRESS: u16 = 0x3003; // PidTagEmailAddress
pub const ATTACH_DATA: u16 = 0x3701; // PidTagAttachDataBinary / PidTagAttachDataObject
pub const ATTACH_FILENAME: u16 = 0x3704; // PidTagAttachFilename
pub const ATTACH_METHOD: u16 = 0x3705; // PidTagAttachMethod
pub const ATTACH_LONG_FILENAME: u16 = 0x3707; // PidTagAttachLongFilename
pub const ATTACH_MIME_TAG: u16 = 0x370E; // PidTagAttachMimeTag
pub const SMTP_ADDRESS: u16 = 0x39FE; // PidTagSmtpAddress
pub const INTERNET_CPID: u16 = 0x3FDE; // PidTagInternetCodepage
pub const MESSAGE_CODEPAGE: u16 = 0x3FFD; // PidTagMessageCodepage
pub const SENDER_SMTP: u16 = 0x5D01; // PidTagSenderSmtpAddress
pub const REPORTING_MTA: u16 = 0x6820; // PidTagReportingMessageTransferAgent, [MS-OXOMSG] 2.2.2.35

// Property types ([MS-OXCDATA] 2.11.1).
pub const INTEGER32: u16 = 0x0003;
pub const TIME: u16 = 0x0040;
pub const STRING8: u16 = 0x001E;
pub const UNICODE: u16 = 0x001F;
pub const BINARY: u16 = 0x0102;
pub const OBJECT: u16 = 0x000D;

/// [MS-OXCMSG] 2.2.2.9: the attachment is an embedded message object.
pub const ATTACH_EMBEDDED_MSG: i64 = 5;

/// A storage's properties: fixed-size values from its property stream, the
/// other values in streams of their own, found by tag.
pub struct Bag {
    pub fixed: Vec<(u32, [u8; 8])>,
    pub streams: Vec<(u32, usize)>,
    pub storages: Vec<(u32, usize)>,
    pub recipients: Vec<usize>,
    pub attachments: Vec<usize>,
    pub codepage: String,
}

/// The tag of property `id` of type `kind`.
pub fn tag(id: u16, kind: u16) -> u32 {
    (u32::from(id) << 16) | u32::from(kind)
}

/// Most fixed-size properties read from one property stream: an item has a
/// few hundred.
pub const MAX_PROPERTIES: usize = 4096;

/// The value filed under `key` (a bag holds a few hundred at most, so a
/// scan costs less code than a map).
pub fn find<T: Copy>(list: &[(u32, T)], key: u32) -> Option<T> {
    list.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

impl Bag {
    /// A 32-bit integer property from the property stream.
    pub fn int(&self, id: u16) -> Option<i64> {
        let value = find(&self.fixed, tag(id, INTEGER32))?;
        Some(i64::from(i32::from_le_bytes([
            value[0], value[1], value[2], value[3],
        ])))
    }

    /// A time property (a FILETIME: 100 ns since 1601-01-01 UTC).
    pub fn time(&self, id: u16) -> Option<u64> {
        find(&self.fixed, tag(id, TIME)).map(u64::from_le_bytes)
    }
}

/// The charset label of a Windows code page, for [`charset::decode`]: the
/// Western ones it decodes exactly; any other keeps its ASCII.
pub fn codepage_label(page: i64) -> String {
    match page {
        1252 => "windows-1252",
        28591 => "iso-8859-1",
        28605 => "iso-8859-15",
        20127 => "us-ascii",
        65000 => "utf-7",
        65001 => "utf-8",
        _ => "x-unsupported",
    }
    .to_owned()
}
