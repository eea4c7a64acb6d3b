//! The messages a host page and the embedded widget exchange (`postMessage`),
//! version 1. The browser layer reads the fields of an incoming message and
//! hands them here; anything that is not exactly a known command is ignored.
//!
//! Host → widget, each `{ "source": "ndr-explainer-host", "version": 1, "type": …, … }`:
//! - `analyse` with `bounce` (a string): analyse this text;
//! - `set-lang` with `lang` (`"en"` or `"fr"`);
//! - `set-audience` with `audience` (`"sender"` or `"admin"`).
//!
//! Widget → host, each `{ "source": "ndr-explainer", "version": 1, "type": …, … }`:
//! - `ready` once it listens;
//! - `result` with `result`, the diagnosis as [`crate::report::to_json`] gives it
//!   (or `null` after the input is cleared);
//! - `height` with `height`, the content's height in CSS pixels.
//!
//! The `<ndr-explainer>` element takes the same commands as DOM events on
//! itself (`ndr-explainer:command`, the message as `detail`), and answers
//! questions at once (`ndr-explainer:query`, see [`Query`]): the widget
//! writes the answer into the event's `detail.answer` before
//! `dispatchEvent` returns.

use crate::session::Audience;
use crate::{Lang, MAX_INPUT};

/// The protocol version this widget speaks.
pub const VERSION: u32 = 1;
/// `source` of the host's messages.
pub const HOST_SOURCE: &str = "ndr-explainer-host";
/// `source` of the widget's messages.
pub const WIDGET_SOURCE: &str = "ndr-explainer";

/// A command from the host page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Analyse this bounce.
    Analyse(String),
    /// Switch language.
    SetLang(Lang),
    /// Switch audience.
    SetAudience(Audience),
}

/// A question the host page asks the `<ndr-explainer>` element, each
/// `{ "source": "ndr-explainer-host", "version": 1, "type": …, … }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Query {
    /// `diagnose` with `bounce`: the diagnosis of that text (the CLI's
    /// `--json` object), without showing it.
    Diagnose(String),
    /// `share`, with `redact` (a boolean) or without: the texts to insert
    /// into a ticket for the diagnosis shown, the note with personal data
    /// hidden when `redact` is true (without it: as the widget's own switch says).
    Share {
        /// Whether the note hides personal data; `None` follows the widget.
        redact: Option<bool>,
    },
    /// `words`: the interface words of a help-desk app, in the widget's language.
    Words,
}

/// The fields of an incoming message, as read from the JavaScript object.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields {
    /// `source`, if it is a string.
    pub source: Option<String>,
    /// `version`, if it is a number.
    pub version: Option<f64>,
    /// `type`, if it is a string.
    pub kind: Option<String>,
    /// The value the type needs (`bounce`, `lang` or `audience`), if it is a string.
    pub value: Option<String>,
    /// `redact`, if it is a boolean (the `share` question).
    pub redact: Option<bool>,
}

/// The command in a message, or `None` for anything else (wrong source or
/// version, unknown type, missing or invalid value, oversized bounce).
pub fn command(fields: &Fields) -> Option<Command> {
    if !from_host(fields) {
        return None;
    }
    let value = fields.value.as_deref()?;
    match fields.kind.as_deref()? {
        "analyse" if value.len() <= MAX_INPUT => Some(Command::Analyse(value.to_owned())),
        "set-lang" => Lang::from_tag(value)
            .filter(|l| l.tag() == value)
            .map(Command::SetLang),
        "set-audience" => match value {
            "sender" => Some(Command::SetAudience(Audience::Sender)),
            "admin" => Some(Command::SetAudience(Audience::Admin)),
            _ => None,
        },
        _ => None,
    }
}

/// The question in a message, or `None` for anything else (wrong source or
/// version, unknown type, missing or oversized bounce).
pub fn query(fields: &Fields) -> Option<Query> {
    if !from_host(fields) {
        return None;
    }
    match fields.kind.as_deref()? {
        "diagnose" => fields
            .value
            .as_deref()
            .filter(|v| v.len() <= MAX_INPUT)
            .map(|v| Query::Diagnose(v.to_owned())),
        "share" => Some(Query::Share {
            redact: fields.redact,
        }),
        "words" => Some(Query::Words),
        _ => None,
    }
}

fn from_host(fields: &Fields) -> bool {
    fields.source.as_deref() == Some(HOST_SOURCE) && fields.version == Some(f64::from(VERSION))
}

/// The name of the field that carries a command's or a question's value.
pub fn value_field(kind: &str) -> Option<&'static str> {
    match kind {
        "analyse" | "diagnose" => Some("bounce"),
        "set-lang" => Some("lang"),
        "set-audience" => Some("audience"),
        _ => None,
    }
}

/// Whether `origin` may talk to the widget: exactly the configured origin,
/// which must itself be an http(s) origin (never `*` or `null`).
pub fn origin_allowed(configured: Option<&str>, origin: &str) -> bool {
    configured.is_some_and(|c| is_origin(c) && c == origin)
}

/// True for `http(s)://host[:port]` with nothing after.
pub fn is_origin(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.contains(['/', '?', '#', '@', ' ', '*']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(kind: &str, value: &str) -> Fields {
        Fields {
            source: Some(HOST_SOURCE.into()),
            version: Some(1.0),
            kind: Some(kind.into()),
            value: Some(value.into()),
            redact: None,
        }
    }

    #[test]
    fn known_commands() {
        assert_eq!(
            command(&fields("analyse", "550 5.7.705")),
            Some(Command::Analyse("550 5.7.705".into()))
        );
        assert_eq!(
            command(&fields("set-lang", "fr")),
            Some(Command::SetLang(Lang::Fr))
        );
        assert_eq!(
            command(&fields("set-audience", "admin")),
            Some(Command::SetAudience(Audience::Admin))
        );
    }

    #[test]
    fn anything_else_is_ignored() {
        assert_eq!(command(&fields("set-lang", "fr-FR")), None);
        assert_eq!(command(&fields("set-lang", "de")), None);
        assert_eq!(command(&fields("set-audience", "root")), None);
        assert_eq!(command(&fields("eval", "alert(1)")), None);
        assert_eq!(
            command(&Fields {
                version: Some(2.0),
                ..fields("analyse", "x")
            }),
            None
        );
        assert_eq!(
            command(&Fields {
                source: Some("other".into()),
                ..fields("analyse", "x")
            }),
            None
        );
        assert_eq!(
            command(&Fields {
                value: None,
                ..fields("analyse", "x")
            }),
            None
        );
        assert_eq!(command(&Fields::default()), None);
        assert_eq!(
            command(&fields("analyse", &"x".repeat(MAX_INPUT + 1))),
            None
        );
    }

    #[test]
    fn questions() {
        assert_eq!(
            query(&fields("diagnose", "550 5.7.705")),
            Some(Query::Diagnose("550 5.7.705".into()))
        );
        assert_eq!(
            query(&Fields {
                redact: Some(true),
                ..fields("share", "")
            }),
            Some(Query::Share { redact: Some(true) })
        );
        assert_eq!(
            query(&fields("share", "")),
            Some(Query::Share { redact: None })
        );
        assert_eq!(query(&fields("words", "")), Some(Query::Words));
        assert_eq!(query(&fields("analyse", "550 5.7.705")), None);
        assert_eq!(command(&fields("diagnose", "550 5.7.705")), None);
        assert_eq!(
            query(&Fields {
                value: None,
                ..fields("diagnose", "x")
            }),
            None
        );
        assert_eq!(
            query(&Fields {
                version: Some(2.0),
                ..fields("words", "")
            }),
            None
        );
        assert_eq!(query(&fields("diagnose", &"x".repeat(MAX_INPUT + 1))), None);
    }

    #[test]
    fn origins() {
        assert!(origin_allowed(
            Some("https://portal.example"),
            "https://portal.example"
        ));
        assert!(!origin_allowed(
            Some("https://portal.example"),
            "https://evil.example"
        ));
        assert!(!origin_allowed(None, "https://portal.example"));
        assert!(!origin_allowed(Some("*"), "*"));
        assert!(!origin_allowed(Some("null"), "null"));
        assert!(!is_origin("https://portal.example/path"));
        assert!(is_origin("http://127.0.0.1:8080"));
    }
}
