//! Where the loader reads a document's files from.
//!
//! [`load_path_from`](super::load_path_from) reads through a [`FileSource`]: [`Disk`] for
//! `check` and `build`, an [`Overlay`] of texts held in memory over another source for the
//! language server (the editor's unsaved buffers over the disk), or any other tree of
//! files (a git revision) that can list folders and read files.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

/// What a path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Dir,
}

/// A tree of files the loader can read: list folders, tell files from folders, read text.
pub trait FileSource {
    /// The text of a file (UTF-8).
    fn read(&self, path: &Path) -> io::Result<String>;
    /// Whether `path` is a file or a folder; `None` when it is neither (absent, a
    /// symbolic link, a device).
    fn kind(&self, path: &Path) -> Option<EntryKind>;
    /// The files and folders directly inside `dir`, in any order; symbolic links and
    /// other special files are left out, as the loader never follows them.
    fn entries(&self, dir: &Path) -> io::Result<Vec<(OsString, EntryKind)>>;
}

/// The file system.
pub struct Disk;

impl FileSource for Disk {
    fn read(&self, path: &Path) -> io::Result<String> {
        std::fs::read_to_string(path)
    }

    fn kind(&self, path: &Path) -> Option<EntryKind> {
        let meta = std::fs::metadata(path).ok()?;
        if meta.is_dir() {
            Some(EntryKind::Dir)
        } else if meta.is_file() {
            Some(EntryKind::File)
        } else {
            None
        }
    }

    fn entries(&self, dir: &Path) -> io::Result<Vec<(OsString, EntryKind)>> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let kind = match entry.file_type()? {
                t if t.is_dir() => EntryKind::Dir,
                t if t.is_file() => EntryKind::File,
                _ => continue,
            };
            out.push((entry.file_name(), kind));
        }
        Ok(out)
    }
}

/// Texts held in memory laid over another source: a path with a text reads as that text,
/// even when the file does not exist underneath (a new, unsaved file); every other path
/// reads from the source below.
pub struct Overlay<'a> {
    base: &'a dyn FileSource,
    texts: &'a BTreeMap<PathBuf, String>,
}

impl<'a> Overlay<'a> {
    pub fn new(base: &'a dyn FileSource, texts: &'a BTreeMap<PathBuf, String>) -> Self {
        Overlay { base, texts }
    }
}

impl FileSource for Overlay<'_> {
    fn read(&self, path: &Path) -> io::Result<String> {
        match self.texts.get(path) {
            Some(text) => Ok(text.clone()),
            None => self.base.read(path),
        }
    }

    fn kind(&self, path: &Path) -> Option<EntryKind> {
        if self.texts.contains_key(path) {
            return Some(EntryKind::File);
        }
        if self.texts.keys().any(|p| p.starts_with(path)) {
            return Some(EntryKind::Dir);
        }
        self.base.kind(path)
    }

    fn entries(&self, dir: &Path) -> io::Result<Vec<(OsString, EntryKind)>> {
        let mut found: BTreeMap<OsString, EntryKind> = match self.base.entries(dir) {
            Ok(list) => list.into_iter().collect(),
            Err(e) if self.kind(dir) != Some(EntryKind::Dir) => return Err(e),
            Err(_) => BTreeMap::new(),
        };
        for path in self.texts.keys() {
            let Ok(rest) = path.strip_prefix(dir) else {
                continue;
            };
            let mut parts = rest.components();
            let Some(first) = parts.next() else { continue };
            let kind = if parts.next().is_some() {
                EntryKind::Dir
            } else {
                EntryKind::File
            };
            found.insert(first.as_os_str().to_os_string(), kind);
        }
        Ok(found.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source with no files at all, so only the overlay shows.
    struct Empty;

    impl FileSource for Empty {
        fn read(&self, _: &Path) -> io::Result<String> {
            Err(io::ErrorKind::NotFound.into())
        }
        fn kind(&self, _: &Path) -> Option<EntryKind> {
            None
        }
        fn entries(&self, _: &Path) -> io::Result<Vec<(OsString, EntryKind)>> {
            Err(io::ErrorKind::NotFound.into())
        }
    }

    #[test]
    fn overlay_shows_unsaved_files_and_their_folders() {
        let texts = BTreeMap::from([
            (PathBuf::from("/d/jixiao.yaml"), "year: 2025\n".to_string()),
            (PathBuf::from("/d/sub/a.yaml"), "name: a\n".to_string()),
        ]);
        let o = Overlay::new(&Empty, &texts);
        assert_eq!(o.kind(Path::new("/d")), Some(EntryKind::Dir));
        assert_eq!(o.kind(Path::new("/d/sub/a.yaml")), Some(EntryKind::File));
        assert_eq!(o.kind(Path::new("/d/b.yaml")), None);
        assert_eq!(o.read(Path::new("/d/sub/a.yaml")).unwrap(), "name: a\n");
        assert_eq!(
            o.entries(Path::new("/d")).unwrap(),
            vec![
                (OsString::from("jixiao.yaml"), EntryKind::File),
                (OsString::from("sub"), EntryKind::Dir),
            ]
        );
        assert!(o.entries(Path::new("/e")).is_err());
    }
}
