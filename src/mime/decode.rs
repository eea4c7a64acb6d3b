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
}
