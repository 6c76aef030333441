//! Record ids and timestamps. Ids are UUIDv7 taken from the [`Clock`], so records made on
//! different laptops can merge later and sort by creation time.
use crate::Clock;

/// A new UUIDv7 id at the clock's time.
pub fn new_id(clock: &dyn Clock) -> String {
    let now = clock.now();
    uuid::Uuid::new_v7(uuid::Timestamp::from_unix(
        uuid::NoContext,
        now.timestamp() as u64,
        now.timestamp_subsec_nanos(),
    ))
    .to_string()
}

/// The clock's time as stored: RFC 3339, UTC, milliseconds.
pub fn timestamp(clock: &dyn Clock) -> String {
    clock
        .now()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
