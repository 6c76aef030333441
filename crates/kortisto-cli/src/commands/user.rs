//! `kortisto user`: add users, list them, change roles, deactivate, set passwords.
use kortisto_core::auth::Role;
use kortisto_core::users::{NewUser, User};
use kortisto_core::{format_finnish, Language, Result, SystemClock};

use crate::context::Context;
use crate::output::pick;
use crate::session::new_password;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a user; the password comes from KORTISTO_NEW_PASSWORD or a prompt.
    Add {
        /// Log-in name.
        username: String,
        /// Role: admin, office or sales.
        #[arg(long)]
        role: String,
        /// Name shown in the app (default: the username).
        #[arg(long)]
        display_name: Option<String>,
    },
    /// List users with role, state and training.
    List,
    /// Change a user's role.
    Role {
        /// Log-in name.
        username: String,
        /// New role: admin, office or sales.
        role: String,
    },
    /// Deactivate a user (users are never deleted, so the audit keeps its meaning).
    Deactivate {
        /// Log-in name.
        username: String,
    },
    /// Change your own password, or (admin) set another user's.
    Passwd {
        /// Whose password (default: your own).
        username: Option<String>,
    },
}

fn describe(language: Language, user: &User) -> String {
    let state = if user.active {
        pick(language, "aktiivinen", "active")
    } else {
        pick(language, "poistettu käytöstä", "deactivated")
    };
    let training = match user
        .last_training_on
        .as_deref()
        .and_then(|d| d.parse().ok())
    {
        Some(date) => format_finnish(date),
        None => pick(language, "ei koulutusta", "no training"),
    };
    let flag = if user.training_overdue && user.active {
        pick(language, " ⚠ koulutus vanhentunut", " ⚠ training overdue")
    } else {
        String::new()
    };
    format!(
        "{}\t{}\t{}\t{}\t{}{}",
        user.username,
        user.display_name,
        user.role.name(),
        state,
        training,
        flag
    )
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    let language = ctx.language();
    // Check what can be checked before asking for any password.
    let parsed_role = match &command {
        Command::Add { role, .. } | Command::Role { role, .. } => Some(Role::parse(role)?),
        _ => None,
    };
    let clock = SystemClock;
    ctx.as_user(|register, session| match command {
        Command::Add {
            username,
            display_name,
            ..
        } => {
            let password = new_password(language)?;
            let new_user = NewUser {
                display_name: display_name.unwrap_or_else(|| username.clone()),
                username,
                role: parsed_role.expect("parsed above"),
            };
            let added = register.user_add(session, &new_user, &password, &clock)?;
            ctx.out.print(&added, |l| {
                pick(l, "Käyttäjä lisätty: ", "User added: ") + &describe(l, &added)
            });
            Ok(())
        }
        Command::List => {
            let users = register.user_list(session, &clock)?;
            ctx.out.print(&users, |l| {
                users
                    .iter()
                    .map(|u| describe(l, u))
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        Command::Role { username, .. } => {
            let changed = register.user_role_change(
                session,
                &username,
                parsed_role.expect("parsed above"),
                &clock,
            )?;
            ctx.out.print(&changed, |l| {
                pick(l, "Rooli vaihdettu: ", "Role changed: ") + &describe(l, &changed)
            });
            Ok(())
        }
        Command::Deactivate { username } => {
            let changed = register.user_deactivate(session, &username, &clock)?;
            ctx.out.print(&changed, |l| {
                pick(l, "Poistettu käytöstä: ", "Deactivated: ") + &describe(l, &changed)
            });
            Ok(())
        }
        Command::Passwd { username } => {
            let password = new_password(language)?;
            match username {
                Some(name) if !name.eq_ignore_ascii_case(&session.username) => {
                    register.user_password_reset(session, &name, &password, &clock)?
                }
                _ => {
                    let current = crate::session::password(language)?;
                    register.own_password_change(session, &current, &password, &clock)?
                }
            }
            ctx.out.print(&serde_json::json!({ "changed": true }), |l| {
                pick(l, "Salasana vaihdettu.", "Password changed.")
            });
            Ok(())
        }
    })
}
