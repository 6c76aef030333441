//! `kortisto search`: the one search box over people, organisations, e-mail addresses and
//! phone numbers (prefixes, accents folded, phone numbers in any form).
use kortisto_core::{Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

/// Search people and organisations by name, e-mail, phone number or Y-tunnus. The people
/// found are audited (their ids and count, never the typed text).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to look for (`virt`, `hamalainen`, `040 123`, `maija@`…).
    pub query: String,
    /// At most this many hits (1–100).
    #[arg(long, default_value_t = 20)]
    pub limit: u32,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    ctx.as_user(|register, session| {
        let hits = register.search(session, &args.query, args.limit, &SystemClock)?;
        let json: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                let mut value = serde_json::to_value(h).expect("hits serialise");
                value["id"] = h.record_id.clone().into();
                value
            })
            .collect();
        ctx.out.print(&json, |l| {
            if hits.is_empty() {
                return pick(l, "Ei osumia.", "No hits.");
            }
            hits.iter()
                .map(|h| {
                    format!(
                        "{}\t{}{}\t{}\t{}",
                        h.record_kind,
                        h.title,
                        super::person::restricted_mark(l, h.restricted),
                        h.subtitle.as_deref().unwrap_or(""),
                        h.record_id
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        });
        Ok(())
    })
}
