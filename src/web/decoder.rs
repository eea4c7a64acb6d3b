//! The browser's own `TextDecoder` for the charsets the core does not decode
//! itself (ISO-2022-JP, Shift_JIS, GB18030, Big5, EUC-KR, KOI8-R…): the
//! browser has the tables, so the wasm carries none.

/// Hands the browser's decoder to the core, once per page.
pub fn install() {
    crate::mime::charset::set_decoder(decode);
}

/// `bytes` decoded as `label` says, or `None` when the browser does not
/// know the label. Undecodable bytes become U+FFFD, as the core does.
fn decode(label: &str, bytes: &[u8]) -> Option<String> {
    let decoder = web_sys::TextDecoder::new_with_label(label).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}
