//! What an [`Incident`](super::Incident) says when asked: counts per kind,
//! one row per status code, and the hours they came in.

use super::{Tally, Timestamp};
use crate::catalogue::{self, Entry};
use crate::StatusCode;
use std::cmp::{Ordering, Reverse};
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
    let by_status: Vec<StatusRow> = codes
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
    let by_status = sorted(by_status, &|a, b| {
        let key = |row: &StatusRow| (Reverse(row.count), code_order(row.status));
        key(a).cmp(&key(b))
    });
    let timeline: Vec<HourCount> = codes
        .iter()
        .flat_map(|(&status, tally)| {
            tally.hours.iter().map(move |(&hour, &count)| HourCount {
                hour,
                status,
                count,
            })
        })
        .collect();
    let timeline = sorted(timeline, &|a, b| {
        let key = |h: &HourCount| (h.hour, code_order(h.status));
        key(a).cmp(&key(b))
    });
    let unreadable = sorted(unreadable.to_vec(), &Ord::cmp);
    let partial = sorted(partial.to_vec(), &Ord::cmp);
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

/// `items` in the order `compare` gives, equal ones as they came. Every
/// list goes through one small merge sort of positions, so the browser
/// widget carries that one instead of a copy of the standard library's
/// sort per kind of row (a few kilobytes each).
fn sorted<T>(items: Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) -> Vec<T> {
    let order = merge_sort(items.len(), &|a, b| compare(&items[a], &items[b]).is_lt());
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// The positions `0..count` sorted by `less`, stable: bottom-up merges of
/// runs of 1, 2, 4… positions.
fn merge_sort(count: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut from: Vec<usize> = (0..count).collect();
    let mut to = vec![0; count];
    let mut width = 1;
    while width < count {
        let mut start = 0;
        while start < count {
            let middle = (start + width).min(count);
            let end = (start + 2 * width).min(count);
            let (mut left, mut right) = (start, middle);
            for slot in &mut to[start..end] {
                let take_left = left < middle && (right == end || !less(from[right], from[left]));
                *slot = if take_left { from[left] } else { from[right] };
                if take_left {
                    left += 1;
                } else {
                    right += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_merge_sort_agrees_with_the_standard_stable_sort() {
        let mut seed = 7u64;
        for count in (0..40).chain([100, 257, 1000]) {
            let items: Vec<(u8, usize)> = (0..count)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut want = items.clone();
            want.sort_by_key(|item| item.0);
            assert_eq!(sorted(items, &|a, b| a.0.cmp(&b.0)), want, "{count}");
        }
    }
}
