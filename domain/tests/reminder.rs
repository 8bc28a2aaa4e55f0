//! Properties of reminder timing (issue 13).

use proptest::prelude::*;

proptest! {
    /// A daily check from long before the end to long after finds each renewal reminder
    /// exactly once, in order: the queue's one-job-per-milestone key then sends each once.
    #[test]
    fn a_daily_check_finds_each_renewal_reminder_once(offset in 0u64..20_000) {
        use domain::{renewal_reminder_due, RenewalMilestone};
        let end = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(offset);
        let mut found: Vec<RenewalMilestone> = Vec::new();
        for day in 0..200u64 {
            let today = end - chrono::Days::new(100) + chrono::Days::new(day);
            if let Some(m) = renewal_reminder_due(end, today) {
                if found.last() != Some(&m) {
                    found.push(m);
                }
            }
        }
        prop_assert_eq!(found, RenewalMilestone::ALL.to_vec());
    }

    /// Likewise for an unpaid invoice's two reminders.
    #[test]
    fn a_daily_check_finds_each_overdue_reminder_once(offset in 0u64..20_000) {
        use domain::{overdue_reminder_due, OverdueMilestone};
        let due = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(offset);
        let mut found: Vec<OverdueMilestone> = Vec::new();
        for day in 0..60u64 {
            let today = due - chrono::Days::new(10) + chrono::Days::new(day);
            if let Some(m) = overdue_reminder_due(due, today) {
                if found.last() != Some(&m) {
                    found.push(m);
                }
            }
        }
        prop_assert_eq!(found, vec![OverdueMilestone::First, OverdueMilestone::Second]);
    }
}
