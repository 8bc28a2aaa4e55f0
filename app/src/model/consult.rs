//! Consultation requests as contacts and admins see them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaOption {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestSummary {
    pub id: i64,
    pub company: String,
    pub subject: String,
    pub area: String,
    pub status: String,
    pub filed_at: String,
    /// The plan's target, e.g. "4 business hours".
    pub target: String,
    /// When the first answer is due.
    pub due: String,
    /// `Some(true)` answered in time, `Some(false)` answered late or overdue, `None` pending.
    pub target_met: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestDetail {
    pub summary: RequestSummary,
    pub description: String,
    pub messages: Vec<MessageView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub author: String,
    pub from_vendor: bool,
    pub at: String,
    pub body: String,
}
