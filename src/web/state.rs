//! The widget's state and its transitions: pure, so they are easy to follow.

use crate::{analyse, Bounce, Lang};
use std::rc::Rc;
use yew::Reducible;

/// Everything the widget shows is derived from this.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The interface language.
    pub lang: Lang,
    /// The diagnosis of the current input, if any input was given.
    pub bounce: Option<Rc<Bounce>>,
}

/// What can happen to the state.
pub enum Action {
    /// The user changed the text; it is analysed at once.
    Input(String),
    /// The user chose a language.
    SetLang(Lang),
}

impl State {
    /// The state at start-up.
    pub fn new(lang: Lang) -> State {
        State { lang, bounce: None }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Input(text) if text.trim().is_empty() => next.bounce = None,
            Action::Input(text) => next.bounce = Some(Rc::new(analyse(text.as_bytes()))),
            Action::SetLang(lang) => next.lang = lang,
        }
        Rc::new(next)
    }
}
