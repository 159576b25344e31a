//! Indicator values (filled in by the grammar work).
