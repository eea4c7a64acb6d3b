//! The shape of `content/`, declared once: every field of an entry, every
//! list, every interface text and the placeholders of every template.
//!
//! `build.rs` reads the content files against these tables, stops the build
//! on any mismatch (naming the file, the key and the language), and generates
//! from them the typed texts the crate uses: one struct field per text, one
//! function per template, one reader for the per-language books. This file is
//! plain data with no dependency, so that `build.rs` can include it with
//! `#[path]`; its hash is written into every book, and a book of another
//! schema is refused.

/// How a text is written, and so how it is checked and typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Prose a person reads: never empty; French typography applies.
    Prose,
    /// Prose with these `{placeholders}`, filled by a generated function.
    Template(&'static [&'static str]),
    /// An `https://` address.
    Url,
    /// PowerShell to copy: optional, kept exactly as written, and never
    /// a destructive command outside a comment.
    Shell,
}

/// One text field: its key in the TOML files, its Rust name, its form and
/// the doc line of the generated field.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The key in the content file.
    pub key: &'static str,
    /// The generated field's name (a key may be a Rust keyword).
    pub ident: &'static str,
    /// How it is written.
    pub form: Form,
    /// The generated field's doc line.
    pub doc: &'static str,
}

const fn field(key: &'static str, form: Form, doc: &'static str) -> Field {
    Field {
        key,
        ident: key,
        form,
        doc,
    }
}

const fn prose(key: &'static str, doc: &'static str) -> Field {
    field(key, Form::Prose, doc)
}

/// The placeholders of an entry's message to the admin.
pub const ADMIN_MESSAGE_VALUES: &[&str] = &["code", "date", "recipients", "server", "reply"];

/// The text fields of an entry file (`content/<lang>/<code>.toml`), in book order.
pub const ENTRY: &[Field] = &[
    prose("title", "A short plain title."),
    prose("meaning", "One sentence: what the code means."),
    prose("what_happened", "What happened, in plain words."),
    prose("why", "The usual causes."),
    prose("affected", "Who is affected."),
    prose("waiting", "Whether waiting or sending again helps."),
    prose("admin_summary", "What the admin should do, in short."),
    field(
        "admin_message",
        Form::Template(ADMIN_MESSAGE_VALUES),
        "A ready-to-send message to the admin, filled from the bounce.",
    ),
    prose("source_title", "The article the entry rests on."),
    field("source_url", Form::Url, "Its address."),
];

/// What the items of a list are.
#[derive(Clone, Copy, Debug)]
pub enum Item {
    /// Each item is one text.
    Text(Form),
    /// Each item is a table with these fields; the generated struct has this name.
    Table(&'static str, &'static [Field]),
}

/// A list in an entry file: an array of texts, or an array of tables.
#[derive(Clone, Copy, Debug)]
pub struct List {
    /// The key in the content file (`[[step]]` tables are the list `step`).
    pub key: &'static str,
    /// The generated field's name.
    pub ident: &'static str,
    /// What each item is.
    pub item: Item,
    /// Fewest items (a walkthrough's steps are required only where
    /// `codes.toml` says `walkthrough = true`).
    pub min: usize,
    /// Most items.
    pub max: usize,
    /// Whether both languages must have the same number of items.
    pub same_count: bool,
    /// The generated field's doc line.
    pub doc: &'static str,
}

/// One step of an admin walkthrough.
pub const STEP: &[Field] = &[
    prose(
        "title",
        "A short title of the step (the support summary lists steps by it).",
    ),
    prose("goal", "What the step achieves, and how."),
    Field {
        key: "where",
        ident: "place",
        form: Form::Prose,
        doc: "Where to do it: the admin center path, as the product names it.",
    },
    field("powershell", Form::Shell, "PowerShell that helps, if any."),
    prose("check", "How to know it is done."),
    prose("avoid", "What to avoid."),
];

/// One page to read further.
pub const LINK: &[Field] = &[
    prose("title", "The page's title."),
    field(
        "url",
        Form::Url,
        "Its address, in the reader's language where it exists.",
    ),
];

/// Most steps in a walkthrough, and most items in any list.
pub const MAX_LIST: usize = 64;

/// The lists of an entry file, in book order after [`ENTRY`].
pub const LISTS: &[List] = &[
    List {
        key: "sender_steps",
        ident: "sender_steps",
        item: Item::Text(Form::Prose),
        min: 1,
        max: 12,
        same_count: false,
        doc: "What the person who got the bounce should do now.",
    },
    List {
        key: "step",
        ident: "steps",
        item: Item::Table("Step", STEP),
        min: 0,
        max: MAX_LIST,
        same_count: true,
        doc: "The admin walkthrough, in order.",
    },
    List {
        key: "see_also",
        ident: "see_also",
        item: Item::Table("Link", LINK),
        min: 1,
        max: 4,
        same_count: false,
        doc: "Microsoft's pages about the code, in the reader's language where they exist.",
    },
];

/// A word of `codes.toml`, the enum variant it stands for, and its doc line.
pub type Choice = (&'static str, &'static str, &'static str);

/// Who can act on a failure, as `codes.toml` names them (`fixed_by`).
pub const ACTORS: &[Choice] = &[
    ("sender", "Sender", "The person whose message bounced."),
    ("admin", "Admin", "The sending organisation's mail admin."),
    (
        "recipient_admin",
        "RecipientAdmin",
        "The recipient organisation's mail admin.",
    ),
    (
        "microsoft_support",
        "MicrosoftSupport",
        "Microsoft support, asked by the admin.",
    ),
];

/// How far a failure reaches (`scope`).
pub const SCOPES: &[Choice] = &[
    (
        "organisation",
        "Organisation",
        "Every sender of the organisation (tenant) is blocked.",
    ),
    ("account", "Account", "One sending account."),
    (
        "sending-server",
        "SendingServer",
        "The server or device that sends, or its connection.",
    ),
    (
        "recipient",
        "Recipient",
        "One recipient or the recipient's organisation.",
    ),
    ("message", "Message", "This message only."),
];

/// Where on the mail path a message was refused (`stage`).
pub const STAGES: &[Choice] = &[
    (
        "connector",
        "Connector",
        "At the connector between an on-premises server or device and Exchange Online.",
    ),
    (
        "exchange-online",
        "ExchangeOnline",
        "By Exchange Online itself, before the message left the organisation.",
    ),
    ("recipient", "Recipient", "By the recipient's mail system."),
];

/// The enums of `codes.toml`'s words: name, doc line, variants.
pub const ENUMS: &[(&str, &str, &[Choice])] = &[
    ("Actor", "Who must act to clear a failure.", ACTORS),
    ("Scope", "How far a failure reaches.", SCOPES),
    (
        "Stage",
        "Where on the mail path a message was refused.",
        STAGES,
    ),
];

/// How a language-neutral fact of `codes.toml` is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    /// A status code, a range `c.s.low-high` or a family `c.s.Nxx`.
    Pattern,
    /// One of these names, mapped to the variants of this enum; optional.
    Choice(&'static str, &'static [Choice]),
    /// Like `Choice`, but required.
    Required(&'static str, &'static [Choice]),
    /// A list of these names, in order (may be empty).
    Choices(&'static str, &'static [Choice]),
    /// `true` or `false`, required.
    Bool,
    /// `true` or `false`; absent means `false`.
    Flag,
    /// A date `YYYY-MM-DD`.
    Date,
    /// A number of hours, optional.
    Hours,
}

/// One fact of a `[[code]]` row of `codes.toml`.
#[derive(Clone, Copy, Debug)]
pub struct Meta {
    /// The key in `codes.toml`.
    pub key: &'static str,
    /// How it is written.
    pub fact: Fact,
    /// The generated field's doc line.
    pub doc: &'static str,
}

/// The facts of a catalogue entry, in `codes.toml`.
pub const META: &[Meta] = &[
    Meta {
        key: "code",
        fact: Fact::Pattern,
        doc:
            "An exact code (`5.7.705`), a documented range (`5.7.700-749`) or a family (`5.7.7xx`).",
    },
    Meta {
        key: "scope",
        fact: Fact::Required("Scope", SCOPES),
        doc: "How far the failure reaches.",
    },
    Meta {
        key: "stage",
        fact: Fact::Choice("Stage", STAGES),
        doc: "Where the message was refused, when that does not depend on who sent the code.",
    },
    Meta {
        key: "walkthrough",
        fact: Fact::Bool,
        doc: "Whether the entry carries an admin walkthrough.",
    },
    Meta {
        key: "fixed_by",
        fact: Fact::Choices("Actor", ACTORS),
        doc: "Who must act, in order; empty when nobody needs to.",
    },
    Meta {
        key: "clears_by_itself",
        fact: Fact::Bool,
        doc: "Whether the failure goes away without anyone acting.",
    },
    Meta {
        key: "clears_within_hours",
        fact: Fact::Hours,
        doc: "The usual delay before it clears by itself, when known.",
    },
    Meta {
        key: "accepted_domain_check",
        fact: Fact::Flag,
        doc: "Whether the admin view offers the accepted-domain check.",
    },
    Meta {
        key: "checked",
        fact: Fact::Date,
        doc: "When the entry's facts were last checked against its source (YYYY-MM-DD).",
    },
];

/// RFC 3463's file: the classes and subjects it explains, each with a
/// `title` and a `meaning`, and its top-level texts.
pub const RFC3463_CLASSES: &[&str] = &["2", "4", "5"];
/// See [`RFC3463_CLASSES`].
pub const RFC3463_SUBJECTS: &[&str] = &["0", "1", "2", "3", "4", "5", "6", "7"];
/// The top-level texts of `rfc3463.toml`.
pub const RFC3463: &[Field] = &[
    prose(
        "unknown_detail",
        "What to say when the detail number has no entry.",
    ),
    prose("source_title", "The RFC's title."),
    field("source_url", Form::Url, "The RFC's address."),
];

#[path = "schema_cli.rs"]
mod cli;
#[path = "schema_ui.rs"]
mod ui;
/// The command-line tool's own words (`content/<lang>/cli.toml`), declared in `schema_cli.rs`.
#[allow(unused_imports)]
pub use cli::CLI;
#[allow(unused_imports)]
/// The interface's words (`content/<lang>/ui.toml`), declared in `schema_ui.rs`.
pub use ui::UI;
