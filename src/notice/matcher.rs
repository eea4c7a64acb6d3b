//! Finding any of a set of marker phrases in a line in one pass.
//!
//! Searching for each phrase in turn builds a searcher per phrase per line,
//! which dominates on text with millions of short lines. Instead, every
//! phrase is filed under its first two bytes; one scan of the line looks up
//! each byte pair and compares only the phrases filed under it.

/// A set of phrases to look for.
pub struct Markers {
    /// Which byte pairs start some phrase: 65,536 bits (a fixed size, so
    /// that the per-byte lookup needs no bounds check).
    pairs: Box<[u64; 1024]>,
    /// The phrases, sorted by their first two bytes.
    phrases: Vec<&'static [u8]>,
    /// Where the phrases starting with each byte begin in `phrases` (and,
    /// one further, end): the candidates for a pair without a search.
    by_first: Box<[u16; 257]>,
    /// The length of the longest phrase, in bytes.
    longest: usize,
}

impl Markers {
    /// Files `phrases` (at least two bytes each; shorter ones are ignored).
    pub fn new(phrases: &[&'static str]) -> Markers {
        let mut pairs = Box::new([0u64; 1024]);
        let mut kept: Vec<&'static [u8]> = phrases
            .iter()
            .map(|p| p.as_bytes())
            .filter(|p| p.len() >= 2)
            .collect();
        kept.sort_unstable_by_key(|p| [p[0], p[1]]);
        for phrase in &kept {
            let bit = pair_index([phrase[0], phrase[1]]);
            pairs[bit / 64] |= 1 << (bit % 64);
        }
        let mut by_first = Box::new([0u16; 257]);
        for (byte, slot) in by_first.iter_mut().enumerate() {
            let before = kept.partition_point(|p| usize::from(p[0]) < byte);
            *slot = u16::try_from(before).unwrap_or(u16::MAX);
        }
        Markers {
            pairs,
            by_first,
            longest: kept.iter().map(|p| p.len()).max().unwrap_or(0),
            phrases: kept,
        }
    }

    /// The length of the longest phrase, in bytes.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// True when `text` contains one of the phrases.
    pub fn found_in(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        bytes.windows(2).enumerate().any(|(i, pair)| {
            let key = [pair[0], pair[1]];
            let bit = pair_index(key);
            if self.pairs[bit >> 6] & (1 << (bit & 63)) == 0 {
                return false;
            }
            let (from, to) = (
                usize::from(self.by_first[usize::from(key[0])]),
                usize::from(self.by_first[usize::from(key[0]) + 1]),
            );
            self.phrases[from..to]
                .iter()
                .filter(|p| p[1] == key[1])
                .any(|phrase| bytes[i..].starts_with(phrase))
        })
    }
}

fn pair_index(pair: [u8; 2]) -> usize {
    usize::from(pair[0]) << 8 | usize::from(pair[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_any_phrase_anywhere() {
        let markers = Markers::new(&["said:", "status code:", "x", "échec de"]);
        assert!(markers.found_in("host mx said: 550"));
        assert!(markers.found_in("status code: 550 5.7.705"));
        assert!(markers.found_in("l'échec de la remise"));
        assert!(!markers.found_in("status code 550"));
        assert!(!markers.found_in("x"), "one-byte phrases are ignored");
        assert!(!markers.found_in(""));
    }
}
