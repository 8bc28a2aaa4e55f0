//! Recovery codes: ten single-use codes given when the authenticator app is set up, for the day
//! the phone is lost. Each has 125 random bits (25 characters of a 32-letter alphabet without
//! look-alikes), so a plain hash stores it safely (OWASP ASVS 5.0 V6.5: 112 bits or more).

use argon2::password_hash::rand_core::{OsRng, RngCore};
use blake2::{Blake2s256, Digest};

/// How many codes a set holds.
pub const COUNT: usize = 10;
/// No `l`, `o`, `0` or `1`: nothing to confuse when copied by hand. 32 letters, so a random
/// byte modulo 32 is unbiased.
const ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";
const GROUPS: usize = 5;
const GROUP_LEN: usize = 5;

/// A new set of codes, as shown to the user (`xxxxx-xxxxx-xxxxx-xxxxx-xxxxx`).
pub fn generate() -> Vec<String> {
    (0..COUNT)
        .map(|_| {
            let mut bytes = [0u8; GROUPS * GROUP_LEN];
            OsRng.fill_bytes(&mut bytes);
            let letters: String = bytes
                .iter()
                .map(|b| char::from(ALPHABET[usize::from(b % 32)]))
                .collect();
            grouped(&letters)
        })
        .collect()
}

fn grouped(letters: &str) -> String {
    letters
        .as_bytes()
        .chunks(GROUP_LEN)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// The code in its shown form, from what was typed (any case, with or without dashes and
/// spaces); `None` when it cannot be a recovery code (e.g. a six-digit app code).
pub fn normalize(typed: &str) -> Option<String> {
    let letters: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    let valid =
        letters.len() == GROUPS * GROUP_LEN && letters.bytes().all(|b| ALPHABET.contains(&b));
    valid.then(|| grouped(&letters))
}

/// What is stored of a code (its shown form): BLAKE2s-256, hex.
pub fn hash(code: &str) -> String {
    Blake2s256::digest(code.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_well_formed_and_read_back_however_typed() {
        let codes = generate();
        assert_eq!(codes.len(), COUNT);
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), COUNT);
        for code in &codes {
            assert_eq!(code.len(), 29);
            assert_eq!(normalize(code).as_deref(), Some(code.as_str()));
            let typed = code.to_uppercase().replace('-', " ");
            assert_eq!(normalize(&typed).as_deref(), Some(code.as_str()));
        }
        assert_eq!(normalize("123456"), None);
        assert_eq!(normalize("lllll-lllll-lllll-lllll-lllll"), None);
        assert_ne!(hash(&codes[0]), hash(&codes[1]));
    }
}
