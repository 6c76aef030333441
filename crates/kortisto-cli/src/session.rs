//! Who runs a CLI command: `--user NAME` (or `KORTISTO_USER`) with the password from
//! `KORTISTO_PASSWORD` or a hidden prompt; new passwords from `KORTISTO_NEW_PASSWORD` or a
//! prompt asked twice. Each command logs in, acts and logs out, all audited.
use kortisto_core::auth::{Password, Session};
use kortisto_core::{Error, Register, Result, SystemClock};

use crate::output::pick;
use kortisto_core::Language;

/// The password of the acting user.
pub fn password(language: Language) -> Result<Password> {
    if let Ok(text) = std::env::var("KORTISTO_PASSWORD") {
        return Ok(Password::new(text));
    }
    prompt(&pick(language, "Salasana: ", "Password: "))
}

/// A new password: from `KORTISTO_NEW_PASSWORD`, or typed twice at a prompt.
pub fn new_password(language: Language) -> Result<Password> {
    if let Ok(text) = std::env::var("KORTISTO_NEW_PASSWORD") {
        return Ok(Password::new(text));
    }
    let first = prompt(&pick(language, "Uusi salasana: ", "New password: "))?;
    let second = prompt(&pick(
        language,
        "Uusi salasana uudelleen: ",
        "New password again: ",
    ))?;
    if first.matches(&second) {
        Ok(first)
    } else {
        Err(Error::PasswordMismatch)
    }
}

/// The recovery code: from `KORTISTO_RECOVERY_CODE`, else a hidden prompt on a terminal,
/// else the first line of standard input. Never a command-line argument.
pub fn recovery_code(language: Language) -> Result<kortisto_core::RecoveryCode> {
    let label = pick(language, "Palautuskoodi: ", "Recovery code: ");
    let text = secret_text("KORTISTO_RECOVERY_CODE", &label)?.ok_or(Error::RecoveryCodeInvalid)?;
    Ok(kortisto_core::RecoveryCode::parse(&text))
}

/// The one-time enrolment code for `device join`, from `KORTISTO_ENROLMENT_CODE` or as the
/// recovery code is read. Never a command-line argument.
pub fn enrolment_code(language: Language) -> Result<zeroize::Zeroizing<String>> {
    let label = pick(language, "Liittymiskoodi: ", "Enrolment code: ");
    secret_text("KORTISTO_ENROLMENT_CODE", &label)?.ok_or(Error::EnrolmentCodeInvalid)
}

/// A code that must never be an argument: the environment variable `env`, else a hidden
/// prompt on a terminal, else the first line of standard input; trimmed, None when empty.
fn secret_text(env: &str, label: &str) -> Result<Option<zeroize::Zeroizing<String>>> {
    use std::io::{BufRead, IsTerminal};
    let text = zeroize::Zeroizing::new(if let Ok(text) = std::env::var(env) {
        text
    } else if std::io::stdin().is_terminal() {
        rpassword::prompt_password(label).map_err(|_| Error::PasswordPromptUnavailable)?
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|_| Error::PasswordPromptUnavailable)?;
        line
    });
    let trimmed = text.trim();
    Ok((!trimmed.is_empty()).then(|| zeroize::Zeroizing::new(trimmed.to_string())))
}

fn prompt(label: &str) -> Result<Password> {
    rpassword::prompt_password(label)
        .map(Password::new)
        .map_err(|_| Error::PasswordPromptUnavailable)
}

/// Logs `user` in for one command.
pub fn login(register: &mut Register, user: Option<&str>, language: Language) -> Result<Session> {
    let username = user.ok_or(Error::NotLoggedIn)?;
    let password = password(language)?;
    register.login(username, &password, &SystemClock)
}
