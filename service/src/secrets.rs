//! Share ids and edit tokens: generation, hashing and constant-time checks.
//!
//! The id is the read-only share link, so it must be unguessable (128 random
//! bits). The edit token is a second, independent secret (256 bits) that is shown
//! once and stored only as its SHA-256 hash.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/// 62^22 > 2^128, so 22 base62 digits hold any 128-bit number.
const DIGITS_PER_128_BITS: usize = 22;

/// Length of a scenario id in characters.
pub const ID_LEN: usize = DIGITS_PER_128_BITS;

/// A new random scenario id: 22 URL-safe base62 characters (128 bits).
pub fn new_id() -> String {
    encode(random_u128())
}

/// A new random edit token: 44 base62 characters (256 bits).
pub fn new_edit_token() -> String {
    let mut token = encode(random_u128());
    token.push_str(&encode(random_u128()));
    token
}

/// Whether `s` has the shape of an id, so malformed ids are rejected before any query.
pub fn looks_like_id(s: &str) -> bool {
    s.len() == ID_LEN && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The SHA-256 of a token: what is stored instead of the token itself.
pub fn hash_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Compares a presented token with a stored hash in constant time, so response
/// timing says nothing about how much of a guess was right.
pub fn token_matches(presented: &str, stored_hash: &[u8]) -> bool {
    hash_token(presented).ct_eq(stored_hash).into()
}

fn random_u128() -> u128 {
    let mut bytes = [0u8; 16];
    // The OS random source failing is not something to serve through: without it
    // ids would be guessable.
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    u128::from_le_bytes(bytes)
}

fn encode(mut n: u128) -> String {
    let mut out = [b'0'; DIGITS_PER_128_BITS];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[(n % 62) as usize];
        n /= 62;
    }
    out.iter().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_22_url_safe_characters_and_differ() {
        let a = new_id();
        let b = new_id();
        assert!(looks_like_id(&a), "{a}");
        assert_ne!(a, b);
    }

    #[test]
    fn encoding_covers_the_whole_128_bit_range() {
        assert_eq!(encode(0), "0".repeat(22));
        assert!(looks_like_id(&encode(u128::MAX)));
    }

    #[test]
    fn tokens_are_checked_against_their_hash_only() {
        let token = new_edit_token();
        let stored = hash_token(&token);
        assert_eq!(token.len(), 44);
        assert!(token_matches(&token, &stored));
        assert!(!token_matches("guess", &stored));
        assert!(!token_matches(&new_edit_token(), &stored));
    }

    #[test]
    fn malformed_ids_are_recognised() {
        for bad in ["", "short", "has/slash/in/it/abcdefgh", &"x".repeat(23)] {
            assert!(!looks_like_id(bad), "{bad}");
        }
    }
}
