//! What kind of file an import was given, decided by its content (the zip, OLE2, PDF and
//! RTF signatures, the parts inside a zip, the streams inside an OLE2 compound file),
//! never by its extension alone: offices rename files, and a `.doc` is often an RTF or a
//! .docx in disguise.

use std::io::Cursor;

/// The kinds of input `jixiao import` tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Nothing but whitespace.
    Empty,
    /// UTF-8 text: the text extracted from a published document.
    Text,
    /// Word 2007+ (.docx, .docm, .dotx).
    Docx,
    /// Excel 2007+ (.xlsx, .xlsm).
    Xlsx,
    /// OpenDocument text (.odt), LibreOffice converts it.
    Odt,
    /// OpenDocument spreadsheet (.ods).
    Ods,
    /// A zip that is none of the above.
    OtherZip,
    /// A zip so damaged that its parts cannot be listed.
    BrokenZip,
    /// Word 97–2003 (.doc) or WPS 文字 (.wps): an OLE2 file with a `WordDocument` stream.
    Doc,
    /// Excel 97–2003 (.xls) or WPS 表格 (.et): an OLE2 file with a `Workbook` stream.
    Xls,
    /// A password-protected Office file (OLE2 with `EncryptedPackage`), or an OLE2
    /// Word file with its encryption flag set.
    Encrypted,
    /// An OLE2 file of another kind (PowerPoint, Visio, …).
    OtherOle,
    /// Rich Text Format (Word's “另存为 RTF”, often named .doc).
    Rtf,
    /// PDF.
    Pdf,
    /// Anything else: images, archives, text in another encoding.
    Unknown,
}

impl Kind {
    /// The Chinese name of the kind, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Empty => "空文件",
            Kind::Text => "文本文件",
            Kind::Docx => "Word 文档（.docx）",
            Kind::Xlsx => "Excel 工作簿（.xlsx）",
            Kind::Odt => "OpenDocument 文本（.odt）",
            Kind::Ods => "OpenDocument 电子表格（.ods）",
            Kind::OtherZip => "zip 压缩文件",
            Kind::BrokenZip => "损坏的 zip 文件",
            Kind::Doc => "Word 97-2003 或 WPS 文字文档（.doc/.wps）",
            Kind::Xls => "Excel 97-2003 或 WPS 表格（.xls/.et）",
            Kind::Encrypted => "受密码保护的 Office 文件",
            Kind::OtherOle => "其他 Office 文件（OLE2）",
            Kind::Rtf => "RTF 文档",
            Kind::Pdf => "PDF 文件",
            Kind::Unknown => "无法识别的文件",
        }
    }
}

pub const OLE_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Decides the kind of `bytes`.
pub fn detect(bytes: &[u8]) -> Kind {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Kind::Empty;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return zip_kind(bytes);
    }
    if bytes.starts_with(&OLE_SIGNATURE) {
        return ole_kind(bytes);
    }
    // PDF allows junk before the header within the first KB.
    if bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return Kind::Pdf;
    }
    if bytes.starts_with(b"{\\rtf") {
        return Kind::Rtf;
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(text) {
        Ok(t) if !t.contains('\0') => Kind::Text,
        _ => Kind::Unknown,
    }
}

fn zip_kind(bytes: &[u8]) -> Kind {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // A damaged zip (its directory is at the end, so a truncated file loses it): the
        // local headers at the start still name the parts.
        let named = |n: &[u8]| bytes.windows(n.len()).take(1 << 20).any(|w| w == n);
        return if named(b"word/") {
            Kind::Docx
        } else if named(b"xl/") {
            Kind::Xlsx
        } else {
            Kind::BrokenZip
        };
    };
    let has = |a: &zip::ZipArchive<Cursor<&[u8]>>, n: &str| a.index_for_name(n).is_some();
    if has(&archive, "word/document.xml") {
        return Kind::Docx;
    }
    if has(&archive, "xl/workbook.xml") {
        return Kind::Xlsx;
    }
    // A package whose main part is elsewhere: ask [Content_Types].xml.
    if let Ok(mut ct) = archive.by_name("[Content_Types].xml") {
        let mut text = String::new();
        let _ =
            std::io::Read::read_to_string(&mut std::io::Read::take(&mut ct, 1 << 20), &mut text);
        if text.contains("wordprocessingml.document.main") {
            return Kind::Docx;
        }
        if text.contains("spreadsheetml.sheet.main") {
            return Kind::Xlsx;
        }
    }
    if let Ok(mut m) = archive.by_name("mimetype") {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut std::io::Read::take(&mut m, 200), &mut text);
        match text.trim() {
            "application/vnd.oasis.opendocument.text" => return Kind::Odt,
            "application/vnd.oasis.opendocument.spreadsheet" => return Kind::Ods,
            _ => {}
        }
    }
    Kind::OtherZip
}

fn ole_kind(bytes: &[u8]) -> Kind {
    let Some(streams) = ole_streams(bytes) else {
        return Kind::OtherOle;
    };
    let has = |n: &str| streams.iter().any(|s| s.name.eq_ignore_ascii_case(n));
    if has("EncryptedPackage") || has("EncryptionInfo") {
        return Kind::Encrypted;
    }
    if has("WordDocument") {
        // FIB: fEncrypted is bit 0 of the byte at offset 0x0B of the WordDocument stream.
        let encrypted = streams
            .iter()
            .find(|s| s.name == "WordDocument")
            .and_then(|s| ole_stream_byte(bytes, s, 0x0B))
            .is_some_and(|b| b & 0x01 != 0);
        return if encrypted {
            Kind::Encrypted
        } else {
            Kind::Doc
        };
    }
    if has("Workbook") || has("Book") {
        return Kind::Xls;
    }
    Kind::OtherOle
}

/// The header fields of an OLE2 compound file needed to walk its directory.
struct Ole<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
}

impl Ole<'_> {
    fn sector(&self, n: u32) -> Option<&[u8]> {
        let start = (n as usize).checked_add(1)?.checked_mul(self.sector)?;
        self.bytes.get(start..start.checked_add(self.sector)?)
    }

    /// The sectors of a chain, bounded by the FAT's size (no loops).
    fn chain(&self, first: u32) -> Vec<u32> {
        let mut out = Vec::new();
        let mut n = first;
        while n < 0xFFFF_FFFA && out.len() <= self.fat.len() {
            out.push(n);
            n = match self.fat.get(n as usize) {
                Some(&next) => next,
                None => break,
            };
        }
        out
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn ole(bytes: &[u8]) -> Option<Ole<'_>> {
    let shift = u16_at(bytes, 0x1E)?;
    if !(7..=16).contains(&shift) {
        return None;
    }
    let sector = 1usize << shift;
    let fat_sectors = u32_at(bytes, 0x2C)? as usize;
    let mut ole = Ole {
        bytes,
        sector,
        fat: Vec::new(),
    };
    // The first 109 FAT sector numbers are in the header (DIFAT); larger files are not
    // needed to tell the kind, their directory is near the start anyway.
    for k in 0..fat_sectors.min(109) {
        let n = u32_at(bytes, 0x4C + 4 * k)?;
        let Some(s) = ole.sector(n) else { break };
        let entries: Vec<u32> = s
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        ole.fat.extend(entries);
    }
    Some(ole)
}

/// A directory entry of an OLE2 file.
pub struct OleEntry {
    pub name: String,
    start: u32,
    size: u64,
}

/// The stream and storage entries of an OLE2 file.
pub fn ole_streams(bytes: &[u8]) -> Option<Vec<OleEntry>> {
    let ole = ole(bytes)?;
    let first_dir = u32_at(bytes, 0x30)?;
    let mut names = Vec::new();
    for n in ole.chain(first_dir) {
        let Some(s) = ole.sector(n) else { break };
        for entry in s.chunks_exact(128) {
            let len = u16_at(entry, 0x40)? as usize;
            if !(2..=64).contains(&len) || entry[0x42] == 0 {
                continue;
            }
            let units: Vec<u16> = entry[..len - 2]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            let start = u32_at(entry, 0x74)?;
            let size = u64::from(u32_at(entry, 0x78)?);
            names.push(OleEntry {
                name: String::from_utf16_lossy(&units),
                start,
                size,
            });
        }
    }
    Some(names)
}

/// A byte in the first sector of a stream kept in regular sectors (streams smaller than
/// the mini-stream cutoff live elsewhere; a WordDocument stream never is that small).
fn ole_stream_byte(bytes: &[u8], entry: &OleEntry, offset: usize) -> Option<u8> {
    let cutoff = u64::from(u32_at(bytes, 0x38)?);
    if entry.size < cutoff || offset as u64 >= entry.size {
        return None;
    }
    ole(bytes)?.sector(entry.start)?.get(offset).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_decide() {
        assert_eq!(detect(b""), Kind::Empty);
        assert_eq!(detect(b" \n"), Kind::Empty);
        assert_eq!(detect(b"%PDF-1.7\n..."), Kind::Pdf);
        assert_eq!(detect(b"{\\rtf1\\ansi"), Kind::Rtf);
        assert_eq!(detect("1.项目绩效目标表\n".as_bytes()), Kind::Text);
        assert_eq!(detect(&[0xB0, 0xA1, 0xC0, 0x00]), Kind::Unknown);
        assert_eq!(detect(&OLE_SIGNATURE), Kind::OtherOle);
        assert_eq!(detect(b"PK\x03\x04garbage"), Kind::BrokenZip);
        assert_eq!(detect(b"PK\x03\x04....word/document.xml"), Kind::Docx);
    }
}
