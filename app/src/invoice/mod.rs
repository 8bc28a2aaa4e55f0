//! Invoices (issue 12): issuing one with its order, assembling the document its page and PDF
//! show, and mailing it to the company's billing addresses. Server-only.
//!
//! An invoice cites the vendor's and the company's details in force on its issue date
//! (`store::vendor`, `store::billing` keep every version), and stores its own number, dates and
//! amounts, so nothing changed later alters an issued invoice.

pub mod download;
pub mod pdf;

use chrono::{Datelike, NaiveDate};
use domain::{Iban, InvoiceNumber, Taxed};

use crate::error::AppError;
use crate::model::invoice::{
    BankAccount, InvoiceDocument, InvoiceLine, InvoiceStatus, Party, ServiceText,
};
use crate::state::AppState;
use crate::store::billing::BillingRecord;
use crate::store::vendor::VendorRecord;
use crate::store::{self, catalog, corrupt, money, parse_date, Conn};

/// What issuing an order's invoice needs: the order, the amounts the customer confirmed, and
/// the vendor's details in force (read in the order's transaction).
pub struct Issue<'a> {
    pub order_id: i64,
    pub company_id: i64,
    /// The company's name, printed as the buyer when it has given no billing details.
    pub company_name: &'a str,
    /// The order's signing date.
    pub issue_date: NaiveDate,
    /// The quote's total taxed at `vendor`'s rate, as the quote showed it.
    pub taxed: Taxed,
    pub vendor: &'a VendorRecord,
    /// ISO 4217.
    pub currency: &'a str,
}

/// Issues an order's invoice inside the order's transaction: the next number of the issue
/// year, the due date from the vendor's payment terms, and the seller's and buyer's details in
/// force now. Returns the number.
pub async fn issue(conn: &mut Conn, issue: Issue<'_>) -> Result<InvoiceNumber, AppError> {
    let billing = store::billing::current(conn, issue.company_id).await?;
    let due_date = issue
        .vendor
        .payment_terms()?
        .due_date(issue.issue_date)
        .map_err(corrupt)?;
    let number = store::invoices::next_number(conn, issue.issue_date.year()).await?;
    store::invoices::insert(
        conn,
        &store::invoices::NewInvoice {
            order_id: issue.order_id,
            company_id: issue.company_id,
            number,
            issue_date: issue.issue_date,
            due_date,
            currency: issue.currency,
            taxed: issue.taxed,
            vendor_details_id: issue.vendor.id,
            billing_details_id: billing.map(|b| b.id),
            buyer_name: issue.company_name,
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
    // Every invoice cites a version (the migration gave earlier ones the first); reading the
    // current one instead would let a later edit change an issued invoice.
    let vendor_id = record.vendor_details_id.ok_or_else(|| {
        AppError::internal(format_args!("invoice {} cites no vendor", record.number))
    })?;
    let vendor = store::vendor::version(&app.db, vendor_id).await?;
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
                price_from: l.price_valid_from.as_deref().map(parse_date).transpose()?,
                service: service(l.service_start, l.service_end, l.added_days)?,
                description: l.description,
                quantity: u32::try_from(l.quantity).unwrap_or_default(),
                unit_price: amount(l.unit_price_minor)?,
                amount: amount(l.amount_minor)?,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let due_date = parse_date(&record.due_date)?;
    let status = status(
        &record.status,
        record.paid_on.as_deref(),
        due_date,
        app.clock.today(),
    )?;
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

/// An invoice's status as stored (`unpaid`/`paid`, the ISO payment day) and judged on `today`.
pub fn status(
    stored: &str,
    paid_on: Option<&str>,
    due_date: NaiveDate,
    today: NaiveDate,
) -> Result<InvoiceStatus, AppError> {
    Ok(if stored == "paid" {
        InvoiceStatus::Paid {
            on: paid_on.map(parse_date).transpose()?,
        }
    } else {
        InvoiceStatus::Unpaid {
            overdue: domain::overdue(due_date, today),
        }
    })
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

/// Where an invoice's mail goes: the billing addresses it was issued with, or the company's
/// contact (R3's one active contact) when it had given none.
pub async fn recipients(
    app: &AppState,
    invoice: &store::invoices::InvoiceRecord,
) -> Result<Vec<String>, AppError> {
    Ok(match invoice.billing_details_id {
        Some(id) => store::billing::version(&app.db, id)
            .await?
            .billing_emails
            .split(',')
            .map(|e| e.trim().to_string())
            .filter(|e| !e.is_empty())
            .collect(),
        None => store::contacts::for_company(&app.db, invoice.company_id)
            .await?
            .into_iter()
            .filter(|c| c.active == 1)
            .map(|c| c.email)
            .collect(),
    })
}

/// Mails an invoice's PDF to the billing addresses it was issued with (the company's contact,
/// R3's one active contact, when it had given none), as message `message_id`. Run by the job
/// queue (`crate::jobs`), which retries it on failure.
pub async fn send_mail(
    app: &AppState,
    order_id: i64,
    company_id: i64,
    message_id: &str,
) -> Result<(), AppError> {
    let record = store::invoices::of_order(&app.db, order_id, Some(company_id))
        .await?
        .ok_or(AppError::NotFound)?;
    let document = document(app, order_id, Some(company_id))
        .await?
        .ok_or(AppError::NotFound)?;
    // In the language of the company's contact, whoever placed the order.
    let locale = store::preferences::company_locale(&app.db, company_id).await?;
    let (document, pdf) = pdf::render_in(locale, document).await?;
    let (subject, body) = crate::i18n::in_locale(locale, || {
        (
            crate::text::invoice_mail_subject(&document.number),
            crate::text::invoice_mail(
                &document.number,
                &document.total,
                &document.currency,
                document.due_date,
            ),
        )
    });
    let recipients = recipients(app, &record).await?;
    app.mailer
        .send_with_attachment(
            &recipients,
            &subject,
            body,
            (&format!("{}.pdf", document.number), pdf),
            Some(message_id),
        )
        .await
}
