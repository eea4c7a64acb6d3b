//! The words of `ndr-explain scan`'s text output, in English and French.
//!
//! To be moved into `content/{en,fr}/ui.toml` (and so into `catalogue::Ui`):
//! they live here until the content files can take new keys. Each field is
//! named as its `ui.toml` key would be (`scan_` prefix added).

use ndr_explainer::Lang;

/// Every phrase of the scan's text output in one language.
pub struct Words {
    pub files_read: &'static str,
    pub messages: &'static str,
    pub bounces: &'static str,
    pub failures: &'static str,
    pub delays: &'static str,
    pub not_bounces: &'static str,
    pub delivered: &'static str,
    pub other: &'static str,
    pub unreadable_count: &'static str,
    pub no_bounce: &'static str,
    pub column_code: &'static str,
    pub column_count: &'static str,
    pub column_first: &'static str,
    pub column_last: &'static str,
    pub column_senders: &'static str,
    pub column_domains: &'static str,
    pub column_title: &'static str,
    pub no_code: &'static str,
    pub no_date: &'static str,
    /// `{code}` is the status code.
    pub timeline_heading: &'static str,
    pub unreadable_heading: &'static str,
    /// `{mib}` is the size analysed of each message, in MiB.
    pub partial_heading: &'static str,
    /// `{index}` is the message's place in its file (from 0), `{bytes}` its size.
    pub partial_item: &'static str,
    /// Placed after a label, before its value (French puts a space before the colon).
    pub colon: &'static str,
    pub missing: &'static str,
    pub denied: &'static str,
    pub broken_link: &'static str,
    pub link_loop: &'static str,
    pub not_a_file: &'static str,
    /// `{detail}` is the system's own message.
    pub read_error: &'static str,
    /// The progress line's unit.
    pub progress_files: &'static str,
    /// The progress line's speed, after a number.
    pub progress_per_second: &'static str,
    /// `{count}`: how many messages of an mbox have been read.
    pub progress_messages: &'static str,
}

const EN: Words = Words {
    files_read: "Files read",
    messages: "Messages",
    bounces: "Bounces",
    failures: "failures",
    delays: "delays",
    not_bounces: "Not bounces",
    delivered: "delivery reports",
    other: "other messages",
    unreadable_count: "Could not be read",
    no_bounce: "No bounce found.",
    column_code: "Code",
    column_count: "Count",
    column_first: "First",
    column_last: "Last",
    column_senders: "Senders",
    column_domains: "Recipient domains",
    column_title: "Title",
    no_code: "(no code)",
    no_date: "-",
    timeline_heading: "Bounces with {code}, by hour (UTC):",
    unreadable_heading: "Files that could not be read:",
    partial_heading: "Messages read in part (only the first {mib} MiB of each is analysed):",
    partial_item: "message {index}, {bytes} bytes",
    colon: ": ",
    missing: "no such file or folder",
    denied: "permission denied",
    broken_link: "broken symbolic link (its target does not exist)",
    link_loop: "symbolic links that loop back on themselves",
    not_a_file: "not a regular file (a device, socket or pipe)",
    read_error: "read error: {detail}",
    progress_files: "files",
    progress_per_second: "files/s",
    progress_messages: "{count} messages",
};

const FR: Words = Words {
    files_read: "Fichiers lus",
    messages: "Messages",
    bounces: "Messages de non-remise",
    failures: "échecs",
    delays: "retards",
    not_bounces: "Autres messages",
    delivered: "confirmations de remise",
    other: "autres",
    unreadable_count: "Fichiers illisibles",
    no_bounce: "Aucun message de non-remise trouvé.",
    column_code: "Code",
    column_count: "Nombre",
    column_first: "Premier",
    column_last: "Dernier",
    column_senders: "Expéditeurs",
    column_domains: "Domaines destinataires",
    column_title: "Titre",
    no_code: "(sans code)",
    no_date: "-",
    timeline_heading: "Messages de non-remise {code}, heure par heure (UTC) :",
    unreadable_heading: "Fichiers qui n’ont pas pu être lus :",
    partial_heading:
        "Messages lus en partie (seuls les {mib} premiers Mio de chacun sont analysés) :",
    partial_item: "message {index}, {bytes} octets",
    colon: " : ",
    missing: "fichier ou dossier introuvable",
    denied: "accès refusé",
    broken_link: "lien symbolique rompu (sa cible n’existe pas)",
    link_loop: "liens symboliques qui renvoient en boucle les uns aux autres",
    not_a_file: "pas un fichier ordinaire (périphérique, socket ou tube)",
    read_error: "erreur de lecture : {detail}",
    progress_files: "fichiers",
    progress_per_second: "fichiers/s",
    progress_messages: "{count} messages",
};

/// The phrases in `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}
