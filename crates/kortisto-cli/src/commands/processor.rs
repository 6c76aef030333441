//! `kortisto processor` and `kortisto transfer`: processors, and transfers outside the
//! EU/EEA with their legal basis (the Privacy Shield is refused; old transfers are flagged).
use kortisto_core::disclosures::{LegalBasis, ProcessorInput, TransferInput};
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
    /// List processors.
    List,
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
        /// adequacy-decision, standard-contractual-clauses, binding-corporate-rules or derogation.
        #[arg(long)]
        basis: String,
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
    /// List transfers; those needing a new basis are flagged.
    List,
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
            ctx.out.print(&list, |_| {
                list.iter()
                    .map(|p| {
                        format!(
                            "{}\t{}\t{}\t{}",
                            p.processor_id, p.name, p.service, p.processing_location
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
    })
}

pub fn run_transfer(ctx: &Context, command: TransferCommand) -> Result<()> {
    let basis = match &command {
        TransferCommand::Add { basis, .. } => Some(LegalBasis::parse(basis)?),
        TransferCommand::List => None,
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
                            "{}\t{}\t{}\t{}{flag}",
                            t.processor_name,
                            t.country,
                            t.legal_basis.name(),
                            t.basis_detail
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
    })
}
