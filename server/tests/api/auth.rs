//! Sign-in, sessions and company scoping, driven over HTTP against the real server.

use crate::common::{session_cookie, spawn_app, spawn_sibling};
use chrono::Duration;
use reqwest::header::{LOCATION, SET_COOKIE};
use reqwest::StatusCode;
use server::seed::DEMO_PASSWORD;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contact_signs_in_and_gets_a_hardened_session_cookie() {
    let app = spawn_app().await;
    let response = app.login_raw("boris@contoso.example", DEMO_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::OK);
    let set_cookie = response
        .headers()
        .get(SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(set_cookie.starts_with("portal_session="), "{set_cookie}");
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(set_cookie.contains("Path=/"), "{set_cookie}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn email_is_matched_case_insensitively() {
    let app = spawn_app().await;
    let response = app
        .login_raw("  Boris@Contoso.EXAMPLE ", DEMO_PASSWORD)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_password_and_unknown_email_get_one_generic_refusal() {
    let app = spawn_app().await;
    let wrong_password = app
        .login_raw("boris@contoso.example", "not-the-password")
        .await;
    let unknown_email = app.login_raw("nobody@nowhere.example", DEMO_PASSWORD).await;
    assert_eq!(wrong_password.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unknown_email.status(), StatusCode::UNAUTHORIZED);
    assert!(session_cookie(wrong_password.headers()).is_none());
    let (a, b) = (
        wrong_password.text().await.unwrap(),
        unknown_email.text().await.unwrap(),
    );
    assert_eq!(a, b, "the refusal must not reveal which accounts exist");
    assert!(a.contains("InvalidCredentials"), "{a}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_plain_form_login_redirects_back_with_an_error_flag() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(format!("{}/api/login", app.base))
        .header("accept", "text/html")
        .header("referer", format!("{}/login", app.base))
        .form(&[("email", "boris@contoso.example"), ("password", "wrong")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()[LOCATION], "/login?error=credentials");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_throttled_plain_form_login_is_told_how_long_to_wait() {
    let app = spawn_app().await;
    app.fail_sign_ins("boris@contoso.example", 5).await;
    let response = app
        .client
        .post(format!("{}/api/login", app.base))
        .header("accept", "text/html")
        .header("referer", format!("{}/login", app.base))
        .form(&[
            ("email", "boris@contoso.example"),
            ("password", DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    let location = response.headers()[LOCATION].to_str().unwrap().to_string();
    let page = app.get(&location, None).await.text().await.unwrap();
    assert!(page.contains("Wait 15 minutes"), "{page}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plain_form_login_redirects_to_the_dashboard() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(format!("{}/api/login", app.base))
        .header("accept", "text/html")
        .form(&[
            ("email", "anna@northwind.example"),
            ("password", DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()[LOCATION], "/dashboard");
    assert!(session_cookie(response.headers()).is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn company_data_needs_a_session() {
    let app = spawn_app().await;
    let (status, body) = app.dashboard(None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body, serde_json::json!("NotSignedIn"));
    let (status, _) = app.dashboard(Some("portal_session=forged-value")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logout_ends_the_session_on_the_server() {
    let app = spawn_app().await;
    let cookie = app.login_as("Contoso Logistics").await;
    assert_eq!(app.dashboard(Some(&cookie)).await.0, StatusCode::OK);
    let response = app.call("logout", &[], Some(&cookie)).await;
    assert_eq!(response.status(), StatusCode::OK);
    // Replaying the old cookie (as a thief would) finds no session.
    assert_eq!(
        app.dashboard(Some(&cookie)).await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_cycles_the_session_id() {
    let app = spawn_app().await;
    let first = app.login_as("Contoso Logistics").await;
    let again = app
        .call(
            "login",
            &[
                ("email", "boris@contoso.example"),
                ("password", DEMO_PASSWORD),
            ],
            Some(&first),
        )
        .await;
    let second = session_cookie(again.headers()).expect("a new cookie");
    assert_ne!(first, second);
    assert_eq!(
        app.dashboard(Some(&first)).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.dashboard(Some(&second)).await.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_made_up_session_id_is_never_adopted_at_sign_in() {
    let app = spawn_app().await;
    // A well-formed id the store never issued. (An attacker's own, real session id planted in
    // the victim's browser is `signing_in_cycles_the_session_id`.)
    let planted = "portal_session=AAAAAAAAAAAAAAAAAAAAAA";
    let signed_in = app
        .call(
            "login",
            &[
                ("email", "boris@contoso.example"),
                ("password", DEMO_PASSWORD),
            ],
            Some(planted),
        )
        .await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    let issued = session_cookie(signed_in.headers()).expect("a new cookie");
    assert_ne!(issued, planted);
    assert_eq!(
        app.dashboard(Some(planted)).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.dashboard(Some(&issued)).await.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_ends_after_30_idle_minutes() {
    let app = spawn_app().await;
    let clock = app.clock.clone().expect("in-process server");
    let cookie = app.login_as("Contoso Logistics").await;
    // Each use restarts the idle period...
    for _ in 0..3 {
        clock.advance(Duration::minutes(29));
        assert_eq!(app.dashboard(Some(&cookie)).await.0, StatusCode::OK);
    }
    // ...and 30 minutes without one end the session, for good.
    clock.advance(Duration::minutes(30));
    assert_eq!(
        app.dashboard(Some(&cookie)).await.0,
        StatusCode::UNAUTHORIZED
    );
    clock.advance(Duration::minutes(-30));
    assert_eq!(
        app.dashboard(Some(&cookie)).await.0,
        StatusCode::UNAUTHORIZED,
        "the expired session was deleted, not just refused"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_busy_session_still_ends_12_hours_after_sign_in() {
    let app = spawn_app().await;
    let clock = app.clock.clone().expect("in-process server");
    let cookie = app.login_as("Contoso Logistics").await;
    let mut elapsed = Duration::zero();
    while elapsed + Duration::minutes(25) < Duration::hours(12) {
        clock.advance(Duration::minutes(25));
        elapsed += Duration::minutes(25);
        assert_eq!(
            app.dashboard(Some(&cookie)).await.0,
            StatusCode::OK,
            "{elapsed} after sign-in"
        );
    }
    clock.advance(Duration::hours(12) - elapsed);
    assert_eq!(
        app.dashboard(Some(&cookie)).await.0,
        StatusCode::UNAUTHORIZED
    );
    // Signing in again starts a new 12 hours.
    let fresh = app.login_as("Contoso Logistics").await;
    assert_eq!(app.dashboard(Some(&fresh)).await.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_live_in_the_database_and_survive_a_restart() {
    let app = spawn_app().await;
    let cookie = app.login_as("Contoso Logistics").await;
    let restarted = spawn_sibling(&app).await;
    let (status, body) = restarted.dashboard(Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["company_name"], "Contoso Logistics");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_contact_sees_only_their_own_company() {
    let app = spawn_app().await;
    let contoso = app.login_as("Contoso Logistics").await;
    let northwind = app.login_as("Northwind Trading").await;

    let (_, a) = app.dashboard(Some(&contoso)).await;
    let (_, b) = app.dashboard(Some(&northwind)).await;
    assert_eq!(a["company_name"], "Contoso Logistics");
    assert_eq!(b["company_name"], "Northwind Trading");
    assert!(!a.to_string().contains("Northwind"));

    // Arguments naming another company are not part of the function and change nothing.
    let response = app
        .call("dashboard", &[("company_id", "1")], Some(&contoso))
        .await;
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["company_name"], "Contoso Logistics");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disabled_contact_loses_access_at_once() {
    let app = spawn_app().await;
    let cookie = app.login_as("Contoso Logistics").await;
    sqlx::query("UPDATE contacts SET active = 0 WHERE email = 'boris@contoso.example'")
        .execute(&app.db().await)
        .await
        .unwrap();
    assert_eq!(
        app.dashboard(Some(&cookie)).await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_requests_are_throttled_per_email_and_per_address() {
    let app = spawn_app().await;
    let clock = app.clock.clone().expect("in-process server");
    let reset = |email: &'static str| {
        let app = &app;
        async move {
            app.call("request_password_reset", &[("email", email)], None)
                .await
                .status()
        }
    };
    for _ in 0..3 {
        assert_eq!(reset("anna@northwind.example").await, StatusCode::OK);
    }
    assert_eq!(
        reset("anna@northwind.example").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(app.mail_count(), 3, "no fourth mail to flood the mailbox");
    // An unknown email is throttled the same way: the answers reveal no accounts.
    for _ in 0..3 {
        assert_eq!(reset("nobody@nowhere.example").await, StatusCode::OK);
    }
    assert_eq!(
        reset("nobody@nowhere.example").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Ten requests an hour from one address, whatever the emails (so far 6).
    for email in [
        "a@else.example",
        "b@else.example",
        "c@else.example",
        "d@else.example",
    ] {
        assert_eq!(reset(email).await, StatusCode::OK);
    }
    assert_eq!(
        reset("chen@fabrikam.example").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    clock.advance(Duration::minutes(61));
    assert_eq!(reset("anna@northwind.example").await, StatusCode::OK);
    assert_eq!(app.mail_count(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_links_are_throttled_per_address_even_before_a_good_one() {
    let app = spawn_app().await;
    let clock = app.clock.clone().expect("in-process server");
    let good = app.reset_token("anna@northwind.example").await;
    let set = |token: String| {
        let app = &app;
        async move {
            app.call(
                "reset_password",
                &[
                    ("token", token.as_str()),
                    ("password", "a-quiet-heron-sings"),
                ],
                None,
            )
            .await
            .status()
        }
    };
    for guess in 0..10 {
        let bad = format!("{guess:064x}");
        assert_eq!(set(bad).await, StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert_eq!(set(good.clone()).await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE kind = 'throttled'")
            .await,
        1
    );
    clock.advance(Duration::minutes(16));
    assert_eq!(set(good).await, StatusCode::OK, "the link still works");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passwords_are_stored_as_argon2id_with_the_asvs_parameters() {
    let app = spawn_app().await;
    let (hash,): (String,) =
        sqlx::query_as("SELECT password_hash FROM contacts WHERE email = 'boris@contoso.example'")
            .fetch_one(&app.db().await)
            .await
            .unwrap();
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_reset_ends_every_other_session() {
    let app = spawn_app().await;
    let laptop = app.login_as("Northwind Trading").await;
    let token = app.reset_token("anna@northwind.example").await;
    let reset = app
        .call(
            "reset_password",
            &[("token", &token), ("password", "a-quiet-heron-sings")],
            None,
        )
        .await;
    assert_eq!(reset.status(), StatusCode::OK);
    let phone = session_cookie(reset.headers()).expect("signed in by the reset");
    assert_eq!(
        app.dashboard(Some(&laptop)).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.dashboard(Some(&phone)).await.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_further_lockout_doubles_the_wait_and_signing_in_resets_it() {
    let app = spawn_app().await;
    let clock = app.clock.clone().expect("in-process server");
    let wait = |response: reqwest::Response| async move {
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        response.json::<serde_json::Value>().await.unwrap()["TooManyAttempts"]["wait_minutes"]
            .as_i64()
            .unwrap()
    };
    let fail_five_times = || app.fail_sign_ins("boris@contoso.example", 5);
    fail_five_times().await;
    let right = app.login_raw("boris@contoso.example", DEMO_PASSWORD).await;
    assert_eq!(wait(right).await, 15);

    // After the first lockout, five more tries; the second lockout lasts twice as long.
    clock.advance(Duration::minutes(16));
    fail_five_times().await;
    let right = app.login_raw("boris@contoso.example", DEMO_PASSWORD).await;
    assert_eq!(wait(right).await, 30);
    clock.advance(Duration::minutes(16));
    let right = app.login_raw("boris@contoso.example", DEMO_PASSWORD).await;
    assert_eq!(wait(right).await, 14, "still locked, and told for how long");

    clock.advance(Duration::minutes(15));
    app.login_as("Contoso Logistics").await;
    // Signing in forgot the lockouts: the next run of failures waits one window again.
    fail_five_times().await;
    let right = app.login_raw("boris@contoso.example", DEMO_PASSWORD).await;
    assert_eq!(wait(right).await, 15);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE kind = 'throttled'")
            .await,
        3
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_concurrent_guesses_gets_no_more_tries_than_the_limit() {
    let app = spawn_app().await;
    let guesses = (0..20).map(|_| app.login_raw("boris@contoso.example", "wrong-password"));
    let statuses: Vec<StatusCode> = crate::common::join_all(guesses)
        .await
        .into_iter()
        .map(|r| r.status())
        .collect();
    let tried = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    // Zero would mean no password was ever checked: the limit must let the first ones through.
    // On PostgreSQL an attempt's id may be drawn before, and committed after, another's count:
    // at worst one more try slips through (`throttle::Limit::attempt` says so), never a burst.
    // The CI run of 2026-11-30 saw that sixth try once, with the suite's load around it.
    let most = if crate::common::is_postgres() { 6 } else { 5 };
    assert!(
        (1..=most).contains(&tried),
        "{tried} passwords checked: {statuses:?}"
    );
    assert_eq!(tried + refused, 20, "{statuses:?}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE kind = 'throttled'")
            .await,
        1,
        "one lockout, audited once"
    );
    let right = app.login_raw("boris@contoso.example", DEMO_PASSWORD).await;
    assert_eq!(right.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait = right.json::<serde_json::Value>().await.unwrap()["TooManyAttempts"]["wait_minutes"]
        .as_i64();
    assert_eq!(wait, Some(15), "the first lockout, not a pile of them");
}
