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
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |i| start + i);
        let next = match bytes.get(end..end + 2) {
            Some(b"\r\n") => end + 2,
            _ => (end + 1).min(bytes.len()),
        };
        pos = next;
        Some(Line { start, end, next })
    })
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
    fn offsets() {
        let got: Vec<usize> = text_lines("ab\r\ncd").map(|(s, _)| s).collect();
        assert_eq!(got, [0, 4]);
    }
}
