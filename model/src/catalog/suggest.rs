//! "Did you mean…?" for instance-type names: the catalog names nearest to a
//! mistyped one by edit distance, same family first.

/// Longer input is not compared (nor echoed in full): no catalog name is longer
/// than 40 bytes, and the distance costs `len × name length` per catalog name.
const LONGEST: usize = 40;

/// `name` as an error message may quote it: at most [`LONGEST`] characters.
pub(super) fn shorten(name: &str) -> String {
    match name.char_indices().nth(LONGEST) {
        Some((end, _)) => format!("{}…", &name[..end]),
        None => name.to_owned(),
    }
}

/// Up to `n` of `names` nearest to `typed`, compared without case: by Levenshtein
/// distance, then same family (the part before the dot) first, then nearest in
/// length (`m6i.xlarg`: `m6i.large` before `m6i.4xlarge`), then by name. Only
/// names within a third of the typed length (at least 2 edits) count, so a wild
/// guess gets no suggestion rather than a random one.
pub(super) fn nearest<'a>(
    typed: &str,
    names: impl Iterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    if typed.len() > LONGEST {
        return Vec::new();
    }
    let typed = typed.to_ascii_lowercase();
    let family = typed.split('.').next().unwrap_or_default();
    let limit = (typed.chars().count() / 3).max(2);
    let mut near: Vec<(usize, bool, usize, &str)> = names
        .filter_map(|name| {
            let d = distance(&typed, name);
            let other_family = name.split('.').next() != Some(family);
            (d <= limit).then_some((d, other_family, name.len().abs_diff(typed.len()), name))
        })
        .collect();
    near.sort_unstable();
    near.into_iter()
        .take(n)
        .map(|(_, _, _, name)| name)
        .collect()
}

/// Levenshtein distance (insertions, deletions and substitutions of characters).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // One row of the dynamic-programming table at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("m6i.xlarg", "m6i.xlarge"), 1);
        assert_eq!(distance("m6i.xlarge", "m6a.xlarge"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn nearest_prefers_fewer_edits_then_the_same_family() {
        let names = [
            "m6a.xlarge",
            "m6i.large",
            "m6i.xlarge",
            "m7i.xlarge",
            "c6i.xlarge",
        ];
        let got = nearest("m6i.xlarg", names.into_iter(), 3);
        assert_eq!(got[0], "m6i.xlarge");
        assert_eq!(got[1], "m6i.large", "same family before m6a/m7i");
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn nearest_ignores_case_and_far_names() {
        let names = ["m6i.xlarge", "t3.medium"];
        assert_eq!(nearest("M6I.XLARGE", names.into_iter(), 3), ["m6i.xlarge"]);
        assert!(nearest("banana", names.into_iter(), 3).is_empty());
        assert!(nearest(&"m".repeat(1000), names.into_iter(), 3).is_empty());
    }

    #[test]
    fn shorten_cuts_long_names_on_a_character() {
        assert_eq!(shorten("m6i.large"), "m6i.large");
        let long = "é".repeat(50);
        assert_eq!(shorten(&long).chars().count(), LONGEST + 1);
    }
}
