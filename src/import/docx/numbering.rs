//! Word's list numbering (`word/numbering.xml`, and paragraph styles that carry numbering
//! in `word/styles.xml`): the number Word shows before a paragraph, computed the way Word
//! counts, so that a heading numbered by Word reads `1.{项目名称}绩效目标表` exactly as if
//! the number had been typed.

use std::collections::BTreeMap;

use super::xml::Element;

/// One level of an abstract numbering definition.
#[derive(Clone, Debug)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// `w:lvlRestart`: restart after a level above this number is used (0: never).
    restart: Option<u32>,
    /// `w:isLgl`: show all levels as decimal numbers.
    legal: bool,
    /// `w:pStyle`: the paragraph style this level is bound to.
    style: Option<String>,
}

#[derive(Clone, Debug, Default)]
struct Abstract {
    levels: BTreeMap<u32, Level>,
}

/// A numbering instance (`w:num`).
#[derive(Clone, Debug)]
struct Num {
    abstract_id: String,
    /// `w:lvlOverride`: a start override and/or a replaced level.
    starts: BTreeMap<u32, u32>,
    levels: BTreeMap<u32, Level>,
}

/// A paragraph style's numbering, and the style it is based on.
#[derive(Clone, Debug, Default)]
struct Style {
    num: Option<(String, Option<u32>)>,
    based_on: Option<String>,
}

/// The numbering definitions of a package and the counters while reading it in order.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: BTreeMap<String, Abstract>,
    nums: BTreeMap<String, Num>,
    styles: BTreeMap<String, Style>,
    /// Counters per list: the abstract numbering, or the instance when it overrides starts.
    counters: BTreeMap<String, BTreeMap<u32, u32>>,
}

fn level(e: &Element) -> Level {
    Level {
        start: e
            .child_val("start")
            .and_then(|v| v.parse().ok())
            .unwrap_or(1),
        format: e.child_val("numFmt").unwrap_or("decimal").to_string(),
        text: e.child_val("lvlText").unwrap_or("").to_string(),
        restart: e.child_val("lvlRestart").and_then(|v| v.parse().ok()),
        legal: e.child("isLgl").is_some_and(super::xml::on),
        style: e.child_val("pStyle").map(str::to_string),
    }
}

fn ilvl(e: &Element) -> Option<u32> {
    e.attr("ilvl").and_then(|v| v.parse().ok())
}

impl Numbering {
    /// Reads `numbering.xml` and `styles.xml` (either may be absent).
    pub fn new(numbering: Option<&Element>, styles: Option<&Element>) -> Self {
        let mut out = Numbering::default();
        if let Some(root) = numbering {
            for e in root.elements() {
                match e.name.as_str() {
                    "abstractNum" => {
                        let Some(id) = e.attr("abstractNumId") else {
                            continue;
                        };
                        let mut a = Abstract::default();
                        for l in e.elements().filter(|l| l.name == "lvl") {
                            if let Some(i) = ilvl(l) {
                                a.levels.insert(i, level(l));
                            }
                        }
                        out.abstracts.insert(id.to_string(), a);
                    }
                    "num" => {
                        let (Some(id), Some(abs)) = (e.attr("numId"), e.child_val("abstractNumId"))
                        else {
                            continue;
                        };
                        let mut num = Num {
                            abstract_id: abs.to_string(),
                            starts: BTreeMap::new(),
                            levels: BTreeMap::new(),
                        };
                        for o in e.elements().filter(|o| o.name == "lvlOverride") {
                            let Some(i) = ilvl(o) else { continue };
                            if let Some(s) =
                                o.child_val("startOverride").and_then(|v| v.parse().ok())
                            {
                                num.starts.insert(i, s);
                            }
                            if let Some(l) = o.child("lvl") {
                                num.levels.insert(i, level(l));
                            }
                        }
                        out.nums.insert(id.to_string(), num);
                    }
                    _ => {}
                }
            }
        }
        if let Some(root) = styles {
            for s in root.elements().filter(|s| s.name == "style") {
                let Some(id) = s.attr("styleId") else {
                    continue;
                };
                let num = s.child("pPr").and_then(|p| p.child("numPr")).and_then(|n| {
                    let id = n.child_val("numId")?.to_string();
                    let lvl = n.child_val("ilvl").and_then(|v| v.parse().ok());
                    Some((id, lvl))
                });
                out.styles.insert(
                    id.to_string(),
                    Style {
                        num,
                        based_on: s.child_val("basedOn").map(str::to_string),
                    },
                );
            }
        }
        out
    }

    /// The level definition of `ilvl` in list `num_id`.
    fn level(&self, num_id: &str, ilvl: u32) -> Option<Level> {
        let num = self.nums.get(num_id)?;
        if let Some(l) = num.levels.get(&ilvl) {
            return Some(l.clone());
        }
        self.abstracts
            .get(&num.abstract_id)?
            .levels
            .get(&ilvl)
            .cloned()
    }

    /// The numbering of a paragraph: its own `w:numPr`, else its style's (following
    /// `w:basedOn`). `numId` 0 switches numbering off.
    fn resolve(&self, ppr: Option<&Element>) -> Option<(String, u32)> {
        let style_id = ppr.and_then(|p| p.child_val("pStyle"));
        if let Some(n) = ppr.and_then(|p| p.child("numPr")) {
            let id = n.child_val("numId");
            let lvl = n.child_val("ilvl").and_then(|v| v.parse().ok());
            if let Some(id) = id {
                if id == "0" {
                    return None;
                }
                let lvl = lvl.or_else(|| style_id.and_then(|s| self.style_level(id, s)));
                return Some((id.to_string(), lvl.unwrap_or(0)));
            }
        }
        let mut style = style_id?;
        for _ in 0..32 {
            let s = self.styles.get(style)?;
            if let Some((id, lvl)) = &s.num {
                if id == "0" {
                    return None;
                }
                let lvl = lvl.or_else(|| self.style_level(id, style)).unwrap_or(0);
                return Some((id.clone(), lvl));
            }
            style = s.based_on.as_deref()?;
        }
        None
    }

    /// The level of list `num_id` bound to paragraph style `style`.
    fn style_level(&self, num_id: &str, style: &str) -> Option<u32> {
        let num = self.nums.get(num_id)?;
        let a = self.abstracts.get(&num.abstract_id)?;
        a.levels
            .iter()
            .find(|(_, l)| l.style.as_deref() == Some(style))
            .map(|(i, _)| *i)
    }

    /// The number Word shows before the paragraph with properties `ppr`, advancing the
    /// counters; `None` for a paragraph without numbering. Bullets give their symbol.
    pub fn next(&mut self, ppr: Option<&Element>) -> Option<String> {
        let (num_id, ilvl) = self.resolve(ppr)?;
        let lvl = self.level(&num_id, ilvl)?;
        let num = self.nums.get(&num_id)?;
        let key = if num.starts.is_empty() && num.levels.is_empty() {
            format!("a{}", num.abstract_id)
        } else {
            format!("n{num_id}")
        };
        let start = num.starts.get(&ilvl).copied().unwrap_or(lvl.start);
        // lvlRestart r (one-based): the level restarts when a level up to r is used; 0
        // never; absent: whenever any level above it is used.
        let restarts: Vec<(u32, Option<u32>)> = (ilvl + 1..9)
            .map(|k| (k, self.level(&num_id, k).and_then(|l| l.restart)))
            .collect();
        let counters = self.counters.entry(key).or_default();
        let value = counters.get(&ilvl).map_or(start, |v| v.saturating_add(1));
        counters.insert(ilvl, value);
        for (k, r) in restarts {
            if r.is_none_or(|r| r != 0 && ilvl < r) {
                counters.remove(&k);
            }
        }
        let counters = counters.clone();
        match lvl.format.as_str() {
            "bullet" => return Some(lvl.text.clone()),
            "none" => return Some(String::new()),
            _ => {}
        }
        let mut out = String::new();
        let mut chars = lvl.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
            {
                chars.next();
                let i = d.saturating_sub(1);
                let l = self.level(&num_id, i);
                let n = counters
                    .get(&i)
                    .copied()
                    .or_else(|| l.as_ref().map(|l| l.start))
                    .unwrap_or(1);
                let format = match &l {
                    Some(l) if !lvl.legal || i == ilvl => l.format.as_str(),
                    _ => "decimal",
                };
                out.push_str(&format_number(n, format));
            } else {
                out.push(c);
            }
        }
        Some(out)
    }
}

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// A number in one of Word's number formats (`w:numFmt`); unknown formats as decimal.
pub fn format_number(n: u32, format: &str) -> String {
    match format {
        "decimalZero" => format!("{n:02}"),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerLetter" => letters(n).to_lowercase(),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "koreanCounting" => chinese(n, &DIGITS, ['十', '百', '千']),
        "chineseLegalSimplified" => chinese(n, &LEGAL, ['拾', '佰', '仟']),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(0) => '〇',
                Some(d) => DIGITS[d as usize],
                None => c,
            })
            .collect(),
        "ideographTraditional" => cycle(n, "甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => cycle(n, "子丑寅卯辰巳午未申酉戌亥"),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or(n.to_string(), String::from)
        }
        "decimalEnclosedParen" if (1..=20).contains(&n) => {
            char::from_u32(0x2474 + n - 1).map_or(n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c))
            .collect(),
        _ => n.to_string(),
    }
}

fn cycle(n: u32, set: &str) -> String {
    let chars: Vec<char> = set.chars().collect();
    let i = (n.max(1) - 1) as usize % chars.len();
    chars[i].to_string()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// `A`…`Z`, then `AA`, `BB`… as Word counts letters.
fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let c = char::from(b'A' + ((n - 1) % 26) as u8);
    c.to_string().repeat(((n - 1) / 26 + 1) as usize)
}

/// Chinese counting: 一 … 十, 十一, 二十, 一百零一 …; above 9999 as digits.
fn chinese(n: u32, digits: &[char; 10], units: [char; 3]) -> String {
    if n == 0 {
        return digits[0].to_string();
    }
    if n > 9999 {
        return n.to_string();
    }
    let parts = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let unit = [Some(units[2]), Some(units[1]), Some(units[0]), None];
    let mut out = String::new();
    let mut zero = false;
    for (k, &d) in parts.iter().enumerate() {
        if d == 0 {
            if !out.is_empty() {
                zero = true;
            }
            continue;
        }
        if zero {
            out.push(digits[0]);
            zero = false;
        }
        // 十一, not 一十一, when the number starts with the tens.
        if !(k == 2 && d == 1 && out.is_empty()) {
            out.push(digits[d as usize]);
        }
        if let Some(u) = unit[k] {
            out.push(u);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::docx::xml::parse;

    #[test]
    fn number_formats() {
        assert_eq!(format_number(3, "chineseCounting"), "三");
        assert_eq!(format_number(10, "chineseCounting"), "十");
        assert_eq!(format_number(12, "chineseCounting"), "十二");
        assert_eq!(format_number(20, "chineseCountingThousand"), "二十");
        assert_eq!(format_number(105, "chineseCounting"), "一百零五");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(2, "decimalEnclosedCircle"), "②");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(7, "decimalZero"), "07");
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:pStyle w:val="H2"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    </w:numbering>"#;
    const STYLES: &str = r#"<w:styles xmlns:w="w">
      <w:style w:styleId="H2"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:styleId="Table"><w:basedOn w:val="H2"/></w:style>
    </w:styles>"#;

    fn ppr(xml: &str) -> Element {
        parse(&format!(r#"<w:pPr xmlns:w="w">{xml}</w:pPr>"#)).unwrap()
    }

    #[test]
    fn lists_count_like_word() {
        let n = parse(NUMBERING).unwrap();
        let s = parse(STYLES).unwrap();
        let mut num = Numbering::new(Some(&n), Some(&s));
        let top = ppr(r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"#);
        let by_style = ppr(r#"<w:pStyle w:val="Table"/>"#);
        assert_eq!(num.next(Some(&top)).as_deref(), Some("一、"));
        assert_eq!(num.next(Some(&by_style)).as_deref(), Some("1."));
        assert_eq!(num.next(Some(&by_style)).as_deref(), Some("2."));
        assert_eq!(num.next(Some(&top)).as_deref(), Some("二、"));
        // The level below restarts after its parent.
        assert_eq!(num.next(Some(&by_style)).as_deref(), Some("1."));
        let off = ppr(r#"<w:pStyle w:val="H2"/><w:numPr><w:numId w:val="0"/></w:numPr>"#);
        assert_eq!(num.next(Some(&off)), None);
        assert_eq!(num.next(None), None);
        let restarted = ppr(r#"<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>"#);
        assert_eq!(num.next(Some(&restarted)).as_deref(), Some("5."));
    }
}
