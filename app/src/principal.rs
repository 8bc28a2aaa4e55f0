//! Who a request acts for, once signed in. A leaf module: `auth` finds principals in the
//! session and `store` loads them, and neither needs the other's code for that.

use serde::{Deserialize, Serialize};

/// The two kinds of account; a session records which one signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Contact,
    Admin,
}

impl Role {
    /// The role's name in tables that hold rows of either kind of account (`contact`, `admin`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Contact => "contact",
            Role::Admin => "admin",
        }
    }

    /// The inverse of [`Role::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "contact" => Some(Role::Contact),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// The signed-in designated contact; every company-scoped query takes its `company_id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactPrincipal {
    pub contact_id: i64,
    pub company_id: i64,
    pub name: String,
    pub company_name: String,
}

/// A vendor admin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminPrincipal {
    pub admin_id: i64,
    pub name: String,
}
