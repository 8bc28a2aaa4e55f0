//! Properties of the pricing and calendar rules, over generated inputs.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use chrono::{Datelike, Days, NaiveDate};
use domain::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

/// A catalogue of `prices.len()` products (ids 0..), all on version 1, priced from 2026-01-01.
fn catalog(prices_in_cents: &[i64]) -> Catalog {
    let products = (0..prices_in_cents.len()).map(|i| Product {
        id: ProductId(i as i64),
        name: format!("Product {i}"),
        latest_version: Version::parse("1").unwrap(),
    });
    let entries = prices_in_cents
        .iter()
        .enumerate()
        .map(|(i, &cents)| PriceEntry {
            product_id: ProductId(i as i64),
            valid_from: day0(),
            price: Money::from_minor(cents).unwrap(),
        });
    Catalog::new(products, PriceList::new(entries).unwrap()).unwrap()
}

fn holdings(quantities: &[u32]) -> Vec<Holding> {
    quantities
        .iter()
        .enumerate()
        .map(|(i, &q)| Holding {
            product_id: ProductId(i as i64),
            product_name: format!("Product {i}"),
            quantity: Quantity::new(q).unwrap(),
            version: Version::parse("1").unwrap(),
        })
        .collect()
}

fn plan_with(basis_points: u32) -> Plan {
    Plan {
        percent: Percent::from_basis_points(basis_points).unwrap(),
        min_licenses: 0,
        ..Plan::default_standard()
    }
}

fn support_quote(prices: &[i64], quantities: &[u32], basis_points: u32, years: u32) -> Quote {
    quote_support(
        &Coverage::default(),
        &holdings(quantities),
        &plan_with(basis_points),
        Years::new(years).unwrap(),
        day0(),
        &catalog(prices),
    )
    .unwrap()
}

/// Up to five products: list prices up to 100 000.00 and 1..1000 licenses of each.
fn company() -> impl Strategy<Value = (Vec<i64>, Vec<u32>)> {
    (1usize..=5).prop_flat_map(|n| {
        (
            prop::collection::vec(0i64..=10_000_000, n),
            prop::collection::vec(1u32..1000, n),
        )
    })
}

fn version() -> impl Strategy<Value = Version> {
    prop::collection::vec(0u32..4, 1..5).prop_map(|segments| {
        let text: Vec<String> = segments.iter().map(u32::to_string).collect();
        Version::parse(&text.join(".")).unwrap()
    })
}

fn padded(v: &Version, len: usize) -> Vec<u32> {
    let mut segments = v.segments().to_vec();
    segments.resize(len, 0);
    segments
}

fn hash_of(v: &Version) -> u64 {
    let mut hasher = DefaultHasher::new();
    v.hash(&mut hasher);
    hasher.finish()
}

proptest! {
    #[test]
    fn support_price_is_linear_in_years(
        (prices, quantities) in company(),
        bp in 0u32..=10_000,
        years in 1u32..=Years::MAX,
    ) {
        let one = support_quote(&prices, &quantities, bp, 1);
        let n = support_quote(&prices, &quantities, bp, years);
        // Oracle in integer cents: bp × years × Σ(quantity × price) / 10 000, half-up.
        let basis: i128 = prices
            .iter()
            .zip(&quantities)
            .map(|(&p, &q)| i128::from(p) * i128::from(q))
            .sum();
        let expected = (basis * i128::from(bp) * i128::from(years) + 5_000) / 10_000;
        prop_assert_eq!(n.support.amount.to_minor() as i128, expected);
        // Exact amounts are linear; the charged amount is that, rounded once.
        prop_assert_eq!(n.support.exact_amount, one.support.exact_amount * Decimal::from(years));
        prop_assert_eq!(n.support.amount, Money::round_half_up(n.support.exact_amount).unwrap());
        let drift = (n.support.amount.as_decimal()
            - one.support.amount.as_decimal() * Decimal::from(years))
        .abs();
        prop_assert!(drift <= Decimal::new(5, 3) * Decimal::from(years));
    }

    #[test]
    fn support_price_is_monotone_in_quantity_and_percent(
        (prices, quantities) in company(),
        extra in 0u32..1000,
        which in 0usize..5,
        bp in 0u32..=10_000,
        more_bp in 0u32..=10_000,
        years in 1u32..=3,
    ) {
        let base = support_quote(&prices, &quantities, bp, years);
        let mut more = quantities.clone();
        let i = which % more.len();
        more[i] += extra;
        let bigger = support_quote(&prices, &more, bp, years);
        prop_assert!(bigger.total >= base.total);

        let richer = support_quote(&prices, &quantities, (bp + more_bp).min(10_000), years);
        prop_assert!(richer.total >= base.total);
        prop_assert!(base.total >= Money::ZERO);
        prop_assert!(base.support.exact_amount >= Decimal::ZERO);
    }

    #[test]
    fn quote_total_is_the_sum_of_its_rounded_lines(
        (prices, quantities) in company(),
        added in prop::collection::vec((0usize..5, 1u32..100), 1..4),
        bp in 0u32..=10_000,
        years in 1u32..=3,
        use_active_contract in any::<bool>(),
    ) {
        let catalog = catalog(&prices);
        let order: Vec<LicenseOrderLine> = added
            .iter()
            .map(|&(i, q)| LicenseOrderLine {
                product_id: ProductId((i % prices.len()) as i64),
                quantity: Quantity::new(q).unwrap(),
            })
            .collect();
        let years = Years::new(years).unwrap();
        let (coverage, choice) = if use_active_contract {
            let contract = Contract::new(plan_with(bp), day0(), day0() + Days::new(364)).unwrap();
            let signed = SignedContract { id: ContractId(1), contract };
            (Coverage::new([signed]).unwrap(), SupportChoice::ActiveContract { years })
        } else {
            (Coverage::default(), SupportChoice::NewContract { plan: plan_with(bp), years })
        };
        let quote = quote_license_purchase(
            &coverage,
            &holdings(&quantities),
            &order,
            Some(&choice),
            day0(),
            &catalog,
        )
        .unwrap();
        // Oracle in integer cents, computed apart from the implementation: license lines are
        // price × quantity; support is bp × years × (its basis in cents) / 10 000, half-up.
        let cents = |id: i64| prices[id as usize] as i128;
        let license_cents: Vec<i128> = order
            .iter()
            .map(|l| cents(l.product_id.0) * i128::from(l.quantity.get()))
            .collect();
        let basis_cents: i128 = if use_active_contract {
            license_cents.iter().sum()
        } else {
            license_cents.iter().sum::<i128>()
                + quantities
                    .iter()
                    .enumerate()
                    .map(|(i, &q)| cents(i as i64) * i128::from(q))
                    .sum::<i128>()
        };
        let support_cents =
            (basis_cents * i128::from(bp) * i128::from(years.get()) + 5_000) / 10_000;
        let expected_total = license_cents.iter().sum::<i128>() + support_cents;
        prop_assert_eq!(quote.support.amount.to_minor() as i128, support_cents);
        prop_assert_eq!(quote.total.to_minor() as i128, expected_total);
        prop_assert_eq!(quote.line_amounts().len(), order.len() + 1);
        for line in &quote.licenses {
            prop_assert_eq!(
                line.amount.as_decimal(),
                line.unit_price.as_decimal() * Decimal::from(line.quantity.get())
            );
        }
    }

    #[test]
    fn r8_extension_is_bounded_and_grows_with_added_licenses(
        owned in 0u64..100_000,
        added in 0u64..100_000,
        more in 0u64..1000,
        years in 1u32..=Years::MAX,
    ) {
        let years = Years::new(years).unwrap();
        prop_assert_eq!(extension_days(owned, 0, years), 0);
        let days = extension_days(owned, added, years);
        prop_assert!(days <= 365 * years.get());
        prop_assert!(extension_days(owned, added + more, years) >= days);
        // It is the ceiling of the proportional share.
        if owned + added > 0 {
            let exact = 365 * u128::from(years.get()) * u128::from(added);
            let total = u128::from(owned + added);
            prop_assert!(u128::from(days) * total >= exact);
            prop_assert!(days == 0 || u128::from(days - 1) * total < exact);
        }
    }

    #[test]
    fn version_order_is_total_and_numeric(a in version(), b in version(), c in version()) {
        let len = a.segments().len().max(b.segments().len());
        prop_assert_eq!(a.cmp(&b), padded(&a, len).cmp(&padded(&b, len)));
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        prop_assert_eq!(a == b, a.cmp(&b).is_eq());
        if a == b {
            prop_assert_eq!(hash_of(&a), hash_of(&b));
        }
        if a <= b && b <= c {
            prop_assert!(a <= c);
        }
        let reparsed = Version::parse(&a.to_string()).unwrap();
        prop_assert_eq!(reparsed.segments(), a.segments());
    }

    #[test]
    fn contract_period_is_n_calendar_years_minus_one_day(
        offset in 0u64..40_000,
        leap_year in (497i32..525).prop_map(|n| n * 4),
        on_leap_day in any::<bool>(),
        years in 1u32..=Years::MAX,
    ) {
        // Plain days rarely land on 29 February, so half the cases start on one.
        let start = if on_leap_day {
            NaiveDate::from_ymd_opt(leap_year, 2, 29).unwrap_or(day0())
        } else {
            NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + Days::new(offset)
        };
        let period = contract_period(start, Years::new(years).unwrap()).unwrap();
        prop_assert_eq!(period.start, start);
        prop_assert!(period.end >= start);
        let year = start.year() + years as i32;
        let anniversary = if (start.month(), start.day()) == (2, 29) {
            NaiveDate::from_ymd_opt(year, 3, 1).unwrap()
        } else {
            NaiveDate::from_ymd_opt(year, start.month(), start.day()).unwrap()
        };
        prop_assert_eq!(period.end.succ_opt().unwrap(), anniversary);
    }
}
