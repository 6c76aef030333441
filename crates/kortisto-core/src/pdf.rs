//! A small PDF writer for readable documents (the subject-access extract): headings,
//! paragraphs and label–value lines on A4 pages, wrapped and paginated, in Helvetica with
//! WinAnsi encoding (which covers Finnish and Swedish letters). Built on `pdf-writer`.
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;

/// One block of a document.
#[derive(Debug, Clone)]
pub enum Block {
    /// The document title.
    Title(String),
    /// A section heading.
    Heading(String),
    /// A paragraph.
    Paragraph(String),
    /// A label and its value on one line (wrapped under the value when long).
    Field(String, String),
    /// Vertical space.
    Space,
}

struct Style {
    font: &'static [u8],
    size: f32,
    leading: f32,
    before: f32,
}

fn style(block: &Block) -> Style {
    match block {
        Block::Title(_) => Style {
            font: b"F2",
            size: 18.0,
            leading: 24.0,
            before: 0.0,
        },
        Block::Heading(_) => Style {
            font: b"F2",
            size: 12.5,
            leading: 17.0,
            before: 12.0,
        },
        _ => Style {
            font: b"F1",
            size: 10.0,
            leading: 13.5,
            before: 0.0,
        },
    }
}

/// Approximate Helvetica advance widths (in 1/1000 em) for wrapping.
fn char_width(c: char) -> f32 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 278.0,
        'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '/' | '-' => 333.0,
        'm' | 'M' | 'W' | 'w' => 833.0,
        'A'..='Z' | 'Ä' | 'Ö' | 'Å' | '@' | '%' => 667.0,
        _ => 556.0,
    }
}

fn text_width(text: &str, size: f32) -> f32 {
    text.chars().map(char_width).sum::<f32>() * size / 1000.0
}

/// Wraps `text` into lines no wider than `width` points.
fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, size) <= width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_string();
            }
            // A single word wider than the line is cut.
            while text_width(&line, size) > width && line.chars().count() > 1 {
                let mut cut = String::new();
                for c in line.chars() {
                    if text_width(&format!("{cut}{c}"), size) > width {
                        break;
                    }
                    cut.push(c);
                }
                let rest: String = line.chars().skip(cut.chars().count()).collect();
                lines.push(cut);
                line = rest;
            }
        }
        lines.push(line);
    }
    lines
}

/// Windows-1252 bytes of a string; characters outside it become `?`.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\u{20}'..='\u{7e}' => c as u8,
            '\u{a0}'..='\u{ff}' => c as u32 as u8,
            '€' => 0x80,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            'Š' => 0x8a,
            'š' => 0x9a,
            'Ž' => 0x8e,
            'ž' => 0x9e,
            _ => b'?',
        })
        .collect()
}

/// One laid-out line: font, size, x, y, text.
type Line = (&'static [u8], f32, f32, f32, String);

/// Renders blocks into a PDF with a footer line on each page.
pub fn render(blocks: &[Block], title: &str, footer: &str) -> Vec<u8> {
    let width = PAGE_WIDTH - 2.0 * MARGIN;
    // Lay out lines: (font, size, x, text) per page.
    let mut pages: Vec<Vec<Line>> = vec![Vec::new()];
    let mut y = PAGE_HEIGHT - MARGIN;
    let place = |font: &'static [u8],
                 size: f32,
                 leading: f32,
                 x: f32,
                 text: String,
                 pages: &mut Vec<Vec<_>>,
                 y: &mut f32| {
        if *y - leading < MARGIN + 20.0 {
            pages.push(Vec::new());
            *y = PAGE_HEIGHT - MARGIN;
        }
        *y -= leading;
        pages
            .last_mut()
            .expect("a page")
            .push((font, size, x, *y, text));
    };
    for block in blocks {
        let s = style(block);
        y -= s.before;
        match block {
            Block::Title(text) | Block::Heading(text) | Block::Paragraph(text) => {
                for line in wrap(text, s.size, width) {
                    place(s.font, s.size, s.leading, MARGIN, line, &mut pages, &mut y);
                }
            }
            Block::Field(label, value) => {
                let label_width = 150.0;
                let lines = wrap(value, s.size, width - label_width);
                for (i, line) in lines.into_iter().enumerate() {
                    if i == 0 {
                        place(
                            b"F2",
                            s.size,
                            0.0,
                            MARGIN,
                            label.clone(),
                            &mut pages,
                            &mut y,
                        );
                        place(
                            s.font,
                            s.size,
                            s.leading,
                            MARGIN + label_width,
                            line,
                            &mut pages,
                            &mut y,
                        );
                    } else {
                        place(
                            s.font,
                            s.size,
                            s.leading,
                            MARGIN + label_width,
                            line,
                            &mut pages,
                            &mut y,
                        );
                    }
                }
            }
            Block::Space => y -= 8.0,
        }
    }

    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let first_page = 10;
    let page_refs: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(first_page + 2 * i as i32))
        .collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_refs.iter().copied())
        .count(pages.len() as i32);
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.document_info(info)
        .title(pdf_writer::TextStr(title))
        .producer(pdf_writer::TextStr("Kortisto"));
    let total = pages.len();
    for (index, lines) in pages.into_iter().enumerate() {
        let page_ref = page_refs[index];
        let content_ref = Ref::new(page_ref.get() + 1);
        let mut page = pdf.page(page_ref);
        page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
        page.parent(tree);
        page.contents(content_ref);
        let mut resources = page.resources();
        let mut fonts = resources.fonts();
        fonts.pair(Name(b"F1"), regular);
        fonts.pair(Name(b"F2"), bold);
        fonts.finish();
        resources.finish();
        page.finish();
        let mut content = Content::new();
        for (font, size, x, line_y, text) in lines {
            content.begin_text();
            content.set_font(Name(font), size);
            content.next_line(x, line_y);
            content.show(Str(&win_ansi(&text)));
            content.end_text();
        }
        content.begin_text();
        content.set_font(Name(b"F1"), 8.0);
        content.next_line(MARGIN, MARGIN - 10.0);
        content.show(Str(&win_ansi(&format!(
            "{footer} — {}/{}",
            index + 1,
            total
        ))));
        content.end_text();
        pdf.stream(content_ref, &content.finish());
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_and_paginates_into_a_pdf() {
        let mut blocks = vec![Block::Title("Otsikko ÅÄÖ".into())];
        for i in 0..200 {
            blocks.push(Block::Field(format!("Rivi {i}"), "sana ".repeat(40)));
        }
        let bytes = render(&blocks, "Testi", "Kortisto");
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(
            bytes
                .windows(6)
                .filter(|w| w == b"/Page\n" || w == b"/Page ")
                .count()
                >= 1
        );
        assert!(wrap(&"x".repeat(500), 10.0, 100.0).len() > 3);
        assert_eq!(win_ansi("äö€"), vec![0xe4, 0xf6, 0x80]);
    }
}
