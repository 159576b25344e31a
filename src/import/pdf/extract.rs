//! What a PDF page draws, as far as tables are concerned: the glyphs with their Unicode text
//! and position, the ruling lines (stroked segments and thin filled rectangles) and how much
//! of the page images cover.
//!
//! The PDF is interpreted by `hayro-interpret` (already in the dependency tree through
//! typst), which resolves fonts, CID encodings and ToUnicode maps and calls a [`Device`]
//! for every glyph, path and image; this module is that device. Coordinates are in PDF
//! points with the origin at the top-left corner of the page and y growing downwards.
//!
//! This file depends on nothing else in jixiao, so the fuzz target can compile it alone.

use std::io::Read;

use hayro_interpret::font::Glyph as HayroGlyph;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::hayro_syntax::object::{Object, Stream};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask, TransformExt, interpret_page,
};
use kurbo::{Affine, BezPath, PathEl, Point, Rect, Shape};

/// Bounds on what one import reads, so that a hostile or broken file cannot exhaust memory
/// or time. The defaults are far above any real 绩效目标表 publication (the 41-table one is
/// about a megabyte and 51 pages).
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Size of the PDF file in bytes.
    pub max_file_bytes: usize,
    /// Number of pages.
    pub max_pages: usize,
    /// Bytes all compressed streams may decompress to, together.
    pub max_decoded_bytes: u64,
    /// Glyphs on one page.
    pub max_glyphs_per_page: usize,
    /// Path segments on one page.
    pub max_segments_per_page: usize,
    /// Font data used for fonts the PDF names but does not embed (their glyphs still
    /// carry text through the PDF's encoding); without it their text is not seen.
    pub fallback_font: Option<&'static [u8]>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 64 << 20,
            max_pages: 2_000,
            max_decoded_bytes: 1 << 30,
            max_glyphs_per_page: 100_000,
            max_segments_per_page: 200_000,
            fallback_font: None,
        }
    }
}

/// Why a PDF could not be read at all.
#[derive(Clone, Debug, PartialEq)]
pub enum ExtractError {
    /// Larger than [`Limits::max_file_bytes`].
    TooLarge { bytes: usize, limit: usize },
    /// Not a PDF, or damaged beyond what the parser can recover.
    Unreadable,
    /// Encrypted with a password.
    Encrypted,
    /// No pages.
    NoPages,
    /// More pages than [`Limits::max_pages`].
    TooManyPages { pages: usize, limit: usize },
    /// Compressed streams decompress to more than [`Limits::max_decoded_bytes`].
    DecompressionBomb { limit: u64 },
    /// One page draws more than the limits allow.
    PageTooComplex { page: usize },
}

/// One glyph drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// The text the glyph stands for (usually one character; ligatures give several).
    /// `None` when the font has no Unicode mapping for it.
    pub text: Option<String>,
    /// Left and right of the glyph's advance.
    pub x0: f64,
    pub x1: f64,
    /// The baseline.
    pub baseline: f64,
    /// The font size (the em height on the page).
    pub size: f64,
}

impl Glyph {
    /// The glyph's vertical middle, used to decide which cell it is in.
    pub fn center_y(&self) -> f64 {
        self.baseline - 0.35 * self.size
    }

    pub fn center_x(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

/// A horizontal or vertical ruling line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    pub horizontal: bool,
    /// y of a horizontal line, x of a vertical one.
    pub at: f64,
    /// Where it starts and ends along its direction (`from <= to`).
    pub from: f64,
    pub to: f64,
}

/// Everything of interest one page draws.
#[derive(Clone, Debug, Default)]
pub struct PageContent {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    pub segments: Vec<Segment>,
    /// The area images cover (overlaps counted twice), in square points.
    pub image_area: f64,
    /// The device stopped recording because the page drew too much.
    pub overflow: bool,
    /// Whether a wide gap between two glyphs reads as a space: true unless the document
    /// draws its spaces as glyphs (then gaps are only spacing, as between Chinese and
    /// Latin text); [`extract`] sets it for the whole document.
    pub gap_spaces: bool,
}

/// Lines thinner than this (in points) that are filled rectangles count as rulings.
const THIN: f64 = 2.5;
/// A segment counts as horizontal or vertical when it deviates less than this.
const SLANT: f64 = 0.5;

/// Interprets every page of `data`.
pub fn extract(data: &[u8], limits: &Limits) -> Result<Vec<PageContent>, ExtractError> {
    if data.len() > limits.max_file_bytes {
        return Err(ExtractError::TooLarge {
            bytes: data.len(),
            limit: limits.max_file_bytes,
        });
    }
    let pdf = match Pdf::new(data.to_vec()) {
        Ok(pdf) => pdf,
        Err(hayro_interpret::hayro_syntax::LoadPdfError::Decryption(_)) => {
            return Err(ExtractError::Encrypted);
        }
        Err(_) => return Err(ExtractError::Unreadable),
    };
    check_decoded_size(&pdf, limits.max_decoded_bytes)?;
    let pages = pdf.pages();
    if pages.is_empty() {
        return Err(ExtractError::NoPages);
    }
    if pages.len() > limits.max_pages {
        return Err(ExtractError::TooManyPages {
            pages: pages.len(),
            limit: limits.max_pages,
        });
    }
    let cache = InterpreterCache::new();
    let mut settings = InterpreterSettings {
        render_annotations: false,
        ..InterpreterSettings::default()
    };
    if let Some(font) = limits.fallback_font {
        let data: hayro_interpret::font::FontData = std::sync::Arc::new(font);
        settings.font_resolver = std::sync::Arc::new(move |_| Some((data.clone(), 0)));
    }
    let mut out = Vec::with_capacity(pages.len());
    for (i, page) in pages.iter().enumerate() {
        let (width, height) = page.render_dimensions();
        let initial = page.initial_transform(true).to_kurbo();
        let mut context = Context::new(
            initial,
            Rect::new(0.0, 0.0, width as f64, height as f64),
            &cache,
            pdf.xref(),
            settings.clone(),
        );
        let mut device = Recorder {
            page: PageContent {
                width: width as f64,
                height: height as f64,
                ..PageContent::default()
            },
            limits: *limits,
        };
        interpret_page(page, &mut context, &mut device);
        if device.page.overflow {
            return Err(ExtractError::PageTooComplex { page: i + 1 });
        }
        out.push(device.page);
    }
    let spaces = out
        .iter()
        .any(|p| p.glyphs.iter().any(|g| g.text.as_deref() == Some(" ")));
    for p in &mut out {
        p.gap_spaces = !spaces;
    }
    Ok(out)
}

/// Decompresses every Flate stream with a cap before the interpreter does, so that a small
/// file cannot expand to gigabytes (the interpreter itself decodes without a limit).
fn check_decoded_size(pdf: &Pdf, limit: u64) -> Result<(), ExtractError> {
    let mut total: u64 = 0;
    for object in pdf.objects() {
        let Object::Stream(stream) = object else {
            continue;
        };
        total = total.saturating_add(flate_size(&stream, limit.saturating_sub(total) + 1));
        if total > limit {
            return Err(ExtractError::DecompressionBomb { limit });
        }
    }
    Ok(())
}

/// How many bytes a stream's Flate layer decodes to, counting at most `cap`; other
/// filters count their raw size.
fn flate_size(stream: &Stream, cap: u64) -> u64 {
    use hayro_interpret::hayro_syntax::Filter;
    let raw = stream.raw_data();
    if !stream
        .filters()
        .iter()
        .any(|f| matches!(f, Filter::FlateDecode))
    {
        return raw.len() as u64;
    }
    let mut sink = std::io::sink();
    let zlib = std::io::copy(
        &mut flate2::read::ZlibDecoder::new(&raw[..]).take(cap),
        &mut sink,
    );
    match zlib {
        Ok(n) if n > 0 => n,
        _ => std::io::copy(
            &mut flate2::read::DeflateDecoder::new(&raw[..]).take(cap),
            &mut sink,
        )
        .unwrap_or(raw.len() as u64),
    }
}

struct Recorder {
    page: PageContent,
    limits: Limits,
}

impl Recorder {
    fn push_segment(&mut self, a: Point, b: Point) {
        if self.page.segments.len() >= self.limits.max_segments_per_page {
            self.page.overflow = true;
            return;
        }
        if !(a.x.is_finite() && a.y.is_finite() && b.x.is_finite() && b.y.is_finite()) {
            return;
        }
        let (dx, dy) = ((b.x - a.x).abs(), (b.y - a.y).abs());
        if dy <= SLANT && dx > SLANT {
            self.page.segments.push(Segment {
                horizontal: true,
                at: (a.y + b.y) / 2.0,
                from: a.x.min(b.x),
                to: a.x.max(b.x),
            });
        } else if dx <= SLANT && dy > SLANT {
            self.page.segments.push(Segment {
                horizontal: false,
                at: (a.x + b.x) / 2.0,
                from: a.y.min(b.y),
                to: a.y.max(b.y),
            });
        }
    }

    fn stroke(&mut self, path: &BezPath, transform: Affine) {
        let mut start: Option<Point> = None;
        let mut last: Option<Point> = None;
        for el in path.elements() {
            match *el {
                PathEl::MoveTo(p) => {
                    let p = transform * p;
                    start = Some(p);
                    last = Some(p);
                }
                PathEl::LineTo(p) => {
                    let p = transform * p;
                    if let Some(l) = last {
                        self.push_segment(l, p);
                    }
                    last = Some(p);
                }
                PathEl::QuadTo(_, p) | PathEl::CurveTo(_, _, p) => last = Some(transform * p),
                PathEl::ClosePath => {
                    if let (Some(l), Some(s)) = (last, start) {
                        self.push_segment(l, s);
                    }
                    last = start;
                }
            }
        }
    }

    /// A filled path: thin axis-aligned rectangles are rulings (Word and LibreOffice often
    /// draw cell borders that way); anything else is decoration.
    fn fill(&mut self, path: &BezPath, transform: Affine) {
        // Each subpath separately: one path may hold all the borders of a table.
        let mut current = BezPath::new();
        for el in path.elements() {
            if matches!(el, PathEl::MoveTo(_)) && !current.elements().is_empty() {
                self.fill_one(&current, transform);
                current = BezPath::new();
            }
            current.push(*el);
        }
        if !current.elements().is_empty() {
            self.fill_one(&current, transform);
        }
    }

    fn fill_one(&mut self, path: &BezPath, transform: Affine) {
        let points: Vec<Point> = path
            .elements()
            .iter()
            .filter_map(|el| match *el {
                PathEl::MoveTo(p) | PathEl::LineTo(p) => Some(transform * p),
                PathEl::QuadTo(..) | PathEl::CurveTo(..) => Some(Point::new(f64::NAN, 0.0)),
                PathEl::ClosePath => None,
            })
            .collect();
        if points.len() < 4 || points.len() > 5 || points.iter().any(|p| !p.x.is_finite()) {
            return;
        }
        // Axis-aligned: every edge is horizontal or vertical.
        let aligned = points
            .windows(2)
            .all(|w| (w[0].x - w[1].x).abs() <= SLANT || (w[0].y - w[1].y).abs() <= SLANT);
        if !aligned {
            return;
        }
        let bbox = (transform * path.clone()).bounding_box();
        let (w, h) = (bbox.width(), bbox.height());
        if h <= THIN && w > h * 3.0 {
            let y = (bbox.y0 + bbox.y1) / 2.0;
            self.push_segment(Point::new(bbox.x0, y), Point::new(bbox.x1, y));
        } else if w <= THIN && h > w * 3.0 {
            let x = (bbox.x0 + bbox.x1) / 2.0;
            self.push_segment(Point::new(x, bbox.y0), Point::new(x, bbox.y1));
        }
    }
}

/// Whether a paint is (nearly) white: white shapes on white paper draw nothing visible.
fn is_white(paint: &Paint<'_>) -> bool {
    match paint {
        Paint::Color(c) => {
            let [r, g, b, a] = c.to_rgba().to_rgba8();
            a < 16 || (r > 240 && g > 240 && b > 240)
        }
        Paint::Pattern(_) => false,
    }
}

impl<'a> Device<'a> for Recorder {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}

    fn set_blend_mode(&mut self, _: BlendMode) {}

    fn draw_path(
        &mut self,
        path: &BezPath,
        transform: Affine,
        paint: &Paint<'a>,
        draw_mode: &PathDrawMode,
    ) {
        if is_white(paint) {
            return;
        }
        match draw_mode {
            PathDrawMode::Stroke(props) => {
                // A very thick stroke is a bar, not a ruling; keep it anyway (it separates
                // cells just the same) unless it is absurd.
                let width = props.line_width as f64 * transform.determinant().abs().sqrt();
                if width <= 20.0 {
                    self.stroke(path, transform);
                }
            }
            PathDrawMode::Fill(_) => self.fill(path, transform),
        }
    }

    fn push_clip_path(&mut self, _: &ClipPath) {}

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    fn draw_glyph(
        &mut self,
        glyph: &HayroGlyph<'a>,
        transform: Affine,
        glyph_transform: Affine,
        _: &Paint<'a>,
        _: &GlyphDrawMode,
    ) {
        if self.page.glyphs.len() >= self.limits.max_glyphs_per_page {
            self.page.overflow = true;
            return;
        }
        let m = transform * glyph_transform;
        let advance = match glyph {
            HayroGlyph::Outline(g) => g.advance_width().map(f64::from),
            HayroGlyph::Type3(_) => None,
        };
        let origin = m * Point::ORIGIN;
        let size = (m * Point::new(0.0, 1000.0) - origin).hypot();
        let end = m * Point::new(advance.unwrap_or(500.0), 0.0);
        if !(size.is_finite() && origin.x.is_finite() && origin.y.is_finite() && end.x.is_finite())
            || size <= 0.0
        {
            return;
        }
        let text = glyph.as_unicode().map(|u| match u {
            BfString::Char(c) => c.to_string(),
            BfString::String(s) => s,
        });
        self.page.glyphs.push(Glyph {
            text,
            x0: origin.x.min(end.x),
            x1: origin.x.max(end.x),
            baseline: origin.y,
            size,
        });
    }

    fn draw_image(&mut self, _: Image<'a, '_>, transform: Affine) {
        let area = transform.determinant().abs();
        if area.is_finite() {
            self.page.image_area += area;
        }
    }

    fn pop_clip_path(&mut self) {}

    fn pop_transparency_group(&mut self) {}
}
