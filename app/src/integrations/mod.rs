//! Integrations (issue 17): what lets the vendor's ERP or CRM read and write the portal.
//!
//! - [`api`]: the JSON API under `/api/v1`, authenticated by admins' personal access tokens
//!   (never by the session cookie), described by an OpenAPI 3.1 document generated from the
//!   handlers ([`openapi`]).
//! - [`csv`]: import of companies, contacts, holdings and contracts (dry run, then
//!   all-or-nothing), and export of every record.
//! - [`webhooks`]: signed event deliveries through the durable job queue.

pub mod api;
pub mod csv;
pub mod openapi;
pub mod webhooks;
