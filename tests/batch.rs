//! Whole-tree builds: the scaffold's CI commands pass as generated; sharded-and-merged
//! builds equal a single build byte for byte; unchanged documents are not rebuilt.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use jixiao::batch::progress::ProgressStyle;
use jixiao::batch::shard::{Shard, shard_of};
use jixiao::batch::{self, Plan, Summary};
use jixiao::render::{Format, RenderOptions};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tempdir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("batch")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A small synthetic jurisdiction: 9 documents of 3 tables from the demo's real rows.
fn jurisdiction(dir: &Path) -> Vec<PathBuf> {
    let sources = [root().join("tests/fixtures/demo.yaml")];
    synthetic::write_jurisdiction(dir, &sources, 9, 3).unwrap()
}

fn plan(tree: &Path, out: &Path) -> Plan {
    Plan {
        path: tree.to_path_buf(),
        out: out.to_path_buf(),
        formats: Format::ALL.to_vec(),
        options: RenderOptions::default(),
        jobs: 2,
        shard: None,
        merge: Vec::new(),
        progress: ProgressStyle::Quiet,
    }
}

/// Every file below a folder (hidden ones included) by relative path, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().replace('\\', "/"),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn sharded_and_merged_build_equals_a_single_build_byte_for_byte() {
    let dir = tempdir("shards");
    let tree = dir.join("tree");
    let docs = jurisdiction(&tree);
    let single = dir.join("single");
    let summary = batch::build(&plan(&tree, &single)).unwrap();
    assert_eq!((summary.documents, summary.built), (9, 9));
    assert!(summary.assembled);

    let mut shard_dirs = Vec::new();
    let mut built = 0;
    for i in 1..=4 {
        let out = dir.join(format!("shard{i}"));
        let mut p = plan(&tree, &out);
        p.shard = Some(Shard { index: i, count: 4 });
        let s = batch::build(&p).unwrap();
        assert!(!s.assembled, "a shard writes no index or volume");
        assert!(!out.join(batch::INDEX_FILE).exists());
        built += s.built;
        // A shard assembles nothing, so a rerun loads none of its unchanged documents.
        let again = batch::build(&p).unwrap();
        assert_eq!((again.built, again.reused, again.checked), (0, s.built, 0));
        shard_dirs.push(out);
    }
    assert_eq!(
        built,
        docs.len(),
        "every document is built by exactly one shard"
    );

    let merged = dir.join("merged");
    let mut p = plan(&tree, &merged);
    p.merge = shard_dirs;
    let s = batch::build(&p).unwrap();
    assert_eq!(
        (s.built, s.reused, s.failed),
        (0, 9, 0),
        "merging renders nothing"
    );

    let (a, b) = (files(&single), files(&merged));
    assert!(a.contains_key("index.html") && a.contains_key("volume.txt"));
    assert!(a.contains_key(".jixiao/manifest.json"));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(
            &b[path] == bytes,
            "{path} differs between single and merged builds"
        );
    }
}

#[test]
fn merging_without_every_shard_fails_and_assembles_nothing() {
    let dir = tempdir("missing_shard");
    let tree = dir.join("tree");
    jurisdiction(&tree);
    let out = dir.join("shard1");
    let mut p = plan(&tree, &out);
    p.shard = Some(Shard { index: 1, count: 2 });
    batch::build(&p).unwrap();
    let merged = dir.join("merged");
    let mut p = plan(&tree, &merged);
    p.merge = vec![out];
    let s = batch::build(&p).unwrap();
    assert!(s.failed > 0 && !s.assembled);
    assert!(!merged.join(batch::INDEX_FILE).exists());
    // A forged shard manifest cannot make the merge write outside its output folder.
    let forged = dir.join("forged");
    std::fs::create_dir_all(forged.join(".jixiao")).unwrap();
    std::fs::write(forged.join("evil.txt"), "x").unwrap();
    std::fs::write(
        forged.join(".jixiao/manifest.json"),
        r#"{"tool":"t","documents":{"a":{"outputs":{"text":{"path":"../evil.txt","key":"k","hash":"h"}}}}}"#,
    )
    .unwrap();
    let err = batch::build(&Plan {
        merge: vec![forged],
        ..plan(&tree, &dir.join("merged2"))
    })
    .unwrap_err();
    assert!(err.contains("输出路径无效"), "{err}");
    assert!(!dir.join("evil.txt").exists());
    assert!(
        batch::build(&Plan {
            merge: vec![dir.join("nowhere")],
            ..plan(&tree, &merged)
        })
        .is_err()
    );
}

#[test]
fn shards_partition_the_tree_and_keep_their_documents_when_others_are_added() {
    let ids: Vec<String> = (0..200)
        .map(|i| format!("d{:02}/u{i:03}", i / 20))
        .collect();
    let mut sizes = [0usize; 4];
    for id in &ids {
        let owners: Vec<u32> = (1..=4)
            .filter(|&i| Shard { index: i, count: 4 }.contains(id))
            .collect();
        assert_eq!(owners.len(), 1, "{id} must be in exactly one shard");
        sizes[owners[0] as usize - 1] += 1;
        // Assignment depends on the id alone, never on the rest of the tree.
        assert_eq!(shard_of(id, 4), owners[0]);
    }
    assert!(
        sizes.iter().all(|&n| n >= 30),
        "unbalanced shards: {sizes:?}"
    );
    assert_eq!(Shard::parse("2/4"), Ok(Shard { index: 2, count: 4 }));
    for bad in ["0/4", "5/4", "2", "a/b", "1/0"] {
        assert!(Shard::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn unchanged_documents_are_reused_and_an_edit_rebuilds_only_its_document() {
    let dir = tempdir("cache");
    let tree = dir.join("tree");
    let docs = jurisdiction(&tree);
    let out = dir.join("out");
    let p = Plan {
        formats: vec![Format::Text, Format::Html],
        ..plan(&tree, &out)
    };
    let first = batch::build(&p).unwrap();
    assert_eq!((first.built, first.reused, first.checked), (9, 0, 9));
    let before = files(&out);

    // Nothing changed: no document is even loaded again.
    let second = batch::build(&p).unwrap();
    assert_eq!(
        second,
        Summary {
            built: 0,
            reused: 9,
            checked: 0,
            ..first.clone()
        }
    );
    assert_eq!(files(&out), before, "a no-op build rewrites nothing");

    // The index page is an output like any other: deleted, it comes back.
    std::fs::remove_file(out.join("index.html")).unwrap();
    let s = batch::build(&p).unwrap();
    assert_eq!(
        (s.built, s.checked),
        (0, 9),
        "the index needs every document"
    );
    assert_eq!(files(&out), before);

    let project = docs[4].join("p002.yaml");
    let text = std::fs::read_to_string(&project).unwrap();
    std::fs::write(&project, text.replace("≥90%", "≥95%")).unwrap();
    let third = batch::build(&p).unwrap();
    assert_eq!((third.built, third.reused), (1, 8));
    // The volume and index are laid out again from every document's tables.
    assert_eq!(third.checked, 9);
    let after = files(&out);
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    // The index lists titles and table counts, which did not change.
    assert_eq!(
        changed,
        [
            ".jixiao/manifest.json",
            "d01/u005.html",
            "d01/u005.txt",
            "volume.txt"
        ]
    );

    // A damaged output is rebuilt even though its sources did not change.
    std::fs::write(out.join("d01/u001.txt"), "damaged").unwrap();
    assert_eq!(batch::build(&p).unwrap().built, 1);
    assert_eq!(files(&out)["d01/u001.txt"], after["d01/u001.txt"]);

    // A removed document's outputs go, and the index no longer lists it.
    std::fs::remove_dir_all(&docs[8]).unwrap();
    let s = batch::build(&p).unwrap();
    assert_eq!((s.documents, s.built), (8, 0));
    assert!(!out.join("d01/u009.txt").exists());
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!index.contains("第9预算单位") && index.contains("第8预算单位"));
}

#[test]
fn a_document_with_errors_fails_the_build_and_withholds_index_and_volume() {
    let dir = tempdir("errors");
    let tree = dir.join("tree");
    let docs = jurisdiction(&tree);
    let out = dir.join("out");
    batch::build(&plan(&tree, &out)).unwrap();
    let settings = docs[2].join("jixiao.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, text.replace("year:", "yaer:")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["build", "--out"])
        .arg(&out)
        .arg(&tree)
        .env("CI", "true")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("d01/u003：有错误，未生成输出"), "{stderr}");
    assert!(stderr.contains("未生成索引页和汇编"), "{stderr}");
    assert!(!out.join("index.html").exists() && !out.join("volume.txt").exists());
    assert!(out.join("d01/u001.txt").exists());
}

/// The jixiao commands of a CI file, in order: `run:` steps and `script:` items whose
/// command starts with `jixiao`.
fn ci_commands(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix("run: ").or_else(|| l.strip_prefix("- ")))
        .filter(|c| c.starts_with("jixiao "))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_scaffold_passes_the_commands_its_ci_files_run() {
    let dir = tempdir("init");
    let repo = dir.join("repo");
    let jixiao = env!("CARGO_BIN_EXE_jixiao");
    let status = Command::new(jixiao)
        .args(["init", "--year", "2025", "--unit-name", "示例局"])
        .arg(&repo)
        .status()
        .unwrap();
    assert!(status.success());
    // `init` refuses to overwrite.
    let again = Command::new(jixiao)
        .arg("init")
        .arg(&repo)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));

    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(jixiao, bin.join("jixiao")).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );

    // A pull request: the scaffold is the target branch (`origin/main`), the branch raises
    // the budget and lowers a target, which the diff steps report.
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(["-c", "user.name=测试", "-c", "user.email=t@example.invalid"])
            .args(args)
            .current_dir(&repo)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    git(&["init", "-q", "-b", "main"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "scaffold"]);
    let base = git(&["rev-parse", "HEAD"]);
    git(&["update-ref", "refs/remotes/origin/main", "HEAD"]);
    let example = repo.join("2025/example.yaml");
    let text = std::fs::read_to_string(&example).unwrap();
    std::fs::write(
        &example,
        text.replace("500000.00", "600000.00")
            .replace("value: ≥95%", "value: ≥90%"),
    )
    .unwrap();
    git(&["commit", "-q", "-am", "raise the budget, lower a target"]);
    let summary = dir.join("step-summary.md");

    for ci in [".github/workflows/jixiao.yml", ".gitlab-ci.yml"] {
        let commands = ci_commands(&std::fs::read_to_string(repo.join(ci)).unwrap());
        assert!(
            commands.iter().any(|c| c.starts_with("jixiao check"))
                && commands.iter().any(|c| c.starts_with("jixiao build"))
                && commands.iter().any(|c| c.starts_with("jixiao diff")),
            "{ci}: {commands:?}"
        );
        let _ = std::fs::remove_dir_all(repo.join("build"));
        for command in &commands {
            let output = Command::new("sh")
                .args(["-c", command])
                .current_dir(&repo)
                .env("PATH", &path)
                .env("CI", "true")
                .env("GITHUB_BASE_REF", "main")
                .env("GITHUB_STEP_SUMMARY", &summary)
                .env("CI_MERGE_REQUEST_DIFF_BASE_SHA", &base)
                .output()
                .unwrap();
            assert!(
                output.status.success(),
                "{ci}: `{command}` failed:\n{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            if command.starts_with("jixiao diff") && command.contains("--format github") {
                let out = String::from_utf8_lossy(&output.stdout);
                assert!(
                    out.contains("::warning file=2025/example.yaml,line=")
                        && out.contains("D001")
                        && out.contains("服务合格率 ≥95%25 → ≥90%25（目标降低）"),
                    "{out}"
                );
            }
        }
        if ci.starts_with(".github") {
            let summary = std::fs::read_to_string(&summary).unwrap();
            assert!(
                summary.contains("## 绩效目标变化")
                    && summary.contains(
                        "| ~ | 预算数 | 500000.00元 | 600000.00元 | +100000.00元（+20.00%） |"
                    ),
                "{summary}"
            );
        } else {
            let quality: serde_json::Value = serde_json::from_slice(
                &std::fs::read(repo.join("gl-code-quality-report.json")).unwrap(),
            )
            .unwrap();
            let items = quality.as_array().unwrap();
            assert!(
                items
                    .iter()
                    .any(|i| i["check_name"] == "D001"
                        && i["location"]["path"] == "2025/example.yaml"),
                "{quality:#}"
            );
            let page = std::fs::read_to_string(repo.join("jixiao-diff.html")).unwrap();
            assert!(page.contains("服务合格率") && page.contains("目标降低"));
        }
        let sarif: serde_json::Value =
            serde_json::from_slice(&std::fs::read(repo.join("jixiao.sarif")).unwrap()).unwrap();
        assert_eq!(sarif["version"], "2.1.0");
        let built = files(&repo.join("build"));
        assert!(
            [
                "index.html",
                "2025.txt",
                "2025.html",
                "2025.pdf",
                "volume.pdf",
                "volume.txt"
            ]
            .iter()
            .all(|f| built.contains_key(*f)),
            "{ci}"
        );
    }
}

/// Waits up to a minute for a condition, polling.
fn eventually(what: &str, mut condition: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !condition() {
        assert!(std::time::Instant::now() < deadline, "timed out: {what}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn watch_rebuilds_on_save_and_reports_errors_as_they_appear() {
    use std::io::Read;
    use std::sync::{Arc, Mutex};

    let dir = tempdir("watch");
    let doc = dir.join("doc.yaml");
    let demo = std::fs::read_to_string(root().join("tests/fixtures/demo.yaml")).unwrap();
    std::fs::write(&doc, &demo).unwrap();
    let out = dir.join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["watch", "--format", "text", "--interval", "50", "--out"])
        .arg(&out)
        .arg(&doc)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let log = Arc::new(Mutex::new(String::new()));
    let mut stderr = child.stderr.take().unwrap();
    let sink = Arc::clone(&log);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stderr.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    let text = out.join("doc.txt");
    let read = || std::fs::read_to_string(&text).unwrap_or_default();

    eventually("first build", || read().contains("消费券发放种类"));
    std::fs::write(&doc, demo.replace("消费券发放种类", "消费券发放批次")).unwrap();
    eventually("rebuild after save", || read().contains("消费券发放批次"));

    std::fs::write(&doc, demo.replace("  - name:", "  - nmae:")).unwrap();
    eventually("error printed", || {
        log.lock().unwrap().contains("错误[L002]")
    });
    assert!(
        read().contains("消费券发放批次"),
        "the last good output stays"
    );

    std::fs::write(&doc, &demo).unwrap();
    eventually("recovered", || read().contains("消费券发放种类"));
    let _ = child.kill();
    let _ = child.wait();
}
