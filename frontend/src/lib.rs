//! The browser entry point. Pages are rendered on the server and stay plain HTML; only the
//! `#[island]` components of `app` (the holdings filter, the hydration marker) are hydrated.

// Linked for its islands: each `#[island]` exports the function that hydrates it.
use app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
