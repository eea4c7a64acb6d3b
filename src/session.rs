//! What the widget holds while a person uses it, and how each action changes
//! it. Plain Rust, tested natively; the browser layer (`web`) wraps it in a
//! Yew reducer and keeps storage, clipboard, files and the parser module to
//! itself. An input waits as [`Pending`] until the parser's answer for it
//! comes back ([`Action::Diagnosed`]); an answer for an older input is dropped.

use crate::catalogue::{Actor, Entry};
use crate::diagnosis::Diagnosis;
use crate::incident::{Batch, State};
use crate::{Bounce, Lang, Limit, StatusCode};
use std::fmt;
use std::rc::Rc;

/// Who is reading: the person who got the bounce, or the admin who fixes it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Audience {
    /// "I received this bounce."
    #[default]
    Sender,
    /// "I am the admin."
    Admin,
}

/// What was analysed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Text typed or pasted into the text area.
    Text,
    /// A file dropped or chosen: its name and size.
    File {
        /// The file's name.
        name: String,
        /// Its size in bytes.
        size: usize,
    },
}

/// An input waiting for its diagnosis: what the parser is given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    /// Which input this is: the answer must name it.
    pub rev: u32,
    /// The bytes to analyse, at most [`WIDGET_MAX_INPUT`] of them.
    pub bytes: Rc<[u8]>,
    /// How many bytes were given.
    pub total: usize,
}

/// Everything the widget shows is derived from this.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// The interface language.
    pub lang: Lang,
    /// Sender or admin view.
    pub audience: Audience,
    /// Text the widget puts into the text area (cleared, or sent by a host
    /// page); what the user types stays in the text area alone.
    pub text: Rc<str>,
    /// Changes whenever `text` must be written into the text area.
    pub text_rev: u32,
    /// What the diagnosis was made from, if anything.
    pub source: Option<Source>,
    /// The diagnosis of the current input.
    pub diagnosis: Option<Rc<Diagnosis>>,
    /// The input waiting for its diagnosis, if any.
    pub pending: Option<Pending>,
    /// Counts inputs, so that a late answer for an older one is dropped.
    pub input_rev: u32,
    /// The walkthrough step shown; the step count means the summary screen.
    pub step: usize,
    /// Which walkthrough steps the admin marked as done.
    pub done: Rc<[bool]>,
    /// Whether copied texts hide personal data.
    pub redact: bool,
    /// The walkthrough progress remembered per code.
    pub memory: Memory,
    /// Several files given together (or one mbox), summed up as they are
    /// read; `None` while the input is one bounce.
    pub batch: Option<Rc<Batch>>,
    /// The code of the batch's row whose first bounce is the diagnosis
    /// shown (`Some(None)`: the row of bounces without a code).
    pub opened: Option<Option<StatusCode>>,
    /// Whether the person stopped the batch's reading: what was read stays.
    pub stopped: bool,
}

/// Where the walkthrough progress of an earlier visit is found, per code:
/// the browser's storage in the widget, nothing in tests. A new diagnosis
/// starts from it at once, so restoring costs no second render.
#[derive(Clone)]
pub struct Memory(Rc<Recall>);

/// Reads the marks saved for a code.
type Recall = dyn Fn(&str) -> Option<Vec<bool>>;

impl Memory {
    /// Progress read by `recall`.
    pub fn new(recall: impl Fn(&str) -> Option<Vec<bool>> + 'static) -> Memory {
        Memory(Rc::new(recall))
    }
}

impl Default for Memory {
    fn default() -> Memory {
        Memory::new(|_| None)
    }
}

impl PartialEq for Memory {
    fn eq(&self, other: &Memory) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for Memory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Memory")
    }
}

/// What can happen to the state.
pub enum Action {
    /// The user changed the text; it waits for its diagnosis.
    Input(String),
    /// A host page sent a text: it fills the text area and waits for its diagnosis.
    Load(String),
    /// The user dropped or chose a file.
    File {
        /// The file's name.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// The parser's diagnosis of the input `rev`.
    Diagnosed {
        /// The input it is about ([`Pending::rev`]).
        rev: u32,
        /// The diagnosis.
        bounce: Box<Bounce>,
    },
    /// Wipe the input and the diagnosis.
    Clear,
    /// Change language; everything else stays.
    SetLang(Lang),
    /// Change audience; everything else stays.
    SetAudience(Audience),
    /// Show this walkthrough step (or the summary, past the last one).
    GoTo(usize),
    /// Mark a step done or not done.
    SetDone(usize, bool),
    /// Hide personal data in copied texts, or not.
    SetRedact(bool),
    /// Several files are being read: how it starts. The single input and
    /// its diagnosis give way to the batch.
    StartBatch(Rc<Batch>),
    /// How the reading stands now (after each slice, and when it ends).
    /// Ignored once the batch was cleared, stopped or read.
    UpdateBatch(Rc<Batch>),
    /// The person stopped the reading: what was read stays.
    StopBatch,
    /// Show the diagnosis of the batch's first bounce with this code.
    OpenFirst(Option<StatusCode>),
}

impl Session {
    /// The state at start-up; `memory` recalls earlier progress.
    pub fn new(lang: Lang, memory: Memory) -> Session {
        Session {
            lang,
            audience: Audience::default(),
            text: Rc::from(""),
            text_rev: 0,
            source: None,
            diagnosis: None,
            pending: None,
            input_rev: 0,
            step: 0,
            done: Rc::from([]),
            redact: false,
            memory,
            batch: None,
            opened: None,
            stopped: false,
        }
    }

    /// Whether a batch is being read (not yet read whole, nor stopped).
    pub fn reading(&self) -> bool {
        !self.stopped
            && self
                .batch
                .as_ref()
                .is_some_and(|b| b.state == State::Reading)
    }

    /// The catalogue entry for the diagnosed code, if there is one.
    pub fn entry(&self) -> Option<&'static Entry> {
        self.diagnosis.as_ref()?.entry
    }

    /// Number of walkthrough steps for the current diagnosis.
    pub fn step_count(&self) -> usize {
        self.entry().map_or(0, |e| e.texts(self.lang).steps.len())
    }

    /// The last screen of the walkthrough: the support summary after the
    /// steps where Microsoft support has a part in the fix, else the last step.
    pub fn last_screen(&self) -> usize {
        let asks_support = self
            .entry()
            .is_some_and(|e| e.fixed_by.contains(&Actor::MicrosoftSupport));
        (self.step_count() + usize::from(asks_support)).saturating_sub(1)
    }

    fn diagnose(&mut self, bounce: Option<Bounce>) {
        let before = self.entry().map(|e| e.code);
        self.diagnosis = bounce.map(|b| Rc::new(Diagnosis::new(b)));
        let code = self.entry().map(|e| e.code);
        if code != before {
            let count = self.step_count();
            self.step = 0;
            self.done = code
                .and_then(|code| (self.memory.0)(code))
                .filter(|marks| marks.len() == count)
                .unwrap_or_else(|| vec![false; count])
                .into();
        }
    }
}

/// Most bytes the widget analyses (8 MiB): past it a browser tab would stop
/// answering for seconds. The diagnosis then rests on the first 8 MiB and
/// says so; the command-line tool reads up to [`crate::MAX_INPUT`].
pub const WIDGET_MAX_INPUT: usize = 8 * 1024 * 1024;

/// The diagnosis of the first [`WIDGET_MAX_INPUT`] bytes of an input of
/// `total` bytes, saying so when that was not all of it.
pub fn capped(mut bounce: Bounce, total: usize) -> Bounce {
    if total > WIDGET_MAX_INPUT {
        bounce.limits.push(Limit::InputTooLarge {
            analysed: WIDGET_MAX_INPUT,
            total,
        });
    }
    bounce
}

impl Session {
    /// `bytes` waits for its diagnosis, in place of any earlier input.
    fn wait_for(&mut self, bytes: &[u8]) {
        self.input_rev = self.input_rev.wrapping_add(1);
        self.pending = Some(Pending {
            rev: self.input_rev,
            bytes: Rc::from(&bytes[..bytes.len().min(WIDGET_MAX_INPUT)]),
            total: bytes.len(),
        });
    }

    /// Nothing waits any more; an answer still on its way is dropped.
    fn stop_waiting(&mut self) {
        self.input_rev = self.input_rev.wrapping_add(1);
        self.pending = None;
    }

    /// The session after `action`.
    pub fn apply(&self, action: Action) -> Session {
        let mut next = self.clone();
        if matches!(
            action,
            Action::Input(_) | Action::Load(_) | Action::File { .. } | Action::Clear
        ) {
            next.batch = None;
            next.opened = None;
        }
        match action {
            Action::Input(text) if text.trim().is_empty() => {
                next.stop_waiting();
                next.source = None;
                next.diagnose(None);
            }
            Action::Input(text) => {
                next.source = Some(Source::Text);
                next.wait_for(text.as_bytes());
            }
            Action::Load(text) => {
                next = next.apply(Action::Input(text.clone()));
                next.text = Rc::from(text);
                next.text_rev += 1;
            }
            Action::File { name, bytes } => {
                next.text = Rc::from("");
                next.text_rev += 1;
                next.source = Some(Source::File {
                    name,
                    size: bytes.len(),
                });
                next.wait_for(&bytes);
            }
            Action::Diagnosed { rev, bounce } => match next.pending.take() {
                Some(pending) if pending.rev == rev => {
                    next.diagnose(Some(capped(*bounce, pending.total)));
                }
                other => next.pending = other,
            },
            Action::Clear => {
                next.text = Rc::from("");
                next.text_rev += 1;
                next.source = None;
                next.stop_waiting();
                next.diagnose(None);
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::SetAudience(audience) => next.audience = audience,
            Action::GoTo(step) => next.step = step.min(next.last_screen()),
            Action::SetDone(step, done) => {
                let mut marks = next.done.to_vec();
                if let Some(mark) = marks.get_mut(step) {
                    *mark = done;
                }
                next.done = marks.into();
            }
            Action::SetRedact(redact) => next.redact = redact,
            Action::StartBatch(batch) => {
                next.text = Rc::from("");
                next.text_rev += 1;
                next.source = None;
                next.diagnose(None);
                next.batch = Some(batch);
                next.opened = None;
                next.stopped = false;
            }
            Action::UpdateBatch(batch) => {
                if next.reading() {
                    next.batch = Some(batch);
                }
            }
            Action::StopBatch => next.stopped = next.reading(),
            Action::OpenFirst(status) => {
                let first = next.batch.as_ref().and_then(|b| b.first(status));
                if let Some(bounce) = first.map(|f| Bounce::clone(&f.bounce)) {
                    next.opened = Some(status);
                    next.diagnose(Some(bounce));
                }
            }
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `action`, then the parser's answer for the input it made wait, as
    /// the widget gives it.
    fn reduce(state: Session, action: Action) -> Session {
        let next = state.apply(action);
        match next.pending.clone() {
            Some(pending) => next.apply(Action::Diagnosed {
                rev: pending.rev,
                bounce: Box::new(crate::analyse(&pending.bytes)),
            }),
            None => next,
        }
    }

    #[test]
    fn an_input_waits_and_a_late_answer_is_dropped() {
        let state = Session::new(Lang::En, Memory::default());
        let first = state.apply(Action::Input("550 5.7.750 Client blocked".into()));
        let late = first.pending.clone().unwrap();
        let second = first.apply(Action::Input("550 5.7.705 Access denied".into()));
        assert!(
            second.diagnosis.is_none(),
            "nothing is diagnosed before the answer"
        );
        let stale = second.apply(Action::Diagnosed {
            rev: late.rev,
            bounce: Box::new(crate::analyse(&late.bytes)),
        });
        assert!(stale.diagnosis.is_none() && stale.pending.is_some());
        let pending = stale.pending.clone().unwrap();
        let answered = stale.apply(Action::Diagnosed {
            rev: pending.rev,
            bounce: Box::new(crate::analyse(&pending.bytes)),
        });
        assert!(answered.pending.is_none());
        assert_eq!(
            answered
                .diagnosis
                .unwrap()
                .bounce
                .status
                .unwrap()
                .to_string(),
            "5.7.705"
        );
        let cleared = second.apply(Action::Clear);
        assert!(cleared.pending.is_none());
    }

    #[test]
    fn language_and_audience_keep_the_place() {
        let mut state = reduce(
            Session::new(Lang::En, Memory::default()),
            Action::Input("550 5.7.750 Client blocked".into()),
        );
        state = reduce(state, Action::SetAudience(Audience::Admin));
        state = reduce(state, Action::GoTo(2));
        state = reduce(state, Action::SetDone(1, true));
        state = reduce(state, Action::SetLang(Lang::Fr));
        state = reduce(state, Action::SetAudience(Audience::Sender));
        state = reduce(state, Action::SetAudience(Audience::Admin));
        assert_eq!(state.step, 2);
        assert!(state.done[1]);
        assert_eq!(
            state.diagnosis.unwrap().bounce.status.unwrap().to_string(),
            "5.7.750"
        );
    }

    #[test]
    fn a_new_code_restarts_the_walkthrough() {
        let mut state = reduce(
            Session::new(Lang::En, Memory::default()),
            Action::Input("550 5.7.750 x".into()),
        );
        state = reduce(state, Action::GoTo(3));
        state = reduce(state, Action::Input("550 5.7.750 x y".into()));
        assert_eq!(state.step, 3, "same code, same place");
        state = reduce(state, Action::Input("550 5.7.705 x".into()));
        assert_eq!(state.step, 0);
    }

    #[test]
    fn clear_wipes_the_input() {
        let mut state = reduce(
            Session::new(Lang::En, Memory::default()),
            Action::File {
                name: "a.eml".into(),
                bytes: b"550 5.7.705 x".to_vec(),
            },
        );
        assert!(matches!(state.source, Some(Source::File { .. })));
        state = reduce(state, Action::Clear);
        assert!(state.diagnosis.is_none() && state.source.is_none() && state.text.is_empty());
    }

    #[test]
    fn only_widget_written_text_reaches_the_text_area() {
        let typed = reduce(
            Session::new(Lang::En, Memory::default()),
            Action::Input("550 5.7.705 x".into()),
        );
        assert_eq!(typed.text_rev, 0, "typed text is already in the text area");
        let loaded = reduce(typed, Action::Load("550 5.7.750 y".into()));
        assert_eq!((loaded.text_rev, &*loaded.text), (1, "550 5.7.750 y"));
        assert_eq!(
            loaded
                .diagnosis
                .as_ref()
                .unwrap()
                .bounce
                .status
                .unwrap()
                .to_string(),
            "5.7.750"
        );
    }

    #[test]
    fn oversized_input_is_cut_and_says_so() {
        let mut text = "550 5.7.705 Access denied\n".to_owned();
        text.push_str(&"x".repeat(WIDGET_MAX_INPUT));
        let state = reduce(
            Session::new(Lang::En, Memory::default()),
            Action::Input(text),
        );
        let bounce = &state.diagnosis.as_ref().unwrap().bounce;
        assert_eq!(bounce.status.unwrap().to_string(), "5.7.705");
        assert!(matches!(
            bounce.limits[..],
            [Limit::InputTooLarge {
                analysed: WIDGET_MAX_INPUT,
                ..
            }]
        ));
    }

    #[test]
    fn remembered_progress_comes_with_the_diagnosis() {
        let memory = Memory::new(|code| (code == "5.7.705").then(|| vec![true; 3]));
        let state = reduce(
            Session::new(Lang::En, memory.clone()),
            Action::Input("550 5.7.705 x".into()),
        );
        let count = state.step_count();
        if count == 3 {
            assert!(state.done.iter().all(|d| *d));
        } else {
            assert!(
                state.done.iter().all(|d| !*d),
                "marks of another length are ignored"
            );
        }
        let memory = Memory::new(move |_| Some(vec![true; count]));
        let state = reduce(
            Session::new(Lang::En, memory),
            Action::Input("550 5.7.705 x".into()),
        );
        assert_eq!(state.done.len(), count);
        assert!(
            state.done.iter().all(|d| *d),
            "restored at once, in the same state change"
        );
    }

    #[test]
    fn steps_stay_in_range() {
        let mut state = reduce(
            Session::new(Lang::En, Memory::default()),
            Action::Input("550 5.7.705 x".into()),
        );
        let count = state.step_count();
        assert!(count > 0);
        state = reduce(state, Action::GoTo(count + 10));
        assert_eq!(state.step, count, "5.7.705 ends with the support summary");
        let mut state = reduce(
            Session::new(Lang::En, Memory::default()),
            Action::Input("550 5.7.703 x".into()),
        );
        let count = state.step_count();
        state = reduce(state, Action::GoTo(count + 10));
        assert_eq!(state.step, count - 1, "5.7.703 needs no support request");
    }

    /// A batch of two bounces (5.7.705 at 10:00, 5.1.1 undated), read to
    /// its end, in `state`.
    fn batch(state: State) -> Rc<Batch> {
        let mut reader = crate::incident::Reader::new(2, 0, WIDGET_MAX_INPUT);
        for (name, text) in [
            (
                "a.eml",
                "From: postmaster@example.com\nDate: 29 Nov 2026 10:00 +0000\n\n550 5.7.705 Access denied, tenant has exceeded threshold\n",
            ),
            ("b.txt", "550 5.1.1 User unknown"),
        ] {
            reader.open(name.into(), text.as_bytes().to_vec(), None);
            while reader.read(|| true) {}
        }
        Rc::new(reader.batch(state))
    }

    #[test]
    fn a_batch_replaces_the_single_input_and_a_single_input_ends_it() {
        let mut state = reduce(
            Session::new(Lang::En, Memory::default()),
            Action::Load("550 5.7.750 x".into()),
        );
        let rev = state.text_rev;
        state = reduce(state, Action::StartBatch(batch(State::Reading)));
        assert!(state.diagnosis.is_none() && state.source.is_none() && state.text.is_empty());
        assert_eq!(state.text_rev, rev + 1, "the text area is emptied");
        state = reduce(state, Action::UpdateBatch(batch(State::Done)));
        assert_eq!(state.batch.as_ref().unwrap().state, State::Done);
        state = reduce(state, Action::Input("550 5.7.750 x".into()));
        assert!(state.batch.is_none() && state.diagnosis.is_some());
    }

    #[test]
    fn updates_stop_with_clear_and_stop() {
        let mut state = reduce(
            Session::new(Lang::En, Memory::default()),
            Action::StartBatch(batch(State::Reading)),
        );
        assert!(state.reading());
        state = reduce(state, Action::StopBatch);
        assert!(state.stopped && !state.reading());
        let stopped = state.batch.clone().unwrap();
        assert_eq!(stopped.summary.bounces, 2, "what was read stays");
        state = reduce(state, Action::UpdateBatch(batch(State::Done)));
        assert!(Rc::ptr_eq(state.batch.as_ref().unwrap(), &stopped));
        state = reduce(state, Action::StartBatch(batch(State::Reading)));
        assert!(state.reading(), "a new batch starts afresh");
        state = reduce(state, Action::Clear);
        state = reduce(state, Action::UpdateBatch(batch(State::Reading)));
        assert!(state.batch.is_none(), "a late slice does not bring it back");
    }

    #[test]
    fn a_row_opens_its_first_bounce_with_its_walkthrough() {
        let mut state = reduce(
            Session::new(Lang::En, Memory::default()),
            Action::StartBatch(batch(State::Done)),
        );
        let code = StatusCode::parse("5.7.705");
        state = reduce(state, Action::OpenFirst(code));
        assert_eq!(state.opened, Some(code));
        assert_eq!(state.diagnosis.as_ref().unwrap().bounce.status, code);
        assert_eq!(state.entry().unwrap().code, "5.7.705");
        assert_eq!(state.done.len(), state.step_count());
        state = reduce(state, Action::GoTo(2));
        state = reduce(state, Action::OpenFirst(StatusCode::parse("5.1.1")));
        assert_eq!(state.step, 0, "another code, its own walkthrough");
        assert!(state.batch.is_some(), "the summary stays above it");
        let before = state.clone();
        state = reduce(state, Action::OpenFirst(StatusCode::parse("4.4.7")));
        assert_eq!(state.opened, before.opened, "no such row: nothing changes");
        assert!(Rc::ptr_eq(
            state.diagnosis.as_ref().unwrap(),
            before.diagnosis.as_ref().unwrap()
        ));
    }
}
