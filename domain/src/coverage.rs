//! A company's contract timeline (R1, R8, R10): every contract it has signed, in date order,
//! no two covering the same day, and the one change each purchase makes to it.
//!
//! Customers live in a timeline, not in one contract: a running term, a renewal already
//! signed for later, a lapsed one before them. [`Coverage`] answers the questions the rules
//! ask of that timeline (which contract is in force on a day, where coverage ends) and turns a
//! purchase into one explicit [`CoverageChange`]: a new contract, a renewal, or an extension of
//! the contract in force that moves every later signed contract by the same number of days.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::contract::{extension, Contract, ContractPeriod, Extension, Years};
use crate::error::InvalidInput;
use crate::ids::ContractId;
use crate::plan::Plan;
use crate::rules::RuleViolation;

/// A contract as signed and stored, with its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedContract {
    /// The stored contract's id.
    pub id: ContractId,
    /// Its plan terms (as signed) and period.
    pub contract: Contract,
}

/// A company's contracts in start order. Built only through [`Coverage::new`], which refuses
/// two contracts covering the same day, so an overlap cannot be represented.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    contracts: Vec<SignedContract>,
}

/// A signed contract whose dates an R8 extension moves: old and new period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractMove {
    /// The contract moved.
    pub id: ContractId,
    /// Its plan's name, for the quote.
    pub plan_name: String,
    /// Its period before the order.
    pub from: ContractPeriod,
    /// Its period after the order: the same length, later by the extension's days.
    pub to: ContractPeriod,
}

/// What one purchase does to the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverageChange {
    /// A first contract, or one after every earlier contract lapsed (R1, R10), from the
    /// signing date.
    New(Contract),
    /// A renewal (R10): from the day after the coverage end, or from the signing date when
    /// coverage has lapsed.
    Renewal {
        /// Coverage end before the renewal.
        previous_end: NaiveDate,
        /// Whether coverage had lapsed on the signing date.
        lapsed: bool,
        /// The new contract.
        contract: Contract,
    },
    /// R8: the contract in force takes `extension.days` more days; every contract signed for
    /// later moves the same number of days later, keeping its length, plan and price.
    Extended {
        /// The contract in force.
        id: ContractId,
        /// The R8 computation (owned, added, years, days, old and new end).
        extension: Extension,
        /// The contract in force with its new end.
        contract: Contract,
        /// Later signed contracts and their new dates, in start order; empty without renewals.
        moves: Vec<ContractMove>,
    },
}

impl CoverageChange {
    /// The contract the order creates or extends, as it will be after the order.
    pub fn contract(&self) -> &Contract {
        match self {
            CoverageChange::New(contract)
            | CoverageChange::Renewal { contract, .. }
            | CoverageChange::Extended { contract, .. } => contract,
        }
    }
}

impl Coverage {
    /// The timeline of `contracts` (any order). Refuses two contracts that share a day
    /// ([`InvalidInput::OverlappingContracts`]): stored data that breaks R1 is corrupt.
    pub fn new(
        contracts: impl IntoIterator<Item = SignedContract>,
    ) -> Result<Coverage, InvalidInput> {
        let mut contracts: Vec<SignedContract> = contracts.into_iter().collect();
        contracts.sort_by_key(|c| (c.contract.start(), c.id));
        for pair in contracts.windows(2) {
            let (earlier, later) = (&pair[0], &pair[1]);
            if later.contract.start() <= earlier.contract.end() {
                return Err(InvalidInput::OverlappingContracts {
                    first: earlier.contract.period(),
                    second: later.contract.period(),
                });
            }
        }
        Ok(Coverage { contracts })
    }

    /// Repairs a stored timeline written before overlaps were refused: each contract that
    /// starts on or before the end of the one before it moves to the day after that end,
    /// keeping its length, plan and price — what R8 (an extension) or R1 (one contract at a
    /// time) would have done. Returns the repaired timeline and the moves, in start order.
    pub fn repaired(
        contracts: impl IntoIterator<Item = SignedContract>,
    ) -> Result<(Coverage, Vec<ContractMove>), InvalidInput> {
        let mut contracts: Vec<SignedContract> = contracts.into_iter().collect();
        contracts.sort_by_key(|c| (c.contract.start(), c.id));
        let mut moves = Vec::new();
        for i in 1..contracts.len() {
            let previous_end = contracts[i - 1].contract.end();
            let current = &contracts[i];
            if current.contract.start() > previous_end {
                continue;
            }
            let from = current.contract.period();
            let start = previous_end
                .succ_opt()
                .ok_or(InvalidInput::DateOutOfRange)?;
            let end = start
                .checked_add_signed(from.end - from.start)
                .ok_or(InvalidInput::DateOutOfRange)?;
            moves.push(ContractMove {
                id: current.id,
                plan_name: current.contract.plan().name.clone(),
                from,
                to: ContractPeriod { start, end },
            });
            contracts[i].contract = Contract::new(current.contract.plan().clone(), start, end)?;
        }
        Ok((Coverage::new(contracts)?, moves))
    }

    /// Every contract, earliest start first.
    pub fn contracts(&self) -> &[SignedContract] {
        &self.contracts
    }

    /// The contract covering `day`, if any (at most one can).
    pub fn in_force(&self, day: NaiveDate) -> Option<&SignedContract> {
        self.contracts
            .iter()
            .find(|c| c.contract.start() <= day && day <= c.contract.end())
    }

    /// Whether some contract covers `day`.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.in_force(day).is_some()
    }

    /// The contract that ends last: the one a renewal follows.
    pub fn last(&self) -> Option<&SignedContract> {
        self.contracts.last()
    }

    /// The last covered day of the whole timeline (`None` without contracts).
    pub fn end(&self) -> Option<NaiveDate> {
        self.last().map(|c| c.contract.end())
    }

    /// Contracts that start after `day` (renewals signed ahead).
    pub fn signed_for_later(&self, day: NaiveDate) -> impl Iterator<Item = &SignedContract> {
        self.contracts
            .iter()
            .filter(move |c| c.contract.start() > day)
    }

    /// The contract in force on `today`, or else the first one signed for later: the one a
    /// customer would call "my contract".
    pub fn current_or_next(&self, today: NaiveDate) -> Option<&SignedContract> {
        self.contracts.iter().find(|c| c.contract.end() >= today)
    }

    /// R1: whether licenses may come with a new contract on `today`: only while no contract
    /// is in force or signed for later. [`Coverage::new_contract`] refuses exactly otherwise.
    pub fn allows_new_contract(&self, today: NaiveDate) -> bool {
        self.current_or_next(today).is_none()
    }

    /// The first day of the contract signed for later when none is in force on `today`
    /// (licenses can join it from then, R1).
    pub fn starts_later(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.current_or_next(today)
            .map(|c| c.contract.start())
            .filter(|start| *start > today)
    }

    /// The last covered day while a contract is in force or signed for later: the end of the
    /// unbroken chain of signed renewals (R8, R10). `None` once coverage has lapsed.
    pub fn covered_until(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.current_or_next(today).and(self.end())
    }

    /// Covered days left on `today` (counting it) up to [`Coverage::covered_until`]: what a
    /// renewal reminder counts down, so a company that renewed ahead is not asked again.
    pub fn days_left(&self, today: NaiveDate) -> u32 {
        self.covered_until(today).map_or(0, |end| {
            ContractPeriod { start: today, end }.days_left(today)
        })
    }

    /// R1, R10: support on `plan` for `years`, signed on `today`: a renewal after the coverage
    /// end when the company has ever had a contract, otherwise a new contract from `today`.
    pub fn support(
        &self,
        plan: &Plan,
        years: Years,
        today: NaiveDate,
    ) -> Result<CoverageChange, InvalidInput> {
        match self.end() {
            None => Ok(CoverageChange::New(Contract::starting(
                plan.clone(),
                today,
                years,
            )?)),
            Some(previous_end) => {
                let lapsed = previous_end < today;
                let start = if lapsed {
                    today
                } else {
                    previous_end
                        .succ_opt()
                        .ok_or(InvalidInput::DateOutOfRange)?
                };
                Ok(CoverageChange::Renewal {
                    previous_end,
                    lapsed,
                    contract: Contract::starting(plan.clone(), start, years)?,
                })
            }
        }
    }

    /// R1: a new contract bought together with licenses on `today`. Refused
    /// ([`RuleViolation::R1CoverageExists`]) while a contract is in force or signed for later:
    /// a company never holds two contracts covering the same day.
    pub fn new_contract(
        &self,
        plan: &Plan,
        years: Years,
        today: NaiveDate,
    ) -> Result<CoverageChange, CoverageRefusal> {
        if let Some(current) = self.current_or_next(today) {
            return Err(RuleViolation::R1CoverageExists {
                plan_name: current.contract.plan().name.clone(),
                in_force: current.contract.start() <= today,
                coverage_end: self.end().unwrap_or(current.contract.end()),
            }
            .into());
        }
        Ok(CoverageChange::New(Contract::starting(
            plan.clone(),
            today,
            years,
        )?))
    }

    /// R8: `added` licenses join `owned` ones with `years` of support under the contract in
    /// force on `today`. The contract takes `ceil(365 × years × added / (owned + added))` more
    /// days and every later signed contract moves that many days later.
    ///
    /// Refused when no contract is in force: [`RuleViolation::R1ContractNotStarted`] when one
    /// is signed for later, [`RuleViolation::R1ContractNotActive`] when the last one lapsed,
    /// [`RuleViolation::R1SupportRequired`] without any.
    pub fn extend(
        &self,
        owned: u64,
        added: u64,
        years: Years,
        today: NaiveDate,
    ) -> Result<CoverageChange, CoverageRefusal> {
        let Some(in_force) = self.in_force(today) else {
            return Err(match (self.current_or_next(today), self.last()) {
                (Some(next), _) => RuleViolation::R1ContractNotStarted {
                    start: next.contract.start(),
                },
                (None, Some(lapsed)) => RuleViolation::R1ContractNotActive {
                    start: lapsed.contract.start(),
                    end: lapsed.contract.end(),
                },
                (None, None) => RuleViolation::R1SupportRequired,
            }
            .into());
        };
        let extension = extension(in_force.contract.end(), owned, added, years)?;
        let moves = self
            .signed_for_later(today)
            .map(|later| {
                let from = later.contract.period();
                let to = ContractPeriod {
                    start: shift(from.start, extension.days)?,
                    end: shift(from.end, extension.days)?,
                };
                Ok(ContractMove {
                    id: later.id,
                    plan_name: later.contract.plan().name.clone(),
                    from,
                    to,
                })
            })
            .collect::<Result<Vec<_>, InvalidInput>>()?;
        Ok(CoverageChange::Extended {
            id: in_force.id,
            contract: in_force.contract.extended(&extension),
            extension,
            moves,
        })
    }

    /// The timeline after `change`, with `new_id` for a contract it creates. Fails only if the
    /// change was not made by this timeline (it would overlap).
    pub fn apply(
        &self,
        change: &CoverageChange,
        new_id: ContractId,
    ) -> Result<Coverage, InvalidInput> {
        let mut contracts = self.contracts.clone();
        match change {
            CoverageChange::New(contract) | CoverageChange::Renewal { contract, .. } => {
                contracts.push(SignedContract {
                    id: new_id,
                    contract: contract.clone(),
                });
            }
            CoverageChange::Extended {
                id,
                contract,
                moves,
                ..
            } => {
                for signed in &mut contracts {
                    if signed.id == *id {
                        signed.contract = contract.clone();
                    } else if let Some(moved) = moves.iter().find(|m| m.id == signed.id) {
                        signed.contract = Contract::new(
                            signed.contract.plan().clone(),
                            moved.to.start,
                            moved.to.end,
                        )?;
                    }
                }
            }
        }
        Coverage::new(contracts)
    }
}

/// Why [`Coverage::new_contract`] or [`Coverage::extend`] produced no change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CoverageRefusal {
    /// A rule refuses it; the message is for the customer.
    #[error(transparent)]
    Rule(#[from] RuleViolation),
    /// A date left the calendar.
    #[error(transparent)]
    Invalid(#[from] InvalidInput),
}

fn shift(day: NaiveDate, days: u32) -> Result<NaiveDate, InvalidInput> {
    day.checked_add_days(Days::new(u64::from(days)))
        .ok_or(InvalidInput::DateOutOfRange)
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

    fn signed(id: i64, plan: Plan, start: NaiveDate, end: NaiveDate) -> SignedContract {
        SignedContract {
            id: ContractId(id),
            contract: Contract::new(plan, start, end).unwrap(),
        }
    }

    /// Contoso Logistics in the demo: Standard 2026-07-28 – 2027-07-27.
    fn contoso() -> Coverage {
        Coverage::new([signed(
            1,
            Plan::default_standard(),
            date(2026, 7, 28),
            date(2027, 7, 27),
        )])
        .unwrap()
    }

    #[test]
    fn overlapping_contracts_cannot_be_represented() {
        let refused = Coverage::new([
            signed(
                1,
                Plan::default_standard(),
                date(2026, 1, 1),
                date(2026, 12, 31),
            ),
            signed(
                2,
                Plan::default_premium(),
                date(2026, 12, 31),
                date(2027, 12, 30),
            ),
        ]);
        assert!(matches!(
            refused,
            Err(InvalidInput::OverlappingContracts { .. })
        ));
        let adjacent = Coverage::new([
            signed(
                2,
                Plan::default_premium(),
                date(2027, 1, 1),
                date(2027, 12, 31),
            ),
            signed(
                1,
                Plan::default_standard(),
                date(2026, 1, 1),
                date(2026, 12, 31),
            ),
        ])
        .unwrap();
        assert_eq!(adjacent.contracts()[0].id, ContractId(1));
        assert_eq!(adjacent.end(), Some(date(2027, 12, 31)));
        assert_eq!(
            adjacent.in_force(date(2027, 1, 1)).unwrap().id,
            ContractId(2)
        );
        assert!(!adjacent.covers(date(2028, 1, 1)));
    }

    #[test]
    fn a_renewal_follows_the_coverage_end_or_today_when_lapsed() {
        let today = date(2026, 11, 25);
        let change = contoso()
            .support(&Plan::default_standard(), years(1), today)
            .unwrap();
        let CoverageChange::Renewal {
            previous_end,
            lapsed,
            contract,
        } = change
        else {
            panic!("a renewal")
        };
        assert_eq!(previous_end, date(2027, 7, 27));
        assert!(!lapsed);
        assert_eq!(
            (contract.start(), contract.end()),
            (date(2027, 7, 28), date(2028, 7, 27))
        );
        let later = date(2027, 9, 1);
        let change = contoso()
            .support(&Plan::default_basic(), years(1), later)
            .unwrap();
        assert_eq!(change.contract().start(), later);
        assert!(matches!(
            change,
            CoverageChange::Renewal { lapsed: true, .. }
        ));
    }

    /// Issue 11, observation 1: R8 after a signed renewal moves the renewal, not overlaps it.
    #[test]
    fn r8_moves_signed_renewals_by_the_same_days() {
        let today = date(2026, 11, 25);
        let renewal = contoso()
            .support(&Plan::default_standard(), years(1), today)
            .unwrap();
        let timeline = contoso().apply(&renewal, ContractId(2)).unwrap();
        // 3 CRM added to 7 owned, 1 year: ceil(365 × 3 / 10) = 110 days.
        let change = timeline.extend(7, 3, years(1), today).unwrap();
        let CoverageChange::Extended {
            id,
            extension,
            moves,
            ..
        } = &change
        else {
            panic!("an extension")
        };
        assert_eq!(*id, ContractId(1));
        assert_eq!(extension.days, 110);
        assert_eq!(extension.new_end, date(2027, 11, 14));
        assert_eq!(
            moves,
            &[ContractMove {
                id: ContractId(2),
                plan_name: "Standard".into(),
                from: ContractPeriod {
                    start: date(2027, 7, 28),
                    end: date(2028, 7, 27)
                },
                to: ContractPeriod {
                    start: date(2027, 11, 15),
                    end: date(2028, 11, 14)
                },
            }]
        );
        let after = timeline.apply(&change, ContractId(3)).unwrap();
        assert_eq!(after.end(), Some(date(2028, 11, 14)));
        // What a renewal reminder counts down: the whole chain, not the contract in force.
        assert_eq!(after.covered_until(today), Some(date(2028, 11, 14)));
        assert_eq!(after.days_left(today), 721);
        assert_eq!(contoso().days_left(today), 245);
        assert_eq!(contoso().days_left(date(2027, 7, 28)), 0);
        assert!(!after.allows_new_contract(today));
        assert_eq!(after.starts_later(today), None);
    }

    /// Timelines stored before overlaps were refused are repaired as R8 and R1 would have
    /// done: the later contract moves after the earlier one, keeping its length.
    #[test]
    fn overlapping_stored_contracts_are_repaired_in_order() {
        let (repaired, moves) = Coverage::repaired([
            // Observation 1: the running contract was extended over a signed renewal.
            signed(
                1,
                Plan::default_standard(),
                date(2026, 7, 28),
                date(2027, 11, 14),
            ),
            signed(
                2,
                Plan::default_standard(),
                date(2027, 7, 28),
                date(2028, 7, 27),
            ),
            // Observation 2: a second contract beside the running one.
            signed(
                3,
                Plan::default_premium(),
                date(2026, 11, 25),
                date(2027, 11, 24),
            ),
        ])
        .unwrap();
        let periods: Vec<_> = repaired
            .contracts()
            .iter()
            .map(|c| (c.id.get(), c.contract.start(), c.contract.end()))
            .collect();
        assert_eq!(
            periods,
            [
                (1, date(2026, 7, 28), date(2027, 11, 14)),
                // Same number of days (364 and 365) as before, later.
                (3, date(2027, 11, 15), date(2028, 11, 13)),
                (2, date(2028, 11, 14), date(2029, 11, 14)),
            ]
        );
        assert_eq!(moves.len(), 2);
        let (clean, none) = Coverage::repaired(contoso().contracts().to_vec()).unwrap();
        assert_eq!((clean, none), (contoso(), vec![]));
    }

    /// Issue 11, observation 2: no second contract beside a running one.
    #[test]
    fn r1_refuses_a_new_contract_while_one_is_in_force_or_signed_for_later() {
        let today = date(2026, 11, 25);
        let refused = contoso()
            .new_contract(&Plan::default_premium(), years(1), today)
            .unwrap_err();
        assert_eq!(
            refused,
            CoverageRefusal::Rule(RuleViolation::R1CoverageExists {
                plan_name: "Standard".into(),
                in_force: true,
                coverage_end: date(2027, 7, 27),
            })
        );
        // Lapsed: a new contract is fine.
        let lapsed_day = date(2027, 7, 28);
        assert!(contoso()
            .new_contract(&Plan::default_premium(), years(1), lapsed_day)
            .is_ok());
        // Signed for later only (imported data): still refused.
        let upcoming = Coverage::new([signed(
            1,
            Plan::default_basic(),
            date(2027, 1, 1),
            date(2027, 12, 31),
        )])
        .unwrap();
        assert_eq!(upcoming.starts_later(today), Some(date(2027, 1, 1)));
        assert!(!upcoming.allows_new_contract(today));
        assert!(matches!(
            upcoming.new_contract(&Plan::default_basic(), years(1), today),
            Err(CoverageRefusal::Rule(RuleViolation::R1CoverageExists {
                in_force: false,
                ..
            }))
        ));
        assert_eq!(
            upcoming.extend(1, 1, years(1), today),
            Err(CoverageRefusal::Rule(RuleViolation::R1ContractNotStarted {
                start: date(2027, 1, 1)
            }))
        );
        assert!(matches!(
            contoso().extend(1, 1, years(1), date(2027, 7, 28)),
            Err(CoverageRefusal::Rule(
                RuleViolation::R1ContractNotActive { .. }
            ))
        ));
        assert!(matches!(
            Coverage::default().extend(1, 1, years(1), today),
            Err(CoverageRefusal::Rule(RuleViolation::R1SupportRequired))
        ));
    }
}
