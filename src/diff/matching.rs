//! Which project of the old document is which of the new: by 项目编码, then by name, then
//! by name with the years removed, then — as a guess — by similarity of name and rows.

use serde::Serialize;

use super::names;
use crate::model::Project;

/// How a pair of projects (or rows) was matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum MatchedBy {
    /// The same 项目编码.
    Code,
    /// The same name (ignoring whitespace and full-width letters).
    Name,
    /// The same name once the years are removed (`2025年…` and `2026年…`).
    NameWithoutYear,
    /// A row with the same 三级指标 under another 一级 or 二级.
    Level3,
    /// Alike, not equal: a guess, with its similarity from 0 to 100.
    Similarity { score: u32 },
}

impl MatchedBy {
    /// The Chinese label shown in reports.
    pub fn label(&self) -> String {
        match self {
            MatchedBy::Code => "按项目编码匹配".into(),
            MatchedBy::Name => "按名称匹配".into(),
            MatchedBy::NameWithoutYear => "按去掉年份的名称匹配".into(),
            MatchedBy::Level3 => "按三级指标名称匹配".into(),
            MatchedBy::Similarity { score } => format!("推测：相似度 {score}%"),
        }
    }

    /// Whether the match is a guess.
    pub fn is_guess(&self) -> bool {
        matches!(self, MatchedBy::Similarity { .. })
    }
}

/// The least similarity (0–100) at which two projects or rows are guessed to be the same.
pub const GUESS_THRESHOLD: u32 = 50;

/// The outcome of matching two lists: pairs `(old index, new index, how)` in new order,
/// and the indices left over on each side.
#[derive(Debug, Default)]
pub struct Pairing {
    pub pairs: Vec<(usize, usize, MatchedBy)>,
    pub removed: Vec<usize>,
    pub added: Vec<usize>,
}

/// The key of item `i` of the old (`false`) or new (`true`) side in one round of
/// matching; `None` takes no part in the round.
pub type Key<'a, K> = &'a dyn Fn(usize, bool) -> Option<K>;

/// Matches items in rounds: each round pairs items whose keys are equal, in order; then
/// the rest are guessed by `score`, best first.
pub fn pair<K: PartialEq>(
    old_len: usize,
    new_len: usize,
    rounds: &[(MatchedBy, Key<K>)],
    score: &dyn Fn(usize, usize) -> u32,
) -> Pairing {
    let mut old_taken = vec![false; old_len];
    let mut new_taken = vec![false; new_len];
    let mut pairs = Vec::new();
    for (how, key) in rounds {
        for n in (0..new_len).filter(|&n| !new_taken[n]).collect::<Vec<_>>() {
            let Some(k) = key(n, true) else { continue };
            if let Some(o) =
                (0..old_len).find(|&o| !old_taken[o] && key(o, false).as_ref() == Some(&k))
            {
                old_taken[o] = true;
                new_taken[n] = true;
                pairs.push((o, n, *how));
            }
        }
    }
    let mut candidates: Vec<(u32, usize, usize)> = Vec::new();
    for n in (0..new_len).filter(|&n| !new_taken[n]) {
        for o in (0..old_len).filter(|&o| !old_taken[o]) {
            let s = score(o, n);
            if s >= GUESS_THRESHOLD {
                candidates.push((s, o, n));
            }
        }
    }
    // Best score first; ties in document order, so the result is deterministic.
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
    for (s, o, n) in candidates {
        if !old_taken[o] && !new_taken[n] {
            old_taken[o] = true;
            new_taken[n] = true;
            pairs.push((o, n, MatchedBy::Similarity { score: s }));
        }
    }
    pairs.sort_by_key(|p| p.1);
    Pairing {
        pairs,
        removed: (0..old_len).filter(|&o| !old_taken[o]).collect(),
        added: (0..new_len).filter(|&n| !new_taken[n]).collect(),
    }
}

/// Matches the projects of two documents.
pub fn projects(old: &[Project], new: &[Project]) -> Pairing {
    let side = |is_new: bool| if is_new { new } else { old };
    let code = |i: usize, is_new: bool| {
        side(is_new)[i]
            .code
            .as_ref()
            .map(|c| names::normalize(&c.value))
            .filter(|c| !c.is_empty())
    };
    let name = |i: usize, is_new: bool| Some(names::normalize(&side(is_new)[i].name.value));
    let without_years =
        |i: usize, is_new: bool| Some(names::without_years(&side(is_new)[i].name.value));
    let score = |o: usize, n: usize| project_similarity(&old[o], &new[n]);
    pair(
        old.len(),
        new.len(),
        &[
            (MatchedBy::Code, &code),
            (MatchedBy::Name, &name),
            (MatchedBy::NameWithoutYear, &without_years),
        ],
        &score,
    )
}

/// How alike two projects are: their names, helped by the 三级指标 they share (a project
/// renamed outright keeps its rows).
fn project_similarity(a: &Project, b: &Project) -> u32 {
    let name = names::similarity(&a.name.value, &b.name.value);
    let rows = |p: &Project| {
        let mut v: Vec<String> = p
            .rows()
            .map(|(_, _, r)| names::normalize(&r.level3.value))
            .collect();
        v.sort();
        v
    };
    let (ra, rb) = (rows(a), rows(b));
    let total = ra.len() + rb.len();
    let shared = {
        let (mut i, mut j, mut n) = (0, 0, 0usize);
        while i < ra.len() && j < rb.len() {
            match ra[i].cmp(&rb[j]) {
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
            }
        }
        n
    };
    let rows = (shared * 200).checked_div(total).unwrap_or(0) as u32;
    name.max((name + rows) / 2)
}
