//! CSV import and export (issue 17).
