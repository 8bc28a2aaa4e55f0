//! Consultation requests (R5): who may ask what.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::contract::Contract;
use crate::plan::ConsultationArea;
use crate::rules::RuleViolation;

/// Why a consultation request is accepted, worth recording with the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsultationBasis {
    /// The active plan covers the area.
    CoveredByPlan,
    /// Out-of-scope advice under the company's contractual exception.
    ContractualException,
}

/// R5: whether the company may file a consultation request in `area` on `today`.
///
/// A request needs a contract active on `today` and an area the contract's plan covers.
/// `OutOfScope` topics (LAN, operating-system setup, …) are accepted only when an admin has
/// recorded a contractual exception for the company (`has_exception`), and still need an
/// active contract. The exception does not unlock plan areas the company has not paid for
/// (a Basic customer asking about reports is refused even with an exception): the spec
/// sells those areas as plan features.
///
/// The plan consulted is the contract's own ([`Contract::plan`]).
pub fn consultation_allowed(
    contract: Option<&Contract>,
    area: ConsultationArea,
    has_exception: bool,
    today: NaiveDate,
) -> Result<ConsultationBasis, RuleViolation> {
    let contract = contract
        .filter(|c| c.is_active(today))
        .ok_or(RuleViolation::R5NoActiveContract)?;
    if area == ConsultationArea::OutOfScope {
        return if has_exception {
            Ok(ConsultationBasis::ContractualException)
        } else {
            Err(RuleViolation::R5OutOfScope)
        };
    }
    if contract.plan().covers(area) {
        Ok(ConsultationBasis::CoveredByPlan)
    } else {
        Err(RuleViolation::R5AreaNotCovered {
            plan_name: contract.plan().name.clone(),
            area,
        })
    }
}
