//! Where the two sides come from: a document or a folder of documents on disk, or the same
//! path at a git revision. A revision is read with `git ls-tree` and `git cat-file` into
//! memory — the work tree is never touched — and loaded by [`crate::load::memory`], the
//! same conversion `check` uses. Documents of two trees are then paired.

use std::io::{Read, Write};
use std::path::{Component, Path};
use std::process::{Command, Stdio};

use crate::load::{self, Loaded, memory};
use crate::model::Document;
use crate::span::Sources;

/// One document of a side.
pub struct SideDocument {
    /// Its path relative to the compared path (`""` when the compared path is the document).
    pub rel: String,
    /// How reports name it: a path, or `REV:path`.
    pub label: String,
    pub loaded: Loaded,
}

impl SideDocument {
    pub fn document(&self) -> Option<&Document> {
        self.loaded.document.as_ref()
    }
}

/// The larger files are not documents; a revision's blob above this is not read.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A path as written on the command line, for labels: `""` for `.`.
fn shown_root(path: &Path) -> String {
    let p = load::display_path(path);
    if p == "." { String::new() } else { p }
}

fn join(root: &str, rel: &str) -> String {
    match (root.is_empty(), rel.is_empty()) {
        (true, _) => rel.to_string(),
        (_, true) => root.to_string(),
        _ => format!("{}/{rel}", root.trim_end_matches('/')),
    }
}

/// The documents at `path` on disk (the path itself, or every document below it), loaded.
pub fn from_disk(path: &Path, sources: &mut Sources) -> Result<Vec<SideDocument>, String> {
    if !path.exists() {
        return Err(format!("路径不存在：{}", path.display()));
    }
    let found = crate::pipeline::find_documents(path);
    if found.is_empty() {
        return Err(format!("{} 下没有找到文档", path.display()));
    }
    Ok(found
        .into_iter()
        .map(|doc| {
            let rel = doc
                .strip_prefix(path)
                .map(load::display_path)
                .unwrap_or_default();
            SideDocument {
                rel,
                label: load::display_path(&doc),
                loaded: load::load_path(&doc, sources),
            }
        })
        .collect())
}

/// Runs git with `args` in the working folder and returns its standard output.
fn git(args: &[&str]) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| format!("无法运行 git（--rev 需要 git 命令）：{e}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_string())
    }
}

/// The commit where `a` and `b` diverged (`git merge-base`), for `--rev A...B`.
pub fn merge_base(a: &str, b: &str) -> Result<String, String> {
    let out = git(&["merge-base", a, b]).map_err(|e| format!("找不到“{a}”与“{b}”的分叉点：{e}"))?;
    Ok(String::from_utf8_lossy(&out).trim().to_string())
}

/// `path` as a `/`-separated path from the repository's top, given the working folder's
/// prefix inside it (`git rev-parse --show-prefix`).
fn full_name(prefix: &str, path: &Path) -> Result<String, String> {
    let mut parts: Vec<String> = prefix
        .split('/')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if parts.pop().is_none() {
                    return Err(format!("{} 在 git 仓库之外", path.display()));
                }
            }
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            Component::RootDir | Component::Prefix(_) => {
                return Err(format!(
                    "--rev 需要仓库内的相对路径，而不是 {}",
                    path.display()
                ));
            }
        }
    }
    Ok(parts.join("/"))
}

/// The YAML files at `path` in revision `rev`, read into memory: paths relative to `path`.
fn read_revision(rev: &str, path: &Path) -> Result<memory::Tree, String> {
    git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{rev}^{{commit}}"),
    ])
    .map_err(|_| format!("找不到 git 版本“{rev}”"))?;
    let prefix = String::from_utf8_lossy(&git(&["rev-parse", "--show-prefix"])?)
        .trim()
        .to_string();
    let root = full_name(&prefix, path)?;
    let listing = git(&[
        "ls-tree",
        "-r",
        "-z",
        "--full-tree",
        "--name-only",
        rev,
        "--",
        if root.is_empty() { "." } else { &root },
    ])?;
    let rel_of = |full: &str| -> Option<String> {
        if root.is_empty() {
            Some(full.to_string())
        } else if full == root {
            Some(String::new())
        } else {
            full.strip_prefix(&format!("{root}/")).map(str::to_string)
        }
    };
    let files: Vec<(String, String)> = listing
        .split(|b| *b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .filter(|p| load::is_yaml(Path::new(p)) && !p.contains('\n'))
        .filter_map(|full| rel_of(&full).map(|rel| (full, rel)))
        .collect();
    if files.is_empty() {
        return Err(format!(
            "版本“{rev}”中没有 {}（或其中没有 YAML 文件）",
            path.display()
        ));
    }
    let requests: String = files.iter().map(|(f, _)| format!("{rev}:{f}\n")).collect();
    let blobs = cat_files(&requests, files.len())?;
    Ok(files
        .into_iter()
        .zip(blobs)
        .map(|((_, rel), blob)| (rel, blob))
        .collect())
}

/// Reads `count` objects named one per line in `requests` with one `git cat-file --batch`.
fn cat_files(requests: &str, count: usize) -> Result<Vec<Result<String, String>>, String> {
    let mut child = Command::new("git")
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("无法运行 git：{e}"))?;
    let mut stdin = child.stdin.take().ok_or("无法向 git 写入")?;
    let input = requests.to_string();
    // Written from a thread: git answers while it reads, and a full pipe would block both.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut out = Vec::new();
    child
        .stdout
        .take()
        .ok_or("无法读取 git 的输出")?
        .read_to_end(&mut out)
        .map_err(|e| format!("无法读取 git 的输出：{e}"))?;
    let _ = writer.join();
    let _ = child.wait();
    let mut blobs = Vec::with_capacity(count);
    let mut at = 0;
    while blobs.len() < count {
        let end = out[at..]
            .iter()
            .position(|b| *b == b'\n')
            .map(|i| at + i)
            .ok_or("git cat-file 的输出不完整")?;
        let header = String::from_utf8_lossy(&out[at..end]).into_owned();
        at = end + 1;
        let fields: Vec<&str> = header.split(' ').collect();
        match fields.as_slice() {
            [_, "blob", size] => {
                let size: usize = size.parse().map_err(|_| "git cat-file 的输出无法识别")?;
                let body = out.get(at..at + size).ok_or("git cat-file 的输出不完整")?;
                at += size + 1;
                blobs.push(if size as u64 > MAX_FILE_BYTES {
                    Err("文件过大".to_string())
                } else {
                    String::from_utf8(body.to_vec())
                        .map_err(|_| "不是 UTF-8 编码的文本".to_string())
                });
            }
            _ => blobs.push(Err(format!("git 中读不到该文件（{header}）"))),
        }
    }
    Ok(blobs)
}

/// The documents at `path` in git revision `rev`, loaded from memory. Files are shown as
/// `shown_prefix` + the path (`REV:` for an old side, nothing for the new side, so that
/// annotations land on the files of the pull request).
pub fn from_git(
    rev: &str,
    path: &Path,
    shown_prefix: &str,
    sources: &mut Sources,
) -> Result<Vec<SideDocument>, String> {
    let tree = read_revision(rev, path)?;
    let root = shown_root(path);
    let docs = if tree.contains_key("") {
        vec![String::new()]
    } else {
        memory::find_documents(&tree)
    };
    if docs.is_empty() {
        return Err(format!("版本“{rev}”的 {} 下没有找到文档", path.display()));
    }
    Ok(docs
        .into_iter()
        .map(|rel| {
            let label = format!("{rev}:{}", join(&root, &rel));
            let file_prefix = if rel.is_empty() && tree.contains_key("") {
                // A single file: its name is the path itself.
                format!("{shown_prefix}{root}")
            } else if root.is_empty() {
                shown_prefix.to_string()
            } else {
                format!("{shown_prefix}{root}/")
            };
            let loaded = memory::load(&tree, &rel, &file_prefix, sources);
            SideDocument { rel, label, loaded }
        })
        .collect())
}

/// Which old document each new document is compared with: `(old, new)` indices, `None`
/// on one side for a document only the other side has. One document on each side: those
/// two. Otherwise by path; a new document without one is compared with the latest earlier
/// year of the same unit (a new year's folder against last year's).
pub fn pair_documents(
    old: &[SideDocument],
    new: &[SideDocument],
) -> Vec<(Option<usize>, Option<usize>)> {
    if old.len() == 1 && new.len() == 1 {
        return vec![(Some(0), Some(0))];
    }
    let mut pairs = Vec::new();
    let mut old_used = vec![false; old.len()];
    for (n, nd) in new.iter().enumerate() {
        if let Some(o) = old.iter().position(|od| od.rel == nd.rel) {
            old_used[o] = true;
            pairs.push((Some(o), Some(n)));
            continue;
        }
        let same_unit = |a: &Document, b: &Document| {
            a.unit.name.value == b.unit.name.value
                || (a.unit.code.is_some()
                    && a.unit.code.as_ref().map(|c| &c.value)
                        == b.unit.code.as_ref().map(|c| &c.value))
        };
        let earlier = nd.document().and_then(|b| {
            old.iter()
                .enumerate()
                .filter_map(|(o, od)| od.document().map(|a| (o, a)))
                .filter(|(_, a)| same_unit(a, b) && a.year.value < b.year.value)
                .max_by_key(|(o, a)| (a.year.value, std::cmp::Reverse(*o)))
                .map(|(o, _)| o)
        });
        if let Some(o) = earlier {
            old_used[o] = true;
        }
        pairs.push((earlier, Some(n)));
    }
    for (o, used) in old_used.iter().enumerate() {
        if !used {
            pairs.push((Some(o), None));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_names_resolve_dots_against_the_prefix() {
        assert_eq!(full_name("", Path::new(".")).unwrap(), "");
        assert_eq!(full_name("sub/", Path::new("./a/b")).unwrap(), "sub/a/b");
        assert_eq!(full_name("sub/", Path::new("../x")).unwrap(), "x");
        assert!(full_name("", Path::new("../x")).is_err());
    }
}
