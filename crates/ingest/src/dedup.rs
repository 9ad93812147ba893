//! Near-duplicate detection: the same story re-published with small edits (a wire story on an
//! aggregator, a press release run by two papers), found by MinHash over word 5-gram shingles.
//!
//! Exact duplicates have the same [`ArticleId`](parallax_model::ArticleId) and are dropped by the
//! engine before this runs; near-duplicates are kept, but marked, so that later stages count a
//! re-published story as one source of evidence rather than two.

use parallax_model::Article;

/// Words per shingle. Five words are long enough that two independently written articles about
/// one event share few shingles (names and set phrases give 2- and 3-grams, rarely 5-grams), and
/// short enough that a copy with a word changed here and there keeps most of them.
const SHINGLE_WORDS: usize = 5;

/// Hash functions in a MinHash signature. The estimate of the Jaccard similarity has a standard
/// error of at most `0.5 / sqrt(128)`, about 0.044, which is small beside the gap between
/// re-published copies (0.6 and more) and independent articles (under 0.1).
const SIGNATURE_LEN: usize = 128;

/// Estimated Jaccard similarity of two articles' shingle sets from which the later one counts as
/// a near-duplicate of the earlier one.
///
/// A copy with a changed headline, a dropped paragraph and a few edited words stays far above
/// it; articles that merely quote the same statement stay far below it.
pub const NEAR_DUPLICATE_THRESHOLD: f64 = 0.5;

/// Finds, for each article, the article it re-publishes.
///
/// The result has one entry per article, in order: `Some(original_idx)` when the article's word
/// 5-gram shingles have an estimated Jaccard similarity of at least [`NEAR_DUPLICATE_THRESHOLD`]
/// with those of an article taken as an original (the most similar such article; the first in
/// order on a tie), else `None`. Every group of copies points at one original, and an original
/// points at nothing.
///
/// Which member of a group is the original: articles are taken in order of how likely each is
/// to be the first publication, and each one is compared with the originals found before it. An
/// article without a syndication credit ([`Article::syndicated_from`]) comes before one with
/// it; then the earlier publication date, a dated article before an undated one; then the
/// longer text, since a copy is more often cut than extended; then input order.
///
/// Words are compared lowercased, with punctuation dropped. An article of fewer than five words
/// has no shingles and is never a near-duplicate. Time is linear in the total text plus
/// quadratic in the number of articles (a comparison of two 128-value signatures per pair).
pub fn near_duplicates(articles: &[Article]) -> Vec<Option<usize>> {
    let signatures: Vec<Option<Signature>> = articles
        .iter()
        .map(|article| Signature::of(&article.text))
        .collect();
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by_key(|&article_idx| {
        let article = &articles[article_idx];
        (
            article.syndicated_from.is_some(),
            article.published.is_none(),
            article.published,
            std::cmp::Reverse(article.text.len()),
            article_idx,
        )
    });
    let mut duplicate_of: Vec<Option<usize>> = vec![None; articles.len()];
    let mut originals: Vec<usize> = Vec::new();
    for &article_idx in &order {
        let Some(signature) = &signatures[article_idx] else {
            continue;
        };
        let mut best: Option<(usize, f64)> = None;
        for &original_idx in &originals {
            let Some(original) = &signatures[original_idx] else {
                continue;
            };
            let similarity = signature.similarity(original);
            let better = match best {
                None => true,
                Some((best_idx, best_similarity)) => {
                    similarity > best_similarity
                        || (similarity == best_similarity && original_idx < best_idx)
                }
            };
            if similarity >= NEAR_DUPLICATE_THRESHOLD && better {
                best = Some((original_idx, similarity));
            }
        }
        match best {
            Some((original_idx, _)) => duplicate_of[article_idx] = Some(original_idx),
            None => originals.push(article_idx),
        }
    }
    duplicate_of
}

/// The MinHash signature of a text's shingle set: for each of [`SIGNATURE_LEN`] hash functions,
/// the smallest hash of any shingle.
#[derive(Debug)]
struct Signature([u64; SIGNATURE_LEN]);

impl Signature {
    /// `None` for a text of fewer than [`SHINGLE_WORDS`] words.
    fn of(text: &str) -> Option<Signature> {
        let words: Vec<String> = text
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.len() < SHINGLE_WORDS {
            return None;
        }
        let mut minimums = [u64::MAX; SIGNATURE_LEN];
        for window in words.windows(SHINGLE_WORDS) {
            let shingle = shingle_hash(window);
            for (seed_idx, minimum) in minimums.iter_mut().enumerate() {
                let hash = mix(shingle ^ SEEDS[seed_idx]);
                if hash < *minimum {
                    *minimum = hash;
                }
            }
        }
        Some(Signature(minimums))
    }

    /// The share of hash functions on which the two signatures agree: an unbiased estimate of
    /// the Jaccard similarity of the two shingle sets.
    fn similarity(&self, other: &Signature) -> f64 {
        let n_equal = self
            .0
            .iter()
            .zip(&other.0)
            .filter(|(left, right)| left == right)
            .count();
        n_equal as f64 / SIGNATURE_LEN as f64
    }
}

/// FNV-1a over the shingle's words with a separator, written out so that signatures do not
/// depend on the standard library's unstable hasher.
fn shingle_hash(words: &[String]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in words {
        for byte in word.bytes().chain([0x1f]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// The SplitMix64 finalizer: a bijection that scatters the bits, so that `mix(hash ^ seed)` for
/// different seeds behaves like independent hash functions.
fn mix(mut value: u64) -> u64 {
    value = (value ^ (value >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    value = (value ^ (value >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    value ^ (value >> 31)
}

/// One seed per hash function, from the SplitMix64 sequence, so the signature is the same on
/// every run and platform.
const SEEDS: [u64; SIGNATURE_LEN] = {
    let mut seeds = [0_u64; SIGNATURE_LEN];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut idx = 0;
    while idx < SIGNATURE_LEN {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut value = state;
        value = (value ^ (value >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        value = (value ^ (value >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        seeds[idx] = value ^ (value >> 31);
        idx += 1;
    }
    seeds
};

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::Origin;

    /// Runs [`near_duplicates`] on articles with the given texts.
    fn check(texts: &[&str], expected: &[Option<usize>]) {
        let articles: Vec<Article> = texts
            .iter()
            .map(|text| Article::new(Origin::Stdin, text.to_string()))
            .collect();
        assert_eq!(near_duplicates(&articles), expected);
    }

    const WIRE: &str = "Negotiators from the two harbour towns met again on Tuesday and agreed to extend the fishing truce for another month, the mayor of Vell said in a statement.\n\nThe truce, first agreed in January, bans trawlers from both towns from the disputed shoals north of the lighthouse. Fishermen in Vell say their catch has halved since then.\n\nBoth delegations will meet again in February to discuss quotas for the winter season, officials said. The harbour master of Osk said he expected a deal before the spring.";

    /// The wire story as an aggregator runs it: a word changed here and there, the last sentence
    /// dropped.
    const REPUBLISHED: &str = "Negotiators from the two harbor towns met again on Tuesday and agreed to extend the fishing truce for another month, the mayor of Vell said in a statement on Tuesday.\n\nThe truce, first agreed in January, bans trawlers from both towns from the disputed shoals north of the lighthouse. Fishermen in Vell say their catch has halved since then.\n\nBoth delegations will meet again in February to discuss quotas for the winter season, officials said.";

    /// The same event in other words.
    const INDEPENDENT: &str = "The fishing truce between Vell and Osk will last another month. After a short meeting on Tuesday, the two towns' negotiators signed an extension, according to the mayor of Vell. Trawlers remain banned from the shoals, and talks on winter quotas are set for February.";

    #[test]
    fn republished_copy_points_at_the_original() {
        check(&[WIRE, INDEPENDENT, REPUBLISHED], &[None, None, Some(0)]);
    }

    #[test]
    fn the_longer_text_is_the_original_when_nothing_else_tells() {
        check(&[REPUBLISHED, WIRE], &[Some(1), None]);
    }

    #[test]
    fn the_earlier_date_is_the_original() {
        let mut copy = Article::new(Origin::Stdin, WIRE.to_string());
        copy.published = chrono::NaiveDate::from_ymd_opt(2023, 5, 4);
        let mut original = Article::new(Origin::Stdin, REPUBLISHED.to_string());
        original.published = chrono::NaiveDate::from_ymd_opt(2023, 5, 3);
        let undated = Article::new(Origin::Stdin, format!("{WIRE} Extra words."));
        assert_eq!(
            near_duplicates(&[undated, copy, original]),
            [Some(2), Some(2), None]
        );
    }

    #[test]
    fn a_credited_copy_is_never_the_original() {
        let mut credited = Article::new(Origin::Stdin, WIRE.to_string());
        credited.syndicated_from = Some("Vell Wire".to_string());
        let original = Article::new(Origin::Stdin, REPUBLISHED.to_string());
        assert_eq!(near_duplicates(&[credited, original]), [Some(1), None]);
    }

    #[test]
    fn independent_reports_are_not_duplicates() {
        check(&[WIRE, INDEPENDENT], &[None, None]);
    }

    #[test]
    fn short_texts_are_never_duplicates() {
        check(&["Talks resume.", "Talks resume."], &[None, None]);
    }

    #[test]
    fn a_shared_quote_is_not_enough() {
        let quote = "\"We will not go back to the blockade, whatever Osk decides,\" the mayor of Vell told reporters on the quay.";
        let first = format!("{quote}\n\n{INDEPENDENT}");
        let second = format!(
            "Fishermen in Osk were less sure of the deal. Many said the ban on the shoals had cost them half their income, and some threatened to ignore it.\n\n{quote}"
        );
        check(&[&first, &second], &[None, None]);
    }
}
