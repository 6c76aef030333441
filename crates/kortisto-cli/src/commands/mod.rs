//! One file per `kortisto` subcommand; each file's `Args` doc comments are its help text.
pub mod audit;
pub mod init;
pub mod recover;
pub mod status;
pub mod training;
pub mod user;

use kortisto_core::auth::Session;
use kortisto_core::{DataDir, Keychain, Register, Result};

use crate::output::Output;

/// Opens the register and logs `user` in for one command; the caller logs out.
pub fn open_as(
    data_dir: &DataDir,
    out: &Output,
    user: Option<&str>,
) -> Result<(Register, Session)> {
    let mut register = Register::open(data_dir, &Keychain::from_env())?;
    let session = crate::session::login(&mut register, user, out.language())?;
    Ok((register, session))
}

/// Logs out and closes, after the command's own result is known.
pub fn finish<T>(mut register: Register, session: &Session, result: Result<T>) -> Result<T> {
    let logged_out = register.logout(session, &kortisto_core::SystemClock);
    let closed = register.close();
    let value = result?;
    logged_out?;
    closed?;
    Ok(value)
}
