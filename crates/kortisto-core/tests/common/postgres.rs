//! A real PostgreSQL for the tests: one throwaway cluster per test process, from Debian's
//! `postgresql` package, started on first use and stopped (its folder removed) at exit.
//!
//! `initdb` and the server refuse to run as root, so when the tests run as root the cluster
//! belongs to `nobody`. The superuser `kortisto_admin` logs in without a password from
//! 127.0.0.1; every other role needs its SCRAM password, so wrong passwords really fail.
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The cluster's superuser (what `hub init` runs as in the tests).
pub const ADMIN: &str = "kortisto_admin";

#[derive(Clone)]
struct Cluster {
    /// The temp folder holding data, socket and log (removed at exit).
    root: PathBuf,
    bin: PathBuf,
    port: u16,
    run_as_nobody: bool,
}

static CLUSTER: OnceLock<Cluster> = OnceLock::new();
/// Set as soon as the folder exists, so that a start that fails half-way is cleaned up too.
static TO_CLEAN: OnceLock<Cluster> = OnceLock::new();

/// A fresh database `database` (unique per test) in the cluster, and its admin URL.
pub fn admin_url(database: &str) -> String {
    let cluster = cluster();
    let url = format!(
        "postgres://{ADMIN}@127.0.0.1:{}/postgres?sslmode=disable",
        cluster.port
    );
    execute(&url, &format!("CREATE DATABASE \"{database}\""));
    url_of(database)
}

/// The admin URL of an existing database of the cluster.
pub fn url_of(database: &str) -> String {
    format!(
        "postgres://{ADMIN}@127.0.0.1:{}/{database}?sslmode=disable",
        cluster().port
    )
}

/// The cluster's TCP port.
pub fn port() -> u16 {
    cluster().port
}

/// Runs SQL (several statements allowed) at `url`.
pub fn execute(url: &str, sql: &str) {
    let mut client = postgres::Client::connect(url, postgres::NoTls)
        .unwrap_or_else(|e| panic!("connecting to the test cluster: {e}"));
    client
        .batch_execute(sql)
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// The first column of the first row of `sql`, a count.
pub fn query_count(url: &str, sql: &str) -> i64 {
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    client
        .query_one(sql, &[])
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .get(0)
}

/// A plain-text `pg_dump` of the database at `url` (made by the cluster's superuser).
pub fn dump(url: &str) -> String {
    let cluster = cluster();
    let config: postgres::Config = url.parse().unwrap();
    let database = config.get_dbname().unwrap().to_string();
    let output = Command::new(cluster.bin.join("pg_dump"))
        .args([
            "-h",
            "127.0.0.1",
            "-p",
            &cluster.port.to_string(),
            "-U",
            ADMIN,
        ])
        .arg(&database)
        .output()
        .expect("pg_dump runs");
    assert!(
        output.status.success(),
        "pg_dump failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn cluster() -> &'static Cluster {
    CLUSTER.get_or_init(start)
}

/// The newest installed PostgreSQL's binaries (`/usr/lib/postgresql/<major>/bin`).
fn newest_bin() -> PathBuf {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("PostgreSQL is installed (apt-get install postgresql; see .ci/setup.sh)")
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let major = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((major, bin))
        })
        .collect();
    found.sort();
    found.pop().expect("no /usr/lib/postgresql/*/bin/initdb").1
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start() -> Cluster {
    let bin = newest_bin();
    let run_as_nobody = unsafe { libc::geteuid() } == 0;
    let root = tempfile::Builder::new()
        .prefix("kortisto-pg-")
        .tempdir()
        .unwrap()
        .keep();
    let cluster = Cluster {
        root: root.clone(),
        bin,
        port: free_port(),
        run_as_nobody,
    };
    if TO_CLEAN.set(cluster.clone()).is_ok() {
        unsafe { libc::atexit(stop_at_exit) };
    }
    if run_as_nobody {
        let status = Command::new("chown")
            .args(["-R", "nobody"])
            .arg(&root)
            .status()
            .unwrap();
        assert!(status.success(), "chown of the cluster folder");
    }
    let data = root.join("data");
    cluster.run(
        "initdb",
        &[
            "-D".as_ref(),
            data.as_os_str(),
            "--auth=trust".as_ref(),
            "-U".as_ref(),
            ADMIN.as_ref(),
            "--no-sync".as_ref(),
        ],
    );
    std::fs::write(
        data.join("pg_hba.conf"),
        format!(
            "local all all trust\n\
             host all {ADMIN} 127.0.0.1/32 trust\n\
             host all all 127.0.0.1/32 scram-sha-256\n"
        ),
    )
    .unwrap();
    let options = format!(
        "-p {} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off",
        cluster.port,
        root.display()
    );
    let log = root.join("postgres.log");
    cluster.run(
        "pg_ctl",
        &[
            "-D".as_ref(),
            data.as_os_str(),
            "-o".as_ref(),
            options.as_ref(),
            "-l".as_ref(),
            log.as_os_str(),
            "-w".as_ref(),
            "start".as_ref(),
        ],
    );
    cluster
}

impl Cluster {
    fn command(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        if self.run_as_nobody {
            let mut command = Command::new("runuser");
            command.args(["-u", "nobody", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        }
    }

    fn run(&self, program: &str, args: &[&std::ffi::OsStr]) {
        let output = self
            .command(program)
            .args(args)
            .current_dir(&self.root)
            .output()
            .unwrap_or_else(|e| panic!("{program}: {e}"));
        assert!(
            output.status.success(),
            "{program} failed: {}{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
            std::fs::read_to_string(self.root.join("postgres.log")).unwrap_or_default()
        );
    }

    fn stop(&self) {
        let data = self.root.join("data");
        let _ = self
            .command("pg_ctl")
            .args([
                "-D".as_ref(),
                data.as_os_str(),
                "-m".as_ref(),
                "immediate".as_ref(),
            ])
            .arg("stop")
            .current_dir(&self.root)
            .output();
        remove(&self.root);
    }
}

fn remove(root: &Path) {
    let _ = std::fs::remove_dir_all(root);
}

extern "C" fn stop_at_exit() {
    if let Some(cluster) = TO_CLEAN.get() {
        cluster.stop();
    }
}
