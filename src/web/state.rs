//! The session as a Yew reducer.

use crate::session::{Action, Session};
use std::rc::Rc;
use yew::Reducible;

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}
