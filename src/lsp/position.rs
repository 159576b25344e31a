//! Byte offsets (how spans count) ↔ LSP positions (line and UTF-16 code unit, how
//! editors count). A Chinese character is three bytes but one UTF-16 unit; a character
//! outside the Basic Multilingual Plane (some rare 汉字, emoji) is four bytes and two units.

use lsp_types::{Position, Range};

/// The start of every line of one text, for converting in both directions.
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// The position of a byte offset (clamped to the text and to a character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let character: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(line as u32, character as u32)
    }

    /// The range of a byte span.
    pub fn range(&self, text: &str, start: usize, end: usize) -> Range {
        Range::new(
            self.position(text, start),
            self.position(text, end.max(start)),
        )
    }

    /// The byte offset of a position; a line past the end gives the text's end, a
    /// character past the line's end gives the line's end, and a position inside a
    /// surrogate pair gives the start of its character.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.line_starts.get(position.line as usize) else {
            return text.len();
        };
        let line = &text[start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut units = 0usize;
        for (i, c) in line.char_indices() {
            if units + c.len_utf16() > position.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + line.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_one_unit_per_character() {
        let text = "name: 消费券\nvalue: ≤41.66万\n";
        let index = LineIndex::new(text);
        let at = text.find("万").unwrap();
        assert_eq!(index.position(text, at), Position::new(1, 13));
        assert_eq!(index.offset(text, Position::new(1, 13)), at);
        let end = text.find("券").unwrap() + "券".len();
        assert_eq!(index.position(text, end), Position::new(0, 9));
    }

    #[test]
    fn astral_characters_count_two_units() {
        let text = "a: 𠀀b\n";
        let index = LineIndex::new(text);
        let b = text.find('b').unwrap();
        assert_eq!(index.position(text, b), Position::new(0, 5));
        assert_eq!(index.offset(text, Position::new(0, 5)), b);
        // Inside the surrogate pair: the character's start.
        assert_eq!(index.offset(text, Position::new(0, 4)), 3);
    }

    #[test]
    fn positions_past_the_end_clamp() {
        let text = "ab\r\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(0, 10)), 2);
        assert_eq!(index.offset(text, Position::new(5, 0)), text.len());
        assert_eq!(index.position(text, 99), Position::new(1, 2));
    }
}
