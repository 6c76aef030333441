//! The reliability suite of issue #10, one module of the core's test binary: a writer
//! killed with SIGKILL at random moments ([`crash`]), property-based fuzzing of every parser
//! of outside input and of the backup reader ([`fuzz`]), and tampering with the audit trail,
//! the manifest and the database file ([`tamper`]). `cargo test` runs the short version; the
//! README's "Reliability suite" section gives the command for the long one.
mod crash;
mod fuzz;
mod tamper;

/// A count from the environment (the long run sets these), else `default`.
fn env_count(name: &str, default: u32) -> u32 {
    match std::env::var(name) {
        Ok(text) => text
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a number, not {text:?}")),
        Err(_) => default,
    }
}
