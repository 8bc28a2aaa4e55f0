//! What the security page and the second sign-in step show (issue 20).

use serde::{Deserialize, Serialize};

/// How a session signed in; recorded in the session and shown on the security page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignInMethod {
    /// A password alone (accounts without a second factor, and sessions from before issue 20).
    #[default]
    Password,
    /// A password, then a code from the authenticator app.
    PasswordAndCode,
    /// A password, then one of the single-use recovery codes.
    PasswordAndRecoveryCode,
    /// A passkey alone: it is something the user has, unlocked by something they know or are,
    /// so it counts as two factors.
    Passkey,
}

impl SignInMethod {
    /// True when the session proved two factors (what admin pages require).
    pub fn two_factors(self) -> bool {
        !matches!(self, SignInMethod::Password)
    }
}

/// The account's second factors as its security page shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityOverview {
    pub authenticator_app: bool,
    pub recovery_codes_left: u32,
    pub passkeys: Vec<PasskeyView>,
    /// False when the portal is reached at an address passkeys cannot use (an IP address).
    pub passkeys_available: bool,
    /// Admins must have a second factor.
    pub required: bool,
    pub signed_in_with: SignInMethod,
    /// The session proved a second factor within the last minutes, so factors may change now
    /// without confirming again; also true while the account has no factor to prove.
    pub recently_confirmed: bool,
    /// An authenticator app being set up: its secret and QR code, until the first code confirms it.
    pub enrolment: Option<Enrolment>,
    /// Recovery codes just made: shown this once, never again.
    pub fresh_recovery_codes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyView {
    pub id: i64,
    pub name: String,
    /// The vendor's calendar day it was added, ISO (`YYYY-MM-DD`).
    pub added_on: String,
    pub last_used_on: Option<String>,
}

/// An authenticator app being set up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// Base32, grouped by four for typing.
    pub secret: String,
    /// The `otpauth://` URI as an SVG QR code, drawn on the server.
    pub qr_svg: String,
}

/// What the sign-in pages may offer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInOptions {
    /// The portal accepts passkeys (its address is a domain name).
    pub passkeys_available: bool,
    /// A password was right and its account's second factor is awaited (for at most
    /// `auth::PENDING_LIFETIME`).
    pub awaiting_second_factor: bool,
    /// The awaited account has an authenticator app (so a code or recovery code will do).
    pub authenticator_app: bool,
    /// The awaited account has passkeys.
    pub passkeys: bool,
}
