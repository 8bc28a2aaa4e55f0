//! When to remind (issue 13): renewal reminders before a company's coverage ends, and
//! reminders of unpaid invoices after their due date.
//!
//! Each reminder has a milestone day and a window: it is due on any day of its window, so a
//! worker that was down for a few days still sends it, once (the queue keeps one job per
//! company, coverage end and milestone), but a reminder whose window has passed is never sent
//! late. Windows do not overlap, so a daily check finds each milestone exactly once.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// A renewal reminder, relative to the coverage end (the last covered day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RenewalMilestone {
    /// 60 days before the end.
    Days60,
    /// 30 days before the end.
    Days30,
    /// 7 days before the end.
    Days7,
    /// The day after the end, when coverage has lapsed.
    Lapsed,
}

/// How long the lapse reminder stays due: a week after the first uncovered day.
const LAPSED_WINDOW_DAYS: u64 = 7;

impl RenewalMilestone {
    /// In the order they fall due.
    pub const ALL: [RenewalMilestone; 4] = [
        RenewalMilestone::Days60,
        RenewalMilestone::Days30,
        RenewalMilestone::Days7,
        RenewalMilestone::Lapsed,
    ];

    /// A stable code for keys and logs: `60`, `30`, `7`, `lapsed`.
    pub fn code(self) -> &'static str {
        match self {
            RenewalMilestone::Days60 => "60",
            RenewalMilestone::Days30 => "30",
            RenewalMilestone::Days7 => "7",
            RenewalMilestone::Lapsed => "lapsed",
        }
    }

    /// The first day this reminder is due, for coverage ending on `end`; `None` only at the
    /// edges of the calendar.
    pub fn day(self, end: NaiveDate) -> Option<NaiveDate> {
        match self {
            RenewalMilestone::Days60 => end.checked_sub_days(Days::new(60)),
            RenewalMilestone::Days30 => end.checked_sub_days(Days::new(30)),
            RenewalMilestone::Days7 => end.checked_sub_days(Days::new(7)),
            RenewalMilestone::Lapsed => end.checked_add_days(Days::new(1)),
        }
    }
}

/// The renewal reminder due on `today` for coverage ending on `end`, if any: the milestone
/// whose window holds `today`. A window runs from its milestone's day to the day before the
/// next milestone; the lapse reminder's runs for a week.
pub fn renewal_reminder_due(end: NaiveDate, today: NaiveDate) -> Option<RenewalMilestone> {
    let last_day = RenewalMilestone::Lapsed
        .day(end)?
        .checked_add_days(Days::new(LAPSED_WINDOW_DAYS - 1))?;
    if today > last_day {
        return None;
    }
    RenewalMilestone::ALL
        .into_iter()
        .rev()
        .find(|m| m.day(end).is_some_and(|day| day <= today))
}

/// A reminder of an unpaid invoice, relative to its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum OverdueMilestone {
    /// The day after the due date.
    First,
    /// 14 days after the first reminder.
    Second,
}

/// How long the second overdue reminder stays due.
const SECOND_WINDOW_DAYS: u64 = 7;

impl OverdueMilestone {
    /// A stable code for keys and logs: `1`, `2`.
    pub fn code(self) -> &'static str {
        match self {
            OverdueMilestone::First => "1",
            OverdueMilestone::Second => "2",
        }
    }

    /// The first day this reminder is due, for an invoice due on `due`.
    pub fn day(self, due: NaiveDate) -> Option<NaiveDate> {
        match self {
            OverdueMilestone::First => due.checked_add_days(Days::new(1)),
            OverdueMilestone::Second => due.checked_add_days(Days::new(15)),
        }
    }
}

/// The overdue reminder due on `today` for an unpaid invoice due on `due`, if any. The first
/// is due until the second's day; the second for a week.
pub fn overdue_reminder_due(due: NaiveDate, today: NaiveDate) -> Option<OverdueMilestone> {
    let last_day = OverdueMilestone::Second
        .day(due)?
        .checked_add_days(Days::new(SECOND_WINDOW_DAYS - 1))?;
    if today > last_day {
        return None;
    }
    [OverdueMilestone::Second, OverdueMilestone::First]
        .into_iter()
        .find(|m| m.day(due).is_some_and(|day| day <= today))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn renewal_reminders_fall_60_30_and_7_days_before_the_end_and_after_the_lapse() {
        let end = day(2027, 7, 27);
        let due = |today| renewal_reminder_due(end, today);
        assert_eq!(due(day(2027, 5, 27)), None);
        assert_eq!(due(day(2027, 5, 28)), Some(RenewalMilestone::Days60));
        assert_eq!(due(day(2027, 6, 26)), Some(RenewalMilestone::Days60));
        assert_eq!(due(day(2027, 6, 27)), Some(RenewalMilestone::Days30));
        assert_eq!(due(day(2027, 7, 20)), Some(RenewalMilestone::Days7));
        assert_eq!(due(day(2027, 7, 27)), Some(RenewalMilestone::Days7));
        assert_eq!(due(day(2027, 7, 28)), Some(RenewalMilestone::Lapsed));
        assert_eq!(due(day(2027, 8, 3)), Some(RenewalMilestone::Lapsed));
        assert_eq!(
            due(day(2027, 8, 4)),
            None,
            "a lapse is not announced weeks late"
        );
    }

    #[test]
    fn overdue_reminders_fall_the_day_after_the_due_date_and_14_days_later() {
        let due_date = day(2026, 12, 25);
        let due = |today| overdue_reminder_due(due_date, today);
        assert_eq!(due(day(2026, 12, 25)), None);
        assert_eq!(due(day(2026, 12, 26)), Some(OverdueMilestone::First));
        assert_eq!(due(day(2027, 1, 8)), Some(OverdueMilestone::First));
        assert_eq!(due(day(2027, 1, 9)), Some(OverdueMilestone::Second));
        assert_eq!(due(day(2027, 1, 15)), Some(OverdueMilestone::Second));
        assert_eq!(due(day(2027, 1, 16)), None);
    }
}
