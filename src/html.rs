//! HTML to plain text, for NDRs whose only human part is HTML and for HTML
//! pasted as source. Tags are dropped, never interpreted; entities are decoded
//! into plain characters, so `&lt;script&gt;` becomes the text `<script>`.

/// Converts HTML to text: block elements end lines, `script`/`style`/`head`
/// content is dropped, runs of whitespace inside a line become one space.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skip_until: Option<&'static str> = None;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip_until.is_none() {
                push_text(&mut out, rest);
            }
            break;
        };
        if skip_until.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        rest = &rest[lt..];
        if let Some(after_comment) = rest.strip_prefix("<!--") {
            rest = after_comment
                .find("-->")
                .map_or("", |end| &after_comment[end + 3..]);
            continue;
        }
        let end = tag_end(rest);
        let tag = rest[1..end].strip_suffix('>').unwrap_or(&rest[1..end]);
        rest = &rest[end..];
        let name = tag_name(tag);
        if let Some(closing) = skip_until {
            if name == closing {
                skip_until = None;
            }
            continue;
        }
        match name.as_str() {
            "script" | "style" | "head" | "title" | "template" => {
                skip_until = Some(match name.as_str() {
                    "script" => "/script",
                    "style" => "/style",
                    "head" => "/head",
                    "title" => "/title",
                    _ => "/template",
                });
            }
            "br" | "p" | "/p" | "div" | "/div" | "tr" | "/tr" | "li" | "/li" | "hr" | "h1"
            | "/h1" | "h2" | "/h2" | "h3" | "/h3" | "h4" | "/h4" | "table" | "/table" | "pre"
            | "/pre" | "blockquote" | "/blockquote" | "/ul" | "/ol" => new_line(&mut out),
            "td" | "th" if !out.ends_with('\n') && !out.is_empty() => out.push(' '),
            _ => {}
        }
    }
    let trimmed: Vec<&str> = out.lines().map(str::trim).collect();
    trimmed.join("\n").trim().to_owned()
}

/// Index just past the `>` that closes the tag at the start of `text`,
/// skipping `>` inside quoted attribute values.
fn tag_end(text: &str) -> usize {
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    text.len()
}

fn tag_name(tag: &str) -> String {
    tag.trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!')
        .collect::<String>()
        .to_ascii_lowercase()
}

fn new_line(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn push_text(out: &mut String, text: &str) {
    let decoded = decode_entities(text);
    for c in decoded.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !out.is_empty() && !out.ends_with(' ') && !out.ends_with('\n') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// Decodes character references: the named ones mail uses, decimal and hex.
/// Unknown references are left as written.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|end| entity(&rest[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(value).filter(|c| *c != '\0');
    }
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "Eacute" => 'É',
        "ocirc" => 'ô',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "szlig" => 'ß',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "copy" => '©',
        _ => return None,
    })
}

/// True when `text` looks like HTML source rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<html",
        "<body",
        "<!doctype html",
        "<div",
        "<p>",
        "<table",
        "<br",
    ]
    .iter()
    .any(|marker| head.contains(marker))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_dropped_blocks_become_lines() {
        let html = "<html><head><style>p{color:red}</style></head><body><p>Status code: <b>550 5.7.705</b></p><div>Next</div></body></html>";
        assert_eq!(to_text(html), "Status code: 550 5.7.705\nNext");
    }

    #[test]
    fn entities_become_text_not_markup() {
        assert_eq!(
            to_text("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#x27;</p>"),
            "<script>alert(1)</script> & 'x'"
        );
        assert_eq!(decode_entities("&unknown; &#0; &"), "&unknown; &#0; &");
    }

    #[test]
    fn scripts_and_comments_are_dropped() {
        assert_eq!(
            to_text("a<script>var x = '<p>';</script>b<!-- 5.7.705 -->c"),
            "abc"
        );
    }

    #[test]
    fn quoted_angle_brackets_in_attributes() {
        assert_eq!(to_text("<a title=\"a>b\" href='x'>link</a>"), "link");
    }

    #[test]
    fn cells_are_spaced() {
        assert_eq!(
            to_text("<table><tr><td>Status code:</td><td>550 5.7.750</td></tr></table>"),
            "Status code: 550 5.7.750"
        );
    }

    #[test]
    fn detection() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(!looks_like_html("550 5.7.705 <user@example.com>"));
    }
}
