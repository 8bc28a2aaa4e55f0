//! Invoices (issue 12): the PDF read back as text, numbering (gapless, concurrent, across
//! instances), issued invoices that later edits leave alone, VAT, mail, payments and who may
//! download what. Runs on both engines.

use reqwest::StatusCode;

use crate::common::{is_postgres, join_all, spawn_app, spawn_process, TestApp};

/// The PDF's text with whitespace runs collapsed, so that assertions do not depend on layout.
fn pdf_text(bytes: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(bytes).expect("a readable PDF");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Download {
    status: StatusCode,
    content_type: String,
    disposition: String,
    bytes: Vec<u8>,
}

async fn download(app: &TestApp, path: &str, cookie: Option<&str>) -> Download {
    let response = app.get(path, cookie).await;
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    Download {
        status: response.status(),
        content_type: header("content-type"),
        disposition: header("content-disposition"),
        bytes: response.bytes().await.unwrap().to_vec(),
    }
}

/// The order's invoice as the order page's data (`order` server function).
async fn invoice_json(app: &TestApp, cookie: &str, order_id: i64) -> serde_json::Value {
    let order = app
        .answer("order", &[("id", &order_id.to_string())], cookie)
        .await;
    assert_eq!(order.status, StatusCode::OK, "{}", order.body);
    order.body["invoice"].clone()
}

/// The contact's PDF of `order_id`, checked to be a PDF attachment, as text.
async fn invoice_pdf_text(app: &TestApp, cookie: &str, order_id: i64) -> String {
    let pdf = download(
        app,
        &format!("/orders/{order_id}/invoice.pdf"),
        Some(cookie),
    )
    .await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.content_type, "application/pdf");
    assert!(pdf.disposition.starts_with("attachment; filename=\"INV-"));
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    if let Ok(dir) = std::env::var("PORTAL_INVOICE_SAMPLES") {
        // For the docs: `docs/invoice-renewal.png` is rendered from the renewal's file.
        let name = format!("{dir}/order-{order_id}-{}.pdf", std::process::id());
        std::fs::write(name, &pdf.bytes).unwrap();
    }
    pdf_text(&pdf.bytes)
}

fn order_id(answer: &crate::common::Answer) -> i64 {
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    answer.body.as_i64().expect("the order id")
}

/// Everything on the invoice: seller, buyer, number, dates, every line amount, totals, bank.
fn assert_invoice_text(text: &str, invoice: &serde_json::Value) {
    let expected = [
        "Portal Software GmbH",
        "Friedrichstraße 68",
        "VAT no. DE123456789",
        "Contoso Logistics LLC",
        "22 Khreshchatyk St.",
        "Country: UA",
        "VAT no. UA123456789012",
        "IBAN DE89 3704 0044 0532 0130 00",
        "BIC COBADEFFXXX",
    ];
    for needle in expected {
        assert!(text.contains(needle), "{needle:?} missing from: {text}");
    }
    for key in [
        "number",
        "issue_date",
        "due_date",
        "subtotal",
        "tax",
        "total",
    ] {
        // Amounts as an English reader sees them (1,070.00); numbers and days are unchanged.
        let value = app::i18n::Locale::En.amount(invoice[key].as_str().unwrap());
        assert!(
            text.contains(&value),
            "{key} {value:?} missing from: {text}"
        );
    }
    for line in invoice["lines"].as_array().unwrap() {
        let amount = app::i18n::Locale::En.amount(line["amount"].as_str().unwrap());
        assert!(
            text.contains(&amount),
            "line amount {amount} missing from: {text}"
        );
    }
}

#[tokio::test]
async fn a_renewal_invoice_pdf_names_seller_buyer_service_period_lines_and_total() {
    let app = spawn_app().await;
    let boris = app.login_as("Contoso Logistics").await;
    let order = order_id(&app.buy_support(&boris, "standard", "1").await);
    let invoice = invoice_json(&app, &boris, order).await;
    assert_eq!(invoice["number"], "INV-2026-000001");
    assert_eq!(invoice["seller"]["legal_name"], "Portal Software GmbH");
    assert_eq!(invoice["buyer"]["legal_name"], "Contoso Logistics LLC");
    assert_eq!(invoice["payment_reference"], "INV-2026-000001");
    let text = invoice_pdf_text(&app, &boris, order).await;
    assert_invoice_text(&text, &invoice);
    assert!(
        text.contains("Service period 2027-07-28 – 2028-07-27"),
        "the renewal's term: {text}"
    );
    assert!(text.contains("Standard support"), "{text}");
    assert!(text.contains("Unpaid"), "{text}");
}

#[tokio::test]
async fn a_license_order_with_an_r8_extension_bills_the_added_days_and_the_new_end() {
    let app = spawn_app().await;
    let boris = app.login_as("Contoso Logistics").await;
    let sales = app.product_id("Terrasoft Sales").await;
    let order = order_id(
        &app.buy_licenses(&boris, &format!("{sales}:3"), "active", "", "1")
            .await,
    );
    let invoice = invoice_json(&app, &boris, order).await;
    let text = invoice_pdf_text(&app, &boris, order).await;
    assert_invoice_text(&text, &invoice);
    // 3 added to 7 owned for 1 year: ceil(365 × 3 / 10) = 110 days after 2027-07-27.
    // (The line wraps after "(R8),".)
    assert!(
        text.contains("Service period 2027-07-28 – 2027-11-14: 110 days added (R8),"),
        "{text}"
    );
    assert!(text.contains("support now ends 2027-11-14"), "{text}");
    assert!(text.contains("Terrasoft Sales licenses"), "{text}");
    assert_eq!(invoice["lines"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn only_the_own_company_and_admins_get_an_invoice_pdf() {
    let app = spawn_app().await;
    let boris = app.login_as("Contoso Logistics").await;
    let anna = app.login_as("Northwind Trading").await;
    let admin = app.login_admin().await;
    let order = order_id(&app.buy_support(&boris, "standard", "1").await);
    let own = format!("/orders/{order}/invoice.pdf");
    let admins = format!("/admin/orders/{order}/invoice.pdf");
    let status = |path: String, cookie: Option<String>| {
        let app = &app;
        async move { download(app, &path, cookie.as_deref()).await.status }
    };
    assert_eq!(
        status(own.clone(), Some(boris.clone())).await,
        StatusCode::OK
    );
    assert_eq!(
        status(own.clone(), Some(anna.clone())).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(status(own.clone(), None).await, StatusCode::UNAUTHORIZED);
    assert_eq!(
        status(own, Some(admin.clone())).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        status(admins.clone(), Some(admin.clone())).await,
        StatusCode::OK
    );
    assert_eq!(
        status(admins, Some(boris.clone())).await,
        StatusCode::FORBIDDEN
    );
    for missing in ["999999", "abc", "-1", "99999999999999999999999"] {
        let path = format!("/orders/{missing}/invoice.pdf");
        assert_eq!(
            status(path, Some(boris.clone())).await,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
}

#[tokio::test]
async fn numbers_are_gapless_and_a_failed_order_takes_none() {
    let app = spawn_app().await;
    let anna = app.login_as("Northwind Trading").await;
    let boris = app.login_as("Contoso Logistics").await;
    let first = order_id(&app.buy_support(&anna, "basic", "1").await);
    assert_eq!(
        invoice_json(&app, &anna, first).await["number"],
        "INV-2026-000001"
    );

    let db = app.db().await;
    // The invoice insert fails after its number was taken: the order rolls back.
    let (install, remove): (&[&str], &str) = if is_postgres() {
        (
            &[
                "CREATE FUNCTION fail_invoice() RETURNS trigger LANGUAGE plpgsql
                 AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$",
                "CREATE TRIGGER fail_invoice BEFORE INSERT ON invoices
                 FOR EACH ROW EXECUTE FUNCTION fail_invoice()",
            ],
            "DROP TRIGGER fail_invoice ON invoices",
        )
    } else {
        (
            &["CREATE TRIGGER fail_invoice BEFORE INSERT ON invoices
               BEGIN SELECT RAISE(ABORT, 'injected failure'); END"],
            "DROP TRIGGER fail_invoice",
        )
    };
    for statement in install {
        sqlx::query(statement).execute(&db).await.unwrap();
    }
    let failed = app.buy_support(&boris, "standard", "1").await;
    assert_eq!(failed.status, StatusCode::INTERNAL_SERVER_ERROR);
    sqlx::query(remove).execute(&db).await.unwrap();

    let second = order_id(&app.buy_support(&boris, "standard", "1").await);
    assert_eq!(
        invoice_json(&app, &boris, second).await["number"],
        "INV-2026-000002"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM invoices").await, 2);
}

/// Adds `n` companies like Northwind (same licenses, no support) whose contacts sign in with
/// the demo password; returns their session cookies.
async fn buyers(app: &TestApp, n: usize) -> Vec<String> {
    let db = app.db().await;
    let northwind = app.company_id("Northwind Trading").await;
    let mut cookies = Vec::new();
    for i in 0..n {
        let name = format!("Buyer {i:02}");
        let (company,): (i64,) = sqlx::query_as(
            "INSERT INTO companies (name, name_key, created_at)
             VALUES ($1, $2, '2026-01-01T00:00:00Z') RETURNING id",
        )
        .bind(&name)
        .bind(domain::name_key(&name))
        .fetch_one(&db)
        .await
        .unwrap();
        let email = format!("buyer{i:02}@buyers.example");
        sqlx::query(
            "INSERT INTO contacts (company_id, name, email, password_hash, created_at)
             SELECT $1, $2, $3, password_hash, created_at FROM contacts
              WHERE company_id = $4 AND active = 1",
        )
        .bind(company)
        .bind(&name)
        .bind(&email)
        .bind(northwind)
        .execute(&db)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO holdings (company_id, product_id, quantity, version)
             SELECT $1, product_id, quantity, version FROM holdings WHERE company_id = $2",
        )
        .bind(company)
        .bind(northwind)
        .execute(&db)
        .await
        .unwrap();
        let response = app.login_raw(&email, server::seed::DEMO_PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK);
        cookies.push(crate::common::session_cookie(response.headers()).unwrap());
    }
    cookies
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_orders_on_two_instances_get_fifty_consecutive_numbers() {
    let a = spawn_app().await;
    let b = spawn_process(&a).await;
    let cookies = buyers(&a, 50).await;
    let mut quotes = Vec::new();
    for cookie in &cookies {
        let quote = a.support_quote(cookie, "basic", "1").await;
        assert_eq!(quote.status, StatusCode::OK, "{}", quote.body);
        quotes.push(quote.body);
    }
    let instances: [&TestApp; 2] = [&a, &b];
    let answers = join_all(
        cookies
            .iter()
            .zip(&quotes)
            .enumerate()
            .map(|(i, (cookie, quote))| {
                instances[i % 2].confirm_support(cookie, "basic", "1", quote)
            }),
    )
    .await;
    for answer in &answers {
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    }
    let numbers: Vec<(String,)> = sqlx::query_as("SELECT number FROM invoices ORDER BY number")
        .fetch_all(&a.db().await)
        .await
        .unwrap();
    let expected: Vec<String> = (1..=50).map(|n| format!("INV-2026-{n:06}")).collect();
    let numbers: Vec<String> = numbers.into_iter().map(|(n,)| n).collect();
    assert_eq!(numbers, expected);
}

#[tokio::test]
async fn later_edits_of_vendor_or_billing_details_change_no_issued_invoice() {
    let app = spawn_app().await;
    let boris = app.login_as("Contoso Logistics").await;
    let admin = app.login_admin().await;
    let order = order_id(&app.buy_support(&boris, "standard", "1").await);
    let json_before = invoice_json(&app, &boris, order).await;
    let pdf_before = invoice_pdf_text(&app, &boris, order).await;

    let vendor = app
        .answer(
            "admin_save_vendor_details",
            &[
                ("legal_name", "Renamed Vendor AG"),
                ("address", "Neue Straße 1\n80331 München"),
                ("registration_number", "HRB 999"),
                ("vat_number", "DE999999999"),
                ("iban", "GB82 WEST 1234 5698 7654 32"),
                ("bic", "NWBKGB2L"),
                ("bank_name", "Another Bank"),
                ("payment_terms_days", "14"),
                ("vat_rate", "19"),
                ("vat_note", ""),
                ("footer", "New footer"),
            ],
            &admin,
        )
        .await;
    assert_eq!(vendor.status, StatusCode::OK, "{}", vendor.body);
    let billing = app
        .answer(
            "save_billing_details",
            &[
                ("legal_name", "Contoso Renamed LLC"),
                ("address", "1 Other St.\nLviv"),
                ("country", "ua"),
                ("vat_number", ""),
                ("billing_emails", "new@contoso.example"),
            ],
            &boris,
        )
        .await;
    assert_eq!(billing.status, StatusCode::OK, "{}", billing.body);

    assert_eq!(invoice_json(&app, &boris, order).await, json_before);
    assert_eq!(invoice_pdf_text(&app, &boris, order).await, pdf_before);

    // The next invoice is issued with the new details, 19% VAT and 14 days to pay.
    let sales = app.product_id("Terrasoft Sales").await;
    let next = order_id(
        &app.buy_licenses(&boris, &format!("{sales}:1"), "active", "", "1")
            .await,
    );
    let invoice = invoice_json(&app, &boris, next).await;
    assert_eq!(invoice["seller"]["legal_name"], "Renamed Vendor AG");
    assert_eq!(invoice["buyer"]["legal_name"], "Contoso Renamed LLC");
    assert_eq!(invoice["buyer"]["country"], "UA");
    assert_eq!(invoice["tax_rate"], "19%");
    assert_eq!(invoice["due_date"], "2026-12-09");
    let subtotal: rust_decimal::Decimal = invoice["subtotal"].as_str().unwrap().parse().unwrap();
    let tax: rust_decimal::Decimal = invoice["tax"].as_str().unwrap().parse().unwrap();
    let total: rust_decimal::Decimal = invoice["total"].as_str().unwrap().parse().unwrap();
    assert_eq!(
        tax,
        (subtotal * rust_decimal::Decimal::new(19, 2)).round_dp(2)
    );
    assert_eq!(total, subtotal + tax);
    let text = invoice_pdf_text(&app, &boris, next).await;
    assert!(text.contains("VAT 19%"), "{text}");
    assert!(text.contains("GB82 WEST 1234 5698 7654 32"), "{text}");
    // The order list shows what the customer pays.
    let orders = app.answer("orders", &[], &boris).await;
    assert_eq!(orders.body[0]["total"], format!("{total} EUR"));
}

#[tokio::test]
async fn a_quote_shows_the_vat_and_a_rate_changed_since_makes_it_stale() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let anna = app.login_as("Northwind Trading").await;
    let quote = app.support_quote(&anna, "standard", "1").await;
    assert!(
        quote.body["tax"].is_null(),
        "no VAT line at 0%: {}",
        quote.body
    );
    let vendor = |rate: &'static str| {
        let (app, admin) = (&app, &admin);
        async move {
            app.answer(
                "admin_save_vendor_details",
                &[
                    ("legal_name", "Portal Software GmbH"),
                    ("address", "Friedrichstraße 68\n10117 Berlin"),
                    ("registration_number", ""),
                    ("vat_number", "DE123456789"),
                    ("iban", "DE89370400440532013000"),
                    ("bic", "COBADEFFXXX"),
                    ("bank_name", "Commerzbank"),
                    ("payment_terms_days", "30"),
                    ("vat_rate", rate),
                    ("vat_note", ""),
                    ("footer", ""),
                ],
                admin,
            )
            .await
            .status
        }
    };
    assert_eq!(vendor("20").await, StatusCode::OK);
    // The quote shown before the change no longer tells what the invoice would charge.
    let stale = app
        .confirm_support(&anna, "standard", "1", &quote.body)
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 0);

    // 3 × 900.00 + 250.00 = 2950.00; 20% of it for a year is 590.00; plus 20% VAT = 708.00.
    let quote = app.support_quote(&anna, "standard", "1").await;
    assert_eq!(quote.body["total"], "590.00");
    assert_eq!(quote.body["tax"]["rate"], "20%");
    assert_eq!(quote.body["tax"]["amount"], "118.00");
    assert_eq!(quote.body["tax"]["total"], "708.00");
    let order = order_id(
        &app.confirm_support(&anna, "standard", "1", &quote.body)
            .await,
    );
    let invoice = invoice_json(&app, &anna, order).await;
    assert_eq!(invoice["subtotal"], "590.00");
    assert_eq!(invoice["tax"], "118.00");
    assert_eq!(invoice["total"], "708.00");
}

#[tokio::test]
async fn an_order_mails_its_invoice_pdf_to_the_billing_addresses_or_the_contact() {
    let app = spawn_app().await;
    let boris = app.login_as("Contoso Logistics").await;
    let order = order_id(&app.buy_support(&boris, "standard", "1").await);
    let mail = app.last_mail();
    assert!(
        mail.contains("To: accounts@contoso.example, boris@contoso.example"),
        "{mail}"
    );
    assert!(mail.contains("Subject: Invoice INV-2026-000001"), "{mail}");
    assert!(mail.contains("Content-Type: application/pdf"), "{mail}");
    assert!(mail.contains("filename=\"INV-2026-000001.pdf\""), "{mail}");
    let _ = order;

    let anna = app.login_as("Northwind Trading").await;
    order_id(&app.buy_support(&anna, "basic", "1").await);
    let mail = app.last_mail();
    assert!(mail.contains("To: anna@northwind.example"), "{mail}");
    assert!(mail.contains("Subject: Invoice INV-2026-000002"), "{mail}");
}

#[tokio::test]
async fn admins_list_unpaid_and_overdue_invoices_and_record_payments() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let anna = app.login_as("Northwind Trading").await;
    let boris = app.login_as("Contoso Logistics").await;
    order_id(&app.buy_support(&anna, "basic", "1").await);
    let contoso_order = order_id(&app.buy_support(&boris, "standard", "1").await);
    sqlx::query("UPDATE invoices SET due_date = '2026-11-01', issue_date = '2026-10-02' WHERE number = 'INV-2026-000001'")
        .execute(&app.db().await)
        .await
        .unwrap();
    let list = |filter: &'static str, search: &'static str| {
        let (app, admin) = (&app, &admin);
        async move {
            let answer = app
                .answer(
                    "admin_invoices",
                    &[("filter", filter), ("search", search), ("page", "0")],
                    admin,
                )
                .await;
            assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
            answer.body["rows"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["number"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(list("", "").await, ["INV-2026-000001", "INV-2026-000002"]);
    assert_eq!(list("overdue", "").await, ["INV-2026-000001"]);
    assert_eq!(list("all", "contoso").await, ["INV-2026-000002"]);
    assert!(list("paid", "").await.is_empty());
    let unknown = app
        .answer(
            "admin_invoices",
            &[("filter", "late"), ("search", ""), ("page", "0")],
            &admin,
        )
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);

    let pay_number = |number: &'static str, paid_on: &'static str, reference: &'static str| {
        let (app, admin) = (&app, &admin);
        async move {
            app.answer(
                "admin_mark_paid",
                &[
                    ("invoice_number", number),
                    ("paid_on", paid_on),
                    ("bank_reference", reference),
                ],
                admin,
            )
            .await
            .status
        }
    };
    let pay = |paid_on: &'static str, reference: &'static str| {
        pay_number("inv-2026-000002", paid_on, reference)
    };
    // Issued 2026-11-25, today: a payment in the future or before the issue is a typing slip.
    assert_eq!(
        pay("2026-11-26", "BANK-1").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        pay("2026-11-24", "BANK-1").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        pay("2026-11-25", "").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        pay_number("INV-2026-000999", "2026-11-25", "BANK-1").await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        list("paid", "").await.len(),
        0,
        "a refused payment writes nothing"
    );
    assert_eq!(pay("2026-11-25", "BANK-1").await, StatusCode::OK);
    assert_eq!(pay("2026-11-25", "BANK-2").await, StatusCode::CONFLICT);
    assert_eq!(list("paid", "").await, ["INV-2026-000002"]);
    assert_eq!(list("", "").await, ["INV-2026-000001"]);
    let invoice = invoice_json(&app, &boris, contoso_order).await;
    assert_eq!(invoice["status"]["Paid"]["on"], "2026-11-25");
    assert!(invoice_pdf_text(&app, &boris, contoso_order)
        .await
        .contains("Paid on 2026-11-25"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE kind = 'invoice_paid' AND summary LIKE '%BANK-1%'")
            .await,
        1
    );
}

#[tokio::test]
async fn billing_details_are_checked_kept_as_versions_and_audited() {
    let app = spawn_app().await;
    let anna = app.login_as("Northwind Trading").await;
    let empty = app.answer("company_billing", &[], &anna).await;
    assert_eq!(empty.body["legal_name"], "");
    let save = |country: &'static str, emails: &'static str| {
        let (app, anna) = (&app, &anna);
        async move {
            app.answer(
                "save_billing_details",
                &[
                    ("legal_name", "Northwind Trading Ltd"),
                    ("address", "1 Harbour Rd\nBristol BS1 4DJ"),
                    ("country", country),
                    ("vat_number", "gb123456789"),
                    ("billing_emails", emails),
                ],
                anna,
            )
            .await
        }
    };
    for (country, emails) in [
        ("United Kingdom", "ap@northwind.example"),
        ("GB", "not an address"),
        (
            "GB",
            "a@x.example, b@x.example, c@x.example, d@x.example, e@x.example, f@x.example",
        ),
    ] {
        assert_eq!(
            save(country, emails).await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM billing_details WHERE legal_name LIKE 'Northwind%'")
            .await,
        0
    );
    let saved = save("gb", "AP@northwind.example; anna@northwind.example").await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let details = app.answer("company_billing", &[], &anna).await.body;
    assert_eq!(details["country"], "GB");
    assert_eq!(details["vat_number"], "GB123456789");
    assert_eq!(
        details["billing_emails"],
        "ap@northwind.example, anna@northwind.example"
    );
    assert_eq!(
        save("GB", "ap@northwind.example").await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM billing_details WHERE legal_name LIKE 'Northwind%'")
            .await,
        2
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE kind = 'billing_details_changed'")
            .await,
        2
    );
}

#[tokio::test]
async fn vendor_details_are_checked_before_a_version_is_saved() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let versions = || app.count("SELECT COUNT(*) FROM vendor_details");
    let before = versions().await;
    let form = vec![
        ("legal_name", "Portal Software GmbH"),
        ("address", "Friedrichstraße 68\n10117 Berlin"),
        ("registration_number", ""),
        ("vat_number", ""),
        ("iban", "DE89 3704 0044 0532 0130 00"),
        ("bic", "COBADEFFXXX"),
        ("bank_name", "Commerzbank"),
        ("payment_terms_days", "30"),
        ("vat_rate", "0"),
        ("vat_note", ""),
        ("footer", ""),
    ];
    for (field, bad) in [
        ("iban", "DE88 3704 0044 0532 0130 00"),
        ("bic", "COBA"),
        ("payment_terms_days", "400"),
        ("vat_rate", "101"),
        ("legal_name", " "),
    ] {
        let mut bad_form = form.clone();
        bad_form.iter_mut().find(|(k, _)| *k == field).unwrap().1 = bad;
        let answer = app
            .answer("admin_save_vendor_details", &bad_form, &admin)
            .await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}: {}",
            answer.body
        );
    }
    assert_eq!(versions().await, before);
    let saved = app.answer("admin_save_vendor_details", &form, &admin).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(versions().await, before + 1);
    let current = app.answer("admin_vendor_details", &[], &admin).await.body;
    assert_eq!(current["iban"], "DE89 3704 0044 0532 0130 00");
}
