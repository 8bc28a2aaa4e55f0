//! Messages that need more than a lookup: a choice between wordings, a list, a value written
//! the language's way. Each one reads its wording from the Fluent files (`app/locales`) in the
//! language of the request or of [`crate::i18n::in_locale`]; plain messages are looked up
//! where they are shown, with [`crate::i18n::t`].

use chrono::NaiveDate;

use crate::i18n::{locale, t};
use crate::model::invoice::{InvoiceStatus, ServiceText};
use crate::model::{ContractChange, OrderKind};
use crate::tr;

/// Names are unique up to case and spacing (`domain::name_key`); the refusal names the record
/// that holds the name.
pub fn product_name_taken(existing: &str) -> String {
    tr!("product-name-taken", existing = existing)
}

/// See [`product_name_taken`].
pub fn company_name_taken(existing: &str) -> String {
    tr!("company-name-taken", existing = existing)
}

/// The bounds of a plan's response target, in business days and business hours.
pub fn response_target_range(max_days: u32, max_hours: u32) -> String {
    tr!(
        "response-target-range",
        max_days = max_days,
        max_hours = max_hours
    )
}

/// "Subject: use at most 200 characters."
pub fn too_long(field: &str, max_chars: usize) -> String {
    tr!("too-long", field = field, max = max_chars)
}

/// A field with control or other unreadable characters.
pub fn unreadable_characters(field: &str) -> String {
    tr!("unreadable-characters", field = field)
}

/// A quantity outside 1..=`max`.
pub fn quantity_range(max: u32) -> String {
    tr!("quantity-range", max = max)
}

/// Throttled: how many minutes to wait.
pub fn too_many_attempts(wait_minutes: i64) -> String {
    tr!("too-many-attempts", minutes = wait_minutes)
}

/// An internal failure; `reference` is the request id the cause was logged under (may be empty).
pub fn internal_error(reference: &str) -> String {
    if reference.is_empty() {
        t("internal-error")
    } else {
        tr!("internal-error-reference", reference = reference)
    }
}

/// The database is overloaded: try again after this many seconds.
pub fn unavailable(retry_after_seconds: u32) -> String {
    tr!("unavailable", seconds = retry_after_seconds)
}

/// "Companies owning 5+ licenses"
pub fn min_licenses(n: u32) -> String {
    tr!("min-licenses", n = n)
}

/// "3 business days", "1 business day", "4 business hours"
pub fn response_target(amount: u32, unit_is_days: bool) -> String {
    if unit_is_days {
        tr!("response-target-days", amount = amount)
    } else {
        tr!("response-target-hours", amount = amount)
    }
}

/// A response target in words ("1 business day").
pub fn response_target_of(target: domain::ResponseTarget) -> String {
    match target {
        domain::ResponseTarget::BusinessDays(n) => response_target(n, true),
        domain::ResponseTarget::BusinessHours(n) => response_target(n, false),
    }
}

/// Under a quote's total when the vendor charges VAT. `rate` as the server formats it
/// ("20%"), amounts as decimals ("236.00").
pub fn quote_tax(rate: &str, tax: &str, total: &str, currency: &str) -> String {
    let l = locale();
    tr!(
        "quote-tax",
        rate = l.percent(rate),
        tax = l.money(tax, currency),
        total = l.money(total, currency)
    )
}

/// "VAT 20%".
pub fn invoice_tax(rate: &str) -> String {
    tr!("invoice-tax", rate = locale().percent(rate))
}

/// The payment instruction under the totals.
pub fn invoice_pay_by(total: &str, currency: &str, due: NaiveDate, reference: &str) -> String {
    tr!(
        "invoice-pay-by",
        total = locale().money(total, currency),
        due = due,
        reference = reference
    )
}

/// What a support line pays for.
pub fn service_period(service: &ServiceText) -> String {
    match service {
        ServiceText::Term { start, end } => {
            tr!("service-period-term", start = start, end = end)
        }
        ServiceText::Extension {
            from,
            new_end,
            days,
        } => tr!(
            "service-period-extension",
            from = from,
            new_end = new_end,
            days = days
        ),
    }
}

/// "Unpaid", "Overdue", "Paid on 2026-12-01".
pub fn invoice_status(status: &InvoiceStatus) -> String {
    match status {
        InvoiceStatus::Unpaid { overdue: false } => t("unpaid"),
        InvoiceStatus::Unpaid { overdue: true } => t("invoice-overdue"),
        InvoiceStatus::Paid { on: Some(day) } => tr!("invoice-paid-on", day = day),
        InvoiceStatus::Paid { on: None } => t("paid"),
    }
}

/// "Page 1 of 2".
pub fn page_of(page: usize, pages: usize) -> String {
    tr!("page-of", page = page, pages = pages)
}

/// An order line's description in the reader's language. Lines are recorded in English, in
/// the two wordings `purchase::order_lines` writes ("Terrasoft CRM licenses, version 7.13",
/// "Standard support, 2 years: 20% × 2950.00 × 2"); those are re-worded, anything else (a line
/// of an older release) is shown as recorded.
pub fn line_description(recorded: &str) -> String {
    if let Some((product, version)) = recorded.rsplit_once(" licenses, version ") {
        return tr!(
            "invoice-line-licenses",
            product = product,
            version = version
        );
    }
    let support = recorded
        .split_once(" support, ")
        .and_then(|(plan, rest)| Some((plan, rest.split_once(": ")?.1)))
        .and_then(|(plan, formula)| {
            let mut terms = formula.split(" × ");
            let (percent, total, years) = (terms.next()?, terms.next()?, terms.next()?);
            let years: u32 = years.parse().ok()?;
            terms
                .next()
                .is_none()
                .then_some((plan, percent, total, years))
        });
    match support {
        Some((plan, percent, license_total, n)) => {
            let l = locale();
            tr!(
                "invoice-line-support",
                plan = plan,
                years_text = years(n),
                percent = l.percent(percent),
                license_total = l.amount(license_total),
                years = n
            )
        }
        None => recorded.to_string(),
    }
}

/// Where a license line's unit price comes from: "list price from 2026-01-01".
pub fn price_from(day: Option<NaiveDate>) -> String {
    day.map(|day| tr!("invoice-list-price-from", from = day))
        .unwrap_or_default()
}

/// The subject of the mail that carries a new invoice.
pub fn invoice_mail_subject(number: &str) -> String {
    tr!("invoice-mail-subject", number = number)
}

/// The body of the mail that carries a new invoice's PDF.
pub fn invoice_mail(number: &str, total: &str, currency: &str, due: NaiveDate) -> String {
    mail_body(tr!(
        "invoice-mail",
        number = number,
        total = locale().money(total, currency),
        due = due
    ))
}

/// The subject of a renewal reminder.
pub fn renewal_reminder_subject(end: NaiveDate, lapsed: bool) -> String {
    if lapsed {
        tr!("renewal-reminder-subject-lapsed", end = end)
    } else {
        tr!("renewal-reminder-subject", end = end)
    }
}

/// A renewal reminder: the plan, the end, a year's renewal price when known (as the server
/// formats it, with its currency), and the quote.
pub fn renewal_reminder_mail(
    name: &str,
    plan: &str,
    end: NaiveDate,
    price: Option<(&str, &str)>,
    link: &str,
    lapsed: bool,
) -> String {
    let body = if lapsed {
        tr!(
            "renewal-reminder-mail-lapsed",
            name = name,
            plan = plan,
            end = end,
            link = link
        )
    } else {
        tr!(
            "renewal-reminder-mail",
            name = name,
            plan = plan,
            end = end,
            link = link
        )
    };
    let Some((amount, currency)) = price else {
        return mail_body(body);
    };
    let price = tr!(
        "renewal-reminder-price",
        plan = plan,
        price = locale().money(amount, currency)
    );
    // The price goes after the paragraph that names the plan and the end.
    let mut paragraphs: Vec<String> = body.split("\n\n").map(str::to_string).collect();
    let at = paragraphs.len().min(2);
    paragraphs.insert(at, price);
    mail_body(paragraphs.join("\n\n"))
}

/// The subject of an overdue-invoice reminder.
pub fn overdue_reminder_subject(number: &str) -> String {
    tr!("overdue-reminder-subject", number = number)
}

/// An overdue-invoice reminder.
pub fn overdue_reminder_mail(
    number: &str,
    total: &str,
    currency: &str,
    due: NaiveDate,
    link: &str,
) -> String {
    mail_body(tr!(
        "overdue-reminder-mail",
        number = number,
        total = locale().money(total, currency),
        due = due,
        link = link
    ))
}

/// The invitation to set a password.
pub fn invitation_mail(name: &str, link: &str) -> String {
    mail_body(tr!("invitation-mail", name = name, link = link))
}

/// The password reset link.
pub fn reset_mail(name: &str, link: &str) -> String {
    mail_body(tr!("reset-mail", name = name, link = link))
}

/// A consultation request was answered.
pub fn answered_mail(name: &str, subject: &str, link: &str) -> String {
    mail_body(tr!(
        "answered-mail",
        name = name,
        subject = subject,
        link = link
    ))
}

/// Mail bodies end with a line break (Fluent trims it from the message).
fn mail_body(text: String) -> String {
    text + "\n"
}

/// What an order bought.
pub fn order_kind(kind: OrderKind) -> String {
    match kind {
        OrderKind::NewSupport => t("order-kind-new-support"),
        OrderKind::Renewal => t("order-kind-renewal"),
        OrderKind::AddLicenses => t("order-kind-add-licenses"),
    }
}

/// "1 year", "2 years" (and the plural forms of other languages).
pub fn years(n: u32) -> String {
    tr!("years", n = n)
}

/// The dashboard's renewal call.
pub fn renewal_due(days_left: u32) -> String {
    tr!("renewal-due", days = days_left)
}

/// The contract change an order makes, in words (R8, R10).
pub fn contract_change(change: &ContractChange) -> String {
    match change {
        ContractChange::New { start, end } => {
            tr!("contract-change-new", start = start, end = end)
        }
        ContractChange::Renewal {
            previous_end,
            lapsed,
            start,
            end,
        } => {
            if *lapsed {
                tr!(
                    "contract-change-renewal-lapsed",
                    previous_end = previous_end,
                    start = start,
                    end = end
                )
            } else {
                tr!(
                    "contract-change-renewal",
                    previous_end = previous_end,
                    start = start,
                    end = end
                )
            }
        }
        ContractChange::Extended {
            owned,
            added,
            years,
            days,
            old_end,
            new_end,
            moves,
        } => {
            let mut text = tr!(
                "contract-change-extended",
                years = years,
                added = added,
                owned = owned,
                days = days,
                old_end = old_end,
                new_end = new_end
            );
            for m in moves {
                text.push(' ');
                text += &tr!(
                    "contract-change-move",
                    plan = &m.plan_name,
                    days = days,
                    from_start = m.from_start,
                    from_end = m.from_end,
                    to_start = m.to_start,
                    to_end = m.to_end
                );
            }
            text
        }
    }
}

/// Why the add-licenses page offers nothing yet: the only contract starts later (R1).
pub fn licenses_from_start(start: NaiveDate) -> String {
    tr!("licenses-from-start", start = start)
}

/// Why the add-licenses page offers no new contract (R1).
pub fn licenses_join_current(covered_until: NaiveDate) -> String {
    tr!("licenses-join-current", covered_until = covered_until)
}

/// The R9 computation of a support line: percent × license total × years = exact → rounded.
/// Values as the server formats them ("20%", "4500.00", "900.000").
pub fn support_formula(
    percent: &str,
    license_total: &str,
    years: u32,
    exact: &str,
    amount: &str,
) -> String {
    let l = locale();
    tr!(
        "support-formula",
        percent = l.percent(percent),
        license_total = l.amount(license_total),
        years = years,
        exact = l.amount(exact),
        amount = l.amount(amount)
    )
}

/// "End date 2027-07-27 → 2027-11-14", or "Ends 2027-07-27" for a new end.
pub fn end_date_change(before: Option<NaiveDate>, after: NaiveDate) -> String {
    match before {
        Some(before) if before != after => {
            tr!("end-date-change", before = before, after = after)
        }
        _ => tr!("end-date", after = after),
    }
}

/// A list in words: "A", "A and B", "A, B and C".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => tr!("list-and", init = init.join(", "), last = last),
    }
}

/// The message of a rule refusal (SPEC R1–R11): its rule id first, then the way forward.
pub fn rule_violation(violation: &domain::RuleViolation) -> String {
    use domain::RuleViolation as V;
    match violation {
        V::R1SupportRequired => t("rule-r1-support-required"),
        V::R1ContractNotActive { start, end } => {
            tr!("rule-r1-contract-not-active", start = start, end = end)
        }
        V::R1ContractNotStarted { start } => tr!("rule-r1-contract-not-started", start = start),
        V::R1CoverageExists {
            plan_name,
            in_force,
            coverage_end,
        } => {
            if *in_force {
                tr!(
                    "rule-r1-coverage-exists-in-force",
                    plan = plan_name,
                    coverage_end = coverage_end
                )
            } else {
                tr!(
                    "rule-r1-coverage-exists-later",
                    plan = plan_name,
                    coverage_end = coverage_end
                )
            }
        }
        V::R2TooFewLicenses {
            plan_name,
            required,
            owned,
            after_order,
        } => {
            let missing = u64::from(*required).saturating_sub(*owned);
            if *after_order {
                tr!(
                    "rule-r2-too-few-licenses-after-order",
                    plan = plan_name,
                    required = required,
                    owned = owned,
                    missing = missing
                )
            } else {
                tr!(
                    "rule-r2-too-few-licenses",
                    plan = plan_name,
                    required = required,
                    owned = owned,
                    missing = missing
                )
            }
        }
        V::R3NotCompanyContact => t("rule-r3-not-company-contact"),
        V::R4NoActiveContract { product_name } => {
            tr!("rule-r4-no-active-contract", product = product_name)
        }
        V::R4PlanExcludesNewVersions {
            plan_name,
            product_name,
        } => tr!(
            "rule-r4-plan-excludes-new-versions",
            plan = plan_name,
            product = product_name
        ),
        V::R4AlreadyOnLatest {
            product_name,
            version,
        } => tr!(
            "rule-r4-already-on-latest",
            product = product_name,
            version = version.to_string()
        ),
        V::R5NoActiveContract => t("rule-r5-no-active-contract"),
        V::R5AreaNotCovered { plan_name, area } => tr!(
            "rule-r5-area-not-covered",
            plan = plan_name,
            area = consultation_area(*area)
        ),
        V::R5OutOfScope => t("rule-r5-out-of-scope"),
        V::R6TermUnderOneYear { requested } => {
            tr!("rule-r6-term-under-one-year", requested = requested)
        }
        V::R6TermTooLong { requested, max } => {
            tr!("rule-r6-term-too-long", requested = requested, max = max)
        }
        V::R6SubsetOfProducts { missing } => {
            tr!("rule-r6-subset-of-products", missing = join_and(missing))
        }
        V::R6NoLicenses => t("rule-r6-no-licenses"),
        V::R7OutdatedVersions(outdated) => {
            let steps: Vec<String> = outdated
                .iter()
                .map(|o| {
                    tr!(
                        "rule-r7-step",
                        product = &o.product_name,
                        current = o.current.to_string(),
                        latest = o.latest.to_string()
                    )
                })
                .collect();
            tr!("rule-r7-outdated-versions", steps = join_and(&steps))
        }
        V::R11ConflictingResubmission => t("rule-r11-conflicting-resubmission"),
    }
}

/// What a history entry records, by its audit kind, in the reader's language; `None` for a
/// kind without a headline (the recorded summary then speaks for itself).
pub fn history_headline(kind: &str) -> Option<String> {
    let key = match kind {
        "new_support" => "history-new-support",
        "renewal" => "history-renewal",
        "add_licenses" => "history-add-licenses",
        "consultation_filed" => "history-consultation-filed",
        "consultation_closed" => "history-consultation-closed",
        "version_update" => "history-version-update",
        "billing_details_changed" => "history-billing-details-changed",
        "signed_out_everywhere" => "history-signed-out-everywhere",
        "contact_assigned" => "history-contact-assigned",
        "sessions_ended" => "history-sessions-ended",
        "licenses_granted" => "history-licenses-granted",
        "exception_recorded" => "history-exception-recorded",
        "exception_revoked" => "history-exception-revoked",
        "invoice_paid" => "history-invoice-paid",
        "contracts_repaired" => "history-contracts-repaired",
        "second_factor_reset" => "history-second-factor-reset",
        "authenticator_added" => "history-authenticator-added",
        "authenticator_removed" => "history-authenticator-removed",
        "recovery_codes_replaced" => "history-recovery-codes-replaced",
        "recovery_code_used" => "history-recovery-code-used",
        "passkey_added" => "history-passkey-added",
        "passkey_removed" => "history-passkey-removed",
        _ => return None,
    };
    Some(t(key))
}

/// A consultation area's name (SPEC "Support plans").
pub fn consultation_area(area: domain::ConsultationArea) -> String {
    use domain::ConsultationArea as A;
    match area {
        A::DeploymentAndAdjusting => t("area-deployment-and-adjusting"),
        A::VersionUpdate => t("area-version-update"),
        A::FunctionalFeatures => t("area-functional-features"),
        A::ReportsPluginsScripts => t("area-reports-plugins-scripts"),
        A::DatabaseAndIntegration => t("area-database-and-integration"),
        A::OutOfScope => t("area-out-of-scope"),
    }
}
