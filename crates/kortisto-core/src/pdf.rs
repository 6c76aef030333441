//! A small PDF writer for readable documents (the subject-access extract, the privacy
//! notice, the record of processing): headings, paragraphs and label–value lines on A4 pages,
//! wrapped and paginated, in DejaVu Sans embedded as a subset (a Unicode TrueType font shipped
//! in `fonts/`, licence beside it), so every name prints — Sámi, Cyrillic, Greek alike — and
//! a ToUnicode map lets readers copy and search the text. Built on `pdf-writer`, `subsetter`
//! and `ttf-parser`.
use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};

/// DejaVu Sans and its bold (Bitstream Vera licence, `fonts/LICENSE-DejaVu.txt`).
const REGULAR_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// One embedded font: the parsed face and the glyphs used so far.
struct Font {
    face: ttf_parser::Face<'static>,
    data: &'static [u8],
    units_per_em: f32,
    /// Original glyph id → the character it shows (for the ToUnicode map).
    used: BTreeMap<u16, char>,
}

impl Font {
    fn new(data: &'static [u8]) -> Self {
        let face = ttf_parser::Face::parse(data, 0).expect("the shipped font parses");
        let units_per_em = f32::from(face.units_per_em());
        Self {
            face,
            data,
            units_per_em,
            used: BTreeMap::new(),
        }
    }

    /// The glyph of `c`; a character the font lacks shows as `?` rather than vanishing.
    fn glyph(&self, c: char) -> (u16, char) {
        match self.face.glyph_index(c) {
            Some(id) => (id.0, c),
            None => (self.face.glyph_index('?').map(|g| g.0).unwrap_or(0), '?'),
        }
    }

    fn advance(&self, glyph: u16) -> f32 {
        f32::from(
            self.face
                .glyph_hor_advance(ttf_parser::GlyphId(glyph))
                .unwrap_or(0),
        ) * 1000.0
            / self.units_per_em
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| self.advance(self.glyph(c).0))
            .sum::<f32>()
            * size
            / 1000.0
    }
}

fn font_for(fonts: &[Font; 2], key: &[u8]) -> usize {
    usize::from(key == b"F2").min(fonts.len() - 1)
}

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

/// Wraps `text` into lines no wider than `width` points.
fn wrap(font: &Font, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if font.width(&candidate, size) <= width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_string();
            }
            // A single word wider than the line is cut.
            while font.width(&line, size) > width && line.chars().count() > 1 {
                let mut cut = String::new();
                for c in line.chars() {
                    if font.width(&format!("{cut}{c}"), size) > width {
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

/// One laid-out line: font, size, x, y, text.
type Line = (&'static [u8], f32, f32, f32, String);

/// Renders blocks into a PDF with a footer line on each page.
pub fn render(blocks: &[Block], title: &str, footer: &str) -> Vec<u8> {
    let mut fonts = [Font::new(REGULAR_TTF), Font::new(BOLD_TTF)];
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
                for line in wrap(&fonts[font_for(&fonts, s.font)], text, s.size, width) {
                    place(s.font, s.size, s.leading, MARGIN, line, &mut pages, &mut y);
                }
            }
            Block::Field(label, value) => {
                let label_width = 150.0;
                let lines = wrap(
                    &fonts[font_for(&fonts, s.font)],
                    value,
                    s.size,
                    width - label_width,
                );
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

    let total = pages.len();
    let footers: Vec<String> = (0..total)
        .map(|index| format!("{footer} — {}/{}", index + 1, total))
        .collect();
    // Every glyph shown, per font: the subsets and their maps are made from these.
    for lines in &pages {
        for (font, _, _, _, text) in lines {
            let index = font_for(&fonts, font);
            let f = &mut fonts[index];
            for c in text.chars() {
                let (glyph, shown) = f.glyph(c);
                f.used.entry(glyph).or_insert(shown);
            }
        }
    }
    for text in &footers {
        for c in text.chars() {
            let (glyph, shown) = fonts[0].glyph(c);
            fonts[0].used.entry(glyph).or_insert(shown);
        }
    }
    let mut remappers = [
        subsetter::GlyphRemapper::new(),
        subsetter::GlyphRemapper::new(),
    ];
    for (font, remapper) in fonts.iter().zip(remappers.iter_mut()) {
        for glyph in font.used.keys() {
            remapper.remap(*glyph);
        }
    }
    // A string of new glyph ids (Identity-H: two bytes each).
    let encode = |font: &Font, remapper: &subsetter::GlyphRemapper, text: &str| -> Vec<u8> {
        let mut bytes = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let new = remapper.get(font.glyph(c).0).unwrap_or(0);
            bytes.extend_from_slice(&new.to_be_bytes());
        }
        bytes
    };

    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let info = Ref::new(3);
    // Each font takes five objects: Type0, CIDFont, descriptor, font file, ToUnicode.
    let font_refs = [Ref::new(4), Ref::new(9)];
    let first_page = 20;
    let page_refs: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(first_page + 2 * i as i32))
        .collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_refs.iter().copied())
        .count(pages.len() as i32);
    for ((font, remapper), (base, tag)) in fonts.iter().zip(&remappers).zip([
        (font_refs[0], "KRTSAA+DejaVuSans"),
        (font_refs[1], "KRTSAB+DejaVuSans-Bold"),
    ]) {
        write_font(&mut pdf, font, remapper, base, tag);
    }
    pdf.document_info(info)
        .title(pdf_writer::TextStr(title))
        .producer(pdf_writer::TextStr("Kortisto"));
    for (index, lines) in pages.into_iter().enumerate() {
        let page_ref = page_refs[index];
        let content_ref = Ref::new(page_ref.get() + 1);
        let mut page = pdf.page(page_ref);
        page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
        page.parent(tree);
        page.contents(content_ref);
        let mut resources = page.resources();
        let mut font_dict = resources.fonts();
        font_dict.pair(Name(b"F1"), font_refs[0]);
        font_dict.pair(Name(b"F2"), font_refs[1]);
        font_dict.finish();
        resources.finish();
        page.finish();
        let mut content = Content::new();
        for (font, size, x, line_y, text) in lines {
            let i = font_for(&fonts, font);
            content.begin_text();
            content.set_font(Name(font), size);
            content.next_line(x, line_y);
            content.show(Str(&encode(&fonts[i], &remappers[i], &text)));
            content.end_text();
        }
        content.begin_text();
        content.set_font(Name(b"F1"), 8.0);
        content.next_line(MARGIN, MARGIN - 10.0);
        content.show(Str(&encode(&fonts[0], &remappers[0], &footers[index])));
        content.end_text();
        pdf.stream(content_ref, &content.finish());
    }
    pdf.finish()
}

/// Writes one font as a Type0 font over a CID-keyed TrueType subset: objects `base` …
/// `base + 4` (Type0, CIDFont, descriptor, font file, ToUnicode map).
fn write_font(
    pdf: &mut Pdf,
    font: &Font,
    remapper: &subsetter::GlyphRemapper,
    base: Ref,
    name: &str,
) {
    let cid_ref = Ref::new(base.get() + 1);
    let descriptor_ref = Ref::new(base.get() + 2);
    let file_ref = Ref::new(base.get() + 3);
    let cmap_ref = Ref::new(base.get() + 4);
    let name = Name(name.as_bytes());
    let system_info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(base)
        .base_font(name)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_ref)
        .to_unicode(cmap_ref);
    // New glyph ids in order, with their widths.
    let mut by_new: Vec<(u16, u16)> = font
        .used
        .keys()
        .filter_map(|old| remapper.get(*old).map(|new| (new, *old)))
        .collect();
    by_new.sort_unstable();
    let mut cid = pdf.cid_font(cid_ref);
    cid.subtype(CidFontType::Type2)
        .base_font(name)
        .system_info(system_info)
        .font_descriptor(descriptor_ref)
        .default_width(0.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    let mut widths = cid.widths();
    for (new, old) in &by_new {
        widths.consecutive(*new, [font.advance(*old)]);
    }
    widths.finish();
    cid.finish();
    let scale = |v: i16| f32::from(v) * 1000.0 / font.units_per_em;
    let bbox = font.face.global_bounding_box();
    pdf.font_descriptor(descriptor_ref)
        .name(name)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(
            scale(bbox.x_min),
            scale(bbox.y_min),
            scale(bbox.x_max),
            scale(bbox.y_max),
        ))
        .italic_angle(0.0)
        .ascent(scale(font.face.ascender()))
        .descent(scale(font.face.descender()))
        .cap_height(scale(
            font.face.capital_height().unwrap_or(font.face.ascender()),
        ))
        .stem_v(80.0)
        .font_file2(file_ref);
    // The shipped font always subsets; should it not, the whole font is embedded instead.
    let subset = subsetter::subset(font.data, 0, remapper).unwrap_or_else(|_| font.data.to_vec());
    pdf.stream(file_ref, &subset)
        .pair(Name(b"Length1"), subset.len() as i32);
    let mut cmap = UnicodeCmap::new(Name(b"Kortisto-UTF16"), system_info);
    for (new, old) in &by_new {
        if let Some(c) = font.used.get(old) {
            cmap.pair(*new, *c);
        }
    }
    pdf.cmap(cmap_ref, &cmap.finish());
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
        assert!(wrap(&Font::new(REGULAR_TTF), &"x".repeat(500), 10.0, 100.0).len() > 3);
    }
}
