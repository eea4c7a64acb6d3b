//! The files under the paths given, found one at a time: folders are read
//! as they are walked, so a folder of a million files costs one directory
//! handle per level, not a list of names.
//!
//! Hidden entries (`.name`) are skipped, except the folders of a Maildir++
//! mailbox inside a Maildir; a Maildir's `tmp/` (messages still being
//! delivered) is skipped. Symbolic links are followed, each folder is read
//! once however many links lead to it.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Why a path could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Missing,
    Denied,
    BrokenLink,
    LinkLoop,
    NotAFile,
    Io(String),
}

impl Problem {
    /// The problem an I/O error stands for.
    pub fn of(error: &io::Error) -> Problem {
        // ELOOP, "too many levels of symbolic links", has no stable ErrorKind.
        const ELOOP: i32 = 40;
        match error.kind() {
            io::ErrorKind::NotFound => Problem::Missing,
            io::ErrorKind::PermissionDenied => Problem::Denied,
            _ if cfg!(target_os = "linux") && error.raw_os_error() == Some(ELOOP) => {
                Problem::LinkLoop
            }
            _ => Problem::Io(error.to_string()),
        }
    }
}

/// What the walk found.
#[derive(Debug)]
pub enum Found {
    /// A file to read; `maildir` when it sits in a Maildir's `cur/` or `new/`.
    File { path: PathBuf, maildir: bool },
    /// A path that cannot be read.
    Problem { path: PathBuf, problem: Problem },
}

struct Folder {
    path: PathBuf,
    entries: fs::ReadDir,
    /// This folder has `cur/` and `new/`: it is a Maildir.
    maildir: bool,
    /// This folder is the `cur/` or `new/` of a Maildir.
    in_maildir: bool,
}

/// The walk over `paths`, depth first; `entering` hears of each folder.
pub struct Walk<F> {
    roots: Vec<PathBuf>,
    folders: Vec<Folder>,
    seen: HashSet<PathBuf>,
    entering: F,
}

impl<F: FnMut(&Path)> Walk<F> {
    pub fn new(paths: &[PathBuf], entering: F) -> Walk<F> {
        Walk {
            roots: paths.iter().rev().cloned().collect(),
            folders: Vec::new(),
            seen: HashSet::new(),
            entering,
        }
    }

    /// Starts reading `path` as a folder, unless it was read already.
    fn enter(&mut self, path: PathBuf, in_maildir: bool) -> Option<Found> {
        let canonical = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if !self.seen.insert(canonical) {
            return None;
        }
        match fs::read_dir(&path) {
            Ok(entries) => {
                (self.entering)(&path);
                let maildir = path.join("cur").is_dir() || path.join("new").is_dir();
                self.folders.push(Folder {
                    path,
                    entries,
                    maildir,
                    in_maildir,
                });
                None
            }
            Err(e) => Some(Found::Problem {
                problem: Problem::of(&e),
                path,
            }),
        }
    }

    /// What `path` is (`known` when the folder listing said so and it is
    /// not a link; else a link is followed). A folder is entered as a
    /// Maildir's `cur/` or `new/` when `folder_in_maildir`; a file is marked
    /// as a Maildir's when `file_in_maildir`.
    fn classify(
        &mut self,
        path: PathBuf,
        known: Option<fs::FileType>,
        folder_in_maildir: bool,
        file_in_maildir: bool,
    ) -> Option<Found> {
        let link = known.is_some_and(|t| t.is_symlink());
        let kind = match known.filter(|t| !t.is_symlink()).map(Ok) {
            Some(kind) => kind,
            None => fs::metadata(&path).map(|m| m.file_type()),
        };
        let kind = match kind {
            Ok(kind) => kind,
            Err(e) => {
                let problem = match Problem::of(&e) {
                    Problem::Missing if link => Problem::BrokenLink,
                    other => other,
                };
                return Some(Found::Problem { path, problem });
            }
        };
        if kind.is_dir() {
            self.enter(path, folder_in_maildir)
        } else if kind.is_file() {
            Some(Found::File {
                path,
                maildir: file_in_maildir,
            })
        } else {
            Some(Found::Problem {
                path,
                problem: Problem::NotAFile,
            })
        }
    }

    fn next_entry(&mut self) -> Option<Option<Found>> {
        let folder = self.folders.last_mut()?;
        let entry = match folder.entries.next() {
            None => {
                self.folders.pop();
                return Some(None);
            }
            Some(Err(e)) => {
                let path = folder.path.clone();
                self.folders.pop();
                return Some(Some(Found::Problem {
                    problem: Problem::of(&e),
                    path,
                }));
            }
            Some(Ok(entry)) => entry,
        };
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let path = entry.path();
        let (maildir, files_in_maildir) = (folder.maildir, folder.in_maildir);
        let known = entry.file_type().ok();
        if name.starts_with('.') {
            // Maildir++ keeps its folders as `.Name` beside `cur/` and `new/`.
            if maildir && path.join("cur").is_dir() {
                return Some(self.enter(path, false));
            }
            return Some(None);
        }
        if maildir && name == "tmp" {
            return Some(None);
        }
        let maildir_folder = maildir && (name == "cur" || name == "new");
        Some(self.classify(path, known, maildir_folder, files_in_maildir))
    }
}

impl<F: FnMut(&Path)> Iterator for Walk<F> {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            if let Some(step) = self.next_entry() {
                match step {
                    Some(found) => return Some(found),
                    None => continue,
                }
            }
            let root = self.roots.pop()?;
            let known = fs::symlink_metadata(&root).ok().map(|m| m.file_type());
            let folder_in_maildir = is_maildir_part(&root);
            let file_in_maildir = root.parent().is_some_and(is_maildir_part);
            if let Some(found) = self.classify(root, known, folder_in_maildir, file_in_maildir) {
                return Some(found);
            }
        }
    }
}

/// Whether `path` is the `cur/` or `new/` of a Maildir.
fn is_maildir_part(path: &Path) -> bool {
    let named = path.file_name().is_some_and(|n| n == "cur" || n == "new");
    named
        && path
            .parent()
            .is_some_and(|p| p.join("cur").is_dir() || p.join("new").is_dir())
}
