//! Properties of a company's contract timeline over random sequences of purchases (issue 11):
//! new support, renewals of 1–3 years, license additions with 1–3 years under the running
//! contract or with a new one, version declarations and free updates, on random days that
//! include 29 February.

use chrono::{Datelike, Days, NaiveDate};
use domain::*;
use proptest::prelude::*;

const PRODUCTS: usize = 3;
/// List prices in cents of products 0, 1, 2.
const PRICES: [i64; PRODUCTS] = [90_000, 25_000, 33_333];

#[derive(Debug, Clone)]
enum Step {
    /// Some days pass (0 keeps the same day; the range reaches past a 3-year term).
    Wait(u64),
    /// Straight to the next 29 February.
    WaitForLeapDay,
    /// Support for every license: new, or a renewal (R10).
    Support { tier: usize, years: u32 },
    /// Licenses with support from the contract in force (R8) or a new contract (R1).
    Licenses {
        product: usize,
        quantity: u32,
        years: u32,
        new_contract: Option<usize>,
    },
    /// The vendor declares a new version of a product (holdings fall behind: R7).
    Declare { product: usize },
    /// The contact updates a product for free (R4).
    Update { product: usize },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0u64..500).prop_map(Step::Wait),
        1 => Just(Step::WaitForLeapDay),
        3 => (0usize..3, 1u32..=3).prop_map(|(tier, years)| Step::Support { tier, years }),
        4 => (0..PRODUCTS, 1u32..8, 1u32..=3, prop::option::of(0usize..3)).prop_map(
            |(product, quantity, years, new_contract)| Step::Licenses {
                product,
                quantity,
                years,
                new_contract,
            }
        ),
        1 => (0..PRODUCTS).prop_map(|product| Step::Declare { product }),
        2 => (0..PRODUCTS).prop_map(|product| Step::Update { product }),
    ]
}

struct Company {
    today: NaiveDate,
    coverage: Coverage,
    holdings: Vec<Holding>,
    latest: [u32; PRODUCTS],
    next_id: i64,
}

impl Company {
    fn catalog(&self) -> Catalog {
        let products = (0..PRODUCTS).map(|i| Product {
            id: ProductId(i as i64),
            name: format!("Product {i}"),
            latest_version: version(self.latest[i]),
        });
        let entries = (0..PRODUCTS).map(|i| PriceEntry {
            product_id: ProductId(i as i64),
            valid_from: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
            price: Money::from_minor(PRICES[i]).unwrap(),
        });
        Catalog::new(products, PriceList::new(entries).unwrap()).unwrap()
    }

    fn add(&mut self, product: usize, quantity: u32) {
        let id = ProductId(product as i64);
        match self.holdings.iter_mut().find(|h| h.product_id == id) {
            Some(h) => h.quantity = Quantity::new(h.quantity.get() + quantity).unwrap(),
            None => self.holdings.push(Holding {
                product_id: id,
                product_name: format!("Product {product}"),
                quantity: Quantity::new(quantity).unwrap(),
                version: version(self.latest[product]),
            }),
        }
    }

    /// Applies a quote's change as the store would, checking what the change promised.
    fn sign(&mut self, quote: &Quote) -> Result<(), TestCaseError> {
        self.next_id += 1;
        let after = self
            .coverage
            .apply(&quote.contract, ContractId(self.next_id))
            .map_err(|e| TestCaseError::fail(format!("{e}: {:?}", quote.contract)))?;
        self.coverage = after;
        Ok(())
    }
}

fn version(n: u32) -> Version {
    Version::parse(&format!("1.{n}")).unwrap()
}

fn plan(tier: usize) -> Plan {
    [
        Plan::default_basic(),
        Plan::default_standard(),
        Plan::default_premium(),
    ][tier % 3]
        .clone()
}

/// Checks every timeline invariant after a step.
fn check_timeline(company: &Company) -> Result<(), TestCaseError> {
    let contracts = company.coverage.contracts();
    // Never two contracts on one day (Coverage::new refuses it, so rebuilding must succeed).
    prop_assert!(Coverage::new(contracts.to_vec()).is_ok());
    for pair in contracts.windows(2) {
        prop_assert!(pair[0].contract.end() < pair[1].contract.start());
    }
    // From the contract in force (or the next one) to the coverage end: one unbroken chain.
    if let Some(current) = company.coverage.current_or_next(company.today) {
        let from = contracts.iter().position(|c| c.id == current.id).unwrap();
        for pair in contracts[from..].windows(2) {
            prop_assert_eq!(
                pair[0].contract.end().succ_opt().unwrap(),
                pair[1].contract.start(),
                "a gap or overlap in {:?}",
                contracts
            );
        }
        prop_assert_eq!(
            company.coverage.end(),
            contracts.last().map(|c| c.contract.end())
        );
    }
    Ok(())
}

/// Checks a quote: lines add up to the total (in integer cents, computed apart), the support
/// line follows R8/R9, an extension adds exactly the R8 days to every moved date, and pricing
/// again gives the same quote.
fn check_quote(
    company: &Company,
    quote: &Quote,
    again: &Quote,
    added: Option<(u64, u64, u32)>,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(quote, again, "pricing is deterministic (same digest)");
    let lines: i64 = quote
        .licenses
        .iter()
        .map(|l| l.amount.to_minor())
        .sum::<i64>()
        + quote.support.amount.to_minor();
    prop_assert_eq!(quote.total.to_minor(), lines);
    let basis: i128 = quote
        .support
        .basis
        .iter()
        .map(|l| i128::from(l.unit_price.to_minor()) * i128::from(l.quantity.get()))
        .sum();
    let bp = i128::from(quote.support.percent.basis_points());
    let years = i128::from(quote.support.years.get());
    prop_assert_eq!(
        i128::from(quote.support.amount.to_minor()),
        (basis * bp * years + 5_000) / 10_000
    );
    if let CoverageChange::Extended {
        extension, moves, ..
    } = &quote.contract
    {
        let (owned, added, years) = added.expect("an extension comes from added licenses");
        let days = (365 * u64::from(years) * added).div_ceil(owned + added);
        prop_assert_eq!(u64::from(extension.days), days);
        prop_assert_eq!(
            extension.new_end,
            extension.old_end + Days::new(u64::from(extension.days))
        );
        let later: Vec<_> = company.coverage.signed_for_later(company.today).collect();
        prop_assert_eq!(moves.len(), later.len());
        for (moved, signed) in moves.iter().zip(later) {
            let shift = Days::new(u64::from(extension.days));
            prop_assert_eq!(moved.from, signed.contract.period());
            prop_assert_eq!(moved.to.start, moved.from.start + shift);
            prop_assert_eq!(moved.to.end, moved.from.end + shift);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_timeline_stays_one_unbroken_chain_without_overlaps(
        start in 0u64..1500,
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let mut company = Company {
            today: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Days::new(start),
            coverage: Coverage::default(),
            holdings: vec![],
            latest: [0; PRODUCTS],
            next_id: 0,
        };
        company.add(0, 2);
        for step in steps {
            let catalog = company.catalog();
            match step {
                Step::Wait(days) => company.today = company.today + Days::new(days),
                Step::WaitForLeapDay => {
                    let mut day = company.today.succ_opt().unwrap();
                    while (day.month0(), day.day()) != (1, 29) {
                        day = day.succ_opt().unwrap();
                    }
                    company.today = day;
                }
                Step::Support { tier, years } => {
                    let (plan, years) = (plan(tier), Years::new(years).unwrap());
                    let price = |c: &Company| {
                        quote_support(&c.coverage, &c.holdings, &plan, years, c.today, &catalog)
                    };
                    if let Ok(quote) = price(&company) {
                        check_quote(&company, &quote, &price(&company).unwrap(), None)?;
                        let start = quote.contract.contract().start();
                        match company.coverage.end() {
                            Some(end) if end >= company.today => {
                                prop_assert_eq!(start, end.succ_opt().unwrap())
                            }
                            _ => prop_assert_eq!(start, company.today),
                        }
                        company.sign(&quote)?;
                    }
                }
                Step::Licenses { product, quantity, years, new_contract } => {
                    let years = Years::new(years).unwrap();
                    let choice = match new_contract {
                        Some(tier) => SupportChoice::NewContract { plan: plan(tier), years },
                        None => SupportChoice::ActiveContract { years },
                    };
                    let order = [LicenseOrderLine {
                        product_id: ProductId(product as i64),
                        quantity: Quantity::new(quantity).unwrap(),
                    }];
                    let price = |c: &Company| {
                        quote_license_purchase(
                            &c.coverage, &c.holdings, &order, Some(&choice), c.today, &catalog,
                        )
                    };
                    match price(&company) {
                        Ok(quote) => {
                            let owned = total_licenses(&company.holdings);
                            let added = Some((owned, u64::from(quantity), years.get()));
                            check_quote(&company, &quote, &price(&company).unwrap(), added)?;
                            company.sign(&quote)?;
                            company.add(product, quantity);
                        }
                        Err(QuoteError::Rule(RuleViolation::R1CoverageExists { .. })) => {
                            // R1: refused exactly when a contract is in force or signed later.
                            prop_assert!(new_contract.is_some());
                            prop_assert!(company.coverage.current_or_next(company.today).is_some());
                        }
                        Err(QuoteError::Rule(_)) => {}
                        Err(other) => return Err(TestCaseError::fail(format!("unexpected {other}"))),
                    }
                    // A new contract is never refused by R1 while nothing is in force or later.
                    if new_contract.is_some() && company.coverage.current_or_next(company.today).is_none() {
                        let refused_by_r1 = matches!(
                            price(&company),
                            Err(QuoteError::Rule(RuleViolation::R1CoverageExists { .. }))
                        );
                        prop_assert!(!refused_by_r1);
                    }
                }
                Step::Declare { product } => company.latest[product] += 1,
                Step::Update { product } => {
                    let id = ProductId(product as i64);
                    let in_force = company.coverage.in_force(company.today).map(|c| &c.contract);
                    let latest = version(company.latest[product]);
                    if let Some(i) = company.holdings.iter().position(|h| h.product_id == id) {
                        if let Ok(update) =
                            version_update(in_force, &company.holdings[i], &latest, company.today)
                        {
                            company.holdings[i] = update.updated_holding();
                        }
                    }
                }
            }
            check_timeline(&company)?;
        }
    }
}
