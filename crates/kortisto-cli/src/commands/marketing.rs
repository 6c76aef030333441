//! `kortisto marketing list`: who may be sent marketing — never anyone who withdrew.
use kortisto_core::{DataDir, Result, SystemClock};

use super::{finish, open_as};
use crate::output::Output;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// People whose latest consent for the purpose is "given", as CSV (or JSON with --json).
    List {
        /// Purpose (default: direct-marketing).
        #[arg(long, default_value = "direct-marketing")]
        purpose: String,
        /// csv or json.
        #[arg(long, default_value = "csv")]
        format: String,
    },
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', ';']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

pub fn run(data_dir: &DataDir, out: &Output, user: Option<&str>, command: Command) -> Result<()> {
    let (mut register, session) = open_as(data_dir, out, user)?;
    let result = (|| match command {
        Command::List { purpose, format } => {
            let list = register.marketing_list(&session, &purpose, &SystemClock)?;
            if format == "json" || out.is_json() {
                out.print_json(&list);
            } else {
                println!("person_id,surname,first_name,emails,consent_given_at");
                for c in &list {
                    println!(
                        "{},{},{},{},{}",
                        c.person_id,
                        csv_field(&c.surname),
                        csv_field(&c.first_name),
                        csv_field(&c.emails.join(" ")),
                        c.consent_given_at
                    );
                }
            }
            Ok(())
        }
    })();
    finish(register, &session, result)
}
