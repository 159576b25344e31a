//! A document's laid-out pages, kept for the volume (汇编).
//!
//! A tree build lays each document out once. Its PDF is exported from that layout, and
//! the body pages (after its own cover and contents) are kept here, stripped of what
//! belongs to that one compile: the footer (the volume numbers its pages itself), the
//! introspection tags and internal links (their locations mean nothing in another
//! compile). The volume's own compile lays out only a cover, a table of contents and one
//! blank page with a footer per kept page, then lays each kept page over its blank one
//! ([`crate::render::pdf::volume`]).

use typst::foundations::{NativeElement, StyleChain};
use typst::introspection::Introspector;
use typst::layout::{Abs, Frame, FrameItem, GroupItem, Point};
use typst::model::{Destination, HeadingElem};
use typst_layout::PagedDocument;

/// The body pages of one document and its headings.
#[derive(Debug)]
pub struct Part {
    /// Each kept page's content area and where it sits on the page.
    pub pages: Vec<(Point, Frame)>,
    /// The document's bookmarked headings, in reading order.
    pub headings: Vec<PartHeading>,
}

/// One heading of a kept page.
#[derive(Clone, Debug)]
pub struct PartHeading {
    /// Its level in the document (1 = top).
    pub level: usize,
    pub text: String,
    /// 0-based index into [`Part::pages`].
    pub page: usize,
    /// Distance from the top of the page's content area, in points.
    pub y: f64,
    /// Whether it heads a table (it has a label: a project or 自评 table's anchor); the
    /// volume's contents list exactly these.
    pub table: bool,
}

impl Part {
    /// Keeps the body of a laid-out document: its pages from the one holding the first
    /// bookmarked heading (a booklet's cover and contents come before it) to the end.
    pub fn of(document: &PagedDocument) -> Part {
        let introspector = document.introspector();
        let mut found = Vec::new();
        for elem in introspector.query(&HeadingElem::ELEM.select()) {
            let Some(heading) = elem.to_packed::<HeadingElem>() else {
                continue;
            };
            let bookmarked = heading
                .bookmarked
                .get(StyleChain::default())
                .unwrap_or_else(|| heading.outlined.get(StyleChain::default()));
            let Some(position) = elem.location().and_then(|l| introspector.position(l)) else {
                continue;
            };
            if !bookmarked {
                continue;
            }
            found.push((
                heading.resolve_level(StyleChain::default()).get(),
                heading.body.plain_text().to_string(),
                position.page.get() - 1,
                position.point,
                elem.label().is_some(),
            ));
        }
        let first = found.first().map_or(0, |f| f.2);
        let pages: Vec<(Point, Frame)> = document.pages()[first..]
            .iter()
            .map(|page| content_area(&page.frame))
            .collect();
        let headings = found
            .into_iter()
            .map(|(level, text, page, point, table)| {
                let top = pages.get(page - first).map_or(Point::zero(), |p| p.0);
                PartHeading {
                    level,
                    text,
                    page: page - first,
                    y: (point.y - top.y).to_pt().max(0.0),
                    table,
                }
            })
            .collect();
        Part { pages, headings }
    }
}

/// A page without its footer, stripped. Typst puts the footer last, in the bottom margin,
/// either as a group or inlined (a small frame is merged into its parent), so the footer
/// is whatever the page frame holds at or below the top of the bottom margin; the content
/// area's items and group lie above it.
fn content_area(page: &Frame) -> (Point, Frame) {
    let footer_top = page.height() - Abs::cm(BOTTOM_MARGIN_CM);
    let mut out = Frame::new(page.size(), page.kind());
    for (pos, item) in page.items() {
        if pos.y >= footer_top {
            continue;
        }
        if let Some(kept) = stripped(item) {
            out.push(*pos, kept);
        }
    }
    (Point::zero(), out)
}

/// The page's bottom margin in our templates (`style.typ`: `bottom: 2.4cm`).
const BOTTOM_MARGIN_CM: f64 = 2.4;

/// The frame without introspection tags, internal links and logical parents.
fn strip(frame: &Frame) -> Frame {
    let mut out = Frame::new(frame.size(), frame.kind());
    if frame.has_baseline() {
        out.set_baseline(frame.baseline());
    }
    for (pos, item) in frame.items() {
        if let Some(kept) = stripped(item) {
            out.push(*pos, kept);
        }
    }
    out
}

/// One item as the volume keeps it, if at all.
fn stripped(item: &FrameItem) -> Option<FrameItem> {
    Some(match item {
        FrameItem::Tag(_) => return None,
        FrameItem::Link(Destination::Url(_), _) => item.clone(),
        FrameItem::Link(..) => return None,
        FrameItem::Group(group) => FrameItem::Group(GroupItem {
            frame: strip(&group.frame),
            transform: group.transform,
            clip: group.clip.clone(),
            label: None,
            parent: None,
        }),
        other => other.clone(),
    })
}
