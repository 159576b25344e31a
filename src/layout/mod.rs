//! Layouts shared by a backend and the importer that reads its output back: the words
//! that mark where things are, with no rendering or parsing of their own.

pub mod docx;
pub mod xlsx;
