//! Fuzzes the indicator value parser: it must never panic, spans must fall on character
//! boundaries of the input, and the canonical spelling must be a fixed point.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../src/value/mod.rs"]
mod value;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = value::parse(input);
    let _ = parsed.kind.to_string();
    for problem in &parsed.problems {
        if let Some(span) = &problem.span {
            assert!(input.get(span.clone()).is_some(), "span {span:?} in {input:?}");
        }
    }
    if let Some(canonical) = parsed.canonical() {
        let again = value::parse(canonical);
        assert_eq!(again.canonical(), Some(canonical), "input {input:?}");
    }
});
