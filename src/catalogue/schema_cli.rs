//! The words of the command-line tool only (`content/<lang>/cli.toml`):
//! compiled into the CLI, never into the widget. Part of the content schema.

use super::Form;

/// Every text of the command-line tool, by key, with its form.
pub const CLI: &[(&str, Form)] = &[
    ("scan_files_read", Form::Prose),
    ("scan_messages", Form::Prose),
    ("scan_bounces", Form::Prose),
    ("scan_failures", Form::Prose),
    ("scan_delays", Form::Prose),
    ("scan_not_bounces", Form::Prose),
    ("scan_delivered", Form::Prose),
    ("scan_other", Form::Prose),
    ("scan_unreadable_count", Form::Prose),
    ("scan_no_bounce", Form::Prose),
    ("scan_column_code", Form::Prose),
    ("scan_column_count", Form::Prose),
    ("scan_column_first", Form::Prose),
    ("scan_column_last", Form::Prose),
    ("scan_column_senders", Form::Prose),
    ("scan_column_domains", Form::Prose),
    ("scan_column_title", Form::Prose),
    ("scan_no_code", Form::Prose),
    ("scan_no_date", Form::Prose),
    ("scan_timeline_heading", Form::Template(&["code"])),
    ("scan_unreadable_heading", Form::Prose),
    ("scan_partial_heading", Form::Template(&["mib"])),
    ("scan_partial_item", Form::Template(&["index", "bytes"])),
    ("scan_missing", Form::Prose),
    ("scan_denied", Form::Prose),
    ("scan_broken_link", Form::Prose),
    ("scan_link_loop", Form::Prose),
    ("scan_not_a_file", Form::Prose),
    ("scan_read_error", Form::Template(&["detail"])),
    ("scan_progress_files", Form::Prose),
    ("scan_progress_per_second", Form::Prose),
    ("scan_progress_messages", Form::Template(&["count"])),
];
