//! Support plans as data (admin-editable) and the feature matrix of the specification.

use core::fmt;
use core::str::FromStr;

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Weekday,
};
use serde::{Deserialize, Serialize};

use crate::error::InvalidInput;
use crate::money::Percent;

/// The three plan levels. Plans are data, but the tiers are fixed: they are what a contract
/// refers to and what "current plan" means in the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanTier {
    /// 10%, three core consultation areas.
    Basic,
    /// 20%, adds reports/plug-ins/scripts and new versions.
    Standard,
    /// 50%, everything; needs 5+ licenses (R2).
    Premium,
}

impl PlanTier {
    /// All tiers, cheapest first.
    pub const ALL: [PlanTier; 3] = [PlanTier::Basic, PlanTier::Standard, PlanTier::Premium];

    /// Stable lower-case key for the database and URLs: `basic`, `standard`, `premium`.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanTier::Basic => "basic",
            PlanTier::Standard => "standard",
            PlanTier::Premium => "premium",
        }
    }
}

impl FromStr for PlanTier {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PlanTier::ALL
            .into_iter()
            .find(|tier| tier.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| InvalidInput::UnknownName(s.to_string()))
    }
}

impl fmt::Display for PlanTier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PlanTier::Basic => "Basic",
            PlanTier::Standard => "Standard",
            PlanTier::Premium => "Premium",
        })
    }
}

/// What a consultation request is about (R5).
///
/// The first five are the areas of the specification's feature matrix; a plan covers some of
/// them. `OutOfScope` is anything else (LAN or operating-system setup, …): never part of
/// support, only answered under a contractual exception.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsultationArea {
    /// System deployment and adjusting.
    DeploymentAndAdjusting,
    /// Version update.
    VersionUpdate,
    /// Product functional features.
    FunctionalFeatures,
    /// Building reports, plug-ins, scripts.
    ReportsPluginsScripts,
    /// Database structure and integration with third-party applications.
    DatabaseAndIntegration,
    /// Not support at all (e.g. LAN or operating-system setup).
    OutOfScope,
}

impl ConsultationArea {
    /// Every area, in the order of the feature matrix, `OutOfScope` last.
    pub const ALL: [ConsultationArea; 6] = [
        ConsultationArea::DeploymentAndAdjusting,
        ConsultationArea::VersionUpdate,
        ConsultationArea::FunctionalFeatures,
        ConsultationArea::ReportsPluginsScripts,
        ConsultationArea::DatabaseAndIntegration,
        ConsultationArea::OutOfScope,
    ];

    /// Stable snake_case key for the database and forms.
    pub fn as_str(self) -> &'static str {
        match self {
            ConsultationArea::DeploymentAndAdjusting => "deployment_and_adjusting",
            ConsultationArea::VersionUpdate => "version_update",
            ConsultationArea::FunctionalFeatures => "functional_features",
            ConsultationArea::ReportsPluginsScripts => "reports_plugins_scripts",
            ConsultationArea::DatabaseAndIntegration => "database_and_integration",
            ConsultationArea::OutOfScope => "out_of_scope",
        }
    }
}

impl FromStr for ConsultationArea {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ConsultationArea::ALL
            .into_iter()
            .find(|area| area.as_str() == s.trim())
            .ok_or_else(|| InvalidInput::UnknownName(s.to_string()))
    }
}

impl fmt::Display for ConsultationArea {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ConsultationArea::DeploymentAndAdjusting => "system deployment and adjusting",
            ConsultationArea::VersionUpdate => "version update",
            ConsultationArea::FunctionalFeatures => "product functional features",
            ConsultationArea::ReportsPluginsScripts => "building reports, plug-ins, scripts",
            ConsultationArea::DatabaseAndIntegration => {
                "database structure and integration with third-party applications"
            }
            ConsultationArea::OutOfScope => {
                "topics outside support (e.g. LAN or operating-system setup)"
            }
        })
    }
}

/// Target time to the first response to a consultation request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseTarget {
    /// Within this many business days.
    BusinessDays(u32),
    /// Within this many business hours.
    BusinessHours(u32),
}

impl fmt::Display for ResponseTarget {
    /// `3 business days`, `1 business day`, `4 business hours`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (n, unit) = match *self {
            ResponseTarget::BusinessDays(n) => (n, "day"),
            ResponseTarget::BusinessHours(n) => (n, "hour"),
        };
        let plural = if n == 1 { "" } else { "s" };
        write!(f, "{n} business {unit}{plural}")
    }
}

/// Business hours are 09:00–17:00 in the vendor's time zone, Monday to Friday: the vendor's
/// support desk.
const BUSINESS_OPEN_HOUR: u32 = 9;
const BUSINESS_CLOSE_HOUR: u32 = 17;

impl ResponseTarget {
    /// When the first answer to a request filed at `filed` is due, on the wall clock of
    /// `filed`'s time zone (the vendor's: SPEC "Time").
    ///
    /// Business days skip Saturdays and Sundays and keep the time of day; business hours
    /// count only 09:00–17:00 on weekdays, so a request filed on Friday at 16:00 with a
    /// 4-hour target is due on Monday at 12:00. A due time that falls into a daylight-saving
    /// gap moves to the first instant after it.
    pub fn deadline<Tz: TimeZone>(self, filed: DateTime<Tz>) -> DateTime<Tz> {
        let zone = filed.timezone();
        let mut due = self.local_deadline(filed.naive_local());
        loop {
            match zone.from_local_datetime(&due) {
                LocalResult::Single(at) => return at,
                LocalResult::Ambiguous(earliest, _) => return earliest,
                // No such wall-clock time (clocks went forward): try a minute later.
                LocalResult::None => due += Duration::minutes(1),
            }
        }
    }

    /// [`ResponseTarget::deadline`] on wall-clock times.
    fn local_deadline(self, filed: NaiveDateTime) -> NaiveDateTime {
        match self {
            ResponseTarget::BusinessDays(days) => {
                let mut due = filed;
                let mut left = days;
                while left > 0 {
                    due += Duration::days(1);
                    if is_weekday(due.date()) {
                        left -= 1;
                    }
                }
                due
            }
            ResponseTarget::BusinessHours(hours) => {
                let mut due = filed;
                let mut minutes_left = i64::from(hours) * 60;
                while minutes_left > 0 {
                    let day = due.date();
                    let (Some(open), Some(close)) = (
                        day.and_hms_opt(BUSINESS_OPEN_HOUR, 0, 0),
                        day.and_hms_opt(BUSINESS_CLOSE_HOUR, 0, 0),
                    ) else {
                        return due;
                    };
                    if !is_weekday(day) || due >= close {
                        // Jump to the next day's opening.
                        match day
                            .succ_opt()
                            .and_then(|d| d.and_hms_opt(BUSINESS_OPEN_HOUR, 0, 0))
                        {
                            Some(next) => due = next,
                            None => return due,
                        }
                        continue;
                    }
                    if due < open {
                        due = open;
                    }
                    let available = (close - due).num_minutes();
                    let used = available.min(minutes_left);
                    due += Duration::minutes(used);
                    minutes_left -= used;
                }
                due
            }
        }
    }
}

fn is_weekday(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// A support plan: one row of the comparison table, editable by admins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Which level this is.
    pub tier: PlanTier,
    /// Display name, e.g. "Premium".
    pub name: String,
    /// R9: share of the total license price charged per year.
    pub percent: Percent,
    /// R5: consultation areas covered (never `OutOfScope`).
    pub consultation_areas: Vec<ConsultationArea>,
    /// Crucial updates and patches for the current version.
    pub crucial_updates: bool,
    /// R4: free version-update licenses for new product versions.
    pub includes_new_versions: bool,
    /// Target first response.
    pub response_target: ResponseTarget,
    /// R2: licenses the company must own (after the order) to buy this plan.
    pub min_licenses: u32,
}

impl Plan {
    /// The specification's Basic plan: 10%, three core areas, no new versions, 3 business days.
    pub fn default_basic() -> Plan {
        Plan {
            tier: PlanTier::Basic,
            name: "Basic".to_string(),
            percent: Percent::from_whole(10).expect("10% is a valid percent"),
            consultation_areas: vec![
                ConsultationArea::DeploymentAndAdjusting,
                ConsultationArea::VersionUpdate,
                ConsultationArea::FunctionalFeatures,
            ],
            crucial_updates: true,
            includes_new_versions: false,
            response_target: ResponseTarget::BusinessDays(3),
            min_licenses: 0,
        }
    }

    /// The specification's Standard plan: 20%, adds reports/plug-ins/scripts and new versions,
    /// 1 business day.
    pub fn default_standard() -> Plan {
        Plan {
            tier: PlanTier::Standard,
            name: "Standard".to_string(),
            percent: Percent::from_whole(20).expect("20% is a valid percent"),
            consultation_areas: vec![
                ConsultationArea::DeploymentAndAdjusting,
                ConsultationArea::VersionUpdate,
                ConsultationArea::FunctionalFeatures,
                ConsultationArea::ReportsPluginsScripts,
            ],
            crucial_updates: true,
            includes_new_versions: true,
            response_target: ResponseTarget::BusinessDays(1),
            min_licenses: 0,
        }
    }

    /// The specification's Premium plan: 50%, all five areas, new versions, 4 business hours,
    /// only for companies owning 5+ licenses (R2).
    pub fn default_premium() -> Plan {
        Plan {
            tier: PlanTier::Premium,
            name: "Premium".to_string(),
            percent: Percent::from_whole(50).expect("50% is a valid percent"),
            consultation_areas: vec![
                ConsultationArea::DeploymentAndAdjusting,
                ConsultationArea::VersionUpdate,
                ConsultationArea::FunctionalFeatures,
                ConsultationArea::ReportsPluginsScripts,
                ConsultationArea::DatabaseAndIntegration,
            ],
            crucial_updates: true,
            includes_new_versions: true,
            response_target: ResponseTarget::BusinessHours(4),
            min_licenses: 5,
        }
    }

    /// The default plan of a tier.
    pub fn default_for(tier: PlanTier) -> Plan {
        match tier {
            PlanTier::Basic => Plan::default_basic(),
            PlanTier::Standard => Plan::default_standard(),
            PlanTier::Premium => Plan::default_premium(),
        }
    }

    /// R5: whether the plan covers consultations in `area` (`OutOfScope` never is).
    pub fn covers(&self, area: ConsultationArea) -> bool {
        area != ConsultationArea::OutOfScope && self.consultation_areas.contains(&area)
    }
}

/// The three default plans of the specification (seed data), cheapest first.
pub fn default_plans() -> Vec<Plan> {
    PlanTier::ALL.into_iter().map(Plan::default_for).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_plans_follow_the_feature_matrix() {
        let [basic, standard, premium]: [Plan; 3] = default_plans().try_into().unwrap();
        assert_eq!(basic.percent.basis_points(), 1000);
        assert_eq!(standard.percent.basis_points(), 2000);
        assert_eq!(premium.percent.basis_points(), 5000);
        assert!(!basic.covers(ConsultationArea::ReportsPluginsScripts));
        assert!(standard.covers(ConsultationArea::ReportsPluginsScripts));
        assert!(!standard.covers(ConsultationArea::DatabaseAndIntegration));
        assert!(premium.covers(ConsultationArea::DatabaseAndIntegration));
        assert!(!premium.covers(ConsultationArea::OutOfScope));
        assert!(!basic.includes_new_versions && standard.includes_new_versions);
        assert!(basic.crucial_updates && standard.crucial_updates && premium.crucial_updates);
        assert_eq!(
            (
                basic.min_licenses,
                standard.min_licenses,
                premium.min_licenses
            ),
            (0, 0, 5)
        );
        assert_eq!(basic.response_target.to_string(), "3 business days");
        assert_eq!(standard.response_target.to_string(), "1 business day");
        assert_eq!(premium.response_target.to_string(), "4 business hours");
    }

    #[test]
    fn keys_round_trip() {
        for tier in PlanTier::ALL {
            assert_eq!(tier.as_str().parse::<PlanTier>().unwrap(), tier);
        }
        for area in ConsultationArea::ALL {
            assert_eq!(area.as_str().parse::<ConsultationArea>().unwrap(), area);
        }
        assert!("gold".parse::<PlanTier>().is_err());
    }
}

#[cfg(test)]
mod deadline_tests {
    use super::*;

    use chrono::{FixedOffset, Utc};

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn business_days_skip_the_weekend() {
        // Thursday 2026-11-26 10:00 + 3 business days = Tuesday 2026-12-01 10:00.
        let due = ResponseTarget::BusinessDays(3).deadline(at("2026-11-26T10:00:00Z"));
        assert_eq!(due, at("2026-12-01T10:00:00Z"));
    }

    #[test]
    fn business_hours_stop_at_closing_time() {
        // Friday 16:00 + 4 business hours = Monday 12:00.
        let due = ResponseTarget::BusinessHours(4).deadline(at("2026-11-27T16:00:00Z"));
        assert_eq!(due, at("2026-11-30T12:00:00Z"));
        // Filed before opening: the clock starts at 09:00.
        let due = ResponseTarget::BusinessHours(4).deadline(at("2026-11-25T06:30:00Z"));
        assert_eq!(due, at("2026-11-25T13:00:00Z"));
    }

    #[test]
    fn business_hours_are_those_of_the_vendors_time_zone() {
        // Kyiv in winter is UTC+2: Friday 14:00 UTC is 16:00 there, one hour before closing;
        // the other three run Monday 09:00–12:00 Kyiv time, 10:00 UTC.
        let kyiv = FixedOffset::east_opt(2 * 3600).unwrap();
        let filed = at("2026-11-27T14:00:00Z").with_timezone(&kyiv);
        let due = ResponseTarget::BusinessHours(4).deadline(filed);
        assert_eq!(due.naive_local().to_string(), "2026-11-30 12:00:00");
        assert_eq!(due.with_timezone(&Utc), at("2026-11-30T10:00:00Z"));
    }
}
