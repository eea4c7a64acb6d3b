//! One language's texts, read from the text file `build.rs` writes.
//!
//! The two languages together are most of the widget's weight, so the widget
//! carries neither: it loads the one it shows (see `src/web/content.rs`) and
//! hands it to [`load`]. The CLI and the tests embed both (feature
//! `embedded-content`, on by default). A book, once loaded, lives as long as
//! the program: at most one per language is ever kept.

use super::{read_rfc3463, read_texts, Rfc3463, Texts, SCHEMA_HASH};
use crate::Lang;
use std::fmt;
use std::sync::OnceLock;

/// Separates the fields of a book file.
const FIELD: char = '\u{1f}';

/// Lists in a book are short; a longer count means the file is not a book.
const MAX_LIST: usize = super::schema::MAX_LIST;

/// Every entry's texts (in catalogue order; `None` where a file is missing)
/// and RFC 3463's, in one language.
#[derive(Debug)]
pub struct Book {
    pub(crate) texts: Vec<Option<Texts>>,
    pub(crate) rfc3463: Rfc3463,
}

/// Why a text file could not be read as a book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookError(&'static str);

impl fmt::Display for BookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the texts file is damaged ({}): reload the page to fetch it again",
            self.0
        )
    }
}

impl std::error::Error for BookError {}

static BOOKS: [OnceLock<Book>; 2] = [OnceLock::new(), OnceLock::new()];

/// Reads `text` as the book of `lang` and keeps it. Loading a language twice
/// keeps the first book.
pub fn load(lang: Lang, text: String) -> Result<(), BookError> {
    if BOOKS[lang.index()].get().is_some() {
        return Ok(());
    }
    let book = parse(Box::leak(text.into_boxed_str()))?;
    let _ = BOOKS[lang.index()].set(book);
    Ok(())
}

/// Whether the texts of `lang` are here.
pub fn is_loaded(lang: Lang) -> bool {
    book(lang).is_some()
}

/// The book of `lang`, if loaded (or embedded).
pub(crate) fn book(lang: Lang) -> Option<&'static Book> {
    let slot = &BOOKS[lang.index()];
    #[cfg(feature = "embedded-content")]
    {
        Some(slot.get_or_init(|| parse(embedded(lang)).expect("build.rs writes well-formed books")))
    }
    #[cfg(not(feature = "embedded-content"))]
    slot.get()
}

/// The book file of `lang`, as built into the program.
#[cfg(feature = "embedded-content")]
pub fn embedded(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!(concat!(env!("OUT_DIR"), "/content-en.txt")),
        Lang::Fr => include_str!(concat!(env!("OUT_DIR"), "/content-fr.txt")),
    }
}

/// Reads a book; the fields are in the order `build/` writes them, which
/// the schema sets: its hash first, then each entry's texts, then RFC 3463's.
fn parse(text: &'static str) -> Result<Book, BookError> {
    let mut fields = Fields(text.split(FIELD));
    if fields.next()? != SCHEMA_HASH {
        return Err(BookError(
            "it was written for another version of the widget",
        ));
    }
    let mut texts = Vec::with_capacity(super::ENTRIES.len());
    for _ in super::ENTRIES {
        texts.push(match fields.next()? {
            "0" => None,
            "1" => Some(read_texts(&mut fields)?),
            _ => return Err(BookError("an entry has no presence mark")),
        });
    }
    let rfc3463 = read_rfc3463(&mut fields)?;
    if fields.0.next().is_some() {
        return Err(BookError("fields are left over"));
    }
    Ok(Book { texts, rfc3463 })
}

/// The fields of a book, read in order.
pub(super) struct Fields(std::str::Split<'static, char>);

impl Fields {
    /// The next text.
    pub(super) fn next(&mut self) -> Result<&'static str, BookError> {
        self.0.next().ok_or(BookError("it ends early"))
    }

    /// The next optional text: "=" marks a present one.
    pub(super) fn optional(&mut self) -> Result<Option<&'static str>, BookError> {
        Ok(self.next()?.strip_prefix('='))
    }

    /// A list: its length, then each item as `item` reads it.
    pub(super) fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Fields) -> Result<T, BookError>,
    ) -> Result<&'static [T], BookError> {
        let count = self
            .next()?
            .parse()
            .ok()
            .filter(|n| *n <= MAX_LIST)
            .ok_or(BookError("a list length is not a small number"))?;
        let items = (0..count)
            .map(|_| item(self))
            .collect::<Result<Vec<T>, _>>()?;
        Ok(Vec::leak(items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_embedded_books_read_whole() {
        for lang in Lang::ALL {
            let book = parse(embedded(lang)).unwrap();
            assert!(book.texts.iter().all(Option::is_some), "{lang}");
            assert!(book.rfc3463.source_url.starts_with("https://"), "{lang}");
        }
    }

    #[test]
    fn damaged_files_are_refused_with_a_reason() {
        let fields: Vec<&str> = embedded(Lang::En).split(FIELD).take(20).collect();
        let cut: &'static str = fields.join("\u{1f}").leak();
        assert_eq!(parse(cut).unwrap_err(), BookError("it ends early"));
        let longer: &'static str = format!("{}\u{1f}x", embedded(Lang::En)).leak();
        assert_eq!(
            parse(longer).unwrap_err(),
            BookError("fields are left over")
        );
        let no_mark: &'static str = format!("{SCHEMA_HASH}\u{1f}x").leak();
        assert_eq!(
            parse(no_mark).unwrap_err(),
            BookError("an entry has no presence mark")
        );
        assert_eq!(
            parse("0123456789abcdef\u{1f}1").unwrap_err(),
            BookError("it was written for another version of the widget")
        );
        let huge_list: &'static str = format!(
            "{SCHEMA_HASH}\u{1f}1\u{1f}t\u{1f}m\u{1f}w\u{1f}y\u{1f}a\u{1f}w\u{1f}s\u{1f}m\u{1f}t\u{1f}u\u{1f}99999999"
        )
        .leak();
        assert_eq!(
            parse(huge_list).unwrap_err(),
            BookError("a list length is not a small number")
        );
        assert!(parse(cut)
            .unwrap_err()
            .to_string()
            .contains("reload the page"));
    }
}
