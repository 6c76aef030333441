//! What the app's commands share: the data directory, the keychain, the clock, the open
//! register and the logged-in session with its idle lock. Both sit behind mutexes because
//! Tauri runs commands on several threads; the register is always locked before the session.
use std::sync::{Arc, Mutex, MutexGuard};

use kortisto_core::auth::{IdleLock, Session};
use kortisto_core::{Clock, DataDir, Keychain, Register, SystemClock};

use crate::AppError;

/// A logged-in user and their idle lock.
#[derive(Debug)]
pub struct ActiveSession {
    /// Who is logged in.
    pub session: Session,
    /// When they were last active.
    pub idle: IdleLock,
}

/// Shared by every command.
pub struct AppState {
    /// Where the register lives.
    pub data_dir: DataDir,
    /// Where its key lives.
    pub keychain: Keychain,
    /// Where "now" comes from (a fixed clock in tests).
    pub clock: Arc<dyn Clock>,
    register: Mutex<Option<Register>>,
    session: Mutex<Option<ActiveSession>>,
    /// Whether the open register's pages have all been authenticated this run.
    pub pages_verified: std::sync::atomic::AtomicBool,
    /// Set by `work_cancel`: the long work in progress stops after its current batch.
    pub work_cancelled: std::sync::atomic::AtomicBool,
    maintenance_notices: Mutex<Vec<MaintenanceNotice>>,
}

/// Why the app's own schedule could not do a task, kept until the task next succeeds so that
/// an administrator sees it on the home screen (nobody reads the app's stderr).
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct MaintenanceNotice {
    /// Which task failed: `retention` or `backup`.
    pub task: String,
    /// When it failed (RFC 3339).
    pub at: String,
    /// The failure, as any command's.
    pub error: AppError,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("data_dir", &self.data_dir)
            .finish_non_exhaustive()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A command that panicked while holding the lock must not lock everyone out.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AppState {
    /// Data directory from `KORTISTO_DATA_DIR` (or the OS default), keychain service from
    /// `KORTISTO_KEYCHAIN_SERVICE` (or the default), the system clock.
    pub fn from_env() -> kortisto_core::Result<Self> {
        Ok(Self::new(
            DataDir::resolve(None)?,
            Keychain::from_env(),
            Arc::new(SystemClock),
        ))
    }

    /// State over an explicit data directory, keychain and clock (tests).
    pub fn new(data_dir: DataDir, keychain: Keychain, clock: Arc<dyn Clock>) -> Self {
        Self {
            data_dir,
            keychain,
            clock,
            register: Mutex::new(None),
            session: Mutex::new(None),
            pages_verified: std::sync::atomic::AtomicBool::new(false),
            work_cancelled: std::sync::atomic::AtomicBool::new(false),
            maintenance_notices: Mutex::new(Vec::new()),
        }
    }

    /// The open register slot.
    pub fn register(&self) -> MutexGuard<'_, Option<Register>> {
        lock(&self.register)
    }

    /// The session slot.
    pub fn session(&self) -> MutexGuard<'_, Option<ActiveSession>> {
        lock(&self.session)
    }

    /// What the app's schedule could not do, one notice per task.
    pub fn maintenance_notices(&self) -> Vec<MaintenanceNotice> {
        lock(&self.maintenance_notices).clone()
    }

    /// Records how `task` went: a failure replaces the task's notice, a success clears it.
    pub fn maintenance_outcome(&self, task: &str, outcome: Result<(), AppError>) {
        let mut notices = lock(&self.maintenance_notices);
        notices.retain(|notice| notice.task != task);
        if let Err(error) = outcome {
            notices.push(MaintenanceNotice {
                task: task.to_string(),
                at: self
                    .clock
                    .now()
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                error,
            });
        }
    }

    /// Runs `action` as the logged-in user: checks the idle lock (ending the session and
    /// auditing it when it ran out), counts the call as activity, then hands over the register.
    pub fn as_user<T>(
        &self,
        action: impl FnOnce(&mut Register, &Session) -> kortisto_core::Result<T>,
    ) -> Result<T, AppError> {
        let mut register_slot = self.register();
        let register = register_slot
            .as_mut()
            .ok_or_else(AppError::register_not_open)?;
        let mut session_slot = self.session();
        let active = session_slot
            .as_mut()
            .ok_or(kortisto_core::Error::NotLoggedIn)?;
        if let Err(locked) = active.idle.touch(self.clock.now()) {
            let ended = session_slot.take().expect("checked above");
            register.record_idle_lock(&ended.session, self.clock.as_ref())?;
            return Err(locked.into());
        }
        let session = active.session.clone();
        drop(session_slot);
        Ok(action(register, &session)?)
    }
}
