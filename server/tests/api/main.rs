//! Black-box tests of the real server over HTTP, one fresh SQLite database per test.
//! One test binary (not one per file) so the app is linked once.

mod common;

mod admin;
mod auth;
mod constraints;
mod consult;
mod data;
mod durability;
mod hostile;
mod integrations;
mod invoices;
mod jobs;
mod languages;
mod pages;
mod pricing;
mod purchase;
mod records;
mod reminders;
mod scale;
mod schema;
mod second_factor;
mod security;
mod timeline;
