//! The edit keys one browser holds: `(scenario id, edit token)` pairs kept in
//! one cookie, most recent last, at most [`MAX_EDIT_KEYS`] of them. One
//! bounded cookie instead of one per scenario: a site that set a cookie per
//! save would let a hostile page push real keys out of the browser's
//! per-site cookie cap, and would send every key with every request.

use crate::secrets;

/// The most keys one browser keeps; saving another forgets the oldest (its
/// owner was shown the key once, to keep).
pub const MAX_EDIT_KEYS: usize = 40;

/// Between an id and its token, and between pairs: both outside base62, and
/// both allowed in a cookie value.
const ID_TOKEN: char = ':';
const PAIR: char = '.';

/// The keys a browser holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditKeys(Vec<(String, String)>);

impl EditKeys {
    /// Reads a cookie value; malformed pairs are dropped, and only the last
    /// [`MAX_EDIT_KEYS`] are kept.
    pub fn parse(value: &str) -> Self {
        let mut keys = Self::default();
        for (id, token) in value
            .split(PAIR)
            .filter_map(|pair| pair.split_once(ID_TOKEN))
        {
            keys.insert(id, token);
        }
        keys
    }

    /// Adds (or refreshes) the key of `id`, as the most recent; forgets the
    /// oldest past the cap. Ids and tokens that are not base62 are ignored, so
    /// a cookie value can never carry a separator.
    pub fn insert(&mut self, id: &str, token: &str) {
        let base62 = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric());
        if !secrets::looks_like_id(id) || !base62(token) || token.len() > 64 {
            return;
        }
        self.0.retain(|(held, _)| held != id);
        self.0.push((id.to_owned(), token.to_owned()));
        if self.0.len() > MAX_EDIT_KEYS {
            self.0.remove(0);
        }
    }

    /// The token held for `id`.
    pub fn token_for(&self, id: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(held, _)| held == id)
            .map(|(_, token)| token.as_str())
    }

    /// Every `(id, token)` held, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .map(|(id, token)| (id.as_str(), token.as_str()))
    }

    /// The ids held, oldest first.
    pub fn ids(&self) -> Vec<String> {
        self.0.iter().map(|(id, _)| id.clone()).collect()
    }

    /// The cookie value.
    pub fn encode(&self) -> String {
        self.0
            .iter()
            .map(|(id, token)| format!("{id}{ID_TOKEN}{token}"))
            .collect::<Vec<_>>()
            .join(&PAIR.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::{new_edit_token, new_id};

    #[test]
    fn keys_round_trip_and_refresh_moves_a_key_last() {
        let (a, b) = (new_id(), new_id());
        let mut keys = EditKeys::default();
        keys.insert(&a, "tokenA");
        keys.insert(&b, "tokenB");
        keys.insert(&a, "tokenA2");

        let again = EditKeys::parse(&keys.encode());

        assert_eq!(again, keys);
        assert_eq!(again.ids(), [b, a.clone()]);
        assert_eq!(again.token_for(&a), Some("tokenA2"));
    }

    #[test]
    fn the_cookie_stays_bounded_and_forgets_the_oldest() {
        let ids: Vec<String> = (0..MAX_EDIT_KEYS + 5).map(|_| new_id()).collect();
        let mut keys = EditKeys::default();
        for id in &ids {
            keys.insert(id, &new_edit_token());
        }

        assert_eq!(keys.ids(), ids[5..]);
        assert!(keys.encode().len() < 3_000, "{} bytes", keys.encode().len());
    }

    #[test]
    fn malformed_pairs_are_dropped() {
        let id = new_id();
        let value = format!("junk.{id}:good.{id}x:bad.:.x:y;z.{}:a=b", new_id());
        let keys = EditKeys::parse(&value);
        assert_eq!(keys.ids(), [id]);
    }
}
