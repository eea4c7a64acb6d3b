//! What is wrong in the content, said so that a writer finds it: the file,
//! the key and what to change.

use std::fmt;

/// One thing to fix in `content/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file, from the project root (`content/fr/5.7.705.toml`).
    pub file: String,
    /// The key, with its place (`step 3: title`); empty for the whole file.
    pub key: String,
    /// What is wrong.
    pub what: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "{}: {}", self.file, self.what)
        } else {
            write!(f, "{}: `{}`: {}", self.file, self.key, self.what)
        }
    }
}

/// Collects problems while the content is read.
#[derive(Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// Notes a problem.
    pub fn add(&mut self, file: &str, key: &str, what: impl Into<String>) {
        self.0.push(Problem {
            file: file.to_owned(),
            key: key.to_owned(),
            what: what.into(),
        });
    }
}
