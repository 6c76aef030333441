//! The CLI's one integration-test binary (jj's `tests/runner.rs`): every file here is a
//! module of it, so `cargo test` links the CLI's tests once instead of once per file, and
//! they share one harness, [`common::Cli`]. Filter by module, e.g.
//! `cargo test -p kortisto-cli --test runner fuzz_args::`.
mod common;

mod cli;
mod demo;
mod fuzz_args;
mod import;
mod notice;
mod record_corrections;
mod register_content;
mod restriction;
mod rights_retention;
mod sync;
mod users;
