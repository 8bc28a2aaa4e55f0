//! Identifiers of stored records the rules refer to. A leaf module: it imports nothing else
//! of the crate, so every other module can use it without import cycles.

use core::fmt;

use serde::{Deserialize, Serialize};

/// A signed contract's database id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContractId(pub i64);

impl ContractId {
    /// The raw database id.
    pub fn get(self) -> i64 {
        self.0
    }
}

impl fmt::Display for ContractId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// Database id of a product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProductId(pub i64);

impl ProductId {
    /// The raw database id.
    pub fn get(self) -> i64 {
        self.0
    }
}

impl From<i64> for ProductId {
    fn from(id: i64) -> Self {
        ProductId(id)
    }
}

impl fmt::Display for ProductId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}
