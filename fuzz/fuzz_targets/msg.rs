//! Outlook items on arbitrary bytes: the `.msg` reader directly, then the
//! whole pipeline, both on the bytes as given (the seeds are real items) and
//! with the compound file signature put in front of them, so that every input
//! reaches the reader. Any panic, hang or runaway allocation is a bug.

#![no_main]

use libfuzzer_sys::fuzz_target;
use ndr_explainer::{analyse, msg, report, Lang, MAX_RECIPIENTS};

const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fuzz_target!(|data: &[u8]| {
    let mut signed = SIGNATURE.to_vec();
    signed.extend_from_slice(data.get(8..).unwrap_or_default());
    for input in [data, signed.as_slice()] {
        if let Ok(converted) = msg::to_mime(input) {
            // Streams read are at most twice the file, text grows at most
            // threefold in UTF-8, and each directory entry adds a few headers.
            assert!(converted.mime.len() <= 6 * input.len() + (1 << 20));
        }
        let bounce = analyse(input);
        assert!(bounce.recipients.len() <= MAX_RECIPIENTS);
        if let Some(evidence) = &bounce.evidence {
            assert!(evidence.line.get(evidence.highlight.clone()).is_some());
            if msg::is_compound_file(input) {
                assert_eq!(evidence.input_span, None);
            }
        }
        for lang in Lang::ALL {
            let json = report::to_json(&bounce, lang);
            assert!(json.starts_with('{') && json.ends_with('}'));
            let _ = report::to_text(&bounce, lang);
        }
    }
});
