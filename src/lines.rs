//! Line splitting that accepts the three line endings mail really has: CRLF, LF
//! and the bare CR of old Mac mail clients.

/// One line of a byte slice: `start..end` is its content, `next` where the
/// following line starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// Offset of the first byte of the line.
    pub start: usize,
    /// Offset just past the line's content, before its line break.
    pub end: usize,
    /// Offset of the next line (after the line break).
    pub next: usize,
}

/// Iterates over the lines of `bytes`, starting at `from`.
pub fn lines_from(bytes: &[u8], from: usize) -> impl Iterator<Item = Line> + '_ {
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let end = line_break(&bytes[start..]).map_or(bytes.len(), |i| start + i);
        let next = match bytes.get(end..end + 2) {
            Some(b"\r\n") => end + 2,
            _ => (end + 1).min(bytes.len()),
        };
        pos = next;
        Some(Line { start, end, next })
    })
}

/// The offset of the first CR or LF in `bytes`. Lines of base64 and long
/// texts make this the parser's innermost loop: it skips eight bytes at a
/// time while none of them is a line break.
fn line_break(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // Non-zero exactly when one of the word's bytes equals `byte`.
    let holds = |word: u64, byte: u8| {
        let x = word ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    let mut skipped = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = u64::from_ne_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        if holds(word, b'\n') | holds(word, b'\r') != 0 {
            break;
        }
        skipped += 8;
    }
    bytes[skipped..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map(|i| skipped + i)
}

/// Iterates over the lines of `bytes`.
pub fn lines(bytes: &[u8]) -> impl Iterator<Item = Line> + '_ {
    lines_from(bytes, 0)
}

/// Iterates over the lines of a text, as string slices with their byte offset.
pub fn text_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    lines(text.as_bytes()).map(move |l| (l.start, &text[l.start..l.end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_line_endings() {
        let text = "a\r\nb\nc\rd";
        let got: Vec<&str> = text_lines(text).map(|(_, l)| l).collect();
        assert_eq!(got, ["a", "b", "c", "d"]);
    }

    #[test]
    fn empty_lines_are_kept() {
        let got: Vec<&str> = text_lines("a\n\nb\n").map(|(_, l)| l).collect();
        assert_eq!(got, ["a", "", "b"]);
    }

    #[test]
    fn line_breaks_are_found_at_every_position_of_a_word() {
        for len in 0..40 {
            for at in 0..len {
                for brk in [b'\n', b'\r'] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = brk;
                    assert_eq!(line_break(&bytes), Some(at), "len {len}, at {at}");
                }
            }
            assert_eq!(line_break(&vec![0xFF; len]), None);
        }
        // Bytes one above or below a line break are not one.
        assert_eq!(
            line_break(&[0x0B, 0x0C, 0x09, 0x0E, 0x8A, 0x8D, 0, 0xFF, 0x0A]),
            Some(8)
        );
    }

    #[test]
    fn offsets() {
        let got: Vec<usize> = text_lines("ab\r\ncd").map(|(s, _)| s).collect();
        assert_eq!(got, [0, 4]);
    }
}
