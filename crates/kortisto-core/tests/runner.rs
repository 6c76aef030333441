//! The core's one integration-test binary (jj's `tests/runner.rs`): every file here is a
//! module of it, so `cargo test` links the core into one test executable instead of one per
//! file. Filter by module, e.g. `cargo test -p kortisto-core --test runner reliability::`.
mod common;

mod corrections;
mod data_safety;
mod export;
mod hub;
mod import;
mod notice;
mod permissions;
mod reads_training;
mod record_corrections;
mod register;
mod register_content;
mod reliability;
mod restriction;
mod retention_backup;
mod rights;
mod sync;
mod users_audit;
