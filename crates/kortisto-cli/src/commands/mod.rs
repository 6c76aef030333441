//! One file per `kortisto` subcommand; each file's `Args` doc comments are its help text.
pub mod init;
pub mod recover;
pub mod status;
