//! A bounce with what the views need worked out once per input: its
//! catalogue entry, the hops of its original message, and the view's flags.

use crate::catalogue::{self, Entry, Scope};
use crate::hops::{self, Hop};
use crate::Bounce;

/// Everything shown about one input, derived when the input changes.
/// `Eq` lets `Rc<Diagnosis>` compare by pointer first, as props and effect
/// dependencies do on every render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnosis {
    /// What the parser found.
    pub bounce: Bounce,
    /// The catalogue entry for its code, if there is one.
    pub entry: Option<&'static Entry>,
    /// The servers the original message passed through, oldest first.
    pub hops: Vec<Hop>,
}

impl Diagnosis {
    /// The diagnosis of `bounce`.
    pub fn new(bounce: Bounce) -> Diagnosis {
        let entry = bounce.status.and_then(catalogue::lookup);
        let hops = hops::hops(&bounce.original.received);
        Diagnosis {
            bounce,
            entry,
            hops,
        }
    }

    /// Whether every sender of the organisation is affected.
    pub fn tenant_wide(&self) -> bool {
        self.entry.is_some_and(|e| e.scope == Scope::Organisation)
    }

    /// Whether the admin view offers the accepted-domain check.
    pub fn checks_accepted_domains(&self) -> bool {
        self.entry.is_some_and(|e| e.accepted_domain_check)
    }
}
