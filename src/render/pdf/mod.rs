//! PDF output through the typst compiler linked into jixiao.
//!
//! The steps of one render:
//! 1. resolve the options: PDF standards and the document date (never the clock);
//! 2. check that every character of the document has a glyph ([`fonts`]);
//! 3. serialize the template data ([`data`]) and compile the templates ([`templates`])
//!    in a [`world::PdfWorld`] that serves only them, the data and the fonts;
//! 4. export the laid-out pages with `typst-pdf`.

pub mod data;
pub mod fonts;
pub mod part;
pub mod templates;
pub mod volume;
pub mod world;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use typst::World;
use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, Smart};
use typst::{WorldExt, syntax::DiagSpan};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::{RenderContext, Renderer};
use crate::check::rules::{self, Rule};
use crate::diag::Diagnostic;
use data::{Meta, TemplateData};
use fonts::FontSet;
use world::PdfWorld;

/// The `pdf` format.
pub struct PdfRenderer;

/// Where the time of one render went; the benchmark reports these.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    /// Options, fonts, coverage check and data serialization.
    pub prepare: Duration,
    /// typst: evaluation and layout.
    pub compile: Duration,
    /// typst-pdf: writing the PDF bytes.
    pub export: Duration,
}

impl Renderer for PdfRenderer {
    fn render(&self, cx: &RenderContext) -> Result<Vec<u8>, Vec<Diagnostic>> {
        self.render_timed(cx).map(|(bytes, _)| bytes)
    }
}

impl PdfRenderer {
    /// Renders the document and reports where the time went.
    pub fn render_timed(&self, cx: &RenderContext) -> Result<(Vec<u8>, Timings), Vec<Diagnostic>> {
        let (laid_out, mut timings) = self.lay_out(cx)?;
        let started = Instant::now();
        let bytes = laid_out.export()?;
        timings.export = started.elapsed();
        Ok((bytes, timings))
    }

    /// Lays the document out once for a tree build that also publishes a volume: its PDF
    /// (unless `export` is false: its file is current) and its pages for the volume.
    pub fn render_with_part(
        &self,
        cx: &RenderContext,
        export: bool,
    ) -> Result<(Option<Vec<u8>>, part::Part), Vec<Diagnostic>> {
        let (laid_out, _) = self.lay_out(cx)?;
        let bytes = export.then(|| laid_out.export()).transpose()?;
        Ok((bytes, part::Part::of(&laid_out.document)))
    }

    /// Options, fonts, data and the typst compile: everything before the export.
    fn lay_out(&self, cx: &RenderContext) -> Result<(LaidOut, Timings), Vec<Diagnostic>> {
        let started = Instant::now();
        let (standards, archival) = parse_standards(cx.options.pdf_standard.as_deref())?;
        let date = document_date(cx)?;
        require_date(archival, date, "文档没有日期")?;
        // System fonts join when a user template may name them, or when the embedded and
        // `--font-path` fonts leave characters without a glyph.
        let overridden = world::override_dir(cx.root).is_some();
        let mut fonts = FontSet::get(&cx.options.font_paths, overridden);
        let mut missing = fonts.check_coverage(cx.document);
        if !missing.is_empty() && !overridden {
            fonts = FontSet::get(&cx.options.font_paths, true);
            missing = fonts.check_coverage(cx.document);
        }
        if !missing.is_empty() {
            return Err(missing);
        }
        let data = TemplateData {
            meta: Meta::new(cx.view, date.map(|d| d.ymd)),
            document: cx.view,
        };
        let json = serde_json::to_vec(&data).map_err(|e| {
            vec![Diagnostic::of(
                &rules::P002,
                format!("无法生成模板数据：{e}"),
            )]
        })?;
        let today = date.map(|d| d.datetime);
        let world = PdfWorld::new(json, cx.root, fonts, today);
        let prepared = Instant::now();

        let layout = InProgress::document();
        LAID_OUT.fetch_add(1, Ordering::SeqCst);
        let compiled = typst::compile::<PagedDocument>(&world).output;
        let compiled_at = Instant::now();
        evict_after_document(layout);
        let document = compiled.map_err(|errors| template_errors(&world, &errors))?;
        let options = export_options(today, standards);
        Ok((
            LaidOut {
                world,
                document,
                options,
            },
            Timings {
                prepare: prepared - started,
                compile: compiled_at - prepared,
                export: Duration::ZERO,
            },
        ))
    }
}

/// A document laid out, ready to export.
struct LaidOut {
    world: PdfWorld,
    document: PagedDocument,
    options: PdfOptions,
}

impl LaidOut {
    fn export(&self) -> Result<Vec<u8>, Vec<Diagnostic>> {
        typst_pdf::pdf(&self.document, &self.options)
            .map_err(|errors| export_errors(&self.world, &errors))
    }
}

/// Documents laid out by this process so far (the volume's tests count them).
static LAID_OUT: AtomicUsize = AtomicUsize::new(0);

/// How many documents this process has laid out (typst compiles of `main.typ`).
pub fn documents_laid_out() -> usize {
    LAID_OUT.load(Ordering::SeqCst)
}

/// Layouts in progress right now on the threads of a tree build: (documents, volumes).
static IN_PROGRESS: [AtomicUsize; 2] = [AtomicUsize::new(0), AtomicUsize::new(0)];

/// When other layouts run beside a finished document, its memoized results are freed only
/// once they are this many evictions old, so the others keep what their next layout pass
/// reuses (typst lays out a document several times until page references settle).
const AGE_BESIDE_OTHERS: usize = 4;

/// Counts one layout as in progress until dropped.
struct InProgress(usize);

impl InProgress {
    fn document() -> Self {
        IN_PROGRESS[0].fetch_add(1, Ordering::SeqCst);
        InProgress(0)
    }

    fn volume() -> Self {
        IN_PROGRESS[1].fetch_add(1, Ordering::SeqCst);
        InProgress(1)
    }
}

impl Drop for InProgress {
    fn drop(&mut self) {
        IN_PROGRESS[self.0].fetch_sub(1, Ordering::SeqCst);
    }
}

/// Frees typst's memoized results after a document's layout (they are no use to its
/// export nor to the next document; freeing them lowers the peak memory of a large
/// document by a third). The memo cache is global, so what is freed depends on what else
/// is laid out meanwhile: nothing while a volume is, whose first pass over thousands of
/// tables outlasts many documents; only older results while other documents are.
fn evict_after_document(layout: InProgress) {
    drop(layout);
    let documents = IN_PROGRESS[0].load(Ordering::SeqCst);
    let volumes = IN_PROGRESS[1].load(Ordering::SeqCst);
    match (documents, volumes) {
        (0, 0) => typst::comemo::evict(0),
        (_, 0) => typst::comemo::evict(AGE_BESIDE_OTHERS),
        _ => {}
    }
}

/// Frees typst's memoized results older than ten builds: a long-running process
/// (`watch`) keeps what its next rebuild reuses and does not grow without end.
pub fn trim_memo() {
    typst::comemo::evict(10);
}

/// Parses `--pdf-standard`: one name or several separated by commas (`a-2b,ua-1`).
/// The flag says whether a PDF/A standard is among them (PDF/A needs a date).
fn parse_standards(spec: Option<&str>) -> Result<(PdfStandards, bool), Vec<Diagnostic>> {
    let Some(spec) = spec else {
        return Ok((PdfStandards::default(), false));
    };
    let mut archival = false;
    let mut list = Vec::new();
    for name in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let value = serde_json::Value::String(name.to_ascii_lowercase());
        match serde_json::from_value::<PdfStandard>(value) {
            Ok(standard) => {
                archival |= name.to_ascii_lowercase().starts_with("a-");
                list.push(standard);
            }
            Err(_) => {
                return Err(vec![
                    Diagnostic::of(&rules::P003, format!("未知的 PDF 标准“{name}”"))
                        .with_help("可用：a-1b、a-2b、a-2u、a-3b、a-4、ua-1、1.7、2.0 等；多个用逗号分隔，如 a-2b,ua-1"),
                ]);
            }
        }
    }
    let standards = PdfStandards::new(&list).map_err(|e| {
        vec![
            Diagnostic::of(&rules::P003, format!("PDF 标准组合无效：{}", e.message()))
                .with_help("PDF/A 与 PDF/UA 各选一个，并检查它们要求的 PDF 版本"),
        ]
    })?;
    Ok((standards, archival))
}

/// P004 when a PDF/A standard is asked for and there is no date to write (`why` says
/// what had none).
fn require_date(archival: bool, date: Option<DocDate>, why: &str) -> Result<(), Vec<Diagnostic>> {
    if archival && date.is_none() {
        return Err(vec![
            Diagnostic::of(&rules::P004, format!("PDF/A 文件必须带有日期，而{why}"))
                .with_help("在文档中写 date: 2025-03-01，或设置环境变量 SOURCE_DATE_EPOCH"),
        ]);
    }
    Ok(())
}

/// The export options of every PDF jixiao writes: the generator, the date (none without
/// one, never the clock) and the standards asked for.
fn export_options(today: Option<Datetime>, standards: PdfStandards) -> PdfOptions {
    PdfOptions {
        creator: Smart::Custom(Some(crate::version::GENERATOR.to_string())),
        timestamp: today.map(Timestamp::new_utc),
        standards,
        ..PdfOptions::default()
    }
}

/// A calendar date: year, month, day.
pub(crate) type Ymd = (i32, u8, u8);
/// A time of day: hour, minute, second.
type Hms = (u8, u8, u8);

/// The date written into the PDF and returned by `datetime.today()`.
#[derive(Clone, Copy)]
pub(crate) struct DocDate {
    pub ymd: Ymd,
    pub datetime: Datetime,
}

/// The document's `date`, else `SOURCE_DATE_EPOCH`, else none: never the clock, so two
/// builds of the same input give the same bytes.
fn document_date(cx: &RenderContext) -> Result<Option<DocDate>, Vec<Diagnostic>> {
    if let Some(date) = &cx.document.date {
        let ymd = parse_ymd(&date.value).ok_or_else(|| {
            vec![
                Diagnostic::of(
                    &rules::P004,
                    format!("发布日期“{}”不是有效日期", date.value),
                )
                .at(date.span, "PDF 元数据需要 YYYY-MM-DD 形式的日期")
                .with_help("写作 2025-03-01 这样的形式"),
            ]
        })?;
        let datetime = Datetime::from_ymd(ymd.0, ymd.1, ymd.2);
        return Ok(datetime.map(|datetime| DocDate { ymd, datetime }));
    }
    epoch_date()
}

/// The latest of several `YYYY-MM-DD` dates (a volume is published with its last
/// document), else `SOURCE_DATE_EPOCH`, else none. Invalid dates were reported with
/// their documents and are passed over here.
pub(crate) fn latest_date<'a>(
    dates: impl Iterator<Item = &'a str>,
) -> Result<Option<DocDate>, Vec<Diagnostic>> {
    let latest = dates.filter_map(parse_ymd).max();
    if let Some(ymd) = latest
        && let Some(datetime) = Datetime::from_ymd(ymd.0, ymd.1, ymd.2)
    {
        return Ok(Some(DocDate { ymd, datetime }));
    }
    epoch_date()
}

/// The date of `SOURCE_DATE_EPOCH`, when it is set.
fn epoch_date() -> Result<Option<DocDate>, Vec<Diagnostic>> {
    let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let invalid = || {
        vec![
            Diagnostic::of(
                &rules::P004,
                format!("环境变量 SOURCE_DATE_EPOCH 的值“{epoch}”不是有效的时间戳"),
            )
            .with_help("应为 1970-01-01 以来的秒数，如 1735689600"),
        ]
    };
    let seconds: i64 = epoch.trim().parse().map_err(|_| invalid())?;
    let (ymd, hms) = civil_from_unix(seconds).ok_or_else(invalid)?;
    let datetime =
        Datetime::from_ymd_hms(ymd.0, ymd.1, ymd.2, hms.0, hms.1, hms.2).ok_or_else(invalid)?;
    Ok(Some(DocDate { ymd, datetime }))
}

/// `YYYY-MM-DD` with a real calendar day.
fn parse_ymd(text: &str) -> Option<Ymd> {
    let mut parts = text.trim().splitn(3, '-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    Datetime::from_ymd(y, m, d).map(|_| (y, m, d))
}

/// Unix seconds to a UTC civil date and time (Howard Hinnant's `civil_from_days`).
fn civil_from_unix(seconds: i64) -> Option<(Ymd, Hms)> {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    let (year, month, day) = crate::value::calendar::civil_from_days(days);
    let year = i32::try_from(year).ok()?;
    let hms = (
        (secs / 3600) as u8,
        (secs % 3600 / 60) as u8,
        (secs % 60) as u8,
    );
    Some(((year, month, day), hms))
}

/// Errors from evaluating or laying out the templates: a template bug, not the user's data.
fn template_errors(world: &PdfWorld, errors: &[SourceDiagnostic]) -> Vec<Diagnostic> {
    errors
        .iter()
        .map(|e| typst_diagnostic(world, &rules::P002, "PDF 模板出错", e))
        .collect()
}

/// Errors from writing the PDF, mostly a standard (PDF/A, PDF/UA) the document breaks.
fn export_errors(world: &PdfWorld, errors: &[SourceDiagnostic]) -> Vec<Diagnostic> {
    errors
        .iter()
        .map(|e| typst_diagnostic(world, &rules::P003, "无法按要求的标准生成 PDF", e))
        .collect()
}

fn typst_diagnostic(world: &PdfWorld, rule: &Rule, what: &str, e: &SourceDiagnostic) -> Diagnostic {
    let mut d = Diagnostic::of(rule, format!("{what}：{}", e.message));
    if let Some(place) = template_place(world, e.span) {
        d = d.with_note(format!("位置：{place}"));
    }
    for hint in &e.hints {
        d = d.with_help(hint.v.to_string());
    }
    d
}

/// `template:line:column` of a typst span, when it points into a template.
fn template_place(world: &PdfWorld, span: DiagSpan) -> Option<String> {
    let id = span.id()?;
    let range = world.range(span)?;
    let source = world.source(id).ok()?;
    let (line, column) = source.lines().byte_to_line_column(range.start)?;
    Some(format!(
        "{}:{}:{}",
        world.describe(id),
        line + 1,
        column + 1
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_seconds_become_utc_dates() {
        assert_eq!(civil_from_unix(0), Some(((1970, 1, 1), (0, 0, 0))));
        assert_eq!(
            civil_from_unix(1_735_689_599),
            Some(((2024, 12, 31), (23, 59, 59)))
        );
        assert_eq!(
            civil_from_unix(951_782_400),
            Some(((2000, 2, 29), (0, 0, 0)))
        );
    }

    #[test]
    fn dates_must_exist() {
        assert_eq!(parse_ymd("2025-03-01"), Some((2025, 3, 1)));
        assert_eq!(parse_ymd("2025-04-31"), None);
        assert_eq!(parse_ymd("2025/03/01"), None);
    }
}
