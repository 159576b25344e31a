//! A synthetic disclosure of any size, for PDF tests and benchmarks: a Part 1 narrative and
//! `tables` projects whose rows vary so that groups, page breaks and wrapping all occur.

use std::fmt::Write;

/// YAML of a document with `tables` projects; every `long_every`-th project has a
/// 一级指标 group too tall for one page.
pub fn document_yaml(tables: usize, long_every: usize) -> String {
    let mut y = String::from(
        "year: 2025\namount_unit: 万元\nunit:\n  code: \"214001\"\n  name: 唐山市商务局\n\
         framework: legacy\ndate: 2025-02-15\n\
         overview:\n  overall: |\n    商务工作的总体要求是：坚持稳中求进，推动消费持续恢复。\n    主要目标：全市社会消费品零售总额增长8%左右。\n\
         \x20 items:\n    - title: 建设数据平台，统筹区域发展。\n      goal: 统筹推进区域合作。\n      indicator: 建立可视化数据平台。\n\
         \x20 safeguards:\n    - 加强组织领导。\n    - 强化资金管理。\nprojects:\n",
    );
    for i in 1..=tables {
        let long = long_every > 0 && i % long_every == 0;
        let rows = if long { 45 } else { 2 + i % 4 };
        let _ = write!(
            y,
            "  - name: 第{i}号“专项”资金项目\n    code: 13020024P{i:012}L\n    budget:\n      total: {i}.50\n      fiscal: {i}.50\n\
             \x20   purpose: 用于第{i}号项目的日常运转与专项工作，保障各项任务按期完成。\n\
             \x20   spending_plan:\n      march: 25%\n      june: 50%\n      october: 80%\n      december: 100%\n\
             \x20   goals:\n      - 完成第{i}号项目年度工作任务。\n      - 提升服务质量与群众满意度。\n\
             \x20   indicators:\n      - level1: 产出指标\n        groups:\n          - level2: 数量指标\n            rows:\n"
        );
        for r in 1..=rows {
            let _ = write!(
                y,
                "              - level3: 第{i}项任务指标{r}\n                value: ≥{r}项\n                basis: 根据第{i}号项目工作计划确定\n"
            );
        }
        y.push_str(
            "          - level2: 时效指标\n            rows:\n              - level3: 完成时间\n                value: 2025年12月底前\n\
             \x20         - level2: 成本指标\n            rows:\n              - level3: 项目成本\n                value: ≤1万元\n\
             \x20     - level1: 效益指标\n        groups:\n          - level2: 社会效益指标\n            rows:\n              - level3: 服务保障水平\n                value: 有效提升\n\
             \x20     - level1: 满意度指标\n        groups:\n          - level2: 服务对象满意度指标\n            rows:\n              - level3: 服务对象满意度\n                value: ≥95%\n",
        );
    }
    y
}
