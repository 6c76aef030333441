//! CSV that leaves the register, safe to open in a spreadsheet: quoting is the `csv` crate's,
//! and a cell a spreadsheet would run as a formula is neutralised. The one CSV writer.
//!
//! The file is what a Finnish Excel opens without an import dialog: UTF-8 with a byte-order
//! mark, `;` between cells, CRLF line ends. A cell that starts with `=`, `+`, `-`, `@`, a tab
//! or a carriage return gets a leading `'` (OWASP's advice against CSV injection), so
//! `=HYPERLINK(…)` typed as a name is shown as text and never run.
use std::borrow::Cow;

/// The cell as written: a leading `'` when a spreadsheet would read it as a formula.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The whole CSV file: a header row and the rows, every cell neutralised and quoted as needed.
pub fn csv<R, C>(header: &[&str], rows: R) -> Vec<u8>
where
    R: IntoIterator<Item = C>,
    C: IntoIterator,
    C::Item: AsRef<str>,
{
    fn write<R, C>(out: &mut Vec<u8>, header: &[&str], rows: R) -> ::csv::Result<()>
    where
        R: IntoIterator<Item = C>,
        C: IntoIterator,
        C::Item: AsRef<str>,
    {
        let mut writer = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .flexible(true)
            .terminator(::csv::Terminator::CRLF)
            .quote_style(::csv::QuoteStyle::Necessary)
            .from_writer(out);
        writer.write_record(header.iter().map(|cell| neutralise(cell).into_owned()))?;
        for row in rows {
            writer.write_record(
                row.into_iter()
                    .map(|cell| neutralise(cell.as_ref()).into_owned()),
            )?;
        }
        writer.flush()?;
        Ok(())
    }
    let mut out = Vec::from("\u{feff}".as_bytes());
    write(&mut out, header, rows).expect("writing CSV into memory cannot fail");
    out
}
