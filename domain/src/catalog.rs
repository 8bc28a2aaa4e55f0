//! What the vendor sells and what a company owns: products, versions (R4, R7), the dated
//! price list (R9) and holdings.

use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::str::FromStr;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::error::InvalidInput;
pub use crate::ids::ProductId;
use crate::money::Money;

/// A product version such as `7.12.1`, ordered numerically segment by segment.
///
/// `7.12.1 < 7.13` and `7.9 < 7.10` (strings would get both wrong). Trailing zero segments
/// are not significant for comparison, so `7.13 == 7.13.0`; `Display` still prints the
/// version as it was written, because that is how the vendor names its releases.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Version {
    segments: Vec<u32>,
}

impl Version {
    /// Parses dot-separated unsigned numbers: `7`, `7.13`, `7.12.1`.
    pub fn parse(text: &str) -> Result<Version, InvalidInput> {
        let invalid = || InvalidInput::InvalidVersion(text.to_string());
        let segments = text
            .trim()
            .split('.')
            .map(|segment| {
                // `u32::from_str` would accept "+1"; versions are digits only.
                if segment.is_empty() || !segment.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(invalid());
                }
                segment.parse::<u32>().map_err(|_| invalid())
            })
            .collect::<Result<Vec<u32>, InvalidInput>>()?;
        Ok(Version { segments })
    }

    /// The numeric segments as written (`7.13.0` gives `[7, 13, 0]`).
    pub fn segments(&self) -> &[u32] {
        &self.segments
    }

    fn significant(&self) -> &[u32] {
        let len = self
            .segments
            .iter()
            .rposition(|&s| s != 0)
            .map_or(0, |last| last + 1);
        &self.segments[..len]
    }
}

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.significant() == other.significant()
    }
}

impl Eq for Version {}

impl Hash for Version {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.significant().hash(state);
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        // Slice ordering is lexicographic with a shorter prefix first, which is exactly the
        // numeric version order once trailing zeros are ignored.
        self.significant().cmp(other.significant())
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl FromStr for Version {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Version::parse(s)
    }
}

impl TryFrom<String> for Version {
    type Error = InvalidInput;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Version::parse(&s)
    }
}

impl From<Version> for String {
    fn from(v: Version) -> String {
        v.to_string()
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{segment}")?;
        }
        Ok(())
    }
}

/// A number of licenses, at least 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Quantity(u32);

impl Quantity {
    /// Refuses 0: an order line or holding of no licenses is meaningless.
    pub fn new(quantity: u32) -> Result<Quantity, InvalidInput> {
        if quantity == 0 {
            return Err(InvalidInput::ZeroQuantity);
        }
        Ok(Quantity(quantity))
    }

    /// The number of licenses.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for Quantity {
    type Error = InvalidInput;
    fn try_from(quantity: u32) -> Result<Self, Self::Error> {
        Quantity::new(quantity)
    }
}

impl From<Quantity> for u32 {
    fn from(quantity: Quantity) -> u32 {
        quantity.0
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A product of the catalogue with its latest declared version (R7 compares holdings to it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    /// Database id.
    pub id: ProductId,
    /// Display name, e.g. "Terrasoft CRM".
    pub name: String,
    /// The version every holding must be on before support can be bought (R7).
    pub latest_version: Version,
}

impl Product {
    /// Declares a new latest version. Versions only move forward: the new one must be
    /// numerically newer than the current latest (the order R7 compares holdings by), else
    /// customers already on the latest version would be "behind" an older one. The same
    /// version written differently (`3.4.1.0` for `3.4.1`) is not newer either.
    pub fn declare_version(&mut self, version: Version) -> Result<(), VersionNotNewer> {
        if version <= self.latest_version {
            return Err(VersionNotNewer {
                product: self.name.clone(),
                latest: self.latest_version.clone(),
                declared: version,
            });
        }
        self.latest_version = version;
        Ok(())
    }
}

/// A declared version that is not newer than the product's latest ([`Product::declare_version`]).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", self.message())]
pub struct VersionNotNewer {
    /// Display name of the product.
    pub product: String,
    /// The product's latest declared version, which stays.
    pub latest: Version,
    /// The version refused.
    pub declared: Version,
}

impl VersionNotNewer {
    fn message(&self) -> String {
        let (product, latest, declared) = (&self.product, &self.latest, &self.declared);
        if declared == latest {
            format!(
                "{product} is already at version {latest} ({declared} is the same version); \
                 declare a newer version than {latest}."
            )
        } else {
            format!(
                "Version {declared} is older than {product}'s latest version {latest}; \
                 declare a newer version than {latest}."
            )
        }
    }
}

/// The key under which two names count as the same: lower case, with runs of whitespace
/// inside made one space and whitespace around removed. "Terrasoft  CRM" and
/// "terrasoft crm" both give "terrasoft crm". Products and companies are unique by it, so
/// that customers and admins never see two entries that look alike.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Licenses of one product owned by the company, on one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holding {
    /// The product licensed.
    pub product_id: ProductId,
    /// Display name, carried so rule messages and pages need no catalogue lookup.
    pub product_name: String,
    /// How many licenses.
    pub quantity: Quantity,
    /// The version the licenses are for.
    pub version: Version,
}

/// Total number of licenses over all holdings (the count R2 and R8 use).
pub fn total_licenses(holdings: &[Holding]) -> u64 {
    holdings.iter().map(|h| u64::from(h.quantity.get())).sum()
}

/// One row of the price list: the product's per-license price from `valid_from` on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceEntry {
    /// The product priced.
    pub product_id: ProductId,
    /// First day the price applies.
    pub valid_from: NaiveDate,
    /// Price of one license.
    pub price: Money,
}

/// A price as found for a date, with the entry's `valid_from` so quotes can cite it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedPrice {
    /// `valid_from` of the entry used.
    pub valid_from: NaiveDate,
    /// Price of one license.
    pub price: Money,
}

/// The dated list prices of all products (R9).
///
/// A product's price on a date is the entry with the latest `valid_from` not after that date.
/// Entries are append-only: adding a second price for the same product and day is refused,
/// because signed contracts cite the old entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<PriceEntry>", into = "Vec<PriceEntry>")]
pub struct PriceList {
    entries: BTreeMap<(ProductId, NaiveDate), Money>,
}

impl PriceList {
    /// Builds the list, refusing two entries for the same product and `valid_from`.
    pub fn new(entries: impl IntoIterator<Item = PriceEntry>) -> Result<PriceList, InvalidInput> {
        let mut list = PriceList::default();
        for entry in entries {
            list.add(entry)?;
        }
        Ok(list)
    }

    /// Appends an entry; an existing (product, `valid_from`) is never overwritten.
    pub fn add(&mut self, entry: PriceEntry) -> Result<(), InvalidInput> {
        let key = (entry.product_id, entry.valid_from);
        if self.entries.contains_key(&key) {
            return Err(InvalidInput::DuplicatePrice {
                product_id: entry.product_id,
                valid_from: entry.valid_from,
            });
        }
        self.entries.insert(key, entry.price);
        Ok(())
    }

    /// R9: the price of one license of `product` on `date` (latest `valid_from` ≤ `date`),
    /// or `None` if the product had no price yet on that date.
    pub fn price_on(&self, product: ProductId, date: NaiveDate) -> Option<DatedPrice> {
        self.entries
            .range((product, NaiveDate::MIN)..=(product, date))
            .next_back()
            .map(|(&(_, valid_from), &price)| DatedPrice { valid_from, price })
    }

    /// All entries, ordered by product then `valid_from`.
    pub fn entries(&self) -> impl Iterator<Item = PriceEntry> + '_ {
        self.entries
            .iter()
            .map(|(&(product_id, valid_from), &price)| PriceEntry {
                product_id,
                valid_from,
                price,
            })
    }
}

impl TryFrom<Vec<PriceEntry>> for PriceList {
    type Error = InvalidInput;
    fn try_from(entries: Vec<PriceEntry>) -> Result<Self, Self::Error> {
        PriceList::new(entries)
    }
}

impl From<PriceList> for Vec<PriceEntry> {
    fn from(list: PriceList) -> Self {
        list.entries().collect()
    }
}

/// The products (names, latest versions) and their price list: everything a quote looks up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CatalogData", into = "CatalogData")]
pub struct Catalog {
    products: BTreeMap<ProductId, Product>,
    prices: PriceList,
}

/// Serialized form of [`Catalog`].
#[derive(Debug, Clone, Serialize, Deserialize)]
struct CatalogData {
    products: Vec<Product>,
    prices: PriceList,
}

impl Catalog {
    /// Builds the catalogue, refusing a product id listed twice.
    pub fn new(
        products: impl IntoIterator<Item = Product>,
        prices: PriceList,
    ) -> Result<Catalog, InvalidInput> {
        let mut by_id = BTreeMap::new();
        for product in products {
            let id = product.id;
            if by_id.insert(id, product).is_some() {
                return Err(InvalidInput::DuplicateProduct(id));
            }
        }
        Ok(Catalog {
            products: by_id,
            prices,
        })
    }

    /// The product with this id.
    pub fn product(&self, id: ProductId) -> Option<&Product> {
        self.products.get(&id)
    }

    /// All products, ordered by id.
    pub fn products(&self) -> impl Iterator<Item = &Product> {
        self.products.values()
    }

    /// The dated price list.
    pub fn prices(&self) -> &PriceList {
        &self.prices
    }

    /// R9: shorthand for [`PriceList::price_on`].
    pub fn price_on(&self, product: ProductId, date: NaiveDate) -> Option<DatedPrice> {
        self.prices.price_on(product, date)
    }
}

impl TryFrom<CatalogData> for Catalog {
    type Error = InvalidInput;
    fn try_from(data: CatalogData) -> Result<Self, Self::Error> {
        Catalog::new(data.products, data.prices)
    }
}

impl From<Catalog> for CatalogData {
    fn from(catalog: Catalog) -> Self {
        CatalogData {
            products: catalog.products.into_values().collect(),
            prices: catalog.prices,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn versions_compare_numerically() {
        assert!(v("7.12.1") < v("7.13"));
        assert!(v("7.9") < v("7.10"));
        assert!(v("7.13") < v("7.13.1"));
        assert_eq!(v("7.13"), v("7.13.0"));
        assert_eq!(v("7.13.0").to_string(), "7.13.0");
        assert_eq!("7.12".parse::<Version>().unwrap().segments(), &[7, 12]);
    }

    fn crm(latest: &str) -> Product {
        Product {
            id: ProductId(1),
            name: "Terrasoft CRM".into(),
            latest_version: v(latest),
        }
    }

    #[test]
    fn declared_versions_only_move_forward() {
        let mut product = crm("3.4.1");
        product.declare_version(v("3.4.2")).unwrap();
        assert_eq!(product.latest_version.to_string(), "3.4.2");
        for not_newer in ["3.4.2", "3.4.2.0", "3.4.1.0", "3.4", "3", "0.9"] {
            let refused = product.declare_version(v(not_newer)).unwrap_err();
            assert_eq!(refused.latest.to_string(), "3.4.2");
            assert_eq!(refused.declared.to_string(), not_newer);
            assert_eq!(product.latest_version.to_string(), "3.4.2", "unchanged");
        }
        product.declare_version(v("3.10.0")).unwrap();
        let refused = product.declare_version(v("3.9.0")).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "Version 3.9.0 is older than Terrasoft CRM's latest version 3.10.0; \
             declare a newer version than 3.10.0."
        );
        let same = product.declare_version(v("3.10")).unwrap_err();
        assert_eq!(
            same.to_string(),
            "Terrasoft CRM is already at version 3.10.0 (3.10 is the same version); \
             declare a newer version than 3.10.0."
        );
        product.declare_version(v("3.10.0.1")).unwrap();
        product.declare_version(v("4")).unwrap();
        assert_eq!(product.latest_version.to_string(), "4");
    }

    #[test]
    fn names_match_whatever_their_case_and_spacing() {
        assert_eq!(name_key("Terrasoft CRM"), "terrasoft crm");
        assert_eq!(name_key("terrasoft crm"), "terrasoft crm");
        assert_eq!(name_key(" Terrasoft  CRM\t"), "terrasoft crm");
        assert_eq!(name_key("Terrasoft\u{a0}CRM"), "terrasoft crm");
        assert_eq!(name_key("ТЕРРАСОФТ Ukraine"), "террасофт ukraine");
        assert_ne!(name_key("Terrasoft CRM"), name_key("Terrasoft CRM Mobile"));
        assert_ne!(name_key("TerrasoftCRM"), name_key("Terrasoft CRM"));
    }

    #[test]
    fn malformed_versions_are_refused() {
        for bad in [
            "",
            "7.",
            ".7",
            "7..1",
            "v7",
            "7.+1",
            "7.-1",
            "7.x",
            "99999999999",
        ] {
            assert!(Version::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn quantity_is_at_least_one() {
        assert_eq!(Quantity::new(0), Err(InvalidInput::ZeroQuantity));
        assert_eq!(Quantity::new(3).unwrap().get(), 3);
    }

    #[test]
    fn price_on_a_date_is_the_latest_entry_not_after_it() {
        let crm = ProductId(1);
        let list = PriceList::new([
            PriceEntry {
                product_id: crm,
                valid_from: date(2026, 1, 1),
                price: Money::from_minor(90_000).unwrap(),
            },
            PriceEntry {
                product_id: crm,
                valid_from: date(2026, 7, 1),
                price: Money::from_minor(95_000).unwrap(),
            },
            PriceEntry {
                product_id: ProductId(2),
                valid_from: date(2020, 1, 1),
                price: Money::from_minor(1).unwrap(),
            },
        ])
        .unwrap();
        assert_eq!(list.price_on(crm, date(2025, 12, 31)), None);
        let june = list.price_on(crm, date(2026, 6, 30)).unwrap();
        assert_eq!(
            (june.valid_from, june.price.to_string()),
            (date(2026, 1, 1), "900.00".into())
        );
        let july = list.price_on(crm, date(2026, 7, 1)).unwrap();
        assert_eq!(
            (july.valid_from, july.price.to_string()),
            (date(2026, 7, 1), "950.00".into())
        );
    }

    #[test]
    fn price_entries_are_never_rewritten() {
        let entry = PriceEntry {
            product_id: ProductId(1),
            valid_from: date(2026, 1, 1),
            price: Money::ZERO,
        };
        let mut list = PriceList::new([entry.clone()]).unwrap();
        assert!(matches!(
            list.add(entry),
            Err(InvalidInput::DuplicatePrice { .. })
        ));
    }
}
