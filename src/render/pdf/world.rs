//! The typst `World` of one render: the templates, one data file and the fonts.
//! Nothing else exists for the template, so it cannot read the user's disk.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::FontSet;
use super::templates;

/// The virtual path of the template data (the serialized [`super::data::TemplateData`]).
pub const DATA_PATH: &str = "/data.json";

/// The standard library is the same for every render; building it once saves time.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// A `World` serving the template files, the data file and the fonts.
pub struct PdfWorld {
    main: FileId,
    data_id: FileId,
    data: Bytes,
    /// `<document folder>/templates/typst`, whose files override the built-in ones.
    override_dir: Option<PathBuf>,
    fonts: Arc<FontSet>,
    today: Option<Datetime>,
    sources: Mutex<HashMap<FileId, FileResult<Source>>>,
}

/// A file id at a fixed virtual path; ids are never freed, so fixed paths keep a
/// long-running process from growing.
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("fixed paths are valid"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// `<document folder>/templates/typst`, when it exists.
pub fn override_dir(root: &Path) -> Option<PathBuf> {
    let dir = root.join("templates").join("typst");
    dir.is_dir().then_some(dir)
}

impl PdfWorld {
    /// A world whose main file is the `main.typ` template.
    pub fn new(
        data: Vec<u8>,
        root: &Path,
        fonts: Arc<FontSet>,
        today: Option<Datetime>,
    ) -> PdfWorld {
        PdfWorld::with_main(templates::MAIN, data, root, fonts, today)
    }

    /// A world whose main file is another template (`volume.typ`), built in or
    /// overridden like the rest.
    pub fn with_main(
        main: &str,
        data: Vec<u8>,
        root: &Path,
        fonts: Arc<FontSet>,
        today: Option<Datetime>,
    ) -> PdfWorld {
        PdfWorld {
            main: file_id(&format!("/{main}")),
            data_id: file_id(DATA_PATH),
            data: Bytes::new(data),
            override_dir: override_dir(root),
            fonts,
            today,
            sources: Mutex::new(HashMap::new()),
        }
    }

    /// Where a template file comes from: the override folder when it holds the file,
    /// otherwise the built-in copy.
    fn template(&self, id: FileId) -> FileResult<Bytes> {
        let vpath = id.vpath();
        let relative = vpath.get_without_slash();
        if let Some(dir) = &self.override_dir {
            let path = dir.join(relative);
            if path.is_file() {
                // Symlinks could point outside the folder; only its own files are served.
                let inside = match (path.canonicalize(), dir.canonicalize()) {
                    (Ok(p), Ok(d)) => p.starts_with(d),
                    _ => false,
                };
                if !inside {
                    return Err(FileError::AccessDenied);
                }
                return std::fs::read(&path)
                    .map(Bytes::new)
                    .map_err(|e| FileError::from_io(e, &path));
            }
        }
        templates::builtin(relative)
            .map(|text| Bytes::new(text.as_bytes()))
            .ok_or_else(|| FileError::NotFound(PathBuf::from(vpath.get_with_slash())))
    }

    /// The template file shown in messages: the override path or `内置模板 name`.
    pub fn describe(&self, id: FileId) -> String {
        let relative = id.vpath().get_without_slash();
        match &self.override_dir {
            Some(dir) if dir.join(relative).is_file() => dir.join(relative).display().to_string(),
            _ => format!("内置模板 {relative}"),
        }
    }
}

impl World for PdfWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let mut sources = self.sources.lock().unwrap_or_else(|e| e.into_inner());
        sources
            .entry(id)
            .or_insert_with(|| {
                let bytes = self.file(id)?;
                let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
                Ok(Source::new(id, text.to_string()))
            })
            .clone()
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            return Ok(self.data.clone());
        }
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::AccessDenied);
        }
        self.template(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    /// The document's date, never the clock, so output does not depend on the day.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
