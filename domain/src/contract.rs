//! Contracts and their calendar: terms in whole years (R6), contract periods and renewals
//! (R10), extensions for added licenses (R8) and version updates under a contract (R4).

use core::fmt;

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::catalog::{Holding, Quantity, Version};
use crate::error::InvalidInput;
use crate::ids::ProductId;
use crate::plan::Plan;
use crate::rules::RuleViolation;

/// A support term in whole years, 1 to [`Years::MAX`] (R6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Years(u32);

impl Years {
    /// Longest term sold at once. R6 sets no upper bound; this one keeps date and money
    /// arithmetic far from overflow and catches typos such as 2026 years.
    pub const MAX: u32 = 10;

    /// R6: refuses a term under one year ([`RuleViolation::R6TermUnderOneYear`]) or above
    /// [`Years::MAX`] ([`RuleViolation::R6TermTooLong`]).
    pub fn new(years: u32) -> Result<Years, RuleViolation> {
        if years == 0 {
            return Err(RuleViolation::R6TermUnderOneYear { requested: years });
        }
        if years > Self::MAX {
            return Err(RuleViolation::R6TermTooLong {
                requested: years,
                max: Self::MAX,
            });
        }
        Ok(Years(years))
    }

    /// The number of years.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for Years {
    type Error = RuleViolation;
    fn try_from(years: u32) -> Result<Self, Self::Error> {
        Years::new(years)
    }
}

impl From<Years> for u32 {
    fn from(years: Years) -> u32 {
        years.0
    }
}

impl fmt::Display for Years {
    /// `1 year`, `3 years`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.0 == 1 { "" } else { "s" };
        write!(f, "{} year{plural}", self.0)
    }
}

/// A run of contract days, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractPeriod {
    /// First covered day.
    pub start: NaiveDate,
    /// Last covered day.
    pub end: NaiveDate,
}

impl fmt::Display for ContractPeriod {
    /// `2026-07-28 – 2027-07-27`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} – {}", self.start, self.end)
    }
}

impl ContractPeriod {
    /// Covered days still ahead, counting `today` itself: 1 on the last day, 0 once over,
    /// the whole length for a period that has not started.
    pub fn days_left(&self, today: NaiveDate) -> u32 {
        let from = today.max(self.start);
        if from > self.end {
            return 0;
        }
        let days = (self.end - from).num_days() + 1;
        u32::try_from(days).unwrap_or(u32::MAX)
    }
}

/// R10: the period of an N-year contract starting on `start`: up to the day before the same
/// calendar date N years later. A 29 February start counts from 1 March, so 2028-02-29 for
/// one year ends 2029-02-28 (and the contract still starts on 2028-02-29).
///
/// Fails only when the end date is beyond `chrono`'s calendar (year 262 142).
pub fn contract_period(start: NaiveDate, years: Years) -> Result<ContractPeriod, InvalidInput> {
    let anchor = if start.month() == 2 && start.day() == 29 {
        NaiveDate::from_ymd_opt(start.year(), 3, 1).ok_or(InvalidInput::DateOutOfRange)?
    } else {
        start
    };
    // The anchor is never 29 February, so adding whole years never clamps the day.
    let end = anchor
        .checked_add_months(Months::new(12 * years.get()))
        .and_then(|next| next.pred_opt())
        .ok_or(InvalidInput::DateOutOfRange)?;
    Ok(ContractPeriod { start, end })
}

/// Where a contract stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContractStatus {
    /// Signed, starts later (e.g. a renewal signed before the current end).
    Upcoming,
    /// The day is within start..=end.
    Active,
    /// The last day has passed.
    Lapsed,
}

/// A support contract: a plan over a period of days (end inclusive).
///
/// The plan is a snapshot of the plan's terms when the contract was signed, so a later admin
/// edit of the plan does not silently change what a signed contract covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ContractData", into = "ContractData")]
pub struct Contract {
    plan: Plan,
    start: NaiveDate,
    end: NaiveDate,
}

/// Serialized form of [`Contract`], validated on the way in.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct ContractData {
    plan: Plan,
    start: NaiveDate,
    end: NaiveDate,
}

impl Contract {
    /// A contract on `plan` from `start` to `end` inclusive; refuses `end < start`.
    /// Use this to load a stored contract (whose end may have moved under R8).
    pub fn new(plan: Plan, start: NaiveDate, end: NaiveDate) -> Result<Contract, InvalidInput> {
        if end < start {
            return Err(InvalidInput::ContractEndsBeforeStart { start, end });
        }
        Ok(Contract { plan, start, end })
    }

    /// R10: a new contract of `years` whole years from `start`.
    pub fn starting(plan: Plan, start: NaiveDate, years: Years) -> Result<Contract, InvalidInput> {
        let period = contract_period(start, years)?;
        Ok(Contract {
            plan,
            start: period.start,
            end: period.end,
        })
    }

    /// The plan's terms as signed.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// First covered day.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// Last covered day (inclusive).
    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// The covered days.
    pub fn period(&self) -> ContractPeriod {
        ContractPeriod {
            start: self.start,
            end: self.end,
        }
    }

    /// Status on `today`: active when `start <= today <= end`.
    pub fn status(&self, today: NaiveDate) -> ContractStatus {
        if today < self.start {
            ContractStatus::Upcoming
        } else if today <= self.end {
            ContractStatus::Active
        } else {
            ContractStatus::Lapsed
        }
    }

    /// Whether the contract covers `today`.
    pub fn is_active(&self, today: NaiveDate) -> bool {
        self.status(today) == ContractStatus::Active
    }

    /// Covered days still ahead, counting `today` itself: 1 on the last day, 0 once lapsed,
    /// the whole length for an upcoming contract.
    pub fn days_left(&self, today: NaiveDate) -> u32 {
        self.period().days_left(today)
    }

    /// R10: the first day of a renewal signed on `today`: the day after the current end, or
    /// `today` itself when the contract has lapsed.
    pub fn renewal_start(&self, today: NaiveDate) -> Result<NaiveDate, InvalidInput> {
        if today > self.end {
            Ok(today)
        } else {
            self.end.succ_opt().ok_or(InvalidInput::DateOutOfRange)
        }
    }

    /// R8: this contract with its end moved later by `extension.days`.
    pub fn extended(&self, extension: &Extension) -> Contract {
        Contract {
            plan: self.plan.clone(),
            start: self.start,
            end: self.end.max(extension.new_end),
        }
    }
}

impl TryFrom<ContractData> for Contract {
    type Error = InvalidInput;
    fn try_from(data: ContractData) -> Result<Self, Self::Error> {
        Contract::new(data.plan, data.start, data.end)
    }
}

impl From<Contract> for ContractData {
    fn from(contract: Contract) -> Self {
        ContractData {
            plan: contract.plan,
            start: contract.start,
            end: contract.end,
        }
    }
}

/// R8: days a contract is extended by when `added` licenses join `owned` ones with `years`
/// of support: `ceil(365 × years × added / (owned + added))`.
///
/// 0 when nothing is added; at most `365 × years` (reached when nothing was owned before).
pub fn extension_days(owned: u64, added: u64, years: Years) -> u32 {
    let total = u128::from(owned) + u128::from(added);
    if added == 0 || total == 0 {
        return 0;
    }
    let numerator = 365 * u128::from(years.get()) * u128::from(added);
    let days = numerator.div_ceil(total);
    // days <= 365 × years <= 3650, so the conversion cannot fail.
    u32::try_from(days).expect("extension bounded by 365 × Years::MAX")
}

/// The R8 computation, kept whole so the quote can show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    /// Licenses owned before the order.
    pub owned: u64,
    /// Licenses added by the order.
    pub added: u64,
    /// Support term paid for the added licenses.
    pub years: Years,
    /// `ceil(365 × years × added / (owned + added))`.
    pub days: u32,
    /// Contract end before the order.
    pub old_end: NaiveDate,
    /// `old_end + days`.
    pub new_end: NaiveDate,
}

/// R8: the extension of a contract ending `old_end` when `added` licenses join `owned` ones
/// with `years` of support.
pub fn extension(
    old_end: NaiveDate,
    owned: u64,
    added: u64,
    years: Years,
) -> Result<Extension, InvalidInput> {
    let days = extension_days(owned, added, years);
    let new_end = old_end
        .checked_add_days(Days::new(u64::from(days)))
        .ok_or(InvalidInput::DateOutOfRange)?;
    Ok(Extension {
        owned,
        added,
        years,
        days,
        old_end,
        new_end,
    })
}

/// A version update granted under R4, for the store to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionUpdate {
    /// The product updated.
    pub product_id: ProductId,
    /// Its display name.
    pub product_name: String,
    /// Licenses updated (all of the holding).
    pub quantity: Quantity,
    /// Version before.
    pub from: Version,
    /// Version after (the latest declared).
    pub to: Version,
}

impl VersionUpdate {
    /// The holding after the update.
    pub fn updated_holding(&self) -> Holding {
        Holding {
            product_id: self.product_id,
            product_name: self.product_name.clone(),
            quantity: self.quantity,
            version: self.to.clone(),
        }
    }
}

/// R4: a free update of `holding` to `latest`, granted while the company's contract is active
/// on `today` and its plan includes new versions. It brings no other service.
///
/// Refusals: [`RuleViolation::R4NoActiveContract`], [`RuleViolation::R4PlanExcludesNewVersions`],
/// [`RuleViolation::R4AlreadyOnLatest`].
pub fn version_update(
    contract: Option<&Contract>,
    holding: &Holding,
    latest: &Version,
    today: NaiveDate,
) -> Result<VersionUpdate, RuleViolation> {
    let contract = contract.filter(|c| c.is_active(today)).ok_or_else(|| {
        RuleViolation::R4NoActiveContract {
            product_name: holding.product_name.clone(),
        }
    })?;
    if !contract.plan().includes_new_versions {
        return Err(RuleViolation::R4PlanExcludesNewVersions {
            plan_name: contract.plan().name.clone(),
            product_name: holding.product_name.clone(),
        });
    }
    if holding.version >= *latest {
        return Err(RuleViolation::R4AlreadyOnLatest {
            product_name: holding.product_name.clone(),
            version: holding.version.clone(),
        });
    }
    Ok(VersionUpdate {
        product_id: holding.product_id,
        product_name: holding.product_name.clone(),
        quantity: holding.quantity,
        from: holding.version.clone(),
        to: latest.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn years(n: u32) -> Years {
        Years::new(n).unwrap()
    }

    #[test]
    fn years_are_whole_and_at_least_one() {
        assert_eq!(
            Years::new(0),
            Err(RuleViolation::R6TermUnderOneYear { requested: 0 })
        );
        assert_eq!(
            Years::new(11),
            Err(RuleViolation::R6TermTooLong {
                requested: 11,
                max: 10
            })
        );
        assert!(Years::new(0).unwrap_err().to_string().starts_with("R6: "));
        assert_eq!(years(3).to_string(), "3 years");
    }

    #[test]
    fn contract_period_ends_the_day_before_the_anniversary() {
        let p = contract_period(date(2026, 1, 1), years(1)).unwrap();
        assert_eq!((p.start, p.end), (date(2026, 1, 1), date(2026, 12, 31)));
        let p = contract_period(date(2026, 3, 15), years(3)).unwrap();
        assert_eq!(p.end, date(2029, 3, 14));
        // 28 Feb is an ordinary date: the anniversary in a leap year is still 28 Feb.
        let p = contract_period(date(2027, 2, 28), years(1)).unwrap();
        assert_eq!(p.end, date(2028, 2, 27));
    }

    #[test]
    fn leap_day_start_counts_from_first_of_march() {
        let p = contract_period(date(2028, 2, 29), years(4)).unwrap();
        assert_eq!((p.start, p.end), (date(2028, 2, 29), date(2032, 2, 29)));
    }

    #[test]
    fn status_and_days_left_follow_the_dates() {
        let c = Contract::new(Plan::default_basic(), date(2026, 1, 1), date(2026, 12, 31)).unwrap();
        assert_eq!(c.status(date(2025, 12, 31)), ContractStatus::Upcoming);
        assert_eq!(c.status(date(2026, 1, 1)), ContractStatus::Active);
        assert_eq!(c.status(date(2026, 12, 31)), ContractStatus::Active);
        assert_eq!(c.status(date(2027, 1, 1)), ContractStatus::Lapsed);
        assert_eq!(c.days_left(date(2026, 12, 31)), 1);
        assert_eq!(c.days_left(date(2026, 12, 1)), 31);
        assert_eq!(c.days_left(date(2027, 1, 1)), 0);
        assert_eq!(c.days_left(date(2020, 1, 1)), 365);
        assert!(Contract::new(Plan::default_basic(), date(2026, 1, 2), date(2026, 1, 1)).is_err());
    }

    #[test]
    fn extension_is_proportional_and_rounded_up() {
        assert_eq!(extension_days(10, 5, years(1)), 122);
        assert_eq!(extension_days(10, 0, years(1)), 0);
        assert_eq!(extension_days(0, 5, years(2)), 730);
        assert_eq!(extension_days(1, 1, years(1)), 183);
    }

    fn holding(version: &str) -> Holding {
        Holding {
            product_id: ProductId(1),
            product_name: "Terrasoft CRM".into(),
            quantity: Quantity::new(3).unwrap(),
            version: Version::parse(version).unwrap(),
        }
    }

    #[test]
    fn version_update_needs_an_active_plan_with_new_versions() {
        let today = date(2026, 6, 1);
        let latest = Version::parse("7.13").unwrap();
        let standard = Contract::new(
            Plan::default_standard(),
            date(2026, 1, 1),
            date(2026, 12, 31),
        )
        .unwrap();
        let update = version_update(Some(&standard), &holding("7.12"), &latest, today).unwrap();
        assert_eq!(
            (update.from.to_string(), update.to.to_string()),
            ("7.12".into(), "7.13".into())
        );
        assert_eq!(update.updated_holding().version, latest);

        let basic =
            Contract::new(Plan::default_basic(), date(2026, 1, 1), date(2026, 12, 31)).unwrap();
        let refused = version_update(Some(&basic), &holding("7.12"), &latest, today).unwrap_err();
        assert!(matches!(
            refused,
            RuleViolation::R4PlanExcludesNewVersions { .. }
        ));
        assert!(refused.to_string().starts_with("R4: Your Basic plan"));

        let lapsed = version_update(Some(&standard), &holding("7.12"), &latest, date(2027, 1, 1));
        assert!(matches!(
            lapsed,
            Err(RuleViolation::R4NoActiveContract { .. })
        ));
        let none = version_update(None, &holding("7.12"), &latest, today);
        assert!(matches!(
            none,
            Err(RuleViolation::R4NoActiveContract { .. })
        ));
        let current = version_update(Some(&standard), &holding("7.13.0"), &latest, today);
        assert!(matches!(
            current,
            Err(RuleViolation::R4AlreadyOnLatest { .. })
        ));
    }
}
