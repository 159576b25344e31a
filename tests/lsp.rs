//! `jixiao lsp` driven as an editor drives it: the real binary over stdio, JSON-RPC
//! messages with `Content-Length` framing, responses asserted on.

#[path = "support/lsp_client.rs"]
mod lsp_client;

use std::path::{Path, PathBuf};
use std::process::Command;

use jixiao::lsp::position::LineIndex;
use lsp_client::{Client, uri};
use serde_json::{Value, json};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tempdir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("lsp")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

fn position(text: &str, offset: usize) -> Value {
    let p = LineIndex::new(text).position(text, offset);
    json!({"line": p.line, "character": p.character})
}

/// The position just after the first occurrence of `needle`.
fn after(text: &str, needle: &str) -> Value {
    position(text, text.find(needle).expect(needle) + needle.len())
}

/// The position inside the first occurrence of `needle` (after its first character).
fn inside(text: &str, needle: &str) -> Value {
    let at = text.find(needle).expect(needle);
    let first = needle.chars().next().unwrap().len_utf8();
    position(text, at + first)
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// Applies LSP text edits (UTF-16 ranges) to a text, last first.
fn apply(text: &str, edits: &[Value]) -> String {
    let index = LineIndex::new(text);
    let offset = |p: &Value| {
        index.offset(
            text,
            lsp_types::Position::new(
                p["line"].as_u64().unwrap() as u32,
                p["character"].as_u64().unwrap() as u32,
            ),
        )
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

fn change(client: &mut Client, path: &Path, version: i32, changes: Value) {
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(path), "version": version}, "contentChanges": changes}),
    );
}

#[test]
fn initialize_advertises_what_the_server_does_and_shutdown_exits_cleanly() {
    let dir = tempdir("lifecycle");
    let (mut client, init) = Client::start(&dir);
    let caps = &init["capabilities"];
    assert_eq!(init["serverInfo"]["name"], "jixiao");
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["hoverProvider"], true);
    assert!(caps["completionProvider"].is_object());
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll"])
    );
    let unknown = client.request_raw("workspace/symbol", json!({"query": ""}));
    assert_eq!(unknown["error"]["code"], -32601);
    assert!(client.shutdown().success());
}

/// Opens `open` (a file of the document `doc`, relative to `dir`) and asserts that every
/// finding `jixiao check --format json` prints for the document is published for its
/// file with the same code, message, severity and place (columns in UTF-16 units: the
/// text is Chinese), and nothing more. Returns the published diagnostics by file.
fn assert_published_as_check(dir: &Path, doc: &str, open: &str) -> Vec<(PathBuf, Vec<Value>)> {
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["check", "--format", "json", doc])
        .current_dir(dir)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected = report["diagnostics"].as_array().unwrap();
    let mut by_file: Vec<(PathBuf, Vec<&Value>)> = Vec::new();
    for e in expected {
        let file = dir.join(e["file"].as_str().unwrap_or(open));
        match by_file.iter_mut().find(|(f, _)| *f == file) {
            Some((_, list)) => list.push(e),
            None => by_file.push((file, vec![e])),
        }
    }
    let (mut client, _) = Client::start(dir);
    let opened = dir.join(open);
    client.open(&opened, &std::fs::read_to_string(&opened).unwrap());
    let mut published = Vec::new();
    for (file, expected) in &by_file {
        let got = client.diagnostics(&uri(file));
        assert_eq!(
            got.len(),
            expected.len(),
            "{}: {:?}",
            file.display(),
            codes(&got)
        );
        for e in expected {
            let line = e["line"].as_u64().unwrap() - 1;
            let column = e["column"].as_u64().unwrap() - 1;
            let end_line = e["end_line"].as_u64().unwrap() - 1;
            let end_column = e["end_column"].as_u64().unwrap() - 1;
            let found = got.iter().find(|d| {
                d["code"] == e["code"]
                    && d["range"]["start"] == json!({"line": line, "character": column})
                    && d["range"]["end"] == json!({"line": end_line, "character": end_column})
            });
            let d = found.unwrap_or_else(|| panic!("{e} not published"));
            let message = d["message"].as_str().unwrap();
            assert!(
                message.starts_with(e["message"].as_str().unwrap()),
                "{message}"
            );
            assert_eq!(d["source"], "jixiao");
            let severity = match e["severity"].as_str().unwrap() {
                "error" => 1,
                "warning" => 2,
                _ => 3,
            };
            assert_eq!(d["severity"], severity);
        }
        published.push((file.clone(), got));
    }
    assert!(client.shutdown().success());
    published
}

/// Every finding `jixiao check` prints for the published 41-table document appears in
/// the editor with the same code, message and place.
#[test]
fn diagnostics_are_those_of_check_with_the_same_places() {
    let dir = tempdir("published");
    std::fs::copy(
        root().join("tests/fixtures/published/tangshan-shangwu-2024.yaml"),
        dir.join("tangshan.yaml"),
    )
    .unwrap();
    let published = assert_published_as_check(&dir, "tangshan.yaml", "tangshan.yaml");
    let (file, got) = &published[0];
    assert!(got.len() > 20, "the published document has findings");
    // Related places: the first of two identical goals, in the same file.
    let related: Vec<&Value> = got
        .iter()
        .filter_map(|d| d["relatedInformation"].as_array())
        .flatten()
        .collect();
    assert!(!related.is_empty());
    assert!(related.iter().all(|r| r["location"]["uri"] == uri(file)));
}

/// A broken field does not hide the rest: the editor shows the loading error and the
/// findings of the checks run past it, as `jixiao check` does.
#[test]
fn findings_past_a_broken_field_are_published_as_check_reports_them() {
    let dir = tempdir("recovered");
    let text = std::fs::read_to_string(root().join("tests/rules/V104/fail.yaml"))
        .unwrap()
        .replacen("value: ≥90%", "value: [≥90%]", 1);
    std::fs::write(dir.join("doc.yaml"), text).unwrap();
    let published = assert_published_as_check(&dir, "doc.yaml", "doc.yaml");
    let found = codes(&published[0].1);
    assert!(found.contains(&"V104".to_string()), "{found:?}");
    assert!(found.iter().any(|c| c.starts_with('L')), "{found:?}");
}

/// A 自评 document: its loading errors, the findings recovered past them and the 自评
/// checks, for the 自评 file and its targets, as `jixiao check` reports them.
#[test]
fn an_evaluation_document_is_checked_as_check_does() {
    let dir = tempdir("evaluation");
    for file in ["fail.yaml", "targets.yaml"] {
        std::fs::copy(root().join("tests/rules/E012").join(file), dir.join(file)).unwrap();
    }
    let published = assert_published_as_check(&dir, "fail.yaml", "fail.yaml");
    let found: Vec<String> = published.iter().flat_map(|(_, d)| codes(d)).collect();
    for code in ["E012", "E010", "E001"] {
        assert!(found.contains(&code.to_string()), "{found:?}");
    }
}

#[test]
fn quick_fixes_allow_hover_and_completion_in_a_single_file() {
    let dir = tempdir("single");
    let doc = dir.join("doc.yaml");
    let text = std::fs::read_to_string(root().join("tests/rules/V104/fail.yaml"))
        .unwrap()
        .replace("value: ≥90%", "value: 不低于90%");
    std::fs::write(&doc, &text).unwrap();
    let (mut client, _) = Client::start(&dir);
    let u = uri(&doc);
    client.open(&doc, &text);
    let diags = client.diagnostics(&u);
    assert_eq!(codes(&diags), ["V104", "V102"], "{diags:?}");
    let v102 = diags[1].clone();
    assert_eq!(
        v102["range"]["start"],
        position(&text, text.find("不低于90%").unwrap())
    );

    // The certain fix, as `check --fix` would write it.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u}, "range": v102["range"], "context": {"diagnostics": [v102]}}),
    );
    let actions = actions.as_array().unwrap();
    let fix = actions
        .iter()
        .find(|a| a["isPreferred"] == true)
        .expect("a preferred fix");
    assert_eq!(fix["kind"], "quickfix");
    let edits = fix["edit"]["changes"][&u].as_array().unwrap();
    assert_eq!(edits[0]["newText"], "≥90%");
    // The editor applies the edit and sends it as an incremental change.
    change(
        &mut client,
        &doc,
        2,
        json!([{"range": edits[0]["range"], "text": edits[0]["newText"]}]),
    );
    let text = apply(&text, edits);
    assert_eq!(codes(&client.diagnostics(&u)), ["V104"]);

    // Allow the remaining finding with a reason, in the row it is in.
    let v104 = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u}, "range": {"start": after(&text, "value: ≥"), "end": after(&text, "value: ≥")}, "context": {"diagnostics": []}}),
    );
    let allow = v104
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("allow 中允许 V104"))
        .expect("an allow action")
        .clone();
    let edits = allow["edit"]["changes"][&u].as_array().unwrap();
    let allowed = apply(&text, edits);
    assert!(
        allowed.contains(
            "                value: ≥3\n                allow:\n                  V104: \"…\"\n"
        ),
        "{allowed}"
    );
    change(
        &mut client,
        &doc,
        3,
        json!([{"range": edits[0]["range"], "text": edits[0]["newText"]}]),
    );
    assert_eq!(codes(&client.diagnostics(&u)), Vec::<String>::new());
    let text = allowed;
    assert_eq!(
        std::fs::read_to_string(&doc)
            .unwrap()
            .matches("allow")
            .count(),
        0,
        "the server never writes the user's files"
    );

    // Hover: the rule code, a value, a 二级 name.
    let hover = |client: &mut Client, at: Value| {
        let h = client.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": u}, "position": at}),
        );
        h["contents"]["value"].as_str().unwrap_or("").to_string()
    };
    let rule = hover(&mut client, inside(&text, "V104: "));
    assert!(rule.starts_with("# V104 "), "{rule}");
    assert!(rule.contains("默认级别"), "{rule}");
    let value = hover(&mut client, inside(&text, "2025年12月31日前"));
    assert!(value.contains("类型：日期"), "{value}");
    assert!(
        value.contains("规范写法：`2025年12月31日前`（已是规范写法）"),
        "{value}"
    );
    assert!(value.contains("\"kind\": \"date\""), "{value}");
    let category = hover(&mut client, inside(&text, "时效指标"));
    assert!(category.contains("属于一级指标：产出指标"), "{category}");
    assert!(category.contains("类别：时效"), "{category}");
    let level1 = hover(&mut client, inside(&text, "满意度指标\n"));
    assert!(
        level1.contains("服务对象满意度指标（类别：满意度）"),
        "{level1}"
    );

    // Completion: units after a number, 二级 names of the framework.
    let complete = |client: &mut Client, at: Value| {
        let c = client.request(
            "textDocument/completion",
            json!({"textDocument": {"uri": u}, "position": at}),
        );
        c.as_array().cloned().unwrap_or_default()
    };
    let units = complete(&mut client, after(&text, "value: ≥3"));
    let ge = units
        .iter()
        .find(|i| i["label"] == "个")
        .expect("个 offered");
    assert_eq!(ge["textEdit"]["range"]["start"], after(&text, "value: ≥3"));
    assert!(units.iter().any(|i| i["label"] == "万元"));
    let level2 = complete(&mut client, after(&text, "- level2: "));
    let labels: Vec<&str> = level2
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"数量指标") && labels.contains(&"服务对象满意度指标"));
    let first = level2
        .iter()
        .min_by_key(|i| i["sortText"].as_str().unwrap().to_string())
        .unwrap();
    assert_eq!(
        first["detail"].as_str().unwrap().split(' ').next(),
        Some("产出指标")
    );
    let empty_value = complete(&mut client, after(&text, "value:"));
    assert!(empty_value.iter().any(|i| i["label"] == "≥"));
    assert!(empty_value.iter().any(|i| i["label"] == "2025年12月31日前"));
    assert!(client.shutdown().success());
}

#[test]
fn a_folder_document_is_checked_with_its_unsaved_files() {
    let dir = tempdir("folder");
    let doc = dir.join("binhai");
    copy_dir(&root().join("examples/tianjin-binhai-shangwu-2026"), &doc);
    let first = doc.join("01-2026年“购滨城·促消费”消费券资金（高质量发展专项资金）.yaml");
    let second = doc.join("02-2026年“元宵节·促消费”活动经费预算指标（高质量发展专项）.yaml");
    let (mut client, _) = Client::start(&dir);
    let second_text = std::fs::read_to_string(&second).unwrap();
    client.open(&second, &second_text);
    // Every file of the document gets diagnostics, open or not.
    assert_eq!(client.diagnostics(&uri(&first)), Vec::<Value>::new());
    assert_eq!(client.diagnostics(&uri(&second)), Vec::<Value>::new());
    assert_eq!(
        client.diagnostics(&uri(&doc.join("jixiao.yaml"))),
        Vec::<Value>::new()
    );

    // Unsaved: the second project takes the first one's name.
    let name = "2026年“元宵节·促消费”活动经费预算指标（高质量发展专项）";
    let taken = "2026年“购滨城·促消费”消费券资金（高质量发展专项资金）";
    let start = second_text.find(name).unwrap();
    let range = json!({"start": position(&second_text, start), "end": position(&second_text, start + name.len())});
    change(
        &mut client,
        &second,
        2,
        json!([{"range": range, "text": taken}]),
    );
    let diags = client.diagnostics(&uri(&second));
    let t404 = diags
        .iter()
        .find(|d| d["code"] == "T404")
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!(t404["range"]["start"], json!({"line": 1, "character": 6}));
    assert_eq!(
        t404["relatedInformation"][0]["location"]["uri"],
        uri(&first)
    );
    assert_eq!(
        t404["relatedInformation"][0]["location"]["range"]["start"],
        json!({"line": 1, "character": 6})
    );
    // The disk is as it was: `jixiao check` there finds no duplicate.
    assert_eq!(std::fs::read_to_string(&second).unwrap(), second_text);
    let check = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["check", "--format", "short", "binhai"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&check.stdout).contains("T404"));

    // A new project file that exists only in the editor joins the document.
    let new = doc.join("11-新项目.yaml");
    let new_text = std::fs::read_to_string(&first)
        .unwrap()
        .replace(taken, "新项目")
        .replacen("value: 1种", "value: ≥3", 1);
    client.open(&new, &new_text);
    let diags = client.diagnostics(&uri(&new));
    assert!(codes(&diags).contains(&"V104".to_string()), "{diags:?}");
    assert!(!new.exists());
    // Closing it forgets it: the document is read from disk again and the file's
    // diagnostics are cleared.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&new)}}),
    );
    assert_eq!(client.diagnostics(&uri(&new)), Vec::<Value>::new());

    // YAML that is not part of a document gets nothing.
    let ci = dir.join(".gitlab-ci.yml");
    std::fs::write(&ci, "stages: [check]\n").unwrap();
    client.drain();
    client.open(&ci, "stages: [check]\n");
    let h = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&ci)}, "position": {"line": 0, "character": 1}}),
    );
    assert_eq!(h, Value::Null);
    assert!(
        !client
            .received()
            .iter()
            .any(|m| m["params"]["uri"] == uri(&ci)),
        "no diagnostics for CI configuration"
    );
    assert!(client.shutdown().success());
}

/// `jixiao init` sets VS Code up: `.vscode/settings.json` associates the document and
/// project files with the schemas the scaffold ships.
#[test]
fn init_associates_the_schemas_for_vs_code() {
    let dir = tempdir("init");
    let status = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["init", "repo", "--year", "2025"])
        .current_dir(&dir)
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    let repo = dir.join("repo");
    let settings: Value =
        serde_json::from_str(&std::fs::read_to_string(repo.join(".vscode/settings.json")).unwrap())
            .unwrap();
    let schemas = settings["yaml.schemas"].as_object().unwrap();
    assert_eq!(
        schemas["./schema/jixiao.schema.json"],
        json!(["**/jixiao.yaml"])
    );
    assert!(schemas["./schema/project.schema.json"][0] == "**/*.yaml");
    for schema in schemas.keys() {
        assert!(repo.join(schema).is_file(), "{schema}");
    }
}

/// The last diagnostics published for `uri` so far, if any: a hover request is answered
/// only after the server has published what the messages before it changed.
fn published_so_far(client: &mut Client, uri: &str) -> Option<Vec<Value>> {
    client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    client
        .received()
        .iter()
        .rfind(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
        .map(|m| m["params"]["diagnostics"].as_array().unwrap().clone())
}

/// A targets file open beside the 自评 document that reads it shows the findings of
/// both documents, each once; editing the targets keeps the 自评 findings located in
/// them, and closing the 自评 document leaves the targets document's own findings.
#[test]
fn a_file_in_two_open_documents_shows_the_findings_of_both() {
    let dir = tempdir("two-documents");
    let targets = dir.join("targets.yaml");
    let evaluation = dir.join("fail.yaml");
    let targets_text = std::fs::read_to_string(root().join("tests/rules/E012/targets.yaml"))
        .unwrap()
        .replacen("value: 1种", "value: 不少于1种", 1);
    std::fs::write(&targets, &targets_text).unwrap();
    std::fs::copy(root().join("tests/rules/E012/fail.yaml"), &evaluation).unwrap();
    let evaluation_text = std::fs::read_to_string(&evaluation).unwrap();
    let t = uri(&targets);
    let (mut client, _) = Client::start(&dir);

    client.open(&targets, &targets_text);
    let alone = client.diagnostics(&t);
    assert!(codes(&alone).contains(&"V102".to_string()), "{alone:?}");
    assert!(!codes(&alone).contains(&"E001".to_string()), "{alone:?}");

    client.open(&evaluation, &evaluation_text);
    let both = published_so_far(&mut client, &t).expect("the targets file is republished");
    let found = codes(&both);
    assert!(found.contains(&"E001".to_string()), "{found:?}");
    assert_eq!(
        found.iter().filter(|c| *c == "V102").count(),
        1,
        "{found:?}"
    );
    for (i, d) in both.iter().enumerate() {
        assert!(!both[..i].contains(d), "published twice: {d}");
    }

    // An edit of the targets re-checks their own document; the 自评 findings stay.
    client.drain();
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": t, "version": 2},
               "contentChanges": [{"text": format!("{targets_text}\n")}]}),
    );
    let edited = published_so_far(&mut client, &t).expect("an edited file is republished");
    assert!(codes(&edited).contains(&"E001".to_string()), "{edited:?}");

    // Closing the 自评 document leaves what the targets document itself finds.
    client.drain();
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&evaluation)}}),
    );
    let after = published_so_far(&mut client, &t).expect("the targets file is republished");
    assert_eq!(codes(&after), codes(&alone), "{after:?}");
    assert!(client.shutdown().success());
}
