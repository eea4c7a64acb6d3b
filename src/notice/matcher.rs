//! Finding any of a set of marker phrases in a line in one pass.
//!
//! Searching for each phrase in turn builds a searcher per phrase per line,
//! which dominates on text with millions of short lines. Instead, every
//! phrase is filed under its first two bytes; one scan of the line looks up
//! each byte pair and compares only the phrases filed under it.

use std::collections::HashMap;

/// A set of phrases to look for.
pub struct Markers {
    /// Which byte pairs start some phrase: 65,536 bits.
    pairs: Vec<u64>,
    by_pair: HashMap<[u8; 2], Vec<&'static [u8]>>,
}

impl Markers {
    /// Files `phrases` (at least two bytes each; shorter ones are ignored).
    pub fn new(phrases: &[&'static str]) -> Markers {
        let mut pairs = vec![0u64; 1024];
        let mut by_pair: HashMap<[u8; 2], Vec<&'static [u8]>> = HashMap::new();
        for phrase in phrases
            .iter()
            .map(|p| p.as_bytes())
            .filter(|p| p.len() >= 2)
        {
            let key = [phrase[0], phrase[1]];
            let bit = pair_index(key);
            pairs[bit / 64] |= 1 << (bit % 64);
            by_pair.entry(key).or_default().push(phrase);
        }
        Markers { pairs, by_pair }
    }

    /// True when `text` contains one of the phrases.
    pub fn found_in(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        bytes.windows(2).enumerate().any(|(i, pair)| {
            let key = [pair[0], pair[1]];
            let bit = pair_index(key);
            self.pairs[bit / 64] & (1 << (bit % 64)) != 0
                && self.by_pair[&key]
                    .iter()
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
