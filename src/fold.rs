//! Lower-casing for matching, without the standard library's Unicode tables.
//!
//! `str::to_lowercase` carries a table of every cased letter (about 11 KB in
//! the wasm). What the parser lower-cases is marker phrases, domains and
//! host names: Latin (with the accents of the languages NDRs are written in),
//! Greek and Cyrillic cover them; other letters are kept as they are, which
//! only means two spellings of a word in another script do not match.

/// The lower-case form of `c`, for the scripts above; `c` itself otherwise.
pub(crate) fn lower_char(c: char) -> char {
    let n = c as u32;
    let lower = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB => n + 0x20,
        0x410..=0x42F => n + 0x20,
        0x400..=0x40F => n + 0x50,
        0x178 => 0xFF,
        0x130 => 0x69, // İ: Turkish dotted capital I
        // Latin Extended-A: capitals at even code points, then at odd ones.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if n.is_multiple_of(2) => n + 1,
        0x139..=0x148 | 0x179..=0x17E if !n.is_multiple_of(2) => n + 1,
        _ => n,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `text` lower-cased with [`lower_char`].
pub(crate) fn lower(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(lower_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library_on_the_scripts_it_covers() {
        let ranges = [0x20..0x250u32, 0x370..0x400, 0x400..0x460];
        for n in ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(n) else { continue };
            let mut std_lower = c.to_lowercase();
            let (first, rest) = (std_lower.next().unwrap(), std_lower.next());
            if rest.is_none() && (n < 0x180 || (0x391..=0x3AB).contains(&n) || n >= 0x400) {
                assert_eq!(lower_char(c), first, "U+{n:04X} {c}");
            }
        }
    }

    #[test]
    fn lowers_the_words_of_real_notices() {
        assert_eq!(
            lower("ÜBERMITTLUNG AN FOLGENDE EMPFÄNGER"),
            "übermittlung an folgende empfänger"
        );
        assert_eq!(lower("Échec de la remise"), "échec de la remise");
        assert_eq!(lower("ŁĄCZNOŚĆ"), "łączność");
        assert_eq!(lower("ДОСТАВКА"), "доставка");
        assert_eq!(lower("Contoso.COM"), "contoso.com");
    }
}
