//! Codes from an authenticator app (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30-second steps),
//! computed by `totp-rs`. A code is accepted for the current step or the one before or after
//! (clocks drift, typing takes time); the caller spends the step so no code works twice.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use chrono::{DateTime, Utc};
use totp_rs::{Builder, Secret, Totp};

use crate::model::security::Enrolment;

/// The name apps show above the account's codes.
pub const ISSUER: &str = "Support Portal";

/// A new secret: 160 random bits (RFC 4226's recommendation), base32 without padding.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    OsRng.fill_bytes(&mut bytes);
    Secret::from(bytes).to_base32()
}

fn generator(secret: &str, account_name: &str) -> Option<Totp> {
    Builder::new()
        .with_secret(Secret::try_from_base32(secret).ok()?)
        .with_skew(1)
        .with_account_name(account_name.replace(':', ""))
        .with_issuer(Some(ISSUER))
        .build()
        .ok()
}

/// The step (`unix seconds / 30`) whose code `code` is, if it is one of the steps around `now`.
/// Spaces in the code are ignored; anything but six digits is not a code.
pub fn check(secret: &str, code: &str, now: DateTime<Utc>) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let time = u64::try_from(now.timestamp()).ok()?;
    let step = generator(secret, "")?.check(&code, time)?;
    i64::try_from(step).ok()
}

/// The code of the step holding `unix_seconds`: what the app shows then. For tests and the
/// demo; the portal itself only checks codes.
pub fn code_at(secret: &str, unix_seconds: i64) -> Option<String> {
    let generator = generator(secret, "")?;
    Some(
        generator
            .generate(u64::try_from(unix_seconds).ok()?)
            .to_string(),
    )
}

/// What the security page shows to set the app up: the secret grouped for typing, and the
/// `otpauth://` URI as a QR code drawn here (no outside service sees the secret).
pub fn enrolment(secret: &str, account_name: &str) -> Option<Enrolment> {
    let uri = generator(secret, account_name)?.to_url().ok()?;
    let qr = qrcode::QrCode::new(uri.as_bytes()).ok()?;
    let qr_svg = qr
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    let grouped = secret
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    Some(Enrolment {
        secret: grouped,
        qr_svg,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1, the first six digits of its eight-digit codes.
    #[test]
    fn codes_match_the_rfc_test_vectors() {
        let secret = Secret::from(b"12345678901234567890".to_vec()).to_base32();
        assert_eq!(code_at(&secret, 59).unwrap(), "287082");
        assert_eq!(code_at(&secret, 1_111_111_109).unwrap(), "081804");
        assert_eq!(code_at(&secret, 2_000_000_000).unwrap(), "279037");
    }

    #[test]
    fn a_code_is_accepted_one_step_either_side_and_not_further() {
        let secret = new_secret();
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let step = now.timestamp() / 30;
        for (offset, accepted) in [(-2, false), (-1, true), (0, true), (1, true), (2, false)] {
            let code = code_at(&secret, (step + offset) * 30).unwrap();
            let found = check(&secret, &code, now);
            assert_eq!(found.is_some(), accepted, "offset {offset}");
            if accepted {
                assert_eq!(found, Some(step + offset));
            }
        }
        let code = code_at(&secret, now.timestamp()).unwrap();
        assert_eq!(
            check(&secret, &format!("{} {}", &code[..3], &code[3..]), now),
            Some(step)
        );
        assert_eq!(check(&secret, "12345", now), None);
        assert_eq!(check(&secret, "abcdef", now), None);
    }

    #[test]
    fn the_enrolment_holds_the_secret_and_a_qr_code() {
        let secret = new_secret();
        assert_eq!(secret.len(), 32);
        let enrolment = enrolment(&secret, "ana@example.com").unwrap();
        assert_eq!(enrolment.secret.replace(' ', ""), secret);
        assert!(enrolment.qr_svg.contains("<svg"));
    }
}
