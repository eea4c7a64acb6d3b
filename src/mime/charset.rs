//! Turning a part's bytes into text, in whatever charset it declares.
//!
//! The Western charsets most bounces use and UTF-7 (old Hotmail DSNs) are
//! decoded here. Every other charset a real NDR declares (ISO-2022-JP,
//! Shift_JIS, GB18030, Big5, EUC-KR, KOI8-R, the ISO-8859 and Windows code
//! pages…) is decoded by a full decoder: `encoding_rs` natively, and in the
//! browser its own `TextDecoder`, which the widget hands in with
//! [`set_decoder`], so the wasm carries no tables. A charset neither knows
//! keeps its ASCII (where codes, addresses and hosts are) and marks other
//! bytes as U+FFFD: never an error.

/// Decodes bytes declared in a charset label (lower case), or `None` for a
/// label it does not know.
#[cfg(target_arch = "wasm32")]
pub type Decoder = fn(label: &str, bytes: &[u8]) -> Option<String>;

#[cfg(target_arch = "wasm32")]
static DECODER: std::sync::OnceLock<Decoder> = std::sync::OnceLock::new();

/// Hands in the decoder for the charsets this module does not decode itself
/// (the browser's `TextDecoder`; natively `encoding_rs` is used). The first
/// one given stays.
#[cfg(target_arch = "wasm32")]
pub fn set_decoder(decoder: Decoder) {
    let _ = DECODER.set(decoder);
}

#[cfg(not(target_arch = "wasm32"))]
fn full(label: &str, bytes: &[u8]) -> Option<String> {
    let encoding = encoding_rs::Encoding::for_label_no_replacement(label.as_bytes())?;
    Some(encoding.decode_without_bom_handling(bytes).0.into_owned())
}

#[cfg(target_arch = "wasm32")]
fn full(label: &str, bytes: &[u8]) -> Option<String> {
    DECODER.get().and_then(|decode| decode(label, bytes))
}

/// Decodes `bytes` declared in `charset` (a MIME charset label, any case).
pub fn decode(bytes: &[u8], charset: &str) -> String {
    let label = charset.trim().trim_matches('"').to_ascii_lowercase();
    match label.as_str() {
        "iso-8859-1" | "iso8859-1" | "latin1" | "l1" | "iso_8859-1" => {
            bytes.iter().map(|&b| char::from(b)).collect()
        }
        "windows-1252" | "cp1252" | "x-cp1252" => bytes.iter().map(|&b| cp1252(b)).collect(),
        "iso-8859-15" | "iso8859-15" | "latin9" | "latin-9" => {
            bytes.iter().map(|&b| latin9(b)).collect()
        }
        "utf-7" | "unicode-1-1-utf-7" | "x-unicode-2-0-utf-7" => utf7(bytes),
        "us-ascii" | "ascii" | "utf-8" | "utf8" | "" => lossy_utf8_or_cp1252(bytes),
        label => full(label, bytes).unwrap_or_else(|| ascii_only(bytes)),
    }
}

/// UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252: mislabelled
/// parts are common and Windows-1252 never fails.
pub fn lossy_utf8_or_cp1252(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| cp1252(b)).collect(),
    }
}

fn ascii_only(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| {
            if b.is_ascii() {
                char::from(b)
            } else {
                '\u{FFFD}'
            }
        })
        .collect()
}

/// Windows-1252: Latin-1 except for 0x80–0x9F, where it has typographic marks.
fn cp1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// ISO-8859-15: Latin-1 with eight letters and the euro sign swapped in.
fn latin9(byte: u8) -> char {
    match byte {
        0xA4 => '€',
        0xA6 => 'Š',
        0xA8 => 'š',
        0xB4 => 'Ž',
        0xB8 => 'ž',
        0xBC => 'Œ',
        0xBD => 'œ',
        0xBE => 'Ÿ',
        _ => char::from(byte),
    }
}

/// UTF-7 (RFC 2152): ASCII as is, `+…-` runs of modified base64 holding UTF-16.
fn utf7(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        i += 1;
        if byte != b'+' {
            out.push(if byte.is_ascii() {
                char::from(byte)
            } else {
                '\u{FFFD}'
            });
            continue;
        }
        let run_start = i;
        while i < bytes.len() && is_base64(bytes[i]) {
            i += 1;
        }
        if i == run_start {
            // "+-" is a literal plus; a lone "+" is kept too.
            out.push('+');
        } else {
            let units: Vec<u16> = super::decode::base64(&bytes[run_start..i])
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            out.extend(char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}')));
        }
        if bytes.get(i) == Some(&b'-') {
            i += 1;
        }
    }
    out
}

fn is_base64(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'+' || byte == b'/'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn western_charsets() {
        assert_eq!(decode(b"\xc9chec", "ISO-8859-1"), "Échec");
        assert_eq!(decode(b"couldn\x92t", "windows-1252"), "couldn’t");
        assert_eq!(decode(b"\xa4", "iso-8859-15"), "€");
        assert_eq!(decode("déjà".as_bytes(), "UTF-8"), "déjà");
    }

    #[test]
    fn mislabelled_utf8_falls_back() {
        assert_eq!(decode(b"caf\xe9", "utf-8"), "café");
    }

    #[test]
    fn unknown_charset_keeps_ascii() {
        assert_eq!(
            decode(b"550 5.1.1 \xa4\xa2", "x-made-up-charset"),
            "550 5.1.1 \u{FFFD}\u{FFFD}"
        );
    }

    #[test]
    fn east_asian_and_cyrillic_charsets() {
        // 配信 in ISO-2022-JP, Shift_JIS and EUC-JP; Доставка in KOI8-R.
        assert_eq!(decode(b"\x1b$BG[?.\x1b(B 550", "ISO-2022-JP"), "配信 550");
        assert_eq!(decode(b"\x94\x7a\x90\x4d", "shift_jis"), "配信");
        assert_eq!(decode(b"\xc7\xdb\xbf\xae", "euc-jp"), "配信");
        assert_eq!(
            decode(b"\xe4\xcf\xd3\xd4\xc1\xd7\xcb\xc1", "koi8-r"),
            "Доставка"
        );
        assert_eq!(decode(b"\xc5\xe4\xcb\xcd", "gb2312"), "配送");
    }

    #[test]
    fn utf7_runs() {
        assert_eq!(decode(b"Hi Mom -+Jjo--!", "utf-7"), "Hi Mom -\u{263A}-!");
        assert_eq!(decode(b"1 +- 1", "unicode-1-1-utf-7"), "1 + 1");
        assert_eq!(
            decode(b"550 5.2.2 +ADw-a+AEA-b+AD4-", "utf-7"),
            "550 5.2.2 <a@b>"
        );
    }

    /// Property tests (host only: proptest is not built for wasm32).
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::{decode, lossy_utf8_or_cp1252};
        use proptest::prelude::*;

        const LABELS: &[&str] = &[
            "iso-8859-1",
            "ISO8859-1",
            "latin1",
            "windows-1252",
            "cp1252",
            "iso-8859-15",
            "latin9",
            "utf-7",
            "UNICODE-1-1-UTF-7",
            "us-ascii",
            "utf-8",
            "\"UTF-8\"",
            "",
            "iso-2022-jp",
            "koi8-r",
            "gb2312",
        ];

        /// Modified base64 of RFC 2152: no padding, `+` and `/`.
        fn modified_base64(bytes: &[u8]) -> String {
            const ALPHABET: &[u8; 64] =
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let mut out = String::new();
            for chunk in bytes.chunks(3) {
                let group = (u32::from(chunk[0]) << 16)
                    | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
                    | u32::from(*chunk.get(2).unwrap_or(&0));
                for i in 0..=chunk.len() {
                    out.push(char::from(ALPHABET[(group >> (18 - 6 * i) & 63) as usize]));
                }
            }
            out
        }

        /// UTF-7 of `text`: ASCII but `+` as is, `+` as `+-`, every other
        /// run of characters as `+<modified base64 of UTF-16BE>-`.
        fn encode_utf7(text: &str) -> Vec<u8> {
            let mut out = String::new();
            let mut run: Vec<u16> = Vec::new();
            let flush = |run: &mut Vec<u16>, out: &mut String| {
                if !run.is_empty() {
                    let bytes: Vec<u8> = run.iter().flat_map(|u| u.to_be_bytes()).collect();
                    out.push('+');
                    out.push_str(&modified_base64(&bytes));
                    out.push('-');
                    run.clear();
                }
            };
            for c in text.chars() {
                if c.is_ascii() {
                    flush(&mut run, &mut out);
                    if c == '+' {
                        out.push_str("+-");
                    } else {
                        out.push(c);
                    }
                } else {
                    let mut units = [0u16; 2];
                    run.extend_from_slice(c.encode_utf16(&mut units));
                }
            }
            flush(&mut run, &mut out);
            out.into_bytes()
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

            #[test]
            fn decode_is_total_and_bounded(
                bytes in prop::collection::vec(any::<u8>(), 0..1024),
                label in prop::sample::select(LABELS),
            ) {
                let text = decode(&bytes, label);
                // One byte gives at most one character.
                prop_assert!(text.chars().count() <= bytes.len(), "{} from {}", text.chars().count(), bytes.len());
                // And at most three bytes of UTF-8 (U+FFFD, the euro sign).
                prop_assert!(text.len() <= 3 * bytes.len());
            }

            #[test]
            fn utf7_soup_is_bounded(
                input in prop::collection::vec(
                    prop::sample::select(&b"++--AZaz09/+ADw\x80\xff"[..]),
                    0..400,
                ),
            ) {
                let text = decode(&input, "utf-7");
                prop_assert!(text.chars().count() <= input.len());
            }

            #[test]
            fn utf7_round_trips(text in any::<String>()) {
                prop_assert_eq!(decode(&encode_utf7(&text), "utf-7"), text);
            }

            #[test]
            fn utf7_round_trips_mail_text(text in "[ -~\u{e0}-\u{ff}\u{2019}\u{263a}\u{1f600}]{0,200}") {
                prop_assert_eq!(decode(&encode_utf7(&text), "utf-7"), text);
            }

            #[test]
            fn latin1_round_trips(text in "[\u{0}-\u{ff}]{0,300}") {
                let bytes: Vec<u8> = text.chars().map(|c| c as u8).collect();
                prop_assert_eq!(decode(&bytes, "ISO-8859-1"), text);
            }

            #[test]
            fn utf8_is_kept_as_is(text in any::<String>()) {
                prop_assert_eq!(lossy_utf8_or_cp1252(text.as_bytes()), text.clone());
                prop_assert_eq!(decode(text.as_bytes(), "utf-8"), text);
            }
        }
    }
}
