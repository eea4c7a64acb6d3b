//! Content-Transfer-Encoding decoders: lenient, total, linear.

/// Decodes base64, skipping anything outside the alphabet (line breaks, junk)
/// and dropping an incomplete final group's missing bits.
pub fn base64(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() / 4 * 3);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for &byte in input {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => {
                acc = 0;
                bits = 0;
                continue;
            }
            _ => continue,
        };
        acc = (acc << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// Decodes quoted-printable (RFC 2045 §6.7): `=XX` escapes, soft line breaks
/// (`=` at the end of a line, CRLF or LF) removed, malformed escapes kept as written.
pub fn quoted_printable(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let byte = input[i];
        if byte != b'=' {
            out.push(byte);
            i += 1;
            continue;
        }
        if let Some(value) = hex_pair(input.get(i + 1..i + 3)) {
            out.push(value);
            i += 3;
            continue;
        }
        match soft_break_len(&input[i + 1..]) {
            Some(len) => i += 1 + len,
            None => {
                out.push(b'=');
                i += 1;
            }
        }
    }
    out
}

/// Decodes the `Q` encoding of RFC 2047 encoded words (`_` is a space).
pub fn q_encoding(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'_' => {
                out.push(b' ');
                i += 1;
            }
            b'=' => match hex_pair(input.get(i + 1..i + 3)) {
                Some(value) => {
                    out.push(value);
                    i += 3;
                }
                None => {
                    out.push(b'=');
                    i += 1;
                }
            },
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

/// Length of the line break after a soft-break `=`: trailing blanks then CRLF, LF or CR.
fn soft_break_len(rest: &[u8]) -> Option<usize> {
    let blanks = rest
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count();
    match &rest[blanks..] {
        [b'\r', b'\n', ..] => Some(blanks + 2),
        [b'\n', ..] | [b'\r', ..] => Some(blanks + 1),
        [] => Some(blanks),
        _ => None,
    }
}

fn hex_pair(pair: Option<&[u8]>) -> Option<u8> {
    let pair = pair?;
    let high = (pair[0] as char).to_digit(16)?;
    let low = (pair[1] as char).to_digit(16)?;
    Some((high * 16 + low) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_with_line_breaks_and_junk() {
        assert_eq!(base64(b"NTUw\r\nIDUu\nNy43MDU="), b"550 5.7.705");
        assert_eq!(base64(b"NTUw!!IDU"), b"550 5");
        assert_eq!(base64(b""), b"");
    }

    #[test]
    fn truncated_base64_keeps_whole_bytes() {
        assert_eq!(base64(b"NTU"), b"55");
        assert_eq!(base64(b"N"), b"");
    }

    #[test]
    fn quoted_printable_soft_break_joins_a_split_code() {
        assert_eq!(quoted_printable(b"550 5.7.=\n750"), b"550 5.7.750");
        assert_eq!(quoted_printable(b"550 5.7.=  \r\n750"), b"550 5.7.750");
        assert_eq!(quoted_printable(b"caf=E9=3D"), b"caf\xe9=");
    }

    #[test]
    fn quoted_printable_keeps_malformed_escapes() {
        assert_eq!(quoted_printable(b"a=ZZb="), b"a=ZZb");
        assert_eq!(quoted_printable(b"=4"), b"=4");
    }

    #[test]
    fn q_encoding_underscore_is_space() {
        assert_eq!(q_encoding(b"Non_remis_:_=E9"), b"Non remis : \xe9");
    }

    /// Property tests (host only: proptest is not built for wasm32).
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::{base64, q_encoding, quoted_printable};
        use proptest::prelude::*;

        const STANDARD: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        const URL_SAFE: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        /// Base64 of `bytes` in `alphabet`, `=`-padded when `pad`, with a
        /// line break every `width` characters when `width` is not zero.
        fn encode_base64(
            bytes: &[u8],
            alphabet: &[u8; 64],
            pad: bool,
            width: usize,
            eol: &str,
        ) -> Vec<u8> {
            let mut chars = Vec::new();
            for chunk in bytes.chunks(3) {
                let n = chunk.len();
                let group = (u32::from(chunk[0]) << 16)
                    | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
                    | u32::from(*chunk.get(2).unwrap_or(&0));
                for i in 0..4 {
                    if i <= n {
                        chars.push(alphabet[(group >> (18 - 6 * i) & 63) as usize]);
                    } else if pad {
                        chars.push(b'=');
                    }
                }
            }
            if width == 0 {
                return chars;
            }
            let mut out = Vec::new();
            for line in chars.chunks(width) {
                out.extend_from_slice(line);
                out.extend_from_slice(eol.as_bytes());
            }
            out
        }

        /// A correct quoted-printable encoding of `bytes` (RFC 2045 §6.7):
        /// printable ASCII but `=` as is, spaces and tabs as is unless they
        /// end the data, anything else `=XX`, soft breaks (`soft`) keeping
        /// lines to 76 characters.
        fn encode_qp(bytes: &[u8], soft: &str, lower_hex: bool) -> Vec<u8> {
            let mut out = Vec::new();
            let mut column = 0;
            for (i, &b) in bytes.iter().enumerate() {
                let last = i + 1 == bytes.len();
                let literal =
                    matches!(b, 33..=60 | 62..=126) || (matches!(b, b' ' | b'\t') && !last);
                let piece = if literal {
                    vec![b]
                } else if lower_hex {
                    format!("={b:02x}").into_bytes()
                } else {
                    format!("={b:02X}").into_bytes()
                };
                if column + piece.len() > 75 {
                    out.extend_from_slice(soft.as_bytes());
                    column = 0;
                }
                column += piece.len();
                out.extend_from_slice(&piece);
            }
            out
        }

        fn eol() -> impl Strategy<Value = &'static str> {
            prop::sample::select(&["\r\n", "\n", "\r"][..])
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

            #[test]
            fn base64_round_trips(
                bytes in prop::collection::vec(any::<u8>(), 0..600),
                url_safe in any::<bool>(),
                pad in any::<bool>(),
                width in prop::sample::select(&[0usize, 76, 64, 4, 1][..]),
                eol in eol(),
            ) {
                let alphabet = if url_safe { URL_SAFE } else { STANDARD };
                let encoded = encode_base64(&bytes, alphabet, pad, width, eol);
                prop_assert_eq!(base64(&encoded), bytes);
            }

            #[test]
            fn base64_is_total_and_bounded(input in prop::collection::vec(any::<u8>(), 0..2048)) {
                let out = base64(&input);
                // Four characters make at most three bytes.
                prop_assert!(out.len() * 4 <= input.len() * 3, "{} from {}", out.len(), input.len());
            }

            #[test]
            fn base64_of_alphabet_soup_is_bounded(input in "[A-Za-z0-9+/=_\\-\r\n ]{0,600}") {
                let out = base64(input.as_bytes());
                prop_assert!(out.len() * 4 <= input.len() * 3);
            }

            #[test]
            fn quoted_printable_round_trips(
                bytes in prop::collection::vec(any::<u8>(), 0..600),
                soft in prop::sample::select(&["=\r\n", "=\n", "=\r", "= \t\r\n", "=  \n"][..]),
                lower_hex in any::<bool>(),
            ) {
                let encoded = encode_qp(&bytes, soft, lower_hex);
                prop_assert_eq!(quoted_printable(&encoded), bytes);
            }

            #[test]
            fn quoted_printable_round_trips_text(
                text in "[ -~\u{e0}-\u{ff}]{0,300}",
                soft in prop::sample::select(&["=\r\n", "=\n"][..]),
            ) {
                let encoded = encode_qp(text.as_bytes(), soft, false);
                prop_assert_eq!(quoted_printable(&encoded), text.as_bytes());
            }

            #[test]
            fn quoted_printable_is_total_and_bounded(input in prop::collection::vec(any::<u8>(), 0..2048)) {
                prop_assert!(quoted_printable(&input).len() <= input.len());
                prop_assert!(q_encoding(&input).len() <= input.len());
            }

            #[test]
            fn quoted_printable_of_escape_soup_is_bounded(
                input in prop::collection::vec(
                    prop::sample::select(&b"===0123456789ABCDEFabcdef \t\r\n_x"[..]),
                    0..600,
                ),
            ) {
                prop_assert!(quoted_printable(&input).len() <= input.len());
                prop_assert!(q_encoding(&input).len() <= input.len());
            }
        }
    }
}
