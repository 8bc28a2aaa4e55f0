//! An invoice as an A4 PDF (issue 12), drawn with `krilla`: selectable text in an embedded,
//! subsetted DejaVu Sans (Latin and Cyrillic; Bitstream Vera licence, see `app/fonts`).
//!
//! Two steps: `layout` places every text run and rule on pages (plain data, tested without a
//! PDF), then `render` draws them. Coordinates are points from the page's top left.

use std::sync::LazyLock;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla::Document;

use crate::error::AppError;
use crate::i18n::t;
use crate::model::invoice::{InvoiceDocument, Party};
use crate::text;

static REGULAR_BYTES: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
static BOLD_BYTES: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// Parsed once per process: measuring text needs the advance widths.
static REGULAR_FACE: LazyLock<Option<rustybuzz::ttf_parser::Face<'static>>> =
    LazyLock::new(|| rustybuzz::ttf_parser::Face::parse(REGULAR_BYTES, 0).ok());
static BOLD_FACE: LazyLock<Option<rustybuzz::ttf_parser::Face<'static>>> =
    LazyLock::new(|| rustybuzz::ttf_parser::Face::parse(BOLD_BYTES, 0).ok());

/// A4 in points.
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 50.0;
const RIGHT: f32 = PAGE_WIDTH - MARGIN;
/// Where the body ends; the footer and page number sit below.
const BODY_BOTTOM: f32 = PAGE_HEIGHT - 90.0;

/// Column edges of the lines table: description from the left margin, then right-aligned
/// quantity, unit price and amount.
const QTY_RIGHT: f32 = 355.0;
const UNIT_RIGHT: f32 = 450.0;
const DESCRIPTION_WIDTH: f32 = 270.0;
/// The seller's and buyer's blocks; the invoice's facts sit to the right of the seller's.
const PARTY_WIDTH: f32 = 280.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weight {
    Regular,
    Bold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

/// One piece of text: `x` is its left edge (or right edge when right-aligned), `y` its baseline.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    x: f32,
    y: f32,
    size: f32,
    weight: Weight,
    grey: bool,
    align: Align,
    text: String,
}

/// What a page shows.
#[derive(Debug, Clone, Default, PartialEq)]
struct Page {
    runs: Vec<Run>,
    /// Horizontal rules: y and thickness, margin to margin.
    rules: Vec<(f32, f32)>,
}

/// Width of `text` at `size` points.
fn width(text: &str, size: f32, weight: Weight) -> f32 {
    let face = match weight {
        Weight::Regular => &*REGULAR_FACE,
        Weight::Bold => &*BOLD_FACE,
    };
    let Some(face) = face else {
        return 0.0;
    };
    let units: u32 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map(u32::from)
                .unwrap_or(0)
        })
        .sum();
    units as f32 * size / f32::from(face.units_per_em())
}

/// Breaks `text` into lines no wider than `max` (a word longer than a line stands alone).
fn wrap(text: &str, size: f32, weight: Weight, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && width(&candidate, size, weight) > max {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Places runs top to bottom, starting a new page when the body is full.
struct Layout {
    pages: Vec<Page>,
    y: f32,
}

impl Layout {
    fn new() -> Self {
        Layout {
            pages: vec![Page::default()],
            y: MARGIN,
        }
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a layout has a page")
    }

    /// Makes room for `height` more points, on a new page if this one is full.
    fn need(&mut self, height: f32) {
        if self.y + height > BODY_BOTTOM {
            self.pages.push(Page::default());
            self.y = MARGIN;
        }
    }

    fn text(&mut self, x: f32, size: f32, weight: Weight, align: Align, grey: bool, text: &str) {
        if text.is_empty() {
            return;
        }
        let y = self.y + size;
        self.page().runs.push(Run {
            x,
            y,
            size,
            weight,
            grey,
            align,
            text: text.to_string(),
        });
    }

    /// One line of text at the left margin; moves down.
    fn line(&mut self, size: f32, weight: Weight, text: &str) {
        self.need(size * 1.45);
        self.text(MARGIN, size, weight, Align::Left, false, text);
        self.y += size * 1.45;
    }

    fn rule(&mut self, thickness: f32) {
        let y = self.y;
        self.page().rules.push((y, thickness));
    }

    fn gap(&mut self, points: f32) {
        self.y += points;
    }
}

/// A party's block: name in bold, then its detail lines.
fn party_lines(party: &Party) -> Vec<(Weight, String)> {
    std::iter::once((Weight::Bold, party.legal_name.clone()))
        .chain(
            party
                .detail_lines()
                .into_iter()
                .map(|l| (Weight::Regular, l)),
        )
        .collect()
}

/// Every page of the invoice, laid out.
fn layout(invoice: &InvoiceDocument) -> Vec<Page> {
    let mut l = Layout::new();

    // Seller on the left, the invoice's identity on the right.
    let top = l.y;
    for (weight, line) in party_lines(&invoice.seller) {
        let size = if weight == Weight::Bold { 13.0 } else { 9.5 };
        for part in wrap(&line, size, weight, PARTY_WIDTH) {
            l.line(size, weight, &part);
        }
    }
    let seller_bottom = l.y;
    l.y = top;
    l.text(
        RIGHT,
        20.0,
        Weight::Bold,
        Align::Right,
        false,
        &t("invoice-title"),
    );
    l.y += 30.0;
    let facts = [
        (t("invoice-number-label"), invoice.number.clone()),
        (t("invoice-order"), invoice.order_id.to_string()),
        (
            t("invoice-issued"),
            crate::i18n::locale().date(invoice.issue_date),
        ),
        (
            t("invoice-due"),
            crate::i18n::locale().date(invoice.due_date),
        ),
        (t("invoice-status"), text::invoice_status(&invoice.status)),
    ];
    for (label, value) in facts {
        l.text(
            RIGHT - 110.0,
            9.5,
            Weight::Regular,
            Align::Right,
            true,
            &label,
        );
        l.text(RIGHT, 9.5, Weight::Bold, Align::Right, false, &value);
        l.y += 14.0;
    }
    l.y = l.y.max(seller_bottom) + 18.0;

    // Buyer.
    l.line(8.5, Weight::Regular, &t("invoice-buyer").to_uppercase());
    for (weight, line) in party_lines(&invoice.buyer) {
        let size = if weight == Weight::Bold { 11.0 } else { 9.5 };
        for part in wrap(&line, size, weight, PARTY_WIDTH) {
            l.line(size, weight, &part);
        }
    }
    l.gap(16.0);

    // Lines table.
    let header = |l: &mut Layout| {
        l.need(20.0);
        l.text(
            MARGIN,
            8.5,
            Weight::Bold,
            Align::Left,
            true,
            &t("col-description"),
        );
        l.text(
            QTY_RIGHT,
            8.5,
            Weight::Bold,
            Align::Right,
            true,
            &t("col-qty"),
        );
        l.text(
            UNIT_RIGHT,
            8.5,
            Weight::Bold,
            Align::Right,
            true,
            &t("col-unit-price"),
        );
        l.text(
            RIGHT,
            8.5,
            Weight::Bold,
            Align::Right,
            true,
            &t("col-amount"),
        );
        l.y += 14.0;
        l.rule(0.8);
        l.y += 6.0;
    };
    header(&mut l);
    for line in &invoice.lines {
        let mut description = wrap(
            &text::line_description(&line.description),
            9.5,
            Weight::Regular,
            DESCRIPTION_WIDTH,
        );
        let mut notes = Vec::new();
        if let Some(service) = &line.service {
            notes.extend(wrap(
                &text::service_period(service),
                8.0,
                Weight::Regular,
                DESCRIPTION_WIDTH,
            ));
        }
        let detail = text::price_from(line.price_from);
        if !detail.is_empty() {
            notes.extend(wrap(&detail, 8.0, Weight::Regular, DESCRIPTION_WIDTH));
        }
        let height = description.len() as f32 * 13.0 + notes.len() as f32 * 11.0 + 8.0;
        let page_before = l.pages.len();
        l.need(height);
        if l.pages.len() != page_before {
            header(&mut l);
        }
        l.text(
            QTY_RIGHT,
            9.5,
            Weight::Regular,
            Align::Right,
            false,
            &line.quantity.to_string(),
        );
        l.text(
            UNIT_RIGHT,
            9.5,
            Weight::Regular,
            Align::Right,
            false,
            &crate::i18n::locale().amount(&line.unit_price),
        );
        l.text(
            RIGHT,
            9.5,
            Weight::Regular,
            Align::Right,
            false,
            &crate::i18n::locale().amount(&line.amount),
        );
        for text in description.drain(..) {
            l.text(MARGIN, 9.5, Weight::Regular, Align::Left, false, &text);
            l.y += 13.0;
        }
        for note in notes {
            l.text(MARGIN, 8.0, Weight::Regular, Align::Left, true, &note);
            l.y += 11.0;
        }
        l.y += 2.0;
        l.rule(0.3);
        l.y += 6.0;
    }

    // Totals, right-aligned under the amounts.
    l.need(70.0);
    l.gap(4.0);
    let totals = [
        (
            t("invoice-subtotal"),
            crate::i18n::locale().amount(&invoice.subtotal),
            Weight::Regular,
        ),
        (
            text::invoice_tax(&invoice.tax_rate),
            crate::i18n::locale().amount(&invoice.tax),
            Weight::Regular,
        ),
        (
            format!("{} ({})", t("invoice-total"), invoice.currency),
            crate::i18n::locale().amount(&invoice.total),
            Weight::Bold,
        ),
    ];
    for (label, value, weight) in totals {
        let size = if weight == Weight::Bold { 11.0 } else { 9.5 };
        l.text(UNIT_RIGHT, size, weight, Align::Right, false, &label);
        l.text(RIGHT, size, weight, Align::Right, false, &value);
        l.y += size + 6.0;
    }
    if !invoice.tax_note.is_empty() {
        for note in wrap(&invoice.tax_note, 8.5, Weight::Regular, RIGHT - MARGIN) {
            l.line(8.5, Weight::Regular, &note);
        }
    }
    l.gap(14.0);

    // How to pay.
    l.need(80.0);
    l.line(8.5, Weight::Regular, &t("invoice-payment").to_uppercase());
    let instruction = text::invoice_pay_by(
        &invoice.total,
        &invoice.currency,
        invoice.due_date,
        &invoice.payment_reference,
    );
    for line in wrap(&instruction, 9.5, Weight::Regular, RIGHT - MARGIN) {
        l.line(9.5, Weight::Regular, &line);
    }
    let bank = [
        (t("invoice-payment-reference"), &invoice.payment_reference),
        (t("invoice-iban"), &invoice.bank.iban),
        (t("invoice-bic"), &invoice.bank.bic),
        (t("invoice-bank"), &invoice.bank.bank_name),
    ];
    for (label, value) in bank {
        if !value.is_empty() {
            l.need(14.0);
            l.text(MARGIN, 9.5, Weight::Regular, Align::Left, true, &label);
            l.text(MARGIN + 110.0, 9.5, Weight::Bold, Align::Left, false, value);
            l.y += 14.0;
        }
    }

    // Footer and page numbers on every page.
    let pages = l.pages.len();
    let footer = wrap(&invoice.footer, 7.5, Weight::Regular, RIGHT - MARGIN - 70.0);
    for (index, page) in l.pages.iter_mut().enumerate() {
        page.rules.push((BODY_BOTTOM + 20.0, 0.3));
        for (i, line) in footer.iter().enumerate() {
            page.runs.push(Run {
                x: MARGIN,
                y: BODY_BOTTOM + 34.0 + i as f32 * 10.0,
                size: 7.5,
                weight: Weight::Regular,
                grey: true,
                align: Align::Left,
                text: line.clone(),
            });
        }
        page.runs.push(Run {
            x: RIGHT,
            y: BODY_BOTTOM + 34.0,
            size: 7.5,
            weight: Weight::Regular,
            grey: true,
            align: Align::Right,
            text: format!("{} · {}", invoice.number, text::page_of(index + 1, pages)),
        });
    }
    l.pages
}

/// [`render`] in `locale`, on tokio's blocking pool: a PDF takes about 2.5 ms of one core
/// (docs/performance.md), and on one of the runtime's two workers it would hold up every
/// request queued behind it, a purchase holding the database's one writer among them (issue
/// 18). Gives the document back with its bytes.
pub async fn render_in(
    locale: crate::i18n::Locale,
    invoice: InvoiceDocument,
) -> Result<(InvoiceDocument, Vec<u8>), AppError> {
    tokio::task::spawn_blocking(move || {
        let pdf = crate::i18n::in_locale(locale, || render(&invoice))?;
        Ok((invoice, pdf))
    })
    .await
    .map_err(|error| AppError::internal(format_args!("invoice rendering stopped: {error}")))?
}

/// The invoice as PDF bytes: A4, text selectable and searchable, fonts embedded.
pub fn render(invoice: &InvoiceDocument) -> Result<Vec<u8>, AppError> {
    let font = |bytes: &'static [u8]| {
        Font::new(bytes.into(), 0).ok_or_else(|| AppError::internal("invoice font unreadable"))
    };
    let (regular, bold) = (font(REGULAR_BYTES)?, font(BOLD_BYTES)?);
    let grey = rgb::Color::new(90, 90, 90);
    let black = rgb::Color::new(0, 0, 0);
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} {}", t("invoice-title"), invoice.number))
            .creator("Support Portal".to_string())
            .language("en".to_string()),
    );
    for page_layout in layout(invoice) {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
            .ok_or_else(|| AppError::internal("A4 page size rejected"))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for (y, thickness) in &page_layout.rules {
            let mut path = PathBuilder::new();
            path.move_to(MARGIN, *y);
            path.line_to(RIGHT, *y);
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: rgb::Color::new(170, 170, 170).into(),
                    width: *thickness,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        for run in &page_layout.runs {
            let x = match run.align {
                Align::Left => run.x,
                Align::Right => run.x - width(&run.text, run.size, run.weight),
            };
            surface.set_fill(Some(Fill {
                paint: if run.grey { grey } else { black }.into(),
                ..Fill::default()
            }));
            let font = match run.weight {
                Weight::Regular => regular.clone(),
                Weight::Bold => bold.clone(),
            };
            surface.draw_text(
                Point::from_xy(x, run.y),
                font,
                run.size,
                &run.text,
                false,
                TextDirection::Auto,
            );
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|error| AppError::internal(format_args!("invoice PDF: {error:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_measured_and_wrapped_to_the_column() {
        assert!(width("1180.00", 9.5, Weight::Regular) > 20.0);
        assert!(width("W", 10.0, Weight::Bold) > width("i", 10.0, Weight::Bold));
        let long = "Terrasoft CRM licenses, version 7.13, for the sales team in the Kyiv office";
        let lines = wrap(long, 9.5, Weight::Regular, DESCRIPTION_WIDTH);
        assert!(lines.len() > 1);
        assert!(lines
            .iter()
            .all(|line| width(line, 9.5, Weight::Regular) <= DESCRIPTION_WIDTH));
        assert_eq!(lines.join(" "), long);
        // Cyrillic has glyphs in the embedded font.
        assert!(width("Рахунок", 9.5, Weight::Regular) > 20.0);
    }
}
