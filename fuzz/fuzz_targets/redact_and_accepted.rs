//! Redaction and the accepted-domains parser on arbitrary text (the bytes
//! read as lossy UTF-8, as a paste would arrive).

#![no_main]

use libfuzzer_sys::fuzz_target;
use ndr_explainer::{accepted, redact};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = redact::redact(&text);
    let domains = accepted::parse_accepted(&text);
    for domain in &domains {
        assert!(!domain.is_empty());
    }
});
