//! The benchmark's regression guard: every figure of a `kortisto bench --json` report beside
//! the same figure of a baseline report kept in the repository, flagged when 30 % worse.
use std::path::Path;

use kortisto_core::Language;
use serde::Serialize;
use serde_json::Value;

use crate::output::pick;

/// How much worse than its baseline a figure may be before it is flagged.
pub const WORSE_BY: f64 = 0.30;

/// One figure of the report beside its baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Where the figure is in the report, e.g. `operations.search p95.encrypted_ms`.
    pub figure: String,
    pub baseline: f64,
    pub current: f64,
    /// How much worse (positive) or better (negative) the current figure is, as a fraction
    /// of the baseline: 0.12 is 12 % worse, whichever way "better" points for the figure.
    pub worse_by: f64,
    /// More than [`WORSE_BY`] worse, and by more than the figure's noise floor.
    pub flagged: bool,
}

/// Which way a figure is better, from its name; `None` for counts, targets and settings.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Better {
    Lower { noise_floor: f64 },
    Higher,
}

fn direction(key: &str) -> Option<Better> {
    const NOT_FIGURES: [&str; 4] = ["target_ms", "target_s", "target_ratio", "load_seconds"];
    if NOT_FIGURES.contains(&key) {
        None
    } else if key.ends_with("_per_s") {
        Some(Better::Higher)
    } else if key.ends_with("_ms") {
        // Sub-tenth-of-a-millisecond differences are the machine's noise, not a regression.
        Some(Better::Lower { noise_floor: 0.1 })
    } else if key.ends_with("seconds") {
        Some(Better::Lower { noise_floor: 0.1 })
    } else if key.ends_with("_bytes") {
        Some(Better::Lower {
            noise_floor: 65_536.0,
        })
    } else {
        None
    }
}

/// The report's figures by path: objects by key, arrays of rows by their `operation` (or
/// their position when a row has none).
fn figures(value: &Value, path: &str, out: &mut Vec<(String, String, f64)>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                let here = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match value {
                    Value::Number(n) => {
                        if let Some(n) = n.as_f64() {
                            out.push((here, key.clone(), n));
                        }
                    }
                    _ => figures(value, &here, out),
                }
            }
        }
        Value::Array(rows) => {
            for (i, row) in rows.iter().enumerate() {
                let name = row
                    .get("operation")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .unwrap_or_else(|| i.to_string());
                figures(row, &format!("{path}.{name}"), out);
            }
        }
        _ => {}
    }
}

/// Every figure of `baseline` that `current` also has, in the baseline's order.
pub fn compare(baseline: &Value, current: &Value) -> Vec<Comparison> {
    let (mut base, mut now) = (Vec::new(), Vec::new());
    figures(baseline, "", &mut base);
    figures(current, "", &mut now);
    base.into_iter()
        .filter_map(|(figure, key, baseline)| {
            let better = direction(&key)?;
            let current = now.iter().find(|(f, _, _)| *f == figure)?.2;
            let (worse_by, beyond_noise) = match better {
                Better::Lower { noise_floor } => (
                    (current - baseline) / baseline.max(f64::MIN_POSITIVE),
                    current - baseline > noise_floor,
                ),
                Better::Higher => ((baseline - current) / baseline.max(f64::MIN_POSITIVE), true),
            };
            Some(Comparison {
                flagged: worse_by > WORSE_BY && beyond_noise,
                figure,
                baseline,
                current,
                worse_by,
            })
        })
        .collect()
}

/// Reads a report written by `kortisto bench --json` (a clap value parser: a file that cannot
/// be read or is not a report stops the command before anything runs, with the reason).
pub fn parse_report(path: &str) -> std::result::Result<Value, String> {
    let text = std::fs::read(Path::new(path))
        .map_err(|e| format!("tiedostoa ei voi lukea / the file cannot be read: {e}"))?;
    let value: Value = serde_json::from_slice(&text).map_err(|e| {
        format!(
            "ei ole `kortisto bench --json` -raportti / not a `kortisto bench --json` report: {e}"
        )
    })?;
    if value.get("operations").is_none() && value.get("first_sync").is_none() {
        return Err("ei ole `kortisto bench --json` -raportti / not a `kortisto bench --json` report: it has no figures".into());
    }
    Ok(value)
}

/// The comparison as a table, figure by figure, with a closing line.
pub fn table(language: Language, comparisons: &[Comparison]) -> String {
    let mut lines = vec![format!(
        "{:<52} {:>12} {:>12} {:>8}",
        pick(language, "luku", "figure"),
        pick(language, "perustaso", "baseline"),
        pick(language, "nyt", "now"),
        pick(language, "huonompi", "worse")
    )];
    for c in comparisons {
        let percent = format!("{:+.0} %", c.worse_by * 100.0);
        let percent = match language {
            Language::Fi => percent.replace('-', "−"),
            Language::En => percent,
        };
        lines.push(format!(
            "{:<52} {:>12} {:>12} {:>8} {}",
            c.figure,
            number(language, c.baseline),
            number(language, c.current),
            percent,
            if c.flagged { "✗" } else { "" }
        ));
    }
    let flagged = comparisons.iter().filter(|c| c.flagged).count();
    lines.push(String::new());
    lines.push(match (language, flagged) {
        (Language::Fi, 0) => format!(
            "Yksikään {} luvusta ei ole yli 30 % perustasoa huonompi.",
            comparisons.len()
        ),
        (Language::Fi, n) => format!(
            "{n} / {} lukua on yli 30 % perustasoa huonompi (✗).",
            comparisons.len()
        ),
        (Language::En, 0) => format!(
            "None of the {} figures is more than 30 % worse than its baseline.",
            comparisons.len()
        ),
        (Language::En, n) => format!(
            "{n} of {} figures are more than 30 % worse than their baseline (✗).",
            comparisons.len()
        ),
    });
    lines.join("\n")
}

fn number(language: Language, value: f64) -> String {
    let text = if value.abs() >= 1000.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.3}")
    };
    match language {
        Language::Fi => text.replace('.', ","),
        Language::En => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn report(search_p95: f64, backup_mb_per_s: f64, bytes: u64) -> Value {
        json!({
            "people": 100000,
            "build_seconds": 60.0,
            "encrypted_bytes": bytes,
            "operations": [
                { "operation": "search p95", "encrypted_ms": search_p95, "plain_ms": 2.0,
                  "ratio": search_p95 / 2.0, "target_ms": 10.0, "met": true },
                { "operation": "person page p95", "encrypted_ms": 0.05, "plain_ms": 0.04,
                  "target_ms": 5.0, "met": true }
            ],
            "backup_encrypt_mb_per_s": backup_mb_per_s
        })
    }

    #[test]
    fn a_figure_more_than_30_percent_worse_is_flagged_and_one_within_is_not() {
        let baseline = report(4.0, 400.0, 100_000_000);
        let within = compare(&baseline, &report(5.0, 320.0, 120_000_000));
        assert!(within.iter().all(|c| !c.flagged), "{within:?}");
        let worse = compare(&baseline, &report(5.3, 250.0, 140_000_000));
        let flagged: Vec<&str> = worse
            .iter()
            .filter(|c| c.flagged)
            .map(|c| c.figure.as_str())
            .collect();
        assert_eq!(
            flagged,
            [
                "backup_encrypt_mb_per_s",
                "encrypted_bytes",
                "operations.search p95.encrypted_ms"
            ]
        );
        let search = worse
            .iter()
            .find(|c| c.figure == "operations.search p95.encrypted_ms")
            .unwrap();
        assert!((search.worse_by - 0.325).abs() < 1e-9);
    }

    #[test]
    fn counts_targets_and_ratios_are_not_figures_and_tiny_times_are_noise() {
        let baseline = report(4.0, 400.0, 100_000_000);
        let mut current = report(4.0, 400.0, 100_000_000);
        current["people"] = json!(1);
        current["operations"][0]["target_ms"] = json!(1000.0);
        current["operations"][1]["encrypted_ms"] = json!(0.1); // twice the 0.05 baseline
        let all = compare(&baseline, &current);
        assert!(all.iter().all(|c| !c.flagged), "{all:?}");
        let names: Vec<&str> = all.iter().map(|c| c.figure.as_str()).collect();
        assert!(!names
            .iter()
            .any(|n| n.ends_with("people") || n.ends_with("target_ms") || n.ends_with("ratio")));
        assert!(names.contains(&"operations.person page p95.plain_ms"));
    }

    #[test]
    fn the_table_names_each_figure_in_finnish_formats() {
        let baseline = report(4.0, 400.0, 100_000_000);
        let text = table(
            Language::Fi,
            &compare(&baseline, &report(6.0, 400.0, 100_000_000)),
        );
        assert!(
            text.contains("operations.search p95.encrypted_ms"),
            "{text}"
        );
        assert!(
            text.contains("4,000") && text.contains("6,000") && text.contains("+50 %"),
            "{text}"
        );
        assert!(text.contains("1 / 7 lukua on yli 30 %"), "{text}");
    }
}
