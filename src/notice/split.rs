//! Several reports pasted one after another (a folder's worth copied out of
//! a mail client, a delay notice and the final failure): where each starts.

use super::{head, markers::REPORT_OPENING, own_text_end};
use crate::lines::text_lines;

/// Most reports read from one text.
const MAX_REPORTS: usize = 64;

/// Whether a line opens a report's own text.
fn opens_report(line: &str) -> bool {
    let head = head(line.trim_start());
    REPORT_OPENING
        .iter()
        .any(|opening| head.starts_with(opening))
}

/// The offsets where the reports of `text` start: the first at 0, each
/// next one at the first report opening after the previous report's own
/// text ended (its returned message is never split). Each line is read
/// at most twice, so the cost stays linear.
pub fn report_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut own_end = own_text_end(text);
    while own_end < text.len() && starts.len() < MAX_REPORTS {
        let rest = &text[own_end..];
        let next = text_lines(rest)
            .skip(1)
            .find(|(_, line)| opens_report(line))
            .map(|(at, _)| own_end + at);
        let Some(next) = next else { break };
        starts.push(next);
        own_end = next + own_text_end(&text[next..]).max(1);
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_report_after_the_first_ones_returned_headers() {
        let text = "Delivery has failed to these recipients or groups:\n\na@b.example\n\
            Original message headers:\n\nFrom: x\n\n\
            Delivery is delayed to these recipients or groups:\n\nc@d.example\n";
        let starts = report_starts(text);
        assert_eq!(starts.len(), 2);
        assert!(text[starts[1]..].starts_with("Delivery is delayed"));
    }

    #[test]
    fn one_report_stays_whole() {
        let text = "Your message to a@b.example couldn't be delivered.\nOriginal message headers:\nSubject: your message to a@b.example\n";
        assert_eq!(report_starts(text), [0]);
    }
}
