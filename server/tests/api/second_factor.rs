//! Second factors (issue 20): an authenticator app with recovery codes, the second sign-in
//! step, the admin policy, recent proof for changes, an admin's reset, and the passkey
//! ceremonies' refusals (their happy path runs in Chromium: end2end/tests/passkeys.spec.ts).

use app::second_factor::totp::code_at;
use reqwest::StatusCode;
use serde_json::Value;
use server::seed::DEMO_PASSWORD;

use crate::common::{contact_email, session_cookie, spawn_app, spawn_app_with, TestApp};

const COMPANY: &str = "Fabrikam Clinics";

async fn security(app: &TestApp, cookie: &str) -> Value {
    let response = app.call("account_security", &[], Some(cookie)).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// The secret the security page shows while an app is being set up, without its spaces.
async fn shown_secret(app: &TestApp, cookie: &str) -> String {
    security(app, cookie).await["enrolment"]["secret"]
        .as_str()
        .expect("the secret is shown while setting up")
        .replace(' ', "")
}

/// The app's code for the step `offset` steps from the server's now.
fn code(app: &TestApp, secret: &str, offset: i64) -> String {
    let step = app.now().timestamp() / 30 + offset;
    code_at(secret, step * 30).unwrap()
}

/// Sets up the authenticator app of the account signed in on `cookie` with the code of the
/// current step; returns its secret and the ten recovery codes shown.
async fn enrol(app: &TestApp, cookie: &str) -> (String, Vec<String>) {
    let started = app
        .call("start_authenticator_setup", &[], Some(cookie))
        .await;
    assert_eq!(started.status(), StatusCode::OK);
    let overview = security(app, cookie).await;
    let secret = shown_secret(app, cookie).await;
    assert!(overview["enrolment"]["qr_svg"]
        .as_str()
        .unwrap()
        .contains("<svg"));
    let wrong = app
        .call("confirm_authenticator", &[("code", "12345")], Some(cookie))
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let confirmed = app
        .call(
            "confirm_authenticator",
            &[("code", &code(app, &secret, 0))],
            Some(cookie),
        )
        .await;
    assert_eq!(confirmed.status(), StatusCode::OK);
    let overview = security(app, cookie).await;
    let codes: Vec<String> =
        serde_json::from_value(overview["fresh_recovery_codes"].clone()).unwrap();
    assert_eq!(codes.len(), 10);
    (secret, codes)
}

/// Password accepted: the cookie of a session that awaits the second factor.
async fn password_step(app: &TestApp, email: &str, password: &str) -> String {
    let response = app.login_raw(email, password).await;
    assert_eq!(response.status(), StatusCode::OK);
    session_cookie(response.headers()).expect("a session awaits the second factor")
}

async fn second_step(app: &TestApp, pending: &str, code: &str) -> reqwest::Response {
    app.call("verify_second_factor", &[("code", code)], Some(pending))
        .await
}

#[tokio::test]
async fn a_contact_sets_up_an_app_and_signs_in_with_its_codes_each_once() {
    let app = spawn_app().await;
    let email = contact_email(COMPANY);
    let cookie = app.login_as(COMPANY).await;
    let before = security(&app, &cookie).await;
    assert_eq!(before["signed_in_with"], "Password");
    assert_eq!(before["authenticator_app"], false);

    let (secret, codes) = enrol(&app, &cookie).await;
    let overview = security(&app, &cookie).await;
    assert_eq!(overview["authenticator_app"], true);
    assert_eq!(overview["recovery_codes_left"], 10);
    assert_eq!(
        overview["signed_in_with"], "PasswordAndCode",
        "the first code proved the app"
    );
    assert_eq!(
        overview["fresh_recovery_codes"].as_array().unwrap().len(),
        0,
        "shown once"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM recovery_codes").await, 10);
    for code in &codes {
        let clear = app
            .count(&format!(
                "SELECT COUNT(*) FROM recovery_codes WHERE code_hash = '{code}'"
            ))
            .await;
        assert_eq!(clear, 0, "recovery codes are stored hashed");
    }

    // Password alone no longer signs in.
    let pending = password_step(&app, email, DEMO_PASSWORD).await;
    assert_eq!(
        app.dashboard(Some(&pending)).await.0,
        StatusCode::UNAUTHORIZED
    );
    // The code that confirmed the app was spent: it does not work again.
    let replayed = second_step(&app, &pending, &code(&app, &secret, 0)).await;
    assert_eq!(
        replayed.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a code works once"
    );
    let next = code(&app, &secret, 1);
    let signed_in = second_step(&app, &pending, &next).await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    let session = session_cookie(signed_in.headers()).expect("a new session id");
    assert_ne!(session, pending, "the session id changes at sign-in");
    assert_eq!(app.dashboard(Some(&session)).await.0, StatusCode::OK);
    assert_eq!(
        security(&app, &session).await["signed_in_with"],
        "PasswordAndCode"
    );
    // The same code again, on another sign-in: refused.
    let pending = password_step(&app, email, DEMO_PASSWORD).await;
    assert_eq!(
        second_step(&app, &pending, &next).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // A recovery code, typed in capitals without dashes, works once.
    let typed = codes[3].to_uppercase().replace('-', "");
    let recovered = second_step(&app, &pending, &typed).await;
    assert_eq!(recovered.status(), StatusCode::OK);
    let session = session_cookie(recovered.headers()).unwrap();
    let overview = security(&app, &session).await;
    assert_eq!(overview["signed_in_with"], "PasswordAndRecoveryCode");
    assert_eq!(overview["recovery_codes_left"], 9);
    let pending = password_step(&app, email, DEMO_PASSWORD).await;
    assert_eq!(
        second_step(&app, &pending, &codes[3]).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a recovery code works once"
    );
    let audited = "SELECT COUNT(*) FROM audit_log WHERE kind IN ('authenticator_added', 'recovery_code_used')";
    assert_eq!(app.count(audited).await, 2);
}

#[tokio::test]
async fn five_wrong_codes_lock_the_second_step_even_for_a_right_one() {
    let app = spawn_app().await;
    let cookie = app.login_as(COMPANY).await;
    let (secret, _) = enrol(&app, &cookie).await;
    let pending = password_step(&app, contact_email(COMPANY), DEMO_PASSWORD).await;
    for _ in 0..5 {
        let wrong = second_step(&app, &pending, "000000").await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let locked = second_step(&app, &pending, &code(&app, &secret, 1)).await;
    assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        app.dashboard(Some(&pending)).await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_second_step_expires_and_needs_the_password_first() {
    let app = spawn_app().await;
    let cookie = app.login_as(COMPANY).await;
    let (secret, _) = enrol(&app, &cookie).await;
    // No password first: nothing to complete.
    let anonymous = app
        .call(
            "verify_second_factor",
            &[("code", &code(&app, &secret, 1))],
            None,
        )
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let pending = password_step(&app, contact_email(COMPANY), DEMO_PASSWORD).await;
    app.clock
        .as_ref()
        .unwrap()
        .advance(chrono::Duration::minutes(6));
    let late = second_step(&app, &pending, &code(&app, &secret, 0)).await;
    assert_eq!(
        late.status(),
        StatusCode::UNAUTHORIZED,
        "the second step waits 5 minutes"
    );
    // A reset link sets the password but does not skip the second factor.
    let token = app.reset_token(contact_email(COMPANY)).await;
    let reset = app
        .call(
            "reset_password",
            &[("token", &token), ("password", "a brand new password 2026")],
            None,
        )
        .await;
    assert_eq!(reset.status(), StatusCode::OK);
    let pending = session_cookie(reset.headers()).unwrap();
    assert_eq!(
        app.dashboard(Some(&pending)).await.0,
        StatusCode::UNAUTHORIZED
    );
    let done = second_step(&app, &pending, &code(&app, &secret, 0)).await;
    assert_eq!(done.status(), StatusCode::OK);
}

#[tokio::test]
async fn admin_pages_refuse_an_admin_without_a_second_factor_until_it_sets_one_up() {
    let app = spawn_app().await;
    let email = "second.admin@portal.example";
    let password = "another admin password 2026";
    server::db::create_admin(&app.database_url, email, "Second Admin", password)
        .await
        .unwrap();
    let response = app.login_raw(email, password).await;
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = session_cookie(response.headers()).unwrap();

    let refused = app
        .call(
            "admin_companies",
            &[("search", ""), ("page", "0")],
            Some(&cookie),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(refused
        .text()
        .await
        .unwrap()
        .contains("SecondFactorRequired"));
    let page = app.get("/admin", Some(&cookie)).await;
    assert!(page.status().is_redirection(), "{}", page.status());
    let location = page.headers()["location"].to_str().unwrap();
    assert_eq!(location, "/account/security?required=1");
    let security_page = app.get("/account/security?required=1", Some(&cookie)).await;
    assert_eq!(security_page.status(), StatusCode::OK);
    assert!(security_page
        .text()
        .await
        .unwrap()
        .contains("second-factor-required"));
    // The header still says who is signed in.
    let viewer: Value = app
        .call("viewer", &[], Some(&cookie))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(viewer["Admin"]["name"], "Second Admin");

    let (_secret, _) = enrol(&app, &cookie).await;
    let served = app
        .call(
            "admin_companies",
            &[("search", ""), ("page", "0")],
            Some(&cookie),
        )
        .await;
    assert_eq!(
        served.status(),
        StatusCode::OK,
        "the session proved the app while setting it up"
    );
    // An admin keeps a factor.
    let removal = app.call("remove_authenticator", &[], Some(&cookie)).await;
    assert_eq!(removal.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM totp_factors WHERE account_role = 'admin'")
            .await,
        2
    );

    // Resetting the admin on the server removes its factor: it enrols again.
    server::db::create_admin(&app.database_url, email, "Second Admin", password)
        .await
        .unwrap();
    assert_eq!(
        app.count("SELECT COUNT(*) FROM totp_factors WHERE account_role = 'admin'")
            .await,
        1
    );
}

#[tokio::test]
async fn changing_a_factor_needs_one_proved_in_the_last_ten_minutes() {
    let app = spawn_app().await;
    let cookie = app.login_as(COMPANY).await;
    let (secret, _) = enrol(&app, &cookie).await;
    let clock = app.clock.as_ref().unwrap();
    clock.advance(chrono::Duration::minutes(11));
    for function in [
        "remove_authenticator",
        "new_recovery_codes",
        "start_passkey_registration",
    ] {
        let refused = app.call(function, &[], Some(&cookie)).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{function}");
        assert!(refused.text().await.unwrap().contains("ConfirmFirst"));
    }
    assert_eq!(security(&app, &cookie).await["recently_confirmed"], false);
    let wrong = app
        .call(
            "confirm_second_factor",
            &[("code", "000000")],
            Some(&cookie),
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let confirmed = app
        .call(
            "confirm_second_factor",
            &[("code", &code(&app, &secret, 0))],
            Some(&cookie),
        )
        .await;
    assert_eq!(confirmed.status(), StatusCode::OK);
    let renewed = app.call("new_recovery_codes", &[], Some(&cookie)).await;
    assert_eq!(renewed.status(), StatusCode::OK);
    let overview = security(&app, &cookie).await;
    assert_eq!(
        overview["fresh_recovery_codes"].as_array().unwrap().len(),
        10
    );
    let removed = app.call("remove_authenticator", &[], Some(&cookie)).await;
    assert_eq!(removed.status(), StatusCode::OK);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM totp_factors").await,
        1,
        "the demo admin's only"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM recovery_codes").await, 0);
    // Without a factor the password alone signs in again.
    let response = app.login_raw(contact_email(COMPANY), DEMO_PASSWORD).await;
    let session = session_cookie(response.headers()).unwrap();
    assert_eq!(app.dashboard(Some(&session)).await.0, StatusCode::OK);
}

#[tokio::test]
async fn an_admin_resets_a_contacts_second_factor_and_its_sessions_end() {
    let app = spawn_app().await;
    let cookie = app.login_as(COMPANY).await;
    enrol(&app, &cookie).await;
    let admin = app.login_admin().await;
    let company_id = app.company_id(COMPANY).await.to_string();
    let reset = app
        .call(
            "admin_reset_second_factor",
            &[("company_id", &company_id)],
            Some(&admin),
        )
        .await;
    assert_eq!(reset.status(), StatusCode::OK);
    assert_eq!(
        app.dashboard(Some(&cookie)).await.0,
        StatusCode::UNAUTHORIZED
    );
    let left = "SELECT COUNT(*) FROM totp_factors WHERE account_role = 'contact'";
    assert_eq!(app.count(left).await, 0);
    let audited = format!(
        "SELECT COUNT(*) FROM audit_log WHERE kind = 'second_factor_reset' AND company_id = {company_id}"
    );
    assert_eq!(app.count(&audited).await, 1);
    let response = app.login_raw(contact_email(COMPANY), DEMO_PASSWORD).await;
    let session = session_cookie(response.headers()).unwrap();
    assert_eq!(app.dashboard(Some(&session)).await.0, StatusCode::OK);
    // A company without an active contact: not found.
    let missing = app
        .call(
            "admin_reset_second_factor",
            &[("company_id", "999999")],
            Some(&admin),
        )
        .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn passkeys_are_off_at_an_ip_address() {
    let app = spawn_app().await;
    let state: Value = app
        .call("sign_in_state", &[], None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(state["passkeys_available"], false);
    let start = app.call("start_passkey_sign_in", &[], None).await;
    assert_eq!(start.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn passkey_ceremonies_refuse_forged_or_unstarted_answers_with_4xx() {
    let app = spawn_app_with(|config| config.passkey_origin = "http://localhost:3999".into()).await;
    let state: Value = app
        .call("sign_in_state", &[], None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(state["passkeys_available"], true);

    // Registration: options for a discoverable passkey of this account, excluding none yet.
    let cookie = app.login_as(COMPANY).await;
    let started = app
        .call("start_passkey_registration", &[], Some(&cookie))
        .await;
    assert_eq!(started.status(), StatusCode::OK);
    let options: Value = serde_json::from_str(&started.json::<String>().await.unwrap()).unwrap();
    let public_key = &options["publicKey"];
    assert_eq!(public_key["rp"]["id"], "localhost");
    assert_eq!(public_key["user"]["name"], contact_email(COMPANY));
    assert_eq!(
        public_key["authenticatorSelection"]["residentKey"],
        "required"
    );
    assert_eq!(
        public_key["authenticatorSelection"]["userVerification"],
        "required"
    );
    // Not a credential at all: 400; a credential the ceremony refuses: 422.
    for (forged, refused) in [
        ("not json", StatusCode::BAD_REQUEST),
        ("{}", StatusCode::BAD_REQUEST),
        (
            r#"{"id":"AA","rawId":"AA","type":"public-key","response":{"attestationObject":"AA","clientDataJSON":"AA"}}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    ] {
        let answer = app
            .call(
                "finish_passkey_registration",
                &[("credential", forged), ("name", "Laptop")],
                Some(&cookie),
            )
            .await;
        assert_eq!(answer.status(), refused, "{forged}");
        // The ceremony is over after one answer: start again for the next.
        app.call("start_passkey_registration", &[], Some(&cookie))
            .await;
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM passkeys").await, 0);

    // Sign-in: options without listed credentials (the authenticator offers its own).
    let started = app.call("start_passkey_sign_in", &[], None).await;
    assert_eq!(started.status(), StatusCode::OK);
    let ceremony = session_cookie(started.headers()).expect("the challenge is kept in a session");
    let options: Value = serde_json::from_str(&started.json::<String>().await.unwrap()).unwrap();
    assert!(options["publicKey"]["challenge"].as_str().unwrap().len() >= 43);
    assert!(options.get("mediation").is_none(), "a button, not autofill");
    let forged = r#"{"id":"AA","rawId":"AA","type":"public-key","response":{"authenticatorData":"AA","clientDataJSON":"AA","signature":"AA","userHandle":"AA"}}"#;
    // Forged, without a ceremony, or after the ceremony's one answer: not signed in.
    for (credential, cookie) in [
        (forged, Some(ceremony.as_str())),
        (forged, None),
        ("[]", Some(ceremony.as_str())),
    ] {
        let answer = app
            .call(
                "finish_passkey_sign_in",
                &[("credential", credential)],
                cookie,
            )
            .await;
        assert_eq!(answer.status(), StatusCode::UNAUTHORIZED, "{credential}");
    }
}

#[tokio::test]
async fn an_unfinished_app_set_up_expires_and_stays_with_its_account() {
    let app = spawn_app().await;
    let cookie = app.login_as(COMPANY).await;
    let started = app
        .call("start_authenticator_setup", &[], Some(&cookie))
        .await;
    assert_eq!(started.status(), StatusCode::OK);
    let secret = shown_secret(&app, &cookie).await;

    // Another account signing in on the same browser does not inherit the set-up.
    let other = app
        .client
        .post(format!("{}/api/login", app.base))
        .header("accept", "application/json")
        .header("cookie", &cookie)
        .form(&[
            ("email", contact_email("Contoso Logistics")),
            ("password", DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), StatusCode::OK);
    let other = session_cookie(other.headers()).unwrap();
    assert!(security(&app, &other).await["enrolment"].is_null());
    let stolen = app
        .call(
            "confirm_authenticator",
            &[("code", &code(&app, &secret, 0))],
            Some(&other),
        )
        .await;
    assert_eq!(stolen.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Left unfinished for more than ten minutes, it cannot be picked up again.
    let cookie = app.login_as(COMPANY).await;
    app.call("start_authenticator_setup", &[], Some(&cookie))
        .await;
    let secret = shown_secret(&app, &cookie).await;
    app.clock
        .as_ref()
        .unwrap()
        .advance(chrono::Duration::minutes(11));
    assert!(security(&app, &cookie).await["enrolment"].is_null());
    let late = app
        .call(
            "confirm_authenticator",
            &[("code", &code(&app, &secret, 0))],
            Some(&cookie),
        )
        .await;
    assert_eq!(late.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM totp_factors WHERE account_role = 'contact'")
            .await,
        0
    );
}
