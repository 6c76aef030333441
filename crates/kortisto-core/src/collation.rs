//! Finnish alphabetical order for lists: case-insensitive, accents folded, and å, ä, ö after
//! z (as in the Finnish alphabet), registered on every connection as the `finnish` collation.
use std::cmp::Ordering;

/// Sort key of one character.
fn key(c: char) -> (u32, char) {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'å' => ('z' as u32 + 1, lower),
        'ä' | 'æ' => ('z' as u32 + 2, lower),
        'ö' | 'ø' => ('z' as u32 + 3, lower),
        'ü' => ('y' as u32, lower),
        'á' | 'à' | 'â' | 'ã' => ('a' as u32, lower),
        'é' | 'è' | 'ê' | 'ë' => ('e' as u32, lower),
        'í' | 'ì' | 'î' | 'ï' => ('i' as u32, lower),
        'ó' | 'ò' | 'ô' | 'õ' => ('o' as u32, lower),
        'ú' | 'ù' | 'û' => ('u' as u32, lower),
        'š' => ('s' as u32, lower),
        'ž' => ('z' as u32, lower),
        other => (other as u32, other),
    }
}

/// Compares two strings in Finnish order (primary letters first, then exact characters).
pub fn finnish(a: &str, b: &str) -> Ordering {
    let primary = a.chars().map(|c| key(c).0).cmp(b.chars().map(|c| key(c).0));
    primary.then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_finnish_letters_sort_after_z() {
        let mut names = vec![
            "Öhman",
            "Aalto",
            "Åberg",
            "Ahonen",
            "Zetterberg",
            "Äijälä",
            "virtanen",
            "Wikström",
        ];
        names.sort_by(|a, b| finnish(a, b));
        assert_eq!(
            names,
            [
                "Aalto",
                "Ahonen",
                "virtanen",
                "Wikström",
                "Zetterberg",
                "Åberg",
                "Äijälä",
                "Öhman"
            ]
        );
    }
}
