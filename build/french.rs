//! French typography for the French texts: a narrow no-break space before
//! `:` `;` `!` `?` and inside « », whatever space the writer typed, so that a
//! line never breaks before the sign. The separator belongs to the language:
//! writers type a plain space, this module makes it right.

const NARROW: char = '\u{202f}';

/// `text` with French spacing, or the first place where the space before a
/// sign is missing. Quoted text (often an English server reply) and links
/// are typeset where a space stands but never reported.
pub fn typeset(text: &str) -> Result<String, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut quoted = 0usize;
    let mut in_code = false;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        match c {
            '«' | '“' => quoted += 1,
            '»' | '”' => quoted = quoted.saturating_sub(1),
            '`' => in_code = !in_code,
            _ => {}
        }
        let sign = matches!(c, ':' | ';' | '!' | '?' | '»');
        if sign && matches!(prev, Some(' ' | '\u{a0}')) {
            out.pop();
            out.push(NARROW);
            out.push(c);
            continue;
        }
        if c == '«' {
            out.push(c);
            continue;
        }
        if matches!(prev, Some('«')) && matches!(c, ' ' | '\u{a0}') {
            out.push(NARROW);
            continue;
        }
        let ends_word = next.is_none_or(|n| n.is_whitespace() || matches!(n, ')' | '.' | ','));
        let after_word = prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, ')' | '»'));
        let checked = quoted == 0 && !in_code && !in_link(&chars, i);
        if checked && matches!(c, ':' | ';' | '!' | '?') && after_word && ends_word {
            let start = i.saturating_sub(30);
            let around: String = chars[start..(i + 1).min(chars.len())].iter().collect();
            return Err(format!("no space before `{c}` in “…{around}”"));
        }
        out.push(c);
    }
    Ok(out)
}

/// Whether the character at `i` belongs to a word that is a link or a path.
fn in_link(chars: &[char], i: usize) -> bool {
    let start = chars[..i]
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(0, |p| p + 1);
    let word: String = chars[start..]
        .iter()
        .take_while(|c| !c.is_whitespace())
        .collect();
    word.contains("://") || word.starts_with("www.") || word.contains('\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_spaces_become_narrow_no_break_spaces() {
        assert_eq!(
            typeset("Pourquoi ? Voici : « oui » ; non !").unwrap(),
            "Pourquoi\u{202f}? Voici\u{202f}: «\u{202f}oui\u{202f}»\u{202f}; non\u{202f}!"
        );
    }

    #[test]
    fn a_missing_space_is_reported() {
        assert!(typeset("Remarque: voir plus bas.").is_err());
        assert!(typeset("Vraiment?").is_err());
    }

    #[test]
    fn links_times_and_quotes_are_left_alone() {
        for text in [
            "Voir https://learn.microsoft.com/fr-fr/a?b=c.",
            "À 10:30, le serveur a répondu.",
            "Le texte « TenantAttribution; Relay Access Denied » apparaît.",
            "La commande `Get-Queue | fl` suffit.",
        ] {
            assert!(typeset(text).is_ok(), "{text}");
        }
    }
}
