//! Invoices (issue 12): issuing one with its order, assembling the document its page and PDF
//! show, and mailing it to the company's billing addresses. Server-only.
//!
//! An invoice cites the vendor's and the company's details in force on its issue date
//! (`store::vendor`, `store::billing` keep every version), and stores its own number, dates and
//! amounts, so nothing changed later alters an issued invoice.

pub mod download;
pub mod pdf;

use chrono::{Datelike, NaiveDate};
use domain::{Iban, InvoiceNumber, PaymentTerms, Percent, Quote, Taxed};

use crate::error::AppError;
use crate::model::invoice::{
    BankAccount, InvoiceDocument, InvoiceLine, InvoiceStatus, Party, ServiceText,
};
use crate::state::AppState;
use crate::store::billing::BillingRecord;
use crate::store::vendor::VendorRecord;
use crate::store::{self, catalog, corrupt, money, parse_date, Conn};

/// Issues the invoice of order `order_id` inside the order's transaction: the next number of
/// the issue year, the vendor's VAT rate and payment terms, and the details in force today.
pub async fn issue(
    conn: &mut Conn,
    order_id: i64,
    company_id: i64,
    company_name: &str,
    quote: &Quote,
    currency: &str,
) -> Result<InvoiceNumber, AppError> {
    let vendor = store::vendor::current(conn).await?;
    let billing = store::billing::current(conn, company_id).await?;
    let issue_date = quote.signing_date;
    let rate = Percent::from_basis_points(u32::try_from(vendor.vat_rate_bp).map_err(corrupt)?)
        .map_err(corrupt)?;
    let taxed = Taxed::new(quote.total, rate).map_err(corrupt)?;
    let terms = PaymentTerms::new(u32::try_from(vendor.payment_terms_days).map_err(corrupt)?)
        .map_err(corrupt)?;
    let number = store::invoices::next_number(conn, issue_date.year()).await?;
    store::invoices::insert(
        conn,
        &store::invoices::NewInvoice {
            order_id,
            company_id,
            number,
            issue_date,
            due_date: terms.due_date(issue_date).map_err(corrupt)?,
            currency,
            taxed,
            vendor_details_id: vendor.id,
            billing_details_id: billing.map(|b| b.id),
            buyer_name: company_name,
        },
    )
    .await?;
    Ok(number)
}

/// The invoice of order `order_id` as issued; with `company_id`, only that company's (another
/// company's is `None`, like a missing one). `today` decides "overdue".
pub async fn document(
    app: &AppState,
    order_id: i64,
    company_id: Option<i64>,
) -> Result<Option<InvoiceDocument>, AppError> {
    let Some(record) = store::invoices::of_order(&app.db, order_id, company_id).await? else {
        return Ok(None);
    };
    let Some(order) = store::orders::detail(&app.db, record.company_id, order_id).await? else {
        return Ok(None);
    };
    let vendor = match record.vendor_details_id {
        Some(id) => store::vendor::version(&app.db, id).await?,
        None => store::vendor::current(&mut *app.db.acquire().await?).await?,
    };
    let billing = match record.billing_details_id {
        Some(id) => Some(store::billing::version(&app.db, id).await?),
        None => None,
    };
    let amount = |minor: i64| -> Result<String, AppError> { Ok(money(minor)?.to_string()) };
    let lines = order
        .lines
        .into_iter()
        .map(|l| {
            Ok(InvoiceLine {
                detail: line_detail(l.price_valid_from.as_deref()),
                service: service(l.service_start, l.service_end, l.added_days)?,
                description: l.description,
                quantity: u32::try_from(l.quantity).unwrap_or_default(),
                unit_price: amount(l.unit_price_minor)?,
                amount: amount(l.amount_minor)?,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let due_date = parse_date(&record.due_date)?;
    let status = if record.status == "paid" {
        InvoiceStatus::Paid {
            on: record.paid_on.as_deref().map(parse_date).transpose()?,
        }
    } else {
        InvoiceStatus::Unpaid {
            overdue: domain::overdue(due_date, app.clock.today()),
        }
    };
    Ok(Some(InvoiceDocument {
        payment_reference: record.number.clone(),
        number: record.number,
        order_id,
        issue_date: parse_date(&record.issue_date)?,
        due_date,
        seller: seller(&vendor),
        buyer: buyer(billing.as_ref(), &record.buyer_name),
        bank: BankAccount {
            iban: Iban::parse(&vendor.iban)
                .map(|iban| iban.to_string())
                .unwrap_or_default(),
            bic: vendor.bic.clone(),
            bank_name: vendor.bank_name.clone(),
        },
        payment_terms_days: u32::try_from(vendor.payment_terms_days).unwrap_or_default(),
        lines,
        currency: record.currency,
        subtotal: amount(record.subtotal_minor)?,
        tax_rate: catalog::percent(record.tax_rate_bp)?.to_string(),
        tax: amount(record.tax_minor)?,
        tax_note: vendor.vat_note.clone(),
        total: amount(record.total_minor)?,
        status,
        footer: vendor.footer,
    }))
}

/// Where a license line's unit price comes from (the price list of a day). A support line's
/// description states its computation itself.
fn line_detail(price_valid_from: Option<&str>) -> String {
    price_valid_from
        .map(|from| format!("list price from {from}"))
        .unwrap_or_default()
}

fn service(
    start: Option<String>,
    end: Option<String>,
    added_days: Option<i64>,
) -> Result<Option<ServiceText>, AppError> {
    let (Some(start), Some(end)) = (start, end) else {
        return Ok(None);
    };
    let (start, end): (NaiveDate, NaiveDate) = (parse_date(&start)?, parse_date(&end)?);
    Ok(Some(match added_days {
        Some(days) => ServiceText::Extension {
            from: start,
            new_end: end,
            days: u32::try_from(days).map_err(corrupt)?,
        },
        None => ServiceText::Term { start, end },
    }))
}

fn lines_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

fn seller(vendor: &VendorRecord) -> Party {
    Party {
        legal_name: vendor.legal_name.clone(),
        address_lines: lines_of(&vendor.address),
        country: String::new(),
        registration_number: vendor.registration_number.clone(),
        vat_number: vendor.vat_number.clone(),
    }
}

/// The billing details in force at issue, or just the company's name when it had none.
fn buyer(billing: Option<&BillingRecord>, company_name: &str) -> Party {
    match billing {
        Some(b) => Party {
            legal_name: b.legal_name.clone(),
            address_lines: lines_of(&b.address),
            country: b.country.clone(),
            registration_number: String::new(),
            vat_number: b.vat_number.clone(),
        },
        None => Party {
            legal_name: company_name.to_string(),
            ..Party::default()
        },
    }
}

/// Mails a new invoice's PDF to the company's billing addresses (its contact's address when it
/// has given none). Called after the order committed; a failure is logged and never undoes the
/// order. Over SMTP it runs in the background, so the customer does not wait for the mail
/// server; the outbox (development, tests) is written before this returns.
pub async fn mail(app: &AppState, order_id: i64, company_id: i64) {
    let app_for_task = app.clone();
    let sending = async move {
        let app = &app_for_task;
        let sent = async {
            let document = document(app, order_id, Some(company_id))
                .await?
                .ok_or(AppError::NotFound)?;
            let pdf = pdf::render(&document)?;
            let recipients: Vec<String> =
                match store::billing::current_in(&app.db, company_id).await? {
                    Some(billing) => billing
                        .billing_emails
                        .split(',')
                        .map(|e| e.trim().to_string())
                        .filter(|e| !e.is_empty())
                        .collect(),
                    None => store::contacts::for_company(&app.db, company_id)
                        .await?
                        .into_iter()
                        .filter(|c| c.active == 1)
                        .map(|c| c.email)
                        .collect(),
                };
            let body = crate::text::invoice_mail(
                &document.number,
                &document.total,
                &document.currency,
                document.due_date,
            );
            app.mailer
                .send_with_attachment(
                    &recipients,
                    &crate::text::invoice_mail_subject(&document.number),
                    body,
                    (&format!("{}.pdf", document.number), pdf),
                )
                .await
        };
        if let Err(error) = sent.await {
            tracing::warn!(order_id, ?error, "invoice mail not sent");
        }
    };
    if app.mailer.delivers_locally() {
        sending.await;
    } else {
        tokio::spawn(sending);
    }
}
