//! The one CLI harness of the CLI's tests: a register in a temp folder with its own keychain
//! service, and the real `kortisto` binary run against it with passwords from the environment.
#![allow(dead_code)]
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use kortisto_core::Keychain;
use serde_json::Value;

/// The throwaway PostgreSQL the sync tests use: the core's fixture, shared.
#[path = "../../../kortisto-core/tests/common/postgres.rs"]
pub mod postgres;

pub const ADMIN_PASSWORD: &str = "correct horse battery staple";
pub const USER_PASSWORD: &str = "another long password";

pub struct Cli {
    pub dir: tempfile::TempDir,
    /// The keychain service this register's key is kept under.
    pub service: String,
    /// The recovery code `init` printed (empty for a folder with no register).
    pub recovery_code: String,
}

impl Cli {
    /// A fresh register with the administrator `paakayttaja`.
    pub fn with_admin(name: &str) -> Self {
        let mut cli = Self::empty(name);
        let init = cli.run(
            &["init", "--admin", "paakayttaja", "--json"],
            &[("KORTISTO_NEW_PASSWORD", ADMIN_PASSWORD)],
        );
        assert!(
            init.status.success(),
            "{}",
            String::from_utf8_lossy(&init.stderr)
        );
        let init: Value = serde_json::from_slice(&init.stdout).unwrap();
        assert_eq!(init["admin"], "paakayttaja");
        cli.recovery_code = init["recovery_code"].as_str().unwrap().to_string();
        cli
    }

    /// A folder with no register yet (a new machine), with a keychain service of its own.
    pub fn empty(name: &str) -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
            service: format!("kortisto-cli-{name}-{}", std::process::id()),
            recovery_code: String::new(),
        }
    }

    /// The register's folder (`--data-dir`).
    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("register")
    }

    pub fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut command = self.command_with(args);
        for (key, value) in env {
            command.env(key, value);
        }
        command.output().unwrap()
    }

    /// Runs with `input` on standard input (not a terminal).
    pub fn with_stdin(&self, args: &[&str], input: &str) -> Output {
        use std::io::Write;
        let mut child = self
            .command_with(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }

    /// Runs without logging in and returns the JSON answer; the command must succeed.
    pub fn json(&self, args: &[&str]) -> Value {
        let output = self.run(args, &[]);
        assert!(
            output.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    }

    /// The real binary with `args` and this register's `--data-dir`; more settings may follow.
    pub fn command_with(&self, args: &[&str]) -> Command {
        let mut command = self.command();
        command.args(args).arg("--data-dir").arg(self.data_dir());
        command
    }

    /// The real binary with this register's keychain service and none of the caller's
    /// `KORTISTO_*` settings; arguments still to add.
    pub fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kortisto"));
        command
            .env("KORTISTO_KEYCHAIN_SERVICE", &self.service)
            .env_remove("KORTISTO_USER")
            .env_remove("KORTISTO_PASSWORD")
            .env_remove("KORTISTO_NEW_PASSWORD")
            .env_remove("KORTISTO_LANG")
            .env_remove("KORTISTO_DATA_DIR");
        command
    }

    /// Runs as the administrator, `--json`, without asserting success.
    pub fn admin_raw(&self, args: &[&str]) -> Output {
        let mut all = vec!["--user", "paakayttaja", "--json"];
        all.extend_from_slice(args);
        self.run(&all, &[("KORTISTO_PASSWORD", ADMIN_PASSWORD)])
    }

    /// Runs as the administrator and returns the JSON answer; the command must succeed.
    pub fn admin(&self, args: &[&str]) -> Value {
        self.admin_with(args, &[])
    }

    /// [`Cli::admin`] with more environment variables (a new user's password, say).
    pub fn admin_with(&self, args: &[&str], env: &[(&str, &str)]) -> Value {
        let mut all = vec!["--user", "paakayttaja", "--json"];
        all.extend_from_slice(args);
        let mut vars = vec![("KORTISTO_PASSWORD", ADMIN_PASSWORD)];
        vars.extend_from_slice(env);
        let output = self.run(&all, &vars);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    }

    /// Adds a user with `role` (password [`USER_PASSWORD`]).
    pub fn add_user(&self, username: &str, role: &str) {
        let output = self.run(
            &[
                "--user",
                "paakayttaja",
                "--json",
                "user",
                "add",
                username,
                "--role",
                role,
            ],
            &[
                ("KORTISTO_PASSWORD", ADMIN_PASSWORD),
                ("KORTISTO_NEW_PASSWORD", USER_PASSWORD),
            ],
        );
        assert!(output.status.success());
    }

    /// Record counts from `kortisto status --json`.
    pub fn counts(&self) -> Value {
        let output = self.run(&["status", "--json"], &[]);
        assert!(output.status.success());
        let status: Value = serde_json::from_slice(&output.stdout).unwrap();
        status["counts"].clone()
    }
}

impl Drop for Cli {
    fn drop(&mut self) {
        let manifest = self.data_dir().join("register.json");
        if let Ok(text) = std::fs::read_to_string(manifest) {
            let manifest: Value = serde_json::from_str(&text).unwrap();
            let _ = Keychain::with_service(&self.service)
                .delete(manifest["register_id"].as_str().unwrap());
        }
    }
}

/// The error code of a failed `--json` run (empty when it did not fail with one).
pub fn code(output: &Output) -> String {
    let body: Value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    body["error"]["code"].as_str().unwrap_or("").to_string()
}

/// The error's `params.rule` (field rules), or empty.
pub fn rule(output: &Output) -> String {
    let body: Value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    body["error"]["params"]["rule"]
        .as_str()
        .unwrap_or("")
        .to_string()
}
