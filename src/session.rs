//! What the widget holds while a person uses it, and how each action changes
//! it. Plain Rust, tested natively; the browser layer (`web`) wraps it in a
//! Yew reducer and keeps storage, clipboard and files to itself.

use crate::catalogue::{Actor, Entry};
use crate::diagnosis::Diagnosis;
use crate::msg::{self, Converted, MsgError};
use crate::{analyse, Bounce, Lang, Limit};
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
    /// The walkthrough step shown; the step count means the summary screen.
    pub step: usize,
    /// Which walkthrough steps the admin marked as done.
    pub done: Rc<[bool]>,
    /// Whether copied texts hide personal data.
    pub redact: bool,
    /// The walkthrough progress remembered per code.
    pub memory: Memory,
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
    /// The user changed the text; it is analysed at once.
    Input(String),
    /// A host page sent a text: it fills the text area and is analysed.
    Load(String),
    /// The user dropped or chose a file.
    File {
        /// The file's name.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// The user dropped or chose an Outlook item, which the widget's reader
    /// module turned into MIME (of its first [`WIDGET_MAX_INPUT`] bytes).
    Item {
        /// The file's name.
        name: String,
        /// Its size in bytes.
        size: usize,
        /// What the reader made of it.
        converted: Result<Converted, MsgError>,
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
            step: 0,
            done: Rc::from([]),
            redact: false,
            memory,
        }
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

fn analyse_capped(bytes: &[u8]) -> Bounce {
    capped(
        analyse(&bytes[..bytes.len().min(WIDGET_MAX_INPUT)]),
        bytes.len(),
    )
}

/// The diagnosis of the first [`WIDGET_MAX_INPUT`] bytes of an input of
/// `total` bytes, saying so when that was not all of it.
fn capped(mut bounce: Bounce, total: usize) -> Bounce {
    if total > WIDGET_MAX_INPUT {
        bounce.limits.push(Limit::InputTooLarge {
            analysed: WIDGET_MAX_INPUT,
            total,
        });
    }
    bounce
}

impl Session {
    /// The session after `action`.
    pub fn apply(&self, action: Action) -> Session {
        let mut next = self.clone();
        match action {
            Action::Input(text) => {
                let bounce = (!text.trim().is_empty()).then(|| analyse_capped(text.as_bytes()));
                next.source = bounce.is_some().then_some(Source::Text);
                next.diagnose(bounce);
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
                next.diagnose(Some(analyse_capped(&bytes)));
            }
            Action::Item {
                name,
                size,
                converted,
            } => {
                next.text = Rc::from("");
                next.text_rev += 1;
                next.source = Some(Source::File { name, size });
                next.diagnose(Some(capped(msg::analyse_converted(converted), size)));
            }
            Action::Clear => {
                next.text = Rc::from("");
                next.text_rev += 1;
                next.source = None;
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
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: Session, action: Action) -> Session {
        state.apply(action)
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
    fn an_item_read_by_the_reader_module_is_diagnosed_as_the_file_would_be() {
        let mime = b"Subject: Undeliverable: lunch\r\nFrom: postmaster@example.com\r\nDate: Mon, 1 Dec 2026 10:00:00 +0000\r\n\r\n550 5.7.750 Client blocked\r\n";
        let size = WIDGET_MAX_INPUT + 1;
        let state = reduce(
            Session::new(Lang::En, Memory::default()),
            Action::Item {
                name: "bounce.msg".into(),
                size,
                converted: Ok(Converted {
                    mime: mime.to_vec(),
                    forwarded: None,
                    problems: Vec::new(),
                }),
            },
        );
        assert_eq!(
            state.source,
            Some(Source::File {
                name: "bounce.msg".into(),
                size
            })
        );
        let bounce = &state.diagnosis.as_ref().unwrap().bounce;
        assert_eq!(bounce.input, crate::Input::OutlookMsg);
        assert_eq!(bounce.status.unwrap().to_string(), "5.7.750");
        assert!(matches!(
            bounce.limits[..],
            [Limit::InputTooLarge {
                analysed: WIDGET_MAX_INPUT,
                total
            }] if total == size
        ));
        let unread = reduce(
            state,
            Action::Item {
                name: "bounce.msg".into(),
                size: 10,
                converted: Err(MsgError::ReaderUnavailable),
            },
        );
        let bounce = &unread.diagnosis.as_ref().unwrap().bounce;
        assert_eq!(
            bounce.limits,
            [Limit::OutlookMsg(MsgError::ReaderUnavailable)]
        );
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
}
