//! `app::purchase::price` is pure: the company's state and a request in, a priced order out.
//! These tests call it directly, without a server or database.

use app::error::AppError;
use app::purchase::{price, CompanyState, LicenseSupport, PurchaseRequest};
use app::store::catalog::StoredPlan;
use app::store::orders::OrderKind;
use chrono::NaiveDate;
use domain::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// 3 × product 1 (900.00) on the latest version, and the default plans.
/// The default VAT rate (0%): these tests are about the quote, not its tax.
fn no_vat() -> Percent {
    Percent::from_basis_points(0).unwrap()
}

fn company(contracts: Vec<SignedContract>) -> CompanyState {
    let crm = ProductId(1);
    let product = Product {
        id: crm,
        name: "Terrasoft CRM".into(),
        latest_version: Version::parse("7.13").unwrap(),
    };
    let prices = PriceList::new([PriceEntry {
        product_id: crm,
        valid_from: day(2026, 1, 1),
        price: "900.00".parse().unwrap(),
    }])
    .unwrap();
    CompanyState {
        holdings: vec![Holding {
            product_id: crm,
            product_name: "Terrasoft CRM".into(),
            quantity: Quantity::new(3).unwrap(),
            version: Version::parse("7.13").unwrap(),
        }],
        coverage: Coverage::new(contracts).unwrap(),
        catalog: Catalog::new([product], prices).unwrap(),
        plans: default_plans()
            .into_iter()
            .zip(1..)
            .map(|(plan, id)| StoredPlan { id, plan })
            .collect(),
    }
}

fn standard(start: NaiveDate, end: NaiveDate) -> SignedContract {
    SignedContract {
        id: ContractId(7),
        contract: Contract::new(Plan::default_standard(), start, end).unwrap(),
    }
}

fn support(plan: PlanTier, years: u32) -> PurchaseRequest {
    PurchaseRequest::Support { plan, years }
}

#[test]
fn support_is_new_without_contracts_and_a_renewal_after_one() {
    let today = day(2026, 11, 25);
    let new = price(
        &company(vec![]),
        &support(PlanTier::Standard, 1),
        today,
        no_vat(),
    )
    .unwrap();
    assert_eq!(new.kind, OrderKind::NewSupport);
    assert_eq!(new.quote.total.to_string(), "540.00"); // 20% × 2700.00
    assert_eq!(new.plan.as_ref().map(|p| p.id), Some(2));

    let running = company(vec![standard(day(2026, 1, 1), day(2026, 12, 31))]);
    let renewal = price(&running, &support(PlanTier::Basic, 2), today, no_vat()).unwrap();
    assert_eq!(renewal.kind, OrderKind::Renewal);
    assert_eq!(renewal.quote.contract.contract().start(), day(2027, 1, 1));
    assert_eq!(renewal.quote.total.to_string(), "540.00"); // 10% × 2700.00 × 2
}

#[test]
fn licenses_join_the_contract_in_force_or_are_refused() {
    let today = day(2026, 11, 25);
    let running = company(vec![standard(day(2026, 1, 1), day(2026, 12, 31))]);
    let lines = vec![(ProductId(1), 1)];
    let active = PurchaseRequest::Licenses {
        lines: lines.clone(),
        support: LicenseSupport::ActiveContract { years: 1 },
    };
    let priced = price(&running, &active, today, no_vat()).unwrap();
    assert_eq!(priced.kind, OrderKind::AddLicenses);
    assert!(priced.plan.is_none(), "an extension signs no new plan");
    // ceil(365 × 1 / 4) = 92 days; support 20% × 900.00.
    let CoverageChange::Extended { id, extension, .. } = &priced.quote.contract else {
        panic!("an extension: {:?}", priced.quote.contract)
    };
    assert_eq!((*id, extension.days), (ContractId(7), 92));
    assert_eq!(priced.quote.support.amount.to_string(), "180.00");

    let new = PurchaseRequest::Licenses {
        lines: lines.clone(),
        support: LicenseSupport::NewContract {
            plan: PlanTier::Premium,
            years: 1,
        },
    };
    assert!(matches!(
        price(&running, &new, today, no_vat()),
        Err(AppError::Rule(RuleViolation::R1CoverageExists { .. }))
    ));
    let none = PurchaseRequest::Licenses {
        lines,
        support: LicenseSupport::None,
    };
    assert_eq!(
        price(&running, &none, today, no_vat()).err(),
        Some(AppError::Rule(RuleViolation::R1SupportRequired))
    );
}

#[test]
fn bad_requests_are_refused_before_pricing() {
    let today = day(2026, 11, 25);
    let state = company(vec![]);
    assert_eq!(
        price(&state, &support(PlanTier::Basic, 0), today, no_vat()).err(),
        Some(AppError::Rule(RuleViolation::R6TermUnderOneYear {
            requested: 0
        }))
    );
    let unknown = PurchaseRequest::Licenses {
        lines: vec![(ProductId(99), 1)],
        support: LicenseSupport::ActiveContract { years: 1 },
    };
    assert_eq!(
        price(&state, &unknown, today, no_vat()).err(),
        Some(AppError::BadRequest)
    );
    let mut no_plans = company(vec![]);
    no_plans.plans.clear();
    assert_eq!(
        price(&no_plans, &support(PlanTier::Basic, 1), today, no_vat()).err(),
        Some(AppError::BadRequest)
    );
}

#[test]
fn the_digest_is_stable_and_follows_what_the_price_depends_on() {
    let state = company(vec![]);
    let request = support(PlanTier::Standard, 1);
    let today = day(2026, 11, 25);
    let digest = price(&state, &request, today, no_vat()).unwrap().digest();
    assert_eq!(
        digest,
        price(&state, &request, today, no_vat()).unwrap().digest()
    );
    assert_eq!(digest.len(), 32);
    let tomorrow = price(&state, &request, today.succ_opt().unwrap(), no_vat()).unwrap();
    assert_ne!(
        digest,
        tomorrow.digest(),
        "another signing day, another quote"
    );
    let mut more = company(vec![]);
    more.holdings[0].quantity = Quantity::new(4).unwrap();
    assert_ne!(
        digest,
        price(&more, &request, today, no_vat()).unwrap().digest()
    );
    let vat = Percent::from_whole(20).unwrap();
    assert_ne!(
        digest,
        price(&state, &request, today, vat).unwrap().digest(),
        "another VAT rate, another invoice total"
    );
}
