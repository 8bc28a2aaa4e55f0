//! Support Portal UI: pages, routes and server functions.
//!
//! The same crate is compiled twice: with `ssr` into the server (where server functions run and
//! the `store` and `auth` modules exist) and with `hydrate` into the browser bundle (where server
//! functions become HTTP calls). Business rules live in the `domain` crate, never here.

pub mod api;
pub mod components;
pub mod error;
pub mod i18n;
pub mod input;
#[cfg(feature = "ssr")]
pub mod integrations;
pub mod model;
pub mod outcome;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod purchase;
pub mod routes;
pub mod text;

#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod invoice;
#[cfg(feature = "ssr")]
pub mod jobs;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod principal;
#[cfg(feature = "ssr")]
pub mod second_factor;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod throttle;

pub use routes::{shell, App};
