//! What the cursor is on in a YAML file: a key or a scalar value, and the keys above it.
//!
//! Works on the node tree of [`crate::load::yaml`], so it needs only the one file to be
//! valid YAML, not the whole document to load.

use crate::load::yaml::{Node, NodeKind};
use crate::span::{Span, Spanned};

/// The thing under the cursor.
#[derive(Debug)]
pub enum Target<'a> {
    /// A mapping key.
    Key(&'a Spanned<String>),
    /// A scalar value, with its text.
    Value { text: &'a str, span: Span },
}

/// The thing under the cursor and the keys leading to it from the top of the file
/// (sequence items add nothing). For a key, the path ends with the map holding it.
#[derive(Debug)]
pub struct Place<'a> {
    pub path: Vec<&'a str>,
    pub target: Target<'a>,
}

impl Place<'_> {
    /// The key directly above the target (for a value, its own key).
    pub fn parent_key(&self) -> Option<&str> {
        self.path.last().copied()
    }
}

fn covers(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

/// Finds what is at `offset`. Mapping and sequence nodes carry only where they start, so
/// the entry taken is the last one starting at or before the offset.
pub fn locate(root: &Node, offset: usize) -> Option<Place<'_>> {
    let mut path = Vec::new();
    let mut node = root;
    loop {
        match &node.kind {
            NodeKind::Map(entries) => {
                let (key, value) = entries.iter().rev().find(|(k, _)| k.span.start <= offset)?;
                if covers(key.span, offset) {
                    return Some(Place {
                        path,
                        target: Target::Key(key),
                    });
                }
                path.push(key.value.as_str());
                node = value;
            }
            NodeKind::Seq(items) => {
                node = items.iter().rev().find(|n| n.span.start <= offset)?;
            }
            NodeKind::Scalar { text, .. } => {
                return covers(node.span, offset).then_some(Place {
                    path,
                    target: Target::Value {
                        text: text.as_str(),
                        span: node.span,
                    },
                });
            }
            NodeKind::Null => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::parse;

    const TEXT: &str = "name: 项目\nallow:\n  V104: 理由\nindicators:\n  - level1: 产出指标\n    groups:\n      - level2: 数量指标\n        rows:\n          - level3: 人数\n            value: ≥95人\n";

    fn at(needle: &str) -> usize {
        TEXT.find(needle).unwrap() + 1
    }

    #[test]
    fn finds_values_and_keys() {
        let root = parse(0, TEXT).unwrap();
        let place = locate(&root, at("≥95人")).unwrap();
        assert_eq!(place.path, ["indicators", "groups", "rows", "value"]);
        assert!(matches!(
            place.target,
            Target::Value {
                text: "≥95人", ..
            }
        ));
        let place = locate(&root, at("V104")).unwrap();
        assert_eq!(place.parent_key(), Some("allow"));
        assert!(matches!(place.target, Target::Key(k) if k.value == "V104"));
        let place = locate(&root, at("数量指标")).unwrap();
        assert_eq!(place.parent_key(), Some("level2"));
    }
}
