//! How long one invoice PDF takes to render, and how large it is (issue 12). A benchmark, not a
//! timed test: it prints figures (recorded in `docs/performance.md`) and asserts nothing.
//!
//! `cargo bench -p server --bench invoice_pdf` (in the server crate, whose build of `app` has
//! the server-side features).

use std::time::Instant;

use app::model::invoice::{
    BankAccount, InvoiceDocument, InvoiceLine, InvoiceStatus, Party, ServiceText,
};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid day")
}

/// A license order with an R8 extension: five product lines and the support line.
fn sample() -> InvoiceDocument {
    let party = |name: &str| Party {
        legal_name: name.to_string(),
        address_lines: vec!["Friedrichstraße 68".into(), "10117 Berlin".into()],
        country: "DE".into(),
        registration_number: "HRB 123456 B".into(),
        vat_number: "DE123456789".into(),
    };
    let mut lines: Vec<InvoiceLine> = (1..=5)
        .map(|i| InvoiceLine {
            description: format!("Terrasoft product {i} licenses, version 7.13"),
            quantity: i,
            unit_price: "900.00".into(),
            price_from: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
            service: None,
            amount: format!("{}.00", 900 * i),
        })
        .collect();
    lines.push(InvoiceLine {
        description: "Standard support, 1 year: 20% × 13500.00 × 1".into(),
        quantity: 1,
        unit_price: "2700.00".into(),
        price_from: None,
        service: Some(ServiceText::Extension {
            from: day(2027, 7, 28),
            new_end: day(2027, 11, 14),
            days: 110,
        }),
        amount: "2700.00".into(),
    });
    InvoiceDocument {
        number: "INV-2026-000042".into(),
        order_id: 42,
        issue_date: day(2026, 11, 25),
        due_date: day(2026, 12, 25),
        payment_reference: "INV-2026-000042".into(),
        seller: party("Portal Software GmbH"),
        buyer: party("Contoso Logistics LLC (ТОВ «Контосо Логістика»)"),
        bank: BankAccount {
            iban: "DE89 3704 0044 0532 0130 00".into(),
            bic: "COBADEFFXXX".into(),
            bank_name: "Commerzbank Berlin".into(),
        },
        payment_terms_days: 30,
        lines,
        currency: "EUR".into(),
        subtotal: "16200.00".into(),
        tax_rate: "20%".into(),
        tax: "3240.00".into(),
        tax_note: String::new(),
        total: "19440.00".into(),
        status: InvoiceStatus::Unpaid { overdue: false },
        footer: "Portal Software GmbH · billing@portal-software.example".into(),
    }
}

fn main() {
    let invoice = sample();
    let first = Instant::now();
    let bytes = app::invoice::pdf::render(&invoice).expect("renders");
    let first = first.elapsed();
    const RUNS: u32 = 200;
    let started = Instant::now();
    for _ in 0..RUNS {
        std::hint::black_box(
            app::invoice::pdf::render(std::hint::black_box(&invoice)).expect("renders"),
        );
    }
    let each = started.elapsed() / RUNS;
    println!(
        "invoice PDF: first {:.2} ms (fonts parsed), then {:.2} ms each over {RUNS} runs, {} bytes",
        first.as_secs_f64() * 1000.0,
        each.as_secs_f64() * 1000.0,
        bytes.len()
    );
}
