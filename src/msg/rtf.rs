//! The body an item keeps only as compressed RTF: LZFu decompression
//! ([MS-OXRTFCP] 2.1) and the HTML or text the RTF encapsulates
//! ([MS-OXRTFEX] 2.1), or for plain RTF its text with the control words
//! stripped.

use super::MsgError;
use crate::mime::charset;

/// [MS-OXRTFCP] 2.1.3.1.1: `LZFu`, compressed; `MELA`, stored as is.
const COMPRESSED: u32 = 0x7546_5A4C;
const UNCOMPRESSED: u32 = 0x414C_454D;
/// [MS-OXRTFCP] 2.1.2.1: the dictionary starts with these 207 bytes.
const PREBUF: &[u8] = b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";
/// Most nested RTF groups followed; deeper groups count but are not kept.
const MAX_GROUPS: usize = 256;

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// Decompresses a `PidTagRtfCompressed` value, keeping at most `cap` bytes.
/// The header's sizes are checked against the stream: a reference token
/// yields at most 17 bytes for 2 (plus an eighth of a control byte), so the
/// raw size can be at most about 8 times the compressed one.
pub fn decompress(stream: &[u8], cap: usize) -> Result<Vec<u8>, MsgError> {
    if stream.len() < 16 {
        return Err(MsgError::BadRtf);
    }
    let comp_size = u32_at(stream, 0) as usize;
    let raw_size = u32_at(stream, 4) as usize;
    let kind = u32_at(stream, 8);
    if comp_size != stream.len() - 4 || raw_size > 8 * comp_size + 4096 {
        return Err(MsgError::BadRtf);
    }
    let data = &stream[16..];
    let raw_size = raw_size.min(cap);
    if kind == UNCOMPRESSED {
        return Ok(data[..raw_size.min(data.len())].to_vec());
    }
    if kind != COMPRESSED {
        return Err(MsgError::BadRtf);
    }
    let mut dictionary = [0u8; 4096];
    dictionary[..PREBUF.len()].copy_from_slice(PREBUF);
    let mut write = PREBUF.len();
    let mut out = Vec::with_capacity(raw_size);
    let mut i = 0;
    while i < data.len() && out.len() < raw_size {
        let control = data[i];
        i += 1;
        for bit in 0..8 {
            if i >= data.len() || out.len() >= raw_size {
                break;
            }
            if control & (1 << bit) == 0 {
                let byte = data[i];
                i += 1;
                out.push(byte);
                dictionary[write] = byte;
                write = (write + 1) % 4096;
                continue;
            }
            let Some(pair) = data.get(i..i + 2) else {
                return Err(MsgError::BadRtf);
            };
            i += 2;
            let token = usize::from(u16::from_be_bytes([pair[0], pair[1]]));
            let (offset, length) = (token >> 4, (token & 0xF) + 2);
            if offset == write {
                return Ok(out); // the end marker
            }
            for k in 0..length {
                let byte = dictionary[(offset + k) % 4096];
                out.push(byte);
                dictionary[write] = byte;
                write = (write + 1) % 4096;
            }
        }
    }
    out.truncate(raw_size);
    Ok(out)
}

/// What the RTF body carries.
pub enum Content {
    /// HTML encapsulated with `\fromhtml1`.
    Html(String),
    /// Text, encapsulated with `\fromtext` or taken out of plain RTF.
    Text(String),
}

/// One group's state: inside a skipped destination, inside an `\htmltag`,
/// inside an `\htmlrtf` run (RTF that only stands for the HTML).
#[derive(Clone, Copy, Default)]
struct Group {
    skip: bool,
    tag: bool,
    htmlrtf: bool,
    /// The group opened with `\*`: an optional destination.
    star: bool,
}

/// Destinations whose content is never text.
const SKIPPED: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "footer",
    "listtable",
    "listoverridetable",
    "generator",
    "mhtmltag",
];

/// The HTML or text an RTF body holds. In HTML mode the output is the
/// `\htmltag` groups' content and the text outside `\htmlrtf` runs.
pub fn decapsulate(rtf: &[u8]) -> Content {
    let head = &rtf[..rtf.len().min(1024)];
    let html = contains(head, b"\\fromhtml");
    let mut out = String::new();
    let mut stack = vec![Group::default()];
    let mut overflow = 0usize;
    let mut skip_chars = 0usize;
    let mut uc = 1usize;
    let mut label = "windows-1252".to_owned();
    let mut i = 0;
    while i < rtf.len() {
        let here = *stack.last().unwrap_or(&Group::default());
        let visible = !here.skip && (!html || here.tag || !here.htmlrtf);
        let byte = rtf[i];
        i += 1;
        match byte {
            b'{' => {
                if stack.len() < MAX_GROUPS {
                    stack.push(Group {
                        tag: false,
                        star: false,
                        ..here
                    });
                } else {
                    overflow += 1;
                }
            }
            b'}' => {
                if overflow > 0 {
                    overflow -= 1;
                } else if stack.len() > 1 {
                    stack.pop();
                }
            }
            b'\r' | b'\n' => {}
            b'\\' => {
                let (word, param, next) = control(rtf, i);
                i = next;
                let top = stack.last_mut().expect("the stack keeps its base group");
                match word {
                    Word::Symbol(b'\'') => {
                        let hex = rtf.get(i..i + 2).and_then(|h| std::str::from_utf8(h).ok());
                        let value = hex.and_then(|h| u8::from_str_radix(h, 16).ok());
                        i = (i + 2).min(rtf.len());
                        if let Some(value) = value.filter(|_| visible) {
                            if skip_chars > 0 {
                                skip_chars -= 1;
                            } else {
                                out.push_str(&charset::decode(&[value], &label));
                            }
                        }
                    }
                    Word::Symbol(b'*') => top.star = true,
                    Word::Symbol(b'\\' | b'{' | b'}') if visible => {
                        out.push(char::from(rtf[i - 1]))
                    }
                    Word::Symbol(b'~') if visible => out.push('\u{A0}'),
                    Word::Symbol(b'\n' | b'\r') if visible => out.push('\n'),
                    Word::Symbol(_) => {}
                    Word::Name(name) => {
                        let name = std::str::from_utf8(name).unwrap_or("");
                        // Of the optional destinations only `\htmltag` is read.
                        if std::mem::take(&mut top.star) && !(html && name == "htmltag") {
                            top.skip = true;
                        }
                        match name {
                            "htmltag" => top.tag = true,
                            "htmlrtf" => top.htmlrtf = param != Some(0),
                            "ansicpg" => {
                                label = match param {
                                    Some(1252) => "windows-1252".to_owned(),
                                    Some(28591) => "iso-8859-1".to_owned(),
                                    Some(65001) => "utf-8".to_owned(),
                                    _ => "x-unsupported".to_owned(),
                                }
                            }
                            "uc" => uc = param.unwrap_or(1).clamp(0, 8) as usize,
                            "u" if visible => {
                                let unit = param.unwrap_or(0).rem_euclid(65536) as u32;
                                out.push(char::from_u32(unit).unwrap_or('\u{FFFD}'));
                                skip_chars = uc;
                            }
                            "par" | "line" if visible => out.push('\n'),
                            "tab" if visible => out.push('\t'),
                            "bin" => i = i.saturating_add(param.unwrap_or(0).max(0) as usize),
                            _ if SKIPPED.contains(&name) => top.skip = true,
                            _ => {}
                        }
                    }
                }
            }
            _ if visible => {
                if skip_chars > 0 {
                    skip_chars -= 1;
                } else {
                    out.push(char::from(byte));
                }
            }
            _ => {}
        }
    }
    if html {
        Content::Html(out)
    } else {
        Content::Text(out)
    }
}

enum Word<'a> {
    Name(&'a [u8]),
    Symbol(u8),
}

/// The control word or symbol after a backslash at `at`: its name, its
/// numeric parameter and where the text after it starts.
fn control(rtf: &[u8], at: usize) -> (Word<'_>, Option<i64>, usize) {
    let Some(&first) = rtf.get(at) else {
        return (Word::Symbol(0), None, at);
    };
    if !first.is_ascii_alphabetic() {
        return (Word::Symbol(first), None, at + 1);
    }
    let mut end = at;
    while end < rtf.len() && end - at < 32 && rtf[end].is_ascii_alphabetic() {
        end += 1;
    }
    let name = &rtf[at..end];
    let mut pos = end;
    let negative = rtf.get(pos) == Some(&b'-');
    if negative {
        pos += 1;
    }
    let digits_start = pos;
    let mut value: i64 = 0;
    while pos < rtf.len() && pos - digits_start < 10 && rtf[pos].is_ascii_digit() {
        value = value * 10 + i64::from(rtf[pos] - b'0');
        pos += 1;
    }
    let param = (pos > digits_start).then_some(if negative { -value } else { value });
    if param.is_none() {
        pos = end;
    }
    if rtf.get(pos) == Some(&b' ') {
        pos += 1;
    }
    (Word::Name(name), param, pos)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_rtf_is_returned_as_is() {
        let body = b"{\\rtf1 hello}";
        let mut stream = Vec::new();
        stream.extend_from_slice(&((body.len() + 12) as u32).to_le_bytes());
        stream.extend_from_slice(&(body.len() as u32).to_le_bytes());
        stream.extend_from_slice(&UNCOMPRESSED.to_le_bytes());
        stream.extend_from_slice(&[0; 4]);
        stream.extend_from_slice(body);
        assert_eq!(decompress(&stream, usize::MAX).unwrap(), body);
    }

    #[test]
    fn the_specification_example_decompresses() {
        // [MS-OXRTFCP] 3.1.1: "{\rtf1\ansi\ansicpg1252\pard hello world}\r\n".
        let stream: [u8; 61] = [
            0x2d, 0x00, 0x00, 0x00, 0x2b, 0x00, 0x00, 0x00, 0x4c, 0x5a, 0x46, 0x75, 0xf1, 0xc5,
            0xc7, 0xa7, 0x03, 0x00, 0x0a, 0x00, 0x72, 0x63, 0x70, 0x67, 0x31, 0x32, 0x35, 0x42,
            0x32, 0x0a, 0xf3, 0x20, 0x68, 0x65, 0x6c, 0x09, 0x00, 0x20, 0x62, 0x77, 0x05, 0xb0,
            0x6c, 0x64, 0x7d, 0x0a, 0x80, 0x0f, 0xa0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00,
        ];
        let raw = decompress(&stream[..49], usize::MAX).unwrap();
        assert_eq!(raw, b"{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n");
        assert_eq!(decompress(&stream[..49], 6).unwrap(), b"{\\rtf1");
    }

    #[test]
    fn lying_sizes_are_refused() {
        let mut stream = vec![0u8; 32];
        stream[0..4].copy_from_slice(&1000u32.to_le_bytes());
        assert_eq!(decompress(&stream, usize::MAX), Err(MsgError::BadRtf));
        stream[0..4].copy_from_slice(&28u32.to_le_bytes());
        stream[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(decompress(&stream, usize::MAX), Err(MsgError::BadRtf));
    }

    #[test]
    fn encapsulated_html_comes_back() {
        let rtf = b"{\\rtf1\\ansi\\fbidis\\ansicpg1252\\fromhtml1 {\\*\\htmltag19 <html>}{\\*\\htmltag2 \\par }\\htmlrtf {\\fonttbl x}\\htmlrtf0 Remote Server returned \\'2755\\'27{\\*\\htmltag0 </html>}}";
        let Content::Html(html) = decapsulate(rtf) else {
            panic!("not HTML")
        };
        assert_eq!(html, "<html>\nRemote Server returned '55'</html>");
    }

    #[test]
    fn plain_rtf_gives_its_text() {
        let rtf =
            b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\pard 550 5.1.1 caf\\'e9\\par next\\u8217?s}";
        let Content::Text(text) = decapsulate(rtf) else {
            panic!("not text")
        };
        assert_eq!(text, "550 5.1.1 café\nnext’s");
    }
}
