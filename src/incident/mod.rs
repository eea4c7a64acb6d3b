//! The summary of many diagnoses: "since when, how many, which codes, whom".
//!
//! When a tenant is blocked, a postmaster or shared mailbox fills up with
//! bounces. [`Incident`] takes their diagnoses one at a time, in any order,
//! and keeps only counts, dates and distinct counts, never the diagnoses,
//! so its size depends on the number of codes, hours and people involved,
//! not on the number of messages. Ask for a [`Summary`] at any point.
//! Partial incidents (one per thread, or per batch of files) are combined
//! with [`Incident::merge`].
//!
//! Plain Rust, no file system and no threads: the command line feeds it from
//! folders, and a page feeds it the files a person drops through a
//! [`Reader`], a message at a time, and draws its hours with [`chart`].
//!
//! ```
//! use ndr_explainer::{analyse, incident::{Incident, Timestamp}};
//! let mut incident = Incident::new();
//! incident.file_read();
//! let at = Timestamp::parse("Sun, 29 Nov 2026 09:12:05 +0100");
//! let bounce = analyse(b"550 5.7.705 Access denied, tenant has exceeded threshold");
//! incident.add("bounce.txt", 0, &bounce, at);
//! let summary = incident.summary();
//! assert_eq!(summary.bounces, 1);
//! assert_eq!(summary.by_status[0].status.unwrap().to_string(), "5.7.705");
//! assert_eq!(summary.by_status[0].first.unwrap().to_string(), "2026-11-29T08:12:05Z");
//! ```

pub mod chart;
mod message;
mod reader;
mod summary;
#[cfg(test)]
mod tests;

pub use crate::date::Timestamp;
pub use message::{maildir_delivery, messages, messages_up_to, when, DateSource, Message};
pub use reader::{Batch, First, Progress, Reader, State};
pub use summary::{HourCount, Kinds, Partial, StatusRow, Summary, Unreadable};

use crate::{Bounce, Kind, Limit, StatusCode};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

/// What has been learnt so far from a set of files.
#[derive(Clone, Debug, Default)]
pub struct Incident {
    files: u64,
    kinds: Kinds,
    codes: HashMap<Option<StatusCode>, Tally>,
    unreadable: Vec<Unreadable>,
    partial: Vec<Partial>,
}

/// What is known of one status code.
#[derive(Clone, Debug, Default)]
struct Tally {
    count: u64,
    first: Option<Timestamp>,
    last: Option<Timestamp>,
    /// Distinct people and domains, as 64-bit hashes of their lower-case
    /// form: 8 bytes each, and a collision among a million is a chance in
    /// ten million.
    senders: HashSet<u64>,
    domains: HashSet<u64>,
    hours: BTreeMap<Timestamp, u64>,
}

impl Incident {
    /// Nothing seen yet.
    pub fn new() -> Incident {
        Incident::default()
    }

    /// Counts one file read (whatever it held).
    pub fn file_read(&mut self) {
        self.files += 1;
    }

    /// Lists a file that could not be read, with why.
    pub fn unreadable(&mut self, file: impl Into<String>, error: impl Into<String>) {
        self.unreadable.push(Unreadable {
            file: file.into(),
            error: error.into(),
        });
    }

    /// Counts message `index` of `file`, with its diagnosis and when it
    /// happened (see [`when`]). Only failures and delays are bounces;
    /// deliveries and other messages are counted apart.
    pub fn add(&mut self, file: &str, index: usize, bounce: &Bounce, when: Option<Timestamp>) {
        match bounce.kind {
            Kind::Failure => self.kinds.failures += 1,
            Kind::Delay => self.kinds.delays += 1,
            Kind::Delivered => self.kinds.delivered += 1,
            Kind::NotABounce => self.kinds.other += 1,
        }
        for limit in &bounce.limits {
            if let Limit::InputTooLarge { analysed, total } = *limit {
                self.partial.push(Partial {
                    file: file.to_owned(),
                    index,
                    analysed,
                    total,
                });
            }
        }
        if !bounce.is_ndr() {
            return;
        }
        let tally = self.codes.entry(bounce.status).or_default();
        tally.count += 1;
        if let Some(at) = when {
            tally.first = Some(tally.first.map_or(at, |f| f.min(at)));
            tally.last = Some(tally.last.map_or(at, |l| l.max(at)));
            *tally.hours.entry(at.hour()).or_default() += 1;
        }
        if let Some(sender) = sender(bounce) {
            tally.senders.insert(key(&sender));
        }
        for recipient in &bounce.recipients {
            if recipient.status.is_some_and(|s| s.class == 2) {
                continue; // delivered, listed beside the failures
            }
            if let Some((_, domain)) = recipient.address.rsplit_once('@') {
                tally.domains.insert(key(domain));
            }
        }
    }

    /// Adds what `other` has seen to this incident.
    pub fn merge(&mut self, other: Incident) {
        self.files += other.files;
        self.kinds.add(&other.kinds);
        self.unreadable.extend(other.unreadable);
        self.partial.extend(other.partial);
        for (status, theirs) in other.codes {
            let ours = self.codes.entry(status).or_default();
            ours.count += theirs.count;
            ours.first = [ours.first, theirs.first].into_iter().flatten().min();
            ours.last = [ours.last, theirs.last].into_iter().flatten().max();
            ours.senders.extend(theirs.senders);
            ours.domains.extend(theirs.domains);
            for (hour, count) in theirs.hours {
                *ours.hours.entry(hour).or_default() += count;
            }
        }
    }

    /// The summary of everything seen so far.
    pub fn summary(&self) -> Summary {
        summary::build(
            self.files,
            &self.kinds,
            &self.codes,
            &self.unreadable,
            &self.partial,
        )
    }
}

/// The person whose mail bounced, as an address: the bounce's addressee
/// (`To`), else the returned message's `From`, else its `Return-Path`.
///
/// ```
/// let mut bounce = ndr_explainer::Bounce::none();
/// bounce.notified = Some("Ann Smith <ann@contoso.com>".into());
/// assert_eq!(ndr_explainer::incident::sender(&bounce).as_deref(), Some("ann@contoso.com"));
/// ```
pub fn sender(bounce: &Bounce) -> Option<String> {
    [
        &bounce.notified,
        &bounce.original.from,
        &bounce.original.return_path,
    ]
    .into_iter()
    .flatten()
    .find_map(|field| crate::address::first_address(field))
}

/// A compact key for a distinct count, without regard to case.
fn key(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    for byte in text.bytes() {
        byte.to_ascii_lowercase().hash(&mut hasher);
    }
    hasher.finish()
}
