//! User accounts and log-in: the first administrator, adding users, roles, deactivation,
//! passwords, log-in with the growing delay, log-out, and the check every entry point makes.
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::audit::{self, Audited, Event};
use crate::auth::{self, login_delay, Action, Password, Role, Session};
use crate::{ids, store, Clock, Error, Register, Result};

/// A user as administrators see them (never the password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct User {
    /// The user's id.
    pub user_id: String,
    /// Log-in name.
    pub username: String,
    /// Name shown in the app.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Whether the user may log in.
    pub active: bool,
    /// When the account was made.
    pub created_at: String,
    /// The latest completed privacy training (ISO date).
    pub last_training_on: Option<String>,
    /// True when the latest training is more than 12 months old, or there is none.
    pub training_overdue: bool,
}

/// A new user's details.
#[derive(Debug, Clone, serde::Deserialize, ts_rs::TS)]
pub struct NewUser {
    /// Log-in name.
    pub username: String,
    /// Name shown in the app.
    pub display_name: String,
    /// Role.
    pub role: Role,
}

/// Key of the idle-lock setting.
const IDLE_LOCK_SETTING: &str = "idle_lock_minutes";

impl Register {
    /// Checks that the session's user is still active and that their current role allows
    /// `action`, and returns that role. The role is read from the register, not from the
    /// session.
    pub(crate) fn authorize(&self, session: &Session, action: Action) -> Result<Role> {
        let row = store::users::by_id(&self.conn, &session.user_id)?.ok_or(Error::NotLoggedIn)?;
        if !row.user.active {
            return Err(Error::NotLoggedIn);
        }
        if !action.allows(row.user.role) {
            return Err(Error::PermissionDenied {
                action: action.name().to_string(),
            });
        }
        Ok(row.user.role)
    }

    /// Whether the register has any user yet (the app then asks for the first administrator).
    pub fn has_users(&self) -> Result<bool> {
        Ok(store::users::count(&self.conn)? > 0)
    }

    /// Creates the first administrator of an empty register and logs them in.
    pub fn create_first_admin(
        &mut self,
        username: &str,
        display_name: &str,
        password: &Password,
        clock: &dyn Clock,
    ) -> Result<Session> {
        // No session yet: the new administrator is the one who adds themself.
        let user = self.write(None, Action::UserAdd, clock, |tx| {
            if store::users::count(tx)? > 0 {
                return Err(Error::AdminExists);
            }
            let user = insert_user(
                tx,
                clock,
                &NewUser {
                    username: username.into(),
                    display_name: display_name.into(),
                    role: Role::Admin,
                },
                password,
            )?;
            let audited = Audited::record("user", &user.user_id).by(&user.user_id);
            Ok((user, audited))
        })?;
        let session = session_of(&user);
        self.record_event(Some(&session.user_id), Event::Login, clock)?;
        Ok(session)
    }

    /// Logs a user in. Failures are counted and audited; after three, each attempt waits a
    /// growing delay, checked before the password so guessing gains nothing.
    pub fn login(
        &mut self,
        username: &str,
        password: &Password,
        clock: &dyn Clock,
    ) -> Result<Session> {
        let now = clock.now();
        let tx = self.conn.transaction()?;
        let Some(row) = store::users::by_username(&tx, username)? else {
            audit::append(&tx, clock, None, Event::LoginFailed, None)?;
            tx.commit()?;
            return Err(Error::LoginFailed);
        };
        let user_id = row.user.user_id.clone();
        let last_failed = row
            .last_failed_at
            .as_deref()
            .and_then(|at| at.parse::<DateTime<Utc>>().ok());
        if let Some(until) = login_delay(row.failed_logins, last_failed) {
            if now < until {
                audit::append(
                    &tx,
                    clock,
                    Some(&user_id),
                    Event::LoginThrottled,
                    Some(("user", &user_id)),
                )?;
                tx.commit()?;
                return Err(Error::LoginThrottled {
                    retry_after_seconds: (until - now).num_seconds().max(1),
                });
            }
        }
        if !row.user.active || !password.verify(&row.password_hash) {
            store::users::record_login_failure(&tx, &user_id, &ids::timestamp(clock))?;
            audit::append(
                &tx,
                clock,
                Some(&user_id),
                Event::LoginFailed,
                Some(("user", &user_id)),
            )?;
            tx.commit()?;
            return Err(Error::LoginFailed);
        }
        store::users::clear_login_failures(&tx, &user_id)?;
        audit::append(&tx, clock, Some(&user_id), Event::Login, None)?;
        tx.commit()?;
        Ok(session_of(&row.user))
    }

    /// Logs a session out (audited).
    pub fn logout(&mut self, session: &Session, clock: &dyn Clock) -> Result<()> {
        self.record_event(Some(&session.user_id), Event::Logout, clock)
    }

    /// Records that the idle lock ended a session.
    pub fn record_idle_lock(&mut self, session: &Session, clock: &dyn Clock) -> Result<()> {
        self.record_event(Some(&session.user_id), Event::SessionLocked, clock)
    }

    /// Appends an event that changes nothing else, in its own transaction.
    pub(crate) fn record_event(
        &mut self,
        user_id: Option<&str>,
        event: Event,
        clock: &dyn Clock,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        audit::append(&tx, clock, user_id, event, None)?;
        tx.commit()?;
        Ok(())
    }

    /// Adds a user (admin).
    pub fn user_add(
        &mut self,
        session: &Session,
        new_user: &NewUser,
        password: &Password,
        clock: &dyn Clock,
    ) -> Result<User> {
        self.write(Some(session), Action::UserAdd, clock, |tx| {
            let user = insert_user(tx, clock, new_user, password)?;
            let audited = Audited::record("user", &user.user_id);
            Ok((user, audited))
        })
    }

    /// Every user, active first, with their training state (admin).
    pub fn user_list(&self, session: &Session, clock: &dyn Clock) -> Result<Vec<User>> {
        self.authorize(session, Action::UserList)?;
        let today = clock.now().date_naive();
        Ok(store::users::all(&self.conn)?
            .into_iter()
            .map(|row| with_training_state(row.user, today))
            .collect())
    }

    /// Changes a user's role (admin); the last active administrator keeps theirs.
    pub fn user_role_change(
        &mut self,
        session: &Session,
        username: &str,
        role: Role,
        clock: &dyn Clock,
    ) -> Result<User> {
        self.write(Some(session), Action::UserRoleChange, clock, |tx| {
            let row = find(tx, username)?;
            if row.user.role == Role::Admin
                && role != Role::Admin
                && row.user.active
                && store::users::count_active_admins(tx)? <= 1
            {
                return Err(Error::LastAdmin);
            }
            store::users::set_role(tx, &row.user.user_id, role, &ids::timestamp(clock))?;
            let audited = Audited::record("user", &row.user.user_id);
            Ok((User { role, ..row.user }, audited))
        })
    }

    /// Deactivates a user (admin); users are never deleted, so the audit keeps its meaning.
    pub fn user_deactivate(
        &mut self,
        session: &Session,
        username: &str,
        clock: &dyn Clock,
    ) -> Result<User> {
        self.write(Some(session), Action::UserDeactivate, clock, |tx| {
            let row = find(tx, username)?;
            if row.user.role == Role::Admin
                && row.user.active
                && store::users::count_active_admins(tx)? <= 1
            {
                return Err(Error::LastAdmin);
            }
            store::users::deactivate(tx, &row.user.user_id, &ids::timestamp(clock))?;
            let audited = Audited::record("user", &row.user.user_id);
            let user = User {
                active: false,
                ..row.user
            };
            Ok((user, audited))
        })
    }

    /// Sets another user's password (admin).
    pub fn user_password_reset(
        &mut self,
        session: &Session,
        username: &str,
        new_password: &Password,
        clock: &dyn Clock,
    ) -> Result<()> {
        self.write(Some(session), Action::UserPasswordReset, clock, |tx| {
            new_password.check_new()?;
            let row = find(tx, username)?;
            store::users::set_password(
                tx,
                &row.user.user_id,
                &new_password.hash()?,
                &ids::timestamp(clock),
            )?;
            Ok(((), Audited::record("user", &row.user.user_id)))
        })
    }

    /// Changes the session user's own password after checking the current one.
    pub fn own_password_change(
        &mut self,
        session: &Session,
        current: &Password,
        new_password: &Password,
        clock: &dyn Clock,
    ) -> Result<()> {
        self.write(Some(session), Action::OwnPasswordChange, clock, |tx| {
            new_password.check_new()?;
            let row = store::users::by_id(tx, &session.user_id)?.ok_or(Error::NotLoggedIn)?;
            if !current.verify(&row.password_hash) {
                return Err(Error::LoginFailed);
            }
            store::users::set_password(
                tx,
                &session.user_id,
                &new_password.hash()?,
                &ids::timestamp(clock),
            )?;
            Ok(((), Audited::record("user", &session.user_id)))
        })
    }

    /// Minutes of inactivity before the app locks (any logged-in user may read it).
    pub fn idle_lock_minutes(&self, session: &Session) -> Result<u32> {
        self.authorize(session, Action::SettingsRead)?;
        Ok(store::users::setting(&self.conn, IDLE_LOCK_SETTING)?
            .and_then(|value| value.parse().ok())
            .unwrap_or(auth::DEFAULT_IDLE_LOCK_MINUTES))
    }

    /// The idle lock as used before anyone logs in (no session yet).
    pub fn idle_lock_minutes_unchecked(&self) -> u32 {
        store::users::setting(&self.conn, IDLE_LOCK_SETTING)
            .ok()
            .flatten()
            .and_then(|value| value.parse().ok())
            .unwrap_or(auth::DEFAULT_IDLE_LOCK_MINUTES)
    }

    /// Sets the idle lock, 1–240 minutes (admin).
    pub fn idle_lock_minutes_set(
        &mut self,
        session: &Session,
        minutes: u32,
        clock: &dyn Clock,
    ) -> Result<()> {
        self.write(Some(session), Action::SettingsChange, clock, |tx| {
            if !(1..=240).contains(&minutes) {
                return Err(Error::SettingInvalid {
                    setting: IDLE_LOCK_SETTING.into(),
                    min: 1,
                    max: 240,
                });
            }
            store::users::set_setting(tx, IDLE_LOCK_SETTING, &minutes.to_string())?;
            Ok(((), Audited::record("setting", IDLE_LOCK_SETTING)))
        })
    }
}

fn find(conn: &rusqlite::Connection, username: &str) -> Result<store::users::UserRow> {
    store::users::by_username(conn, username)?.ok_or_else(|| Error::UserNotFound {
        username: username.trim().to_string(),
    })
}

fn insert_user(
    conn: &rusqlite::Connection,
    clock: &dyn Clock,
    new_user: &NewUser,
    password: &Password,
) -> Result<User> {
    let username = auth::check_username(&new_user.username)?;
    let display_name = auth::check_display_name(&new_user.display_name)?;
    password.check_new()?;
    if store::users::by_username(conn, &username)?.is_some() {
        return Err(Error::UsernameTaken { username });
    }
    let user = User {
        user_id: ids::new_id(clock),
        username,
        display_name,
        role: new_user.role,
        active: true,
        created_at: ids::timestamp(clock),
        last_training_on: None,
        training_overdue: true,
    };
    store::users::insert(conn, &user, &password.hash()?)?;
    Ok(user)
}

fn session_of(user: &User) -> Session {
    Session {
        user_id: user.user_id.clone(),
        username: user.username.clone(),
        display_name: user.display_name.clone(),
        role: user.role,
    }
}

/// Training is due when the latest is more than 12 months before `today`, or missing.
pub(crate) fn with_training_state(mut user: User, today: chrono::NaiveDate) -> User {
    let cutoff = today
        .checked_sub_months(chrono::Months::new(12))
        .unwrap_or(today);
    user.training_overdue = match user
        .last_training_on
        .as_deref()
        .map(|d| d.parse::<chrono::NaiveDate>())
    {
        Some(Ok(last)) => last < cutoff,
        _ => true,
    };
    user
}
