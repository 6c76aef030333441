//! The app's own schedule: retention runs when the register is opened and then every 24
//! hours while the app is open, and so does the automatic backup when a folder is set.
//! Both run with no user (the audit shows them without one) and never block the window.
//! A task that fails leaves a notice in the app state for the administrator's home screen
//! (a retention refused for a suspect clock waits for an administrator to confirm it). Each
//! look also moves the audit anchor to the trail's head, so that a trail cut short while the
//! app is open is noticed at the next start.
use std::time::Duration;

use chrono::{DateTime, Utc};
use tauri::Manager;

use crate::AppState;

/// How often the schedule looks whether something is due.
const TICK: Duration = Duration::from_secs(60);

/// Due when 24 hours have passed since `last`, or when `last` lies in the future: a time
/// stored by a clock that ran ahead must not stall the schedule for good (retention then
/// checks the clock itself before erasing anything).
fn due(last: Option<String>, now: DateTime<Utc>) -> bool {
    match last.and_then(|at| at.parse::<DateTime<Utc>>().ok()) {
        Some(last) => last > now || now - last >= chrono::Duration::hours(24),
        None => true,
    }
}

/// One look: checks every page once per opened register, then runs retention and the
/// automatic backup if 24 hours have passed.
pub fn tick(state: &AppState) {
    let now = state.clock.now();
    let mut slot = state.register();
    let Some(register) = slot.as_mut() else {
        return;
    };
    if !state
        .pages_verified
        .swap(true, std::sync::atomic::Ordering::SeqCst)
    {
        if let Err(error) = register.verify_pages() {
            eprintln!(
                "kortisto: the register file failed its page check [{}]",
                error.code()
            );
        }
    }
    if due(register.retention_last_run_at().ok().flatten(), now) {
        let outcome = register
            .retention_run(
                None,
                "automatic",
                false,
                state.clock.as_ref(),
                &mut |_, _| true,
            )
            .map(|_| ());
        if let Err(error) = &outcome {
            eprintln!("kortisto: automatic retention failed [{}]", error.code());
        }
        state.maintenance_outcome("retention", outcome.map_err(Into::into));
    }
    if due(register.backup_last_at().ok().flatten(), now) {
        let outcome = register.backup_scheduled(state.clock.as_ref()).map(|_| ());
        if let Err(error) = &outcome {
            eprintln!("kortisto: automatic backup failed [{}]", error.code());
        }
        state.maintenance_outcome("backup", outcome.map_err(Into::into));
    }
    if let Err(error) = register.anchor_audit_head() {
        eprintln!(
            "kortisto: the audit anchor could not be moved [{}]",
            error.code()
        );
    }
}

/// How often the background sync runs while a register of a team hub is open.
const SYNC_EVERY: Duration = Duration::from_secs(30);

/// One background sync. It runs over a connection of its own, so the window's commands never
/// wait for the network; a hub out of reach only shows as "offline since" in the status.
pub fn sync_once(state: &AppState) {
    let set_up = state
        .register()
        .as_ref()
        .and_then(|register| register.sync_status().ok())
        .is_some_and(|status| status.set_up);
    if !set_up {
        return;
    }
    match kortisto_core::Register::open(&state.data_dir, &state.keychain) {
        Ok(mut register) => {
            if let Err(error) = register.sync(None, state.clock.as_ref()) {
                eprintln!("kortisto: background sync failed [{}]", error.code());
            }
            let _ = register.close();
        }
        Err(error) => eprintln!(
            "kortisto: background sync could not open [{}]",
            error.code()
        ),
    }
}

/// Starts the background sync on its own thread.
pub fn start_sync<R: tauri::Runtime>(app: &tauri::AppHandle<R>) {
    let handle = app.clone();
    std::thread::spawn(move || loop {
        sync_once(handle.state::<AppState>().inner());
        std::thread::sleep(SYNC_EVERY);
    });
}

/// Starts the schedule on its own thread.
pub fn start<R: tauri::Runtime>(app: &tauri::AppHandle<R>) {
    let handle = app.clone();
    std::thread::spawn(move || loop {
        tick(handle.state::<AppState>().inner());
        std::thread::sleep(TICK);
    });
}
