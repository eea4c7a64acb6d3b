//! What the input's bytes are as text, before anything else reads them:
//! files saved by Windows tools often carry a byte-order mark, and Windows
//! PowerShell's `Out-File` and `>` write UTF-16 (little-endian, with a BOM,
//! or without one when another tool rewrote the file).

/// How the input's text is written.
#[derive(Debug, PartialEq, Eq)]
pub enum Transcoded {
    /// The bytes are read as they are, from this offset (past a UTF-8
    /// byte-order mark): evidence spans still point into the input.
    Verbatim(usize),
    /// UTF-16 turned into UTF-8: no span points into the input any more.
    Utf16(String),
}

/// Looks at the start of `input` and decodes UTF-16 when it is UTF-16.
pub fn transcode(input: &[u8]) -> Transcoded {
    match input {
        [0xEF, 0xBB, 0xBF, ..] => Transcoded::Verbatim(3),
        [0xFF, 0xFE, rest @ ..] if mostly_ascii(rest, u16::from_le_bytes) => {
            Transcoded::Utf16(utf16(rest, u16::from_le_bytes))
        }
        [0xFE, 0xFF, rest @ ..] if mostly_ascii(rest, u16::from_be_bytes) => {
            Transcoded::Utf16(utf16(rest, u16::from_be_bytes))
        }
        _ => match unmarked_utf16(input) {
            Some(Endian::Little) => Transcoded::Utf16(utf16(input, u16::from_le_bytes)),
            Some(Endian::Big) => Transcoded::Utf16(utf16(input, u16::from_be_bytes)),
            None => Transcoded::Verbatim(0),
        },
    }
}

/// Whether the units after a byte-order mark are text a bounce can be:
/// every bounce holds ASCII (codes, addresses, hosts), while bytes that
/// merely start like a mark decode to scattered CJK and controls.
fn mostly_ascii(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> bool {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .take(256)
        .map(|pair| unit([pair[0], pair[1]]))
        .collect();
    let ascii = units.iter().filter(|u| (0x09..0x80).contains(*u)).count();
    units.is_empty() || ascii * 4 >= units.len()
}

enum Endian {
    Little,
    Big,
}

/// UTF-16 without a mark: text in Latin script has a zero in every other
/// byte. A sample of the start tells, so the cost does not grow with the input.
fn unmarked_utf16(input: &[u8]) -> Option<Endian> {
    let sample = &input[..input.len().min(512) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let zero_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    if zero_odd * 10 >= pairs * 7 && zero_even * 10 <= pairs {
        Some(Endian::Little)
    } else if zero_even * 10 >= pairs * 7 && zero_odd * 10 <= pairs {
        Some(Endian::Big)
    } else {
        None
    }
}

/// UTF-16 code units to text; an odd last byte (a cut file) is dropped and
/// unpaired surrogates become U+FFFD.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or('\u{FFFD}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn marks_and_unmarked_utf16() {
        let mut marked = vec![0xFF, 0xFE];
        marked.extend(le("550 5.7.705 Accès refusé"));
        assert_eq!(
            transcode(&marked),
            Transcoded::Utf16("550 5.7.705 Accès refusé".into())
        );
        assert_eq!(
            transcode(&le("LastError : 451 4.4.0")),
            Transcoded::Utf16("LastError : 451 4.4.0".into())
        );
        let big: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("5.7.750".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(transcode(&big), Transcoded::Utf16("5.7.750".into()));
        assert_eq!(
            transcode(b"\xEF\xBB\xBFStatus: 5.1.1"),
            Transcoded::Verbatim(3)
        );
        assert_eq!(
            transcode(b"Status: 5.1.1, nothing unusual"),
            Transcoded::Verbatim(0)
        );
    }

    #[test]
    fn a_cut_file_loses_its_odd_byte_only() {
        let mut cut = vec![0xFF, 0xFE];
        cut.extend(le("5.1.1"));
        cut.push(b'x');
        assert_eq!(transcode(&cut), Transcoded::Utf16("5.1.1".into()));
    }
}
