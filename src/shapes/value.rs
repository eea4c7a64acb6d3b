//! The piece of text a reply is read from: part of one line, or a value that
//! PowerShell wrapped over several lines, joined. Either way every byte can
//! be traced back to the line it stands on, for the evidence.

use super::outcome::Place;
use std::borrow::Cow;
use std::ops::Range;

/// Longest joined value, in bytes, and most lines joined: a wrapped reply
/// is a few lines; a value that goes on is cut rather than copied whole.
const MAX_VALUE: usize = 16 * 1024;
const MAX_PIECES: usize = 64;

/// A value and where each of its pieces stands.
#[derive(Clone, Debug)]
pub(super) struct Value<'a> {
    text: Cow<'a, str>,
    pieces: Vec<Piece<'a>>,
}

/// One line's part of a value.
#[derive(Clone, Copy, Debug)]
struct Piece<'a> {
    /// Where the piece starts in the value.
    at: usize,
    /// Its line, the line's offset in the text, where the piece starts in
    /// the line and how long it is.
    line: &'a str,
    line_start: usize,
    col: usize,
    len: usize,
}

impl<'a> Value<'a> {
    /// `line[part]`, on a line that starts at `line_start` in the text.
    pub fn part(line: &'a str, line_start: usize, part: Range<usize>) -> Value<'a> {
        let part = part.start.min(line.len())..part.end.min(line.len());
        let part = match line.get(part.clone()) {
            Some(_) => part,
            None => 0..0,
        };
        Value {
            text: Cow::Borrowed(&line[part.clone()]),
            pieces: vec![Piece {
                at: 0,
                line,
                line_start,
                col: part.start,
                len: part.len(),
            }],
        }
    }

    /// The line from `col` to its end.
    pub fn rest(line: &'a str, line_start: usize, col: usize) -> Value<'a> {
        Value::part(line, line_start, col..line.len())
    }

    /// Appends a wrapped continuation (its line, trimmed), after a space;
    /// false once the value is full.
    pub fn push(&mut self, line: &'a str, line_start: usize) -> bool {
        let piece = line.trim();
        let col = line.len() - line.trim_start().len();
        if self.pieces.len() >= MAX_PIECES || self.text.len() + piece.len() + 1 > MAX_VALUE {
            return false;
        }
        let text = self.text.to_mut();
        text.push(' ');
        self.pieces.push(Piece {
            at: text.len(),
            line,
            line_start,
            col,
            len: piece.len(),
        });
        text.push_str(piece);
        true
    }

    /// The value's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// `range` of the value, borrowed from the text when the value is one piece.
    pub fn slice(&self, range: Range<usize>) -> Cow<'a, str> {
        match &self.text {
            Cow::Borrowed(text) => Cow::Borrowed(text.get(range).unwrap_or("")),
            Cow::Owned(text) => Cow::Owned(text.get(range).unwrap_or("").to_owned()),
        }
    }

    /// Where `code` (a range of the value) stands in its line; `None` when
    /// it runs over a line break.
    pub fn place(&self, code: Range<usize>) -> Option<Place<'a>> {
        let piece = self.pieces.iter().rev().find(|p| p.at <= code.start)?;
        if code.end > piece.at + piece.len {
            return None;
        }
        let start = piece.col + code.start - piece.at;
        Some(Place {
            line: piece.line,
            start: piece.line_start,
            code: start..start + code.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_joined_value_maps_back_to_its_lines() {
        let first = "Detail : Reason: [{LED=550 5.7.750 blocked from";
        let second = "         sending};{MSG=}]";
        let mut value = Value::rest(first, 100, 9);
        assert!(value.push(second, 150));
        assert_eq!(
            value.text(),
            "Reason: [{LED=550 5.7.750 blocked from sending};{MSG=}]"
        );
        let at = value.text().find("5.7.750").unwrap();
        let place = value.place(at..at + 7).unwrap();
        assert_eq!(&place.line[place.code.clone()], "5.7.750");
        assert_eq!(place.start, 100);
        let at = value.text().find("sending").unwrap();
        let place = value.place(at..at + 7).unwrap();
        assert_eq!((place.line, place.start), (second, 150));
        assert_eq!(&place.line[place.code], "sending");
        let across = value.text().find("from sending").unwrap();
        assert!(value.place(across..across + 12).is_none());
    }

    #[test]
    fn parts_out_of_range_or_inside_a_character_are_empty() {
        assert_eq!(Value::part("é", 0, 1..2).text(), "");
        assert_eq!(Value::part("abc", 0, 2..9).text(), "c");
    }

    #[test]
    fn a_value_stops_growing() {
        let long = "x".repeat(1000);
        let mut value = Value::rest("a", 0, 0);
        let pushed = (0..1000).take_while(|_| value.push(&long, 0)).count();
        assert!(pushed < MAX_PIECES && value.text().len() <= MAX_VALUE);
    }
}
