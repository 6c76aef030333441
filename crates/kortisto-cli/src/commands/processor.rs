//! `kortisto processor` and `kortisto transfer`: processors, and transfers outside the
//! EU/EEA with their legal basis (the Privacy Shield is refused; old transfers are flagged).
use kortisto_core::disclosures::{LegalBasis, ProcessorInput, TransferInput};
use kortisto_core::Language;

use super::finnish_date;

/// "\t(päättynyt 15.11.2026)" for an ended processor or transfer; empty otherwise.
fn ended(ended_on: Option<&str>, l: Language) -> String {
    ended_on
        .map(|on| format!("\t({} {})", pick(l, "päättynyt", "ended"), finnish_date(on)))
        .unwrap_or_default()
}
use kortisto_core::{Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum ProcessorCommand {
    /// Add a processor.
    Add {
        /// Company name.
        #[arg(long)]
        name: String,
        /// What they do for us.
        #[arg(long)]
        service: String,
        /// Purpose of the processing.
        #[arg(long)]
        purpose: String,
        /// Agreement reference.
        #[arg(long)]
        agreement: String,
        /// Agreement date.
        #[arg(long)]
        agreement_date: String,
        /// Where the data is processed.
        #[arg(long)]
        location: String,
    },
    /// List processors (ended ones too, marked as ended).
    List,
    /// Correct a processor: fields not given are kept, every change goes to its history.
    Edit {
        /// The processor's id.
        id: String,
        /// Company name.
        #[arg(long)]
        name: Option<String>,
        /// What they do for us.
        #[arg(long)]
        service: Option<String>,
        /// Purpose of the processing.
        #[arg(long)]
        purpose: Option<String>,
        /// Agreement reference.
        #[arg(long)]
        agreement: Option<String>,
        /// Agreement date.
        #[arg(long)]
        agreement_date: Option<String>,
        /// Where the data is processed.
        #[arg(long)]
        location: Option<String>,
        /// The open data subject's request this correction answers.
        #[arg(long = "request", value_name = "REQUEST_ID")]
        request_id: Option<String>,
    },
    /// End a processor on a date: it stays listed as ended and takes no new disclosures.
    End {
        /// The processor's id.
        id: String,
        /// The day the processing ended (27.11.2026 or 2026-11-27).
        #[arg(long, value_name = "DATE")]
        on: String,
        /// The open data subject's request this correction answers.
        #[arg(long = "request", value_name = "REQUEST_ID")]
        request_id: Option<String>,
    },
    /// A processor's history.
    History {
        /// The processor's id.
        id: String,
    },
}

#[derive(Debug, clap::Subcommand)]
pub enum TransferCommand {
    /// Record a transfer outside the EU/EEA.
    Add {
        /// The processor.
        #[arg(long)]
        processor: String,
        /// Destination country.
        #[arg(long)]
        country: String,
        /// adequacy-decision, standard-contractual-clauses, binding-corporate-rules or
        /// derogation (required: a transfer without a basis is refused).
        #[arg(long)]
        basis: Option<String>,
        /// Which decision, SCC version, BCR approval or derogation.
        #[arg(long)]
        detail: String,
        /// The recipient is certified under the EU–US Data Privacy Framework.
        #[arg(long)]
        dpf_certified: bool,
        /// From when.
        #[arg(long)]
        since: String,
    },
    /// List transfers; those needing a new basis are flagged, ended ones marked.
    List,
    /// Correct a transfer: fields not given are kept, every change goes to its history.
    Edit {
        /// The transfer's id.
        id: String,
        /// The processor.
        #[arg(long)]
        processor: Option<String>,
        /// Destination country.
        #[arg(long)]
        country: Option<String>,
        /// adequacy-decision, standard-contractual-clauses, binding-corporate-rules or derogation.
        #[arg(long)]
        basis: Option<String>,
        /// Which decision, SCC version, BCR approval or derogation.
        #[arg(long)]
        detail: Option<String>,
        /// Whether the recipient is certified under the EU–US Data Privacy Framework.
        #[arg(long)]
        dpf_certified: Option<bool>,
        /// From when.
        #[arg(long)]
        since: Option<String>,
        /// The open data subject's request this correction answers.
        #[arg(long = "request", value_name = "REQUEST_ID")]
        request_id: Option<String>,
    },
    /// End a transfer on a date: it stays listed as ended.
    End {
        /// The transfer's id.
        id: String,
        /// The day the transfer ended (27.11.2026 or 2026-11-27).
        #[arg(long, value_name = "DATE")]
        on: String,
        /// The open data subject's request this correction answers.
        #[arg(long = "request", value_name = "REQUEST_ID")]
        request_id: Option<String>,
    },
    /// A transfer's history.
    History {
        /// The transfer's id.
        id: String,
    },
}

pub fn run_processor(ctx: &Context, command: ProcessorCommand) -> Result<()> {
    ctx.as_user(|register, session| match command {
        ProcessorCommand::Add {
            name,
            service,
            purpose,
            agreement,
            agreement_date,
            location,
        } => {
            let input = ProcessorInput {
                name,
                service,
                purpose,
                agreement_reference: agreement,
                agreement_date,
                processing_location: location,
            };
            let processor = register.processor_add(session, &input, &SystemClock)?;
            ctx.out.print(&processor, |l| {
                format!(
                    "{} {}",
                    pick(l, "Käsittelijä lisätty:", "Processor added:"),
                    processor.processor_id
                )
            });
            Ok(())
        }
        ProcessorCommand::List => {
            let list = register.processor_list(session)?;
            ctx.out.print(&list, |l| {
                list.iter()
                    .map(|p| {
                        format!(
                            "{}\t{}\t{}\t{}{}",
                            p.processor_id,
                            p.name,
                            p.service,
                            p.processing_location,
                            ended(p.ended_on.as_deref(), l)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        ProcessorCommand::Edit {
            id,
            name,
            service,
            purpose,
            agreement,
            agreement_date,
            location,
            request_id,
        } => {
            let current = register
                .processor_list(session)?
                .into_iter()
                .find(|p| p.processor_id == id)
                .ok_or_else(|| kortisto_core::Error::RecordNotFound {
                    kind: "processor".into(),
                    id: id.clone(),
                })?;
            let input = ProcessorInput {
                name: name.unwrap_or(current.name),
                service: service.unwrap_or(current.service),
                purpose: purpose.unwrap_or(current.purpose),
                agreement_reference: agreement.unwrap_or(current.agreement_reference),
                agreement_date: agreement_date.unwrap_or(current.agreement_date),
                processing_location: location.unwrap_or(current.processing_location),
            };
            let processor = register.processor_edit(
                session,
                &id,
                &input,
                request_id.as_deref(),
                &SystemClock,
            )?;
            ctx.out.print(&processor, |l| {
                format!(
                    "{} {}",
                    pick(l, "Käsittelijä korjattu:", "Processor corrected:"),
                    processor.processor_id
                )
            });
            Ok(())
        }
        ProcessorCommand::End { id, on, request_id } => {
            let processor =
                register.processor_end(session, &id, &on, request_id.as_deref(), &SystemClock)?;
            ctx.out.print(&processor, |l| {
                format!(
                    "{} {}{}",
                    pick(l, "Käsittelijä päätetty:", "Processor ended:"),
                    processor.processor_id,
                    ended(processor.ended_on.as_deref(), l)
                )
            });
            Ok(())
        }
        ProcessorCommand::History { id } => {
            let history = register.record_history(session, "processor", &id)?;
            ctx.out
                .print(&history, |l| super::history_lines(&history, l));
            Ok(())
        }
    })
}

pub fn run_transfer(ctx: &Context, command: TransferCommand) -> Result<()> {
    let basis = match &command {
        TransferCommand::Add { basis, .. } => match basis.as_deref().map(str::trim) {
            None | Some("") => return Err(kortisto_core::Error::TransferBasisMissing),
            Some(basis) => Some(LegalBasis::parse(basis)?),
        },
        TransferCommand::Edit {
            basis: Some(basis), ..
        } => match basis.trim() {
            "" => return Err(kortisto_core::Error::TransferBasisMissing),
            basis => Some(LegalBasis::parse(basis)?),
        },
        _ => None,
    };
    ctx.as_user(|register, session| match command {
        TransferCommand::Add {
            processor,
            country,
            detail,
            dpf_certified,
            since,
            ..
        } => {
            let input = TransferInput {
                processor_id: processor,
                country,
                legal_basis: basis.expect("parsed above"),
                basis_detail: detail,
                dpf_certified,
                since_on: since,
            };
            let transfer = register.transfer_add(session, &input, &SystemClock)?;
            ctx.out.print(&transfer, |l| {
                format!(
                    "{} {}",
                    pick(l, "Siirto kirjattu:", "Transfer recorded:"),
                    transfer.transfer_id
                )
            });
            Ok(())
        }
        TransferCommand::List => {
            let list = register.transfer_list(session)?;
            ctx.out.print(&list, |l| {
                list.iter()
                    .map(|t| {
                        let flag = match &t.needs_new_basis {
                            Some(reason) => format!(
                                "\t⚠ {} ({reason})",
                                pick(l, "tarvitsee uuden perusteen", "needs a new basis")
                            ),
                            None => String::new(),
                        };
                        format!(
                            "{}\t{}\t{}\t{}\t{}{flag}{}",
                            t.transfer_id,
                            t.processor_name,
                            t.country,
                            t.legal_basis.name(),
                            t.basis_detail,
                            ended(t.ended_on.as_deref(), l)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        TransferCommand::Edit {
            id,
            processor,
            country,
            detail,
            dpf_certified,
            since,
            request_id,
            ..
        } => {
            let current = register
                .transfer_list(session)?
                .into_iter()
                .find(|t| t.transfer_id == id)
                .ok_or_else(|| kortisto_core::Error::RecordNotFound {
                    kind: "transfer".into(),
                    id: id.clone(),
                })?;
            let input = TransferInput {
                processor_id: processor.unwrap_or(current.processor_id),
                country: country.unwrap_or(current.country),
                legal_basis: basis.unwrap_or(current.legal_basis),
                basis_detail: detail.unwrap_or(current.basis_detail),
                dpf_certified: dpf_certified.unwrap_or(current.dpf_certified),
                since_on: since.unwrap_or(current.since_on),
            };
            let transfer = register.transfer_edit(
                session,
                &id,
                &input,
                request_id.as_deref(),
                &SystemClock,
            )?;
            ctx.out.print(&transfer, |l| {
                format!(
                    "{} {}",
                    pick(l, "Siirto korjattu:", "Transfer corrected:"),
                    transfer.transfer_id
                )
            });
            Ok(())
        }
        TransferCommand::End { id, on, request_id } => {
            let transfer =
                register.transfer_end(session, &id, &on, request_id.as_deref(), &SystemClock)?;
            ctx.out.print(&transfer, |l| {
                format!(
                    "{} {}{}",
                    pick(l, "Siirto päätetty:", "Transfer ended:"),
                    transfer.transfer_id,
                    ended(transfer.ended_on.as_deref(), l)
                )
            });
            Ok(())
        }
        TransferCommand::History { id } => {
            let history = register.record_history(session, "transfer", &id)?;
            ctx.out
                .print(&history, |l| super::history_lines(&history, l));
            Ok(())
        }
    })
}
