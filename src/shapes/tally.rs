//! Weighing the replies a reader finds. Each recipient keeps its own; a
//! permanent failure wins over deferrals, a server's reply over a code the
//! client made up (`4.0.0` with no reply), and among equals the last one
//! written is the final word: logs and traces run in time order.

use super::outcome::{bounded, shown, Outcome};
use super::{recipient, Finding};
use crate::bounce::{Input, Kind, Limit};
use std::borrow::Cow;
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// Recipients past the cap are only counted, this many at most.
const MAX_COUNTED: usize = 100_000;

/// A reply and the order it was read in.
struct Held<'a> {
    outcome: Outcome<'a>,
    order: usize,
}

impl Held<'_> {
    fn rank(&self) -> (bool, bool, usize) {
        (!self.outcome.temporary, self.outcome.specific(), self.order)
    }
}

/// Keeps the better of the reply in `slot` and `held`.
fn keep<'a>(slot: &mut Option<Held<'a>>, held: Held<'a>) {
    if slot.as_ref().is_none_or(|old| held.rank() >= old.rank()) {
        *slot = Some(held);
    }
}

/// The replies of one text, by recipient.
pub(super) struct Tally<'a> {
    input: Input,
    order: usize,
    /// Each recipient with its best reply (`None` once delivered), and
    /// where it stands by its lower-case address.
    listed: Vec<(Cow<'a, str>, Option<Held<'a>>)>,
    index: HashMap<String, usize>,
    /// The best reply no listed recipient carries.
    unlisted: Option<Held<'a>>,
    /// The recipients past the cap, by a hash of their address: counted, not kept.
    beyond: HashSet<u64>,
    /// Some delivery was seen.
    delivered: bool,
    /// The host whose log this is.
    pub reporting_mta: Option<String>,
}

impl<'a> Tally<'a> {
    /// An empty tally for a text of shape `input`.
    pub fn new(input: Input) -> Tally<'a> {
        Tally {
            input,
            order: 0,
            listed: Vec::new(),
            index: HashMap::new(),
            unlisted: None,
            beyond: HashSet::new(),
            delivered: false,
            reporting_mta: None,
        }
    }

    /// A reply, for `to` or for the message as a whole.
    pub fn add(&mut self, to: Option<Cow<'a, str>>, outcome: Outcome<'a>) {
        self.order += 1;
        let held = Held {
            outcome,
            order: self.order,
        };
        let Some(address) = to else {
            return keep(&mut self.unlisted, held);
        };
        let key = address.to_ascii_lowercase();
        if let Some(&i) = self.index.get(&key) {
            keep(&mut self.listed[i].1, held);
        } else if self.listed.len() < crate::MAX_RECIPIENTS {
            self.index.insert(key, self.listed.len());
            self.listed.push((address, Some(held)));
        } else {
            if self.beyond.len() < MAX_COUNTED {
                let mut hasher = DefaultHasher::new();
                key.hash(&mut hasher);
                self.beyond.insert(hasher.finish());
            }
            keep(&mut self.unlisted, held);
        }
    }

    /// `address` is the recipient of the replies no recipient carries,
    /// when the text names no other (a trace run for one recipient).
    pub fn only_recipient(&mut self, address: Option<String>) {
        if let (true, Some(address)) = (self.listed.is_empty(), address) {
            if let Some(held) = self.unlisted.take() {
                self.index.insert(address.to_ascii_lowercase(), 0);
                self.listed.push((Cow::Owned(address), Some(held)));
            }
        }
    }

    /// `address` was delivered after all: its deferrals are history.
    pub fn delivered(&mut self, address: &str) {
        self.delivered = true;
        if let Some(&i) = self.index.get(&address.to_ascii_lowercase()) {
            if self.listed[i]
                .1
                .as_ref()
                .is_some_and(|h| h.outcome.temporary)
            {
                self.listed[i].1 = None;
            }
        }
    }

    /// The finding: the deciding reply, and the recipients of its kind
    /// (failed ones for a failure, deferred ones for a delay).
    pub fn finish(self) -> Option<Finding> {
        let mut finding = Finding::new(self.input);
        finding.reporting_mta = self.reporting_mta;
        let held = self.listed.iter().filter_map(|(_, h)| h.as_ref());
        let Some(best) = held.chain(self.unlisted.as_ref()).max_by_key(|h| h.rank()) else {
            finding.kind = Kind::Delivered;
            return self.delivered.then_some(finding);
        };
        let deciding = best.outcome.clone();
        let permanent = !deciding.temporary;
        finding.kind = if permanent {
            Kind::Failure
        } else {
            Kind::Delay
        };
        finding.recipients = self
            .listed
            .into_iter()
            .filter_map(|(address, held)| {
                let o = held?.outcome;
                (o.temporary != permanent).then(|| {
                    let diagnostic = Some(bounded(&o.diagnostic)).filter(|d| !d.is_empty());
                    let remote = o.remote.map(Cow::into_owned);
                    recipient(
                        address.into_owned(),
                        o.status,
                        o.smtp_code,
                        diagnostic,
                        remote,
                    )
                })
            })
            .collect();
        if !self.beyond.is_empty() {
            finding.limits.push(Limit::TooManyRecipients {
                shown: finding.recipients.len(),
                total: finding.recipients.len() + self.beyond.len(),
            });
        }
        finding.status = deciding.status;
        finding.smtp_code = deciding.smtp_code;
        finding.diagnostic = Some(bounded(&deciding.diagnostic)).filter(|d| !d.is_empty());
        finding.remote_mta = deciding.remote.map(Cow::into_owned);
        finding.wrapper = deciding.wrapper.map(|w| bounded(&w));
        finding.evidence = deciding
            .place
            .filter(|_| deciding.status.is_some())
            .map(shown);
        Some(finding)
    }
}

/// The first of two findings that is a failure or a delay, else either.
pub(super) fn either(first: Option<Finding>, second: Option<Finding>) -> Option<Finding> {
    let is_ndr = |f: &Finding| matches!(f.kind, Kind::Failure | Kind::Delay);
    match first {
        Some(f) if is_ndr(&f) => Some(f),
        other => second.filter(is_ndr).or(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::StatusCode;

    fn reply(code: &str, temporary: bool) -> Outcome<'static> {
        Outcome {
            status: StatusCode::parse(code),
            smtp_code: None,
            diagnostic: Cow::Borrowed(""),
            temporary,
            remote: None,
            place: None,
            wrapper: None,
        }
    }

    #[test]
    fn a_failure_wins_over_later_deferrals_and_each_recipient_keeps_its_own() {
        let mut tally = Tally::new(Input::MtaLog);
        tally.add(Some("a@x.example".into()), reply("5.1.1", false));
        tally.add(Some("b@x.example".into()), reply("5.7.750", false));
        tally.add(Some("A@x.example".into()), reply("4.4.1", true));
        let f = tally.finish().unwrap();
        assert_eq!(f.kind, Kind::Failure);
        assert_eq!(f.status.unwrap().to_string(), "5.7.750");
        let got: Vec<String> = f
            .recipients
            .iter()
            .map(|r| r.status.unwrap().to_string())
            .collect();
        assert_eq!(got, ["5.1.1", "5.7.750"]);
    }

    #[test]
    fn a_reply_wins_over_a_generic_code_and_delivery_clears_deferrals() {
        let mut tally = Tally::new(Input::MtaLog);
        tally.add(Some("a@x.example".into()), reply("4.4.2", true));
        tally.add(Some("a@x.example".into()), reply("4.0.0", true));
        tally.add(Some("b@x.example".into()), reply("4.7.500", true));
        tally.delivered("B@x.example");
        let f = tally.finish().unwrap();
        assert_eq!(
            (f.kind, f.status.unwrap().to_string()),
            (Kind::Delay, "4.4.2".into())
        );
        assert_eq!(f.recipients.len(), 1);
        let mut tally = Tally::new(Input::MtaLog);
        tally.add(Some("b@x.example".into()), reply("4.7.500", true));
        tally.delivered("b@x.example");
        assert_eq!(tally.finish().unwrap().kind, Kind::Delivered);
        assert!(Tally::new(Input::MtaLog).finish().is_none());
    }

    #[test]
    fn recipients_past_the_cap_are_counted() {
        let mut tally = Tally::new(Input::SmtpTranscript);
        for i in 0..crate::MAX_RECIPIENTS + 10 {
            tally.add(
                Some(format!("u{i}@x.example").into()),
                reply("5.1.1", false),
            );
        }
        let f = tally.finish().unwrap();
        assert_eq!(f.recipients.len(), crate::MAX_RECIPIENTS);
        assert_eq!(
            f.limits,
            [Limit::TooManyRecipients {
                shown: crate::MAX_RECIPIENTS,
                total: crate::MAX_RECIPIENTS + 10
            }]
        );
    }
}
