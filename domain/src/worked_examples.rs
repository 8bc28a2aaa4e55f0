//! The ten worked examples of the issue, one test each (plus the plan comparison built on
//! example 1). Prices: CRM 900.00, Backup Utility 250.00, Sales 800.00, Loyalty 333.33,
//! T 1.25, all valid from 2026-01-01; every product's latest version is 7.13.

use chrono::NaiveDate;

use crate::*;

const CRM: ProductId = ProductId(1);
const BACKUP: ProductId = ProductId(2);
const SALES: ProductId = ProductId(3);
const LOYALTY: ProductId = ProductId(4);
const T: ProductId = ProductId(5);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn money(s: &str) -> Money {
    s.parse().unwrap()
}

fn years(n: u32) -> Years {
    Years::new(n).unwrap()
}

fn name(id: ProductId) -> &'static str {
    match id {
        CRM => "Terrasoft CRM",
        BACKUP => "Backup Utility",
        SALES => "Terrasoft Sales",
        LOYALTY => "Terrasoft Loyalty",
        T => "T",
        _ => unreachable!(),
    }
}

fn catalog_with(extra_prices: &[(ProductId, NaiveDate, &str)]) -> Catalog {
    let products = [CRM, BACKUP, SALES, LOYALTY, T].map(|id| Product {
        id,
        name: name(id).to_string(),
        latest_version: Version::parse("7.13").unwrap(),
    });
    let base = [
        (CRM, "900.00"),
        (BACKUP, "250.00"),
        (SALES, "800.00"),
        (LOYALTY, "333.33"),
        (T, "1.25"),
    ];
    let entries = base
        .iter()
        .map(|&(id, price)| (id, day(2026, 1, 1), price))
        .chain(extra_prices.iter().copied())
        .map(|(product_id, valid_from, price)| PriceEntry {
            product_id,
            valid_from,
            price: money(price),
        });
    Catalog::new(products, PriceList::new(entries).unwrap()).unwrap()
}

fn catalog() -> Catalog {
    catalog_with(&[])
}

fn holding_on(id: ProductId, quantity: u32, version: &str) -> Holding {
    Holding {
        product_id: id,
        product_name: name(id).to_string(),
        quantity: Quantity::new(quantity).unwrap(),
        version: Version::parse(version).unwrap(),
    }
}

fn holding(id: ProductId, quantity: u32) -> Holding {
    holding_on(id, quantity, "7.13")
}

fn order(id: ProductId, quantity: u32) -> LicenseOrderLine {
    LicenseOrderLine {
        product_id: id,
        quantity: Quantity::new(quantity).unwrap(),
    }
}

/// A timeline of contracts with ids 1, 2, … in the order given.
fn timeline<const N: usize>(contracts: [Contract; N]) -> Coverage {
    Coverage::new(
        contracts
            .into_iter()
            .zip(1..)
            .map(|(contract, id)| SignedContract {
                id: ContractId(id),
                contract,
            }),
    )
    .unwrap()
}

/// An ordinary signing date for examples where the date does not matter.
fn signed() -> NaiveDate {
    day(2026, 3, 2)
}

#[test]
fn example_1_standard_and_basic_priced_on_own_licenses_premium_refused() {
    let holdings = [holding(CRM, 3), holding(BACKUP, 1)];
    let catalog = catalog();

    let standard = quote_support(
        &Coverage::default(),
        &holdings,
        &Plan::default_standard(),
        years(1),
        signed(),
        &catalog,
    )
    .unwrap();
    assert_eq!(standard.support.license_total, money("2950.00"));
    assert_eq!(standard.total, money("590.00"));
    assert_eq!(standard.support.basis.len(), 2);
    assert_eq!(standard.support.basis[0].amount, money("2700.00"));

    let basic = quote_support(
        &Coverage::default(),
        &holdings,
        &Plan::default_basic(),
        years(2),
        signed(),
        &catalog,
    )
    .unwrap();
    assert_eq!(basic.total, money("590.00"));

    let premium = quote_support(
        &Coverage::default(),
        &holdings,
        &Plan::default_premium(),
        years(1),
        signed(),
        &catalog,
    )
    .unwrap_err();
    assert_eq!(
        premium,
        QuoteError::Rule(RuleViolation::R2TooFewLicenses {
            plan_name: "Premium".into(),
            required: 5,
            owned: 4,
            after_order: false,
        })
    );
    assert!(premium
        .to_string()
        .starts_with("R2: Premium requires 5 or more licenses; your company owns 4."));
}

#[test]
fn example_2_premium_at_exactly_five_licenses() {
    let holdings = [holding(SALES, 5)];
    let quote = quote_support(
        &Coverage::default(),
        &holdings,
        &Plan::default_premium(),
        years(1),
        signed(),
        &catalog(),
    )
    .unwrap();
    assert_eq!(quote.support.license_total, money("4000.00"));
    assert_eq!(quote.total, money("2000.00"));
}

#[test]
fn example_3_premium_allowed_when_the_order_brings_the_count_to_five() {
    let holdings = [holding(CRM, 3)];
    let premium = SupportChoice::NewContract {
        plan: Plan::default_premium(),
        years: years(1),
    };
    let quote = quote_license_purchase(
        &Coverage::default(),
        &holdings,
        &[order(SALES, 2)],
        Some(&premium),
        signed(),
        &catalog(),
    )
    .unwrap();
    assert_eq!(quote.licenses.len(), 1);
    assert_eq!(quote.licenses[0].amount, money("1600.00"));
    // R9: support is priced on all licenses after the order: 2700 + 1600.
    assert_eq!(quote.support.license_total, money("4300.00"));
    assert_eq!(quote.support.amount, money("2150.00"));
    assert_eq!(quote.total, money("3750.00"));
    assert!(matches!(quote.contract, CoverageChange::New(_)));

    let one_short = quote_license_purchase(
        &Coverage::default(),
        &holdings,
        &[order(SALES, 1)],
        Some(&premium),
        signed(),
        &catalog(),
    )
    .unwrap_err();
    assert!(one_short.to_string().starts_with(
        "R2: Premium requires 5 or more licenses; your company would own 4 after this order."
    ));
}

#[test]
fn example_4_price_is_taken_on_the_signing_date() {
    let catalog = catalog_with(&[(CRM, day(2026, 7, 1), "950.00")]);
    let holdings = [holding(CRM, 1)];
    let basic = Plan::default_basic();

    let signed_on = |day| {
        quote_support(
            &Coverage::default(),
            &holdings,
            &basic,
            years(1),
            day,
            &catalog,
        )
        .unwrap()
    };
    let june = signed_on(day(2026, 6, 30));
    assert_eq!(june.total, money("90.00"));
    assert_eq!(june.support.basis[0].price_valid_from, day(2026, 1, 1));

    let july = signed_on(day(2026, 7, 1));
    assert_eq!(july.total, money("95.00"));
    assert_eq!(july.support.basis[0].price_valid_from, day(2026, 7, 1));
}

#[test]
fn example_5_rounding_half_up_once_per_invoice_line() {
    let loyalty = quote_support(
        &Coverage::default(),
        &[holding(LOYALTY, 3)],
        &Plan::default_standard(),
        years(1),
        signed(),
        &catalog(),
    )
    .unwrap();
    assert_eq!(loyalty.support.license_total, money("999.99"));
    assert_eq!(loyalty.support.exact_amount.to_string(), "199.998");
    assert_eq!(loyalty.total, money("200.00"));

    let t = quote_support(
        &Coverage::default(),
        &[holding(T, 1)],
        &Plan::default_basic(),
        years(1),
        signed(),
        &catalog(),
    )
    .unwrap();
    assert_eq!(t.support.exact_amount.to_string(), "0.125");
    assert_eq!(t.total, money("0.13"));
}

#[test]
fn example_6_added_licenses_extend_the_active_contract() {
    let contract =
        Contract::new(Plan::default_standard(), day(2026, 4, 1), day(2027, 3, 31)).unwrap();
    let choice = SupportChoice::ActiveContract { years: years(1) };
    let quote = quote_license_purchase(
        &timeline([contract]),
        &[holding(CRM, 10)],
        &[order(SALES, 5)],
        Some(&choice),
        day(2026, 11, 25),
        &catalog(),
    )
    .unwrap();
    let CoverageChange::Extended {
        extension,
        contract,
        moves,
        ..
    } = &quote.contract
    else {
        panic!("expected an extension, got {:?}", quote.contract);
    };
    assert_eq!((extension.owned, extension.added), (10, 5));
    assert_eq!(extension.days, 122);
    assert_eq!(extension.new_end, day(2027, 7, 31));
    assert_eq!(contract.end(), day(2027, 7, 31));
    assert_eq!(contract.start(), day(2026, 4, 1));
    assert!(moves.is_empty());
    // R8: support for the added licenses only: 20% × 4000.00 × 1.
    assert_eq!(quote.support.license_total, money("4000.00"));
    assert_eq!(quote.support.amount, money("800.00"));
    assert_eq!(quote.total, money("4800.00"));
}

#[test]
fn example_7_renewal_starts_after_the_current_end_or_today_if_lapsed() {
    let holdings = [holding(CRM, 1)];
    let plan = Plan::default_basic();
    let current = Contract::new(plan.clone(), day(2026, 1, 1), day(2026, 12, 31)).unwrap();
    let renewal = quote_support(
        &timeline([current]),
        &holdings,
        &plan,
        years(1),
        day(2026, 11, 25),
        &catalog(),
    )
    .unwrap();
    let period = renewal.contract.contract().period();
    assert_eq!(
        (period.start, period.end),
        (day(2027, 1, 1), day(2027, 12, 31))
    );
    assert!(matches!(
        renewal.contract,
        CoverageChange::Renewal { lapsed: false, .. }
    ));

    let lapsed = Contract::new(plan.clone(), day(2025, 11, 1), day(2026, 10, 31)).unwrap();
    let renewal = quote_support(
        &timeline([lapsed]),
        &holdings,
        &plan,
        years(1),
        day(2026, 11, 25),
        &catalog(),
    )
    .unwrap();
    let period = renewal.contract.contract().period();
    assert_eq!(
        (period.start, period.end),
        (day(2026, 11, 25), day(2027, 11, 24))
    );
    assert!(matches!(
        renewal.contract,
        CoverageChange::Renewal { lapsed: true, .. }
    ));
}

#[test]
fn example_8_leap_day_start() {
    let period = contract_period(day(2028, 2, 29), years(1)).unwrap();
    assert_eq!(period.end, day(2029, 2, 28));
    let contract = Contract::starting(Plan::default_basic(), day(2028, 2, 29), years(1)).unwrap();
    assert_eq!(
        (contract.start(), contract.end()),
        (day(2028, 2, 29), day(2029, 2, 28))
    );
}

#[test]
fn example_9_outdated_versions_short_terms_and_purchases_without_support_are_refused() {
    let holdings = [holding_on(CRM, 3, "7.12"), holding(BACKUP, 1)];
    let plan = Plan::default_standard();
    let expected_r7 = QuoteError::Rule(RuleViolation::R7OutdatedVersions(vec![OutdatedLicense {
        product_id: CRM,
        product_name: "Terrasoft CRM".into(),
        current: Version::parse("7.12").unwrap(),
        latest: Version::parse("7.13").unwrap(),
    }]));

    let new = quote_support(
        &Coverage::default(),
        &holdings,
        &plan,
        years(1),
        signed(),
        &catalog(),
    )
    .unwrap_err();
    assert_eq!(new, expected_r7);
    assert!(new.to_string().starts_with("R7: "));
    assert!(new
        .to_string()
        .contains("update Terrasoft CRM from 7.12 to 7.13 first"));

    let current = Contract::new(plan.clone(), day(2026, 1, 1), day(2026, 12, 31)).unwrap();
    let renewal = quote_support(
        &timeline([current]),
        &holdings,
        &plan,
        years(1),
        signed(),
        &catalog(),
    )
    .unwrap_err();
    assert_eq!(renewal, expected_r7);

    let zero = Years::new(0).unwrap_err();
    assert_eq!(zero, RuleViolation::R6TermUnderOneYear { requested: 0 });
    assert!(zero.to_string().starts_with("R6: "));

    let no_support = quote_license_purchase(
        &Coverage::default(),
        &holdings,
        &[order(SALES, 1)],
        None,
        signed(),
        &catalog(),
    )
    .unwrap_err();
    assert_eq!(
        no_support,
        QuoteError::Rule(RuleViolation::R1SupportRequired)
    );
    assert!(no_support.to_string().starts_with("R1: "));

    let lapsed = Contract::new(plan, day(2025, 1, 1), day(2025, 12, 31)).unwrap();
    let with_lapsed = SupportChoice::ActiveContract { years: years(1) };
    let refused = quote_license_purchase(
        &timeline([lapsed]),
        &holdings,
        &[order(SALES, 1)],
        Some(&with_lapsed),
        signed(),
        &catalog(),
    )
    .unwrap_err();
    assert!(matches!(
        refused.violation(),
        Some(RuleViolation::R1ContractNotActive { .. })
    ));
}

#[test]
fn example_10_consultations_under_basic() {
    let today = day(2026, 6, 1);
    let basic = Contract::new(Plan::default_basic(), day(2026, 1, 1), day(2026, 12, 31)).unwrap();

    let reports = consultation_allowed(
        Some(&basic),
        ConsultationArea::ReportsPluginsScripts,
        false,
        today,
    )
    .unwrap_err();
    assert_eq!(
        reports,
        RuleViolation::R5AreaNotCovered {
            plan_name: "Basic".into(),
            area: ConsultationArea::ReportsPluginsScripts,
        }
    );
    assert!(reports.to_string().starts_with("R5: "));

    let lan = consultation_allowed(Some(&basic), ConsultationArea::OutOfScope, false, today);
    assert_eq!(lan, Err(RuleViolation::R5OutOfScope));
    let lan_with_exception =
        consultation_allowed(Some(&basic), ConsultationArea::OutOfScope, true, today);
    assert_eq!(
        lan_with_exception,
        Ok(ConsultationBasis::ContractualException)
    );

    let covered = consultation_allowed(
        Some(&basic),
        ConsultationArea::FunctionalFeatures,
        false,
        today,
    );
    assert_eq!(covered, Ok(ConsultationBasis::CoveredByPlan));

    for contract in [None, Some(&basic)] {
        let refused = consultation_allowed(
            contract,
            ConsultationArea::FunctionalFeatures,
            true,
            day(2027, 1, 1),
        );
        assert_eq!(refused, Err(RuleViolation::R5NoActiveContract));
    }
}

#[test]
fn plan_comparison_prices_every_plan_and_explains_refusals() {
    let holdings = [holding(CRM, 3), holding(BACKUP, 1)];
    let today = signed();
    let contract =
        Contract::new(Plan::default_basic(), day(2026, 1, 1), day(2026, 12, 31)).unwrap();
    let comparison = plan_comparison(
        &holdings,
        &timeline([contract]),
        today,
        &catalog(),
        &default_plans(),
    )
    .unwrap();
    assert_eq!(comparison.license_total, money("2950.00"));

    let [basic, standard, premium] = &comparison.options[..] else {
        panic!("three plans expected");
    };
    assert!(basic.current && !standard.current && !premium.current);
    assert!(basic.eligible && standard.eligible && !premium.eligible);
    assert!(matches!(
        premium.refusals[..],
        [RuleViolation::R2TooFewLicenses { owned: 4, .. }]
    ));
    let amounts = |option: &PlanOption| -> Vec<String> {
        option.prices.iter().map(|p| p.amount.to_string()).collect()
    };
    assert_eq!(amounts(basic), ["295.00", "590.00", "885.00"]);
    assert_eq!(amounts(standard), ["590.00", "1180.00", "1770.00"]);
    assert_eq!(amounts(premium), ["1475.00", "2950.00", "4425.00"]);

    // Outdated licenses make every plan ineligible, Premium for two reasons.
    let outdated = [holding_on(CRM, 3, "7.12"), holding(BACKUP, 1)];
    let comparison = plan_comparison(
        &outdated,
        &Coverage::default(),
        today,
        &catalog(),
        &default_plans(),
    )
    .unwrap();
    assert!(comparison.options.iter().all(|o| !o.eligible && !o.current));
    assert_eq!(comparison.options[2].refusals.len(), 2);
}
