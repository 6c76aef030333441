//! SQL of users, privacy trainings, internal audits and register settings.
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::auth::Role;
use crate::training::{InternalAudit, InternalAuditResult, TrainingRecord, TrainingResult};
use crate::users::User;
use crate::Result;

/// A user row with the fields only the core sees.
pub(crate) struct UserRow {
    pub user: User,
    pub password_hash: String,
    pub failed_logins: u32,
    pub last_failed_at: Option<String>,
}

const USER_COLUMNS: &str = "u.user_id, u.username, u.display_name, u.role, u.active, u.created_at,
    (SELECT max(t.completed_on) FROM privacy_trainings t
     WHERE t.user_id = u.user_id AND t.result IS NOT 'failed'),
    u.password_hash, u.failed_logins, u.last_failed_at";

fn user_row(row: &Row<'_>) -> rusqlite::Result<UserRow> {
    let role: String = row.get(3)?;
    Ok(UserRow {
        user: User {
            user_id: row.get(0)?,
            username: row.get(1)?,
            display_name: row.get(2)?,
            role: Role::parse(&role).map_err(|_| {
                rusqlite::Error::InvalidColumnType(3, "role".into(), rusqlite::types::Type::Text)
            })?,
            active: row.get(4)?,
            created_at: row.get(5)?,
            last_training_on: row.get(6)?,
            training_overdue: false,
        },
        password_hash: row.get(7)?,
        failed_logins: row.get(8)?,
        last_failed_at: row.get(9)?,
    })
}

pub(crate) fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM users", [], |row| row.get(0))?)
}

pub(crate) fn count_active_admins(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1",
        [],
        |row| row.get(0),
    )?)
}

pub(crate) fn by_username(conn: &Connection, username: &str) -> Result<Option<UserRow>> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.username = ?1 COLLATE NOCASE");
    Ok(conn
        .query_row(&sql, [username.trim()], user_row)
        .optional()?)
}

pub(crate) fn by_id(conn: &Connection, user_id: &str) -> Result<Option<UserRow>> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.user_id = ?1");
    Ok(conn.query_row(&sql, [user_id], user_row).optional()?)
}

pub(crate) fn all(conn: &Connection) -> Result<Vec<UserRow>> {
    let sql = format!(
        "SELECT {USER_COLUMNS} FROM users u ORDER BY u.active DESC, u.username COLLATE NOCASE"
    );
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([], user_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn insert(conn: &Connection, user: &User, password_hash: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO users (user_id, username, display_name, role, active, password_hash, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            user.user_id,
            user.username,
            user.display_name,
            user.role.name(),
            user.active,
            password_hash,
            user.created_at
        ],
    )?;
    Ok(())
}

pub(crate) fn set_role(conn: &Connection, user_id: &str, role: Role, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE users SET role = ?2, updated_at = ?3 WHERE user_id = ?1",
        params![user_id, role.name(), now],
    )?;
    Ok(())
}

pub(crate) fn deactivate(conn: &Connection, user_id: &str, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE users SET active = 0, updated_at = ?2 WHERE user_id = ?1",
        params![user_id, now],
    )?;
    Ok(())
}

pub(crate) fn set_password(conn: &Connection, user_id: &str, hash: &str, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE users SET password_hash = ?2, failed_logins = 0, last_failed_at = NULL, updated_at = ?3
         WHERE user_id = ?1",
        params![user_id, hash, now],
    )?;
    Ok(())
}

pub(crate) fn record_login_failure(conn: &Connection, user_id: &str, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE users SET failed_logins = failed_logins + 1, last_failed_at = ?2 WHERE user_id = ?1",
        params![user_id, now],
    )?;
    Ok(())
}

pub(crate) fn clear_login_failures(conn: &Connection, user_id: &str) -> Result<()> {
    conn.execute(
        "UPDATE users SET failed_logins = 0, last_failed_at = NULL WHERE user_id = ?1",
        [user_id],
    )?;
    Ok(())
}

pub(crate) fn insert_training(conn: &Connection, record: &TrainingRecord) -> Result<()> {
    conn.execute(
        "INSERT INTO privacy_trainings (training_id, user_id, completed_on, topic, recorded_by, recorded_at, result, score)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            record.training_id,
            record.user_id,
            record.completed_on,
            record.topic,
            record.recorded_by,
            record.recorded_at,
            record.result.map(TrainingResult::name),
            record.score
        ],
    )?;
    Ok(())
}

pub(crate) fn trainings(conn: &Connection) -> Result<Vec<TrainingRecord>> {
    let mut statement = conn.prepare(
        "SELECT t.training_id, t.user_id, u.username, t.completed_on, t.topic, t.recorded_by, t.recorded_at, t.result, t.score
         FROM privacy_trainings t JOIN users u ON u.user_id = t.user_id
         ORDER BY t.completed_on DESC, u.username",
    )?;
    let rows = statement.query_map([], training)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn training(row: &Row<'_>) -> rusqlite::Result<TrainingRecord> {
    let result: Option<String> = row.get(7)?;
    Ok(TrainingRecord {
        training_id: row.get(0)?,
        user_id: row.get(1)?,
        username: row.get(2)?,
        completed_on: row.get(3)?,
        topic: row.get(4)?,
        recorded_by: row.get(5)?,
        recorded_at: row.get(6)?,
        result: result.and_then(|r| TrainingResult::parse(&r).ok()),
        score: row.get(8)?,
    })
}

/// Every active user in username order with their latest training (by date, then by when
/// it was recorded), if any.
pub(crate) fn latest_trainings(
    conn: &Connection,
) -> Result<Vec<(crate::users::User, Option<TrainingRecord>)>> {
    let users = {
        let sql =
            format!("SELECT {USER_COLUMNS} FROM users u WHERE u.active = 1 ORDER BY u.username");
        let mut statement = conn.prepare(&sql)?;
        let rows = statement.query_map([], user_row)?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let mut latest = conn.prepare(
        "SELECT t.training_id, t.user_id, u.username, t.completed_on, t.topic, t.recorded_by, t.recorded_at, t.result, t.score
         FROM privacy_trainings t JOIN users u ON u.user_id = t.user_id
         WHERE t.user_id = ?1 ORDER BY t.completed_on DESC, t.recorded_at DESC LIMIT 1",
    )?;
    let mut out = Vec::with_capacity(users.len());
    for row in users {
        let training = latest.query_row([&row.user.user_id], training).optional()?;
        out.push((row.user, training));
    }
    Ok(out)
}

pub(crate) fn insert_internal_audit(conn: &Connection, audit: &InternalAudit) -> Result<()> {
    conn.execute(
        "INSERT INTO internal_audits (internal_audit_id, held_on, scope, result, follow_up, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            audit.internal_audit_id,
            audit.held_on,
            audit.scope,
            audit.result.name(),
            audit.follow_up,
            audit.recorded_by,
            audit.recorded_at
        ],
    )?;
    Ok(())
}

pub(crate) fn internal_audits(conn: &Connection) -> Result<Vec<InternalAudit>> {
    let mut statement = conn.prepare(
        "SELECT internal_audit_id, held_on, scope, result, follow_up, recorded_by, recorded_at
         FROM internal_audits ORDER BY held_on DESC",
    )?;
    let rows = statement.query_map([], |row| {
        let result: String = row.get(3)?;
        Ok(InternalAudit {
            internal_audit_id: row.get(0)?,
            held_on: row.get(1)?,
            scope: row.get(2)?,
            result: InternalAuditResult::parse(&result).unwrap_or(InternalAuditResult::Findings),
            follow_up: row.get(4)?,
            recorded_by: row.get(5)?,
            recorded_at: row.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?)
}

pub(crate) fn set_setting(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

pub(crate) fn delete_setting(conn: &Connection, key: &str) -> Result<()> {
    conn.execute("DELETE FROM settings WHERE key = ?1", [key])?;
    Ok(())
}
