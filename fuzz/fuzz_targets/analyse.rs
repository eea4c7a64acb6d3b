//! The whole pipeline on arbitrary bytes: `analyse`, the JSON and text
//! reports in every language, and the bounce's trip through the string the
//! widget's reader module hands over (`wire`), which must bring it back
//! whole; the decoder also reads the raw bytes. Any panic, hang or runaway
//! allocation is a bug.

#![no_main]

use libfuzzer_sys::fuzz_target;
use ndr_explainer::{analyse, report, wire, Lang, MAX_RECIPIENTS};

fuzz_target!(|data: &[u8]| {
    let bounce = analyse(data);
    assert!(bounce.recipients.len() <= MAX_RECIPIENTS);
    if let Some(evidence) = &bounce.evidence {
        assert!(evidence.highlight.start <= evidence.highlight.end);
        assert!(evidence.line.get(evidence.highlight.clone()).is_some());
        if let Some(span) = &evidence.input_span {
            assert_eq!(data.get(span.clone()), Some(evidence.line.as_bytes()));
        }
    }
    assert_eq!(wire::decode(&wire::encode(&bounce)).as_ref(), Some(&bounce));
    let _ = wire::decode(&String::from_utf8_lossy(data));
    for lang in Lang::ALL {
        let json = report::to_json(&bounce, lang);
        assert!(json.starts_with('{') && json.ends_with('}'));
        let _ = report::to_text(&bounce, lang);
    }
});
