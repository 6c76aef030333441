//! What every command runs with: the data folder, how to speak, and who runs it; and the one
//! way a command acts as that user (open, log in, act, log out, close). It does not parse the
//! command line (`main.rs`) or print (`output.rs`).
use kortisto_core::auth::Session;
use kortisto_core::{DataDir, Keychain, Language, Register, Result, SystemClock};

use crate::output::Output;

/// One invocation's settings, built once in `main` and lent to the command.
#[derive(Debug)]
pub struct Context {
    pub data_dir: DataDir,
    pub out: Output,
    /// `--user` (or `KORTISTO_USER`), if given.
    pub user: Option<String>,
}

impl Context {
    pub fn language(&self) -> Language {
        self.out.language()
    }

    /// Opens the register, logs the user in, runs `act`, then logs out and closes. The
    /// command's own error wins over a logout or close error, so it is the one reported.
    pub fn as_user<T>(&self, act: impl FnOnce(&mut Register, &Session) -> Result<T>) -> Result<T> {
        let mut register = Register::open(&self.data_dir, &Keychain::from_env())?;
        let session = crate::session::login(&mut register, self.user.as_deref(), self.language())?;
        let result = act(&mut register, &session);
        let logged_out = register.logout(&session, &SystemClock);
        let closed = register.close();
        let value = result?;
        logged_out?;
        closed?;
        Ok(value)
    }
}
