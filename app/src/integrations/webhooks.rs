//! Webhooks (issue 17).
