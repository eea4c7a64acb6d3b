//! What an [`Incident`](super::Incident) says when asked: counts per kind,
//! one row per status code, and the hours they came in.

use super::{Tally, Timestamp};
use crate::catalogue::{self, Entry};
use crate::StatusCode;
use std::cmp::Reverse;
use std::collections::HashMap;

/// Everything seen so far, ordered for reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Files read.
    pub files: u64,
    /// Messages analysed (an mbox holds many).
    pub messages: u64,
    /// Messages whose diagnosis is a failure or a delay.
    pub bounces: u64,
    /// Deliveries, auto-replies and every other message.
    pub not_bounces: u64,
    /// The messages by kind of diagnosis.
    pub kinds: Kinds,
    /// Files that could not be read, by name.
    pub unreadable: Vec<Unreadable>,
    /// Messages larger than what is analysed, by file and place.
    pub partial: Vec<Partial>,
    /// One row per status code of the bounces (`None`: no code found), most
    /// frequent first, then by code.
    pub by_status: Vec<StatusRow>,
    /// Bounces per hour and code, by hour then code (only dated bounces,
    /// only hours that had some).
    pub timeline: Vec<HourCount>,
}

/// Messages counted by the kind of their diagnosis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Kinds {
    /// Non-delivery reports.
    pub failures: u64,
    /// Delay notices.
    pub delays: u64,
    /// Reports of a successful delivery.
    pub delivered: u64,
    /// Messages that are no delivery report (auto-replies, ordinary mail).
    pub other: u64,
}

impl Kinds {
    pub(super) fn add(&mut self, other: &Kinds) {
        self.failures += other.failures;
        self.delays += other.delays;
        self.delivered += other.delivered;
        self.other += other.other;
    }
}

/// A file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Unreadable {
    /// The file, as it was named.
    pub file: String,
    /// Why, for a person.
    pub error: String,
}

/// A message of which only the first part was analysed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Partial {
    /// The file.
    pub file: String,
    /// The message's place in it.
    pub index: usize,
    /// Bytes analysed.
    pub analysed: usize,
    /// Bytes the message had.
    pub total: usize,
}

/// What is known of the bounces with one status code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusRow {
    /// The code, or `None` for bounces in which no code was found.
    pub status: Option<StatusCode>,
    /// How many bounces carry it.
    pub count: u64,
    /// The earliest and the latest of their dates.
    pub first: Option<Timestamp>,
    /// See `first`.
    pub last: Option<Timestamp>,
    /// Distinct people whose mail bounced with this code.
    pub senders: usize,
    /// Distinct domains of the recipients that failed with it.
    pub recipient_domains: usize,
    /// The catalogue's entry for the code, if it has one.
    pub entry: Option<&'static Entry>,
}

/// Bounces with one code in one hour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HourCount {
    /// The start of the hour.
    pub hour: Timestamp,
    /// The code.
    pub status: Option<StatusCode>,
    /// How many bounces.
    pub count: u64,
}

impl Summary {
    /// The most frequent code's row.
    pub fn top(&self) -> Option<&StatusRow> {
        self.by_status.first()
    }

    /// The hours of one code, in order.
    pub fn timeline_of(&self, status: Option<StatusCode>) -> impl Iterator<Item = &HourCount> {
        self.timeline.iter().filter(move |h| h.status == status)
    }
}

/// Codes in order, "no code" last.
fn code_order(status: Option<StatusCode>) -> (bool, Option<StatusCode>) {
    (status.is_none(), status)
}

pub(super) fn build(
    files: u64,
    kinds: &Kinds,
    codes: &HashMap<Option<StatusCode>, Tally>,
    unreadable: &[Unreadable],
    partial: &[Partial],
) -> Summary {
    let mut by_status: Vec<StatusRow> = codes
        .iter()
        .map(|(&status, tally)| StatusRow {
            status,
            count: tally.count,
            first: tally.first,
            last: tally.last,
            senders: tally.senders.len(),
            recipient_domains: tally.domains.len(),
            entry: status.and_then(catalogue::lookup),
        })
        .collect();
    by_status.sort_by_key(|row| (Reverse(row.count), code_order(row.status)));
    let mut timeline: Vec<HourCount> = codes
        .iter()
        .flat_map(|(&status, tally)| {
            tally.hours.iter().map(move |(&hour, &count)| HourCount {
                hour,
                status,
                count,
            })
        })
        .collect();
    timeline.sort_by_key(|h| (h.hour, code_order(h.status)));
    let mut unreadable = unreadable.to_vec();
    unreadable.sort();
    let mut partial = partial.to_vec();
    partial.sort();
    Summary {
        files,
        messages: kinds.failures + kinds.delays + kinds.delivered + kinds.other,
        bounces: kinds.failures + kinds.delays,
        not_bounces: kinds.delivered + kinds.other,
        kinds: *kinds,
        unreadable,
        partial,
        by_status,
        timeline,
    }
}
