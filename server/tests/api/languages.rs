//! Issue 15: the portal in Ukrainian and Russian. Pages speak the chosen language with no
//! English message left, the choice is saved, mail and the invoice PDF follow it.

use app::i18n::{self, Locale};
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::StatusCode;

use server::seed::DEMO_PASSWORD;

use crate::common::*;

/// `&amp;` and friends back to text, so that an English message with an apostrophe is found.
fn unescape(html: &str) -> String {
    html.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The English messages' fixed wording: whole messages, and the text between the values of
/// messages with values. Wording that is the same in `locale` (IBAN, BIC) is left out, and so
/// are pieces too short to tell apart from a product name (a word of three letters).
fn english_wording(locale: Locale) -> Vec<(String, String)> {
    let mut pieces = Vec::new();
    for key in i18n::keys(Locale::En) {
        let theirs = i18n::wording(locale, &key).join(" ");
        for piece in i18n::wording(Locale::En, &key) {
            for line in piece.lines() {
                let line = line.trim_matches(|c: char| !c.is_alphanumeric());
                if line.chars().filter(|c| c.is_alphabetic()).count() < 4 || theirs.contains(line) {
                    continue;
                }
                pieces.push((key.clone(), line.to_string()));
            }
        }
    }
    pieces
}

/// Whether `piece` stands in `text` as words (not inside a longer word).
fn contains_words(text: &str, piece: &str) -> bool {
    text.match_indices(piece).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + piece.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// What a reader sees of a page: its text (scripts left out) and the attributes a browser
/// shows or reads out (`title`, `placeholder`, `aria-label`, `alt`, and `data-label`, the
/// column name of a table cell on a phone). Form values and other codes are not text.
fn readable(html: &str) -> String {
    const SHOWN: [&str; 5] = ["title", "placeholder", "aria-label", "alt", "data-label"];
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..open + close];
        for name in SHOWN {
            let marker = format!(" {name}=\"");
            if let Some(at) = tag.find(&marker) {
                let value = &tag[at + marker.len()..];
                out.push_str(value.split('"').next().unwrap_or_default());
                out.push(' ');
            }
        }
        rest = &rest[open + close + 1..];
        if tag.starts_with("<script") {
            rest = rest.split_once("</script>").map_or("", |(_, after)| after);
        }
    }
    out.push_str(rest);
    unescape(&out)
}

#[tokio::test]
async fn customer_pages_in_ukrainian_and_russian_hold_no_english_message() {
    let app = spawn_app().await;
    let session = app.login_as("Contoso Logistics").await;
    // An order with an invoice, and a consultation request, so every page has content.
    let order = app.buy_support(&session, "standard", "1").await;
    assert_eq!(order.status, StatusCode::OK, "{}", order.body);
    let order_id = order.body.as_i64().expect("the order id");
    let filed = app
        .answer(
            "file_consultation",
            &[
                ("area", "functional_features"),
                ("subject", "Pipeline stages"),
                ("description", "How do we add a stage?"),
            ],
            &session,
        )
        .await;
    assert!(filed.status.is_success(), "{}", filed.body);
    let request_id = app.count("SELECT MAX(id) FROM consultation_requests").await;

    let signed_in = [
        "/dashboard".to_string(),
        "/plans".into(),
        "/support".into(),
        "/support?plan=standard&years=2".into(),
        "/licenses".into(),
        "/updates".into(),
        "/orders".into(),
        format!("/orders/{order_id}"),
        "/consultations".into(),
        format!("/consultations/{request_id}"),
        "/company".into(),
        "/history".into(),
        "/account".into(),
    ];
    let anonymous = ["/login", "/plans", "/reset"];
    // Data is shown as entered, in whatever language it was entered: product names, and the
    // vendor's own wording on invoices (the VAT note, the footer).
    let vendor_wording: Vec<(String, String)> =
        sqlx::query_as("SELECT vat_note, footer FROM vendor_details")
            .fetch_all(&app.db().await)
            .await
            .unwrap();
    let mut products: Vec<String> = sqlx::query_scalar("SELECT name FROM products")
        .fetch_all(&app.db().await)
        .await
        .unwrap();
    // Longest first: "Terrasoft CRM Bank" before "Terrasoft CRM".
    products.sort_by_key(|name| std::cmp::Reverse(name.len()));
    let data = |text: String| {
        let mut text = text;
        for product in &products {
            text = text.replace(product.as_str(), "");
        }
        for (note, footer) in &vendor_wording {
            text = text.replace(note.as_str(), "").replace(footer.as_str(), "");
        }
        text
    };
    for locale in [Locale::Uk, Locale::Ru] {
        let english = english_wording(locale);
        let pages = signed_in
            .iter()
            .map(|p| (p.as_str(), Some(format!("{session}; lang={locale}"))))
            .chain(
                anonymous
                    .iter()
                    .map(|p| (*p, Some(format!("lang={locale}")))),
            );
        let mut checked = 0;
        for (path, cookie) in pages {
            let response = app.get(path, cookie.as_deref()).await;
            assert_eq!(response.status(), StatusCode::OK, "{locale} {path}");
            let html = response.text().await.unwrap();
            assert!(
                html.contains(&format!("<html lang=\"{locale}\"")),
                "{locale} {path}: <html lang>"
            );
            let text = data(readable(&html));
            let left: Vec<_> = english
                .iter()
                .filter(|(_, piece)| contains_words(&text, piece))
                .collect();
            assert!(
                left.is_empty(),
                "{locale} {path} shows English: {left:?}\n{text}"
            );
            checked += 1;
        }
        assert_eq!(checked, 16);
        println!(
            "{locale}: 16 pages, none shows any of {} English wordings",
            english.len()
        );
    }
}

#[tokio::test]
async fn the_language_follows_the_cookie_then_the_browser_and_is_saved_for_the_account() {
    let app = spawn_app().await;
    let lang_of = |html: &str| {
        html.split("<html lang=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_default()
            .to_string()
    };
    // The browser's preference, when nothing was chosen.
    let page = app.page_in("/login", "ru-RU,ru;q=0.9,en;q=0.5").await;
    assert_eq!(lang_of(&page), "ru");
    assert!(page.contains("Войти"), "the Russian sign-in page");
    let page = app.get("/login", None).await.text().await.unwrap();
    assert_eq!(lang_of(&page), "en");

    // The switcher, signed in: back to the page, a cookie, and the account's preference.
    let session = app.login_as("Contoso Logistics").await;
    let switched = app
        .client
        .post(format!("{}/language", app.base))
        .header(COOKIE, &session)
        .form(&[("locale", "uk"), ("return_to", "/orders?page=1")])
        .send()
        .await
        .unwrap();
    assert_eq!(switched.status(), StatusCode::SEE_OTHER);
    assert_eq!(switched.headers()[LOCATION], "/orders?page=1");
    let cookie = switched.headers()[SET_COOKIE].to_str().unwrap().to_string();
    assert!(
        cookie.starts_with("lang=uk;") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    let saved = app
        .count("SELECT COUNT(*) FROM contacts WHERE locale = 'uk'")
        .await;
    assert_eq!(saved, 1);

    // Signing in elsewhere (no cookie) brings the saved choice back.
    let again = app
        .login_raw(contact_email("Contoso Logistics"), DEMO_PASSWORD)
        .await;
    let cookies: Vec<_> = again
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    assert!(
        cookies.iter().any(|c| c.starts_with("lang=uk;")),
        "{cookies:?}"
    );

    // Bad input: an unknown language is a 400, a foreign return address goes home.
    let unknown = app
        .client
        .post(format!("{}/language", app.base))
        .form(&[("locale", "de"), ("return_to", "/plans")])
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
    let foreign = app
        .client
        .post(format!("{}/language", app.base))
        .form(&[("locale", "ru"), ("return_to", "//evil.example/")])
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.headers()[LOCATION], "/");
}

#[tokio::test]
async fn a_russian_contact_gets_a_russian_invoice_and_russian_refusals() {
    let app = spawn_app().await;
    let session = app.login_as("Contoso Logistics").await;
    let russian = format!("{session}; lang=ru");
    let order = app.buy_support(&session, "standard", "1").await;
    let order_id = order.body.as_i64().expect("the order id");

    let pdf = app
        .get(&format!("/orders/{order_id}/invoice.pdf"), Some(&russian))
        .await;
    assert_eq!(pdf.status(), StatusCode::OK);
    let bytes = pdf.bytes().await.unwrap();
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("a readable PDF");
    let cyrillic = text
        .chars()
        .filter(|c| ('\u{400}'..='\u{4ff}').contains(c))
        .count();
    for wording in ["СЧЁТ", "Поддержка Standard", "Итого", "НДС"] {
        assert!(
            text.to_uppercase().contains(&wording.to_uppercase()),
            "{wording:?} in the Russian PDF:\n{text}"
        );
    }
    assert!(cyrillic > 100, "{cyrillic} Cyrillic letters:\n{text}");
    println!(
        "Russian invoice PDF: {} bytes, {cyrillic} Cyrillic letters",
        bytes.len()
    );

    // A refusal in Russian, with its rule id (R1: no second contract beside the running one).
    let crm = app.product_id("Terrasoft CRM").await;
    let refused = app
        .license_quote(&russian, &format!("{crm}:3"), "new", "standard", "1")
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    let message = i18n::in_locale(Locale::Ru, || {
        app::text::rule_violation(&refused.violation())
    });
    assert!(message.starts_with("R1: "), "{message}");
    assert!(message.contains("договор"), "{message}");
}

/// The text of a plain-text mail as written to the outbox: its body decoded from base64 or
/// quoted-printable, whichever the mailer chose for it.
fn mail_text(raw: &str) -> String {
    use base64::Engine;
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((raw, ""));
    // In a multipart mail, the part ends at the next boundary.
    let body = body.split("\r\n--").next().unwrap_or_default();
    let head = head.to_ascii_lowercase();
    if head.contains("content-transfer-encoding: base64") {
        let joined: String = body.split_whitespace().collect();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(joined)
            .expect("a base64 body");
        return String::from_utf8(bytes).expect("a UTF-8 body");
    }
    if head.contains("content-transfer-encoding: quoted-printable") {
        let soft = body.replace("=\r\n", "");
        let mut bytes = Vec::new();
        let raw = soft.as_bytes();
        let mut i = 0;
        while i < raw.len() {
            if raw[i] == b'=' && i + 2 < raw.len() {
                if let Ok(byte) = u8::from_str_radix(&soft[i + 1..i + 3], 16) {
                    bytes.push(byte);
                    i += 3;
                    continue;
                }
            }
            bytes.push(raw[i]);
            i += 1;
        }
        return String::from_utf8(bytes).expect("a UTF-8 body");
    }
    body.to_string()
}

#[tokio::test]
async fn mail_is_written_in_the_recipients_saved_language() {
    let app = spawn_app().await;
    let email = contact_email("Contoso Logistics");
    // A reset asked for from an English page still arrives in the contact's saved language.
    sqlx::query("UPDATE contacts SET locale = 'ru' WHERE email = $1")
        .bind(email)
        .execute(&app.db().await)
        .await
        .unwrap();
    let asked = app
        .call("request_password_reset", &[("email", email)], None)
        .await;
    assert!(asked.status().is_success());
    let mail = mail_text(app.raw_mails().last().expect("a mail"));
    assert!(mail.starts_with("Здравствуйте, Boris Petrenko!"), "{mail}");
    assert!(mail.contains("/reset?token="), "{mail}");

    // The contact switches to Ukrainian: the next mail (an invoice) is Ukrainian, and so is its
    // PDF, whatever language the order was placed in.
    sqlx::query("UPDATE contacts SET locale = 'uk' WHERE email = $1")
        .bind(email)
        .execute(&app.db().await)
        .await
        .unwrap();
    let session = app.login_as("Contoso Logistics").await;
    let order = app.buy_support(&session, "standard", "1").await;
    assert_eq!(order.status, StatusCode::OK, "{}", order.body);
    let invoice_mails: Vec<String> = app
        .raw_mails()
        .into_iter()
        .filter(|raw| raw.contains("application/pdf"))
        .collect();
    let raw = invoice_mails.last().expect("the invoice mail");
    let text_part = raw
        .split("Content-Type: text/plain")
        .nth(1)
        .expect("a text part");
    let text = mail_text(&format!("Content-Type: text/plain{text_part}"));
    assert!(text.starts_with("Доброго дня!"), "{text}");
    assert!(
        text.contains("1\u{a0}070,00 EUR"),
        "the amount the Ukrainian way: {text}"
    );
}

#[tokio::test]
async fn admin_pages_work_in_every_language() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let contoso = app.company_id("Contoso Logistics").await;
    let pages = [
        "/admin".to_string(),
        format!("/admin/companies/{contoso}"),
        "/admin/catalog".into(),
        "/admin/plans".into(),
        "/admin/consultations".into(),
        "/admin/audit".into(),
        "/admin/invoices".into(),
        "/admin/vendor".into(),
        "/admin/jobs".into(),
        "/account".into(),
    ];
    for locale in Locale::ALL {
        for path in &pages {
            let response = app
                .get(path, Some(&format!("{admin}; lang={locale}")))
                .await;
            assert_eq!(response.status(), StatusCode::OK, "{locale} {path}");
            let html = response.text().await.unwrap();
            assert!(
                html.contains(&format!("<html lang=\"{locale}\"")),
                "{locale} {path}"
            );
            // The admin's navigation speaks the language too.
            assert!(html.contains(&locale.t("admin-home")), "{locale} {path}");
        }
    }
}
