//! Fuzzes the indicator value parser: it must never panic, spans must fall on character
//! boundaries of the input, the canonical spelling must be a fixed point, and the fast
//! path must give exactly what the grammar alone gives (`parse == parse_with_grammar`).

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
    assert_eq!(
        parsed,
        value::parse_with_grammar(input),
        "fast path and grammar differ on {input:?}"
    );
    let _ = parsed.kind.to_string();
    for problem in &parsed.problems {
        if let Some(span) = &problem.span {
            assert!(input.get(span.clone()).is_some(), "span {span:?} in {input:?}");
        }
    }
    if let Some(canonical) = parsed.canonical() {
        let again = value::parse(canonical);
        assert_eq!(again.canonical(), Some(canonical), "input {input:?}");
        assert_eq!(
            again,
            value::parse_with_grammar(canonical),
            "fast path and grammar differ on {canonical:?}"
        );
    }
});
