import { createRequire } from "node:module";
import type { MailAttachment } from "../mail/template.js";

/** What a printed document holds, top to bottom: the house's one look for receipts and letters. */
export type PdfBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  /** Label and value pairs, one per line ("Reference: 2026-0007"). */
  | { kind: "facts"; rows: [string, string][] }
  /** A small table; the last column is set to the right (sums). */
  | { kind: "table"; head: string[]; rows: string[][] };

export interface PdfDocument {
  /** The sender at the top (the tenant's name) and the document's title. */
  sender: string;
  title: string;
  lang: string;
  /** A line under the title, e.g. the date and place. */
  subtitle?: string;
  blocks: PdfBlock[];
}

// pdfkit is loaded only when a document is made: it is large and most requests never need it.
const require = createRequire(import.meta.url);

const MARGIN = 56;
const INK = "#1e1e1e";
const MUTED = "#555555";

/** Draws the document on A4 with the standard Helvetica (it has æ, ø, å and €) and returns the bytes. */
export function renderPdf(doc: PdfDocument): Promise<Buffer> {
  const PDFDocument = require("pdfkit") as typeof import("pdfkit");
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    lang: doc.lang,
    displayTitle: true,
    info: { Title: doc.title, Author: doc.sender, Creator: "Sammen" },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const width = pdf.page.width - 2 * MARGIN;

  pdf.font("Helvetica").fontSize(10).fillColor(MUTED).text(doc.sender);
  pdf.moveDown(1.5).font("Helvetica-Bold").fontSize(18).fillColor(INK).text(doc.title, { width });
  if (doc.subtitle) pdf.moveDown(0.3).font("Helvetica").fontSize(10).fillColor(MUTED).text(doc.subtitle);
  pdf.moveDown(1);

  for (const block of doc.blocks) {
    if (block.kind === "heading") pdf.moveDown(0.6).font("Helvetica-Bold").fontSize(13).fillColor(INK).text(block.text, { width }).moveDown(0.3);
    else if (block.kind === "paragraph") pdf.font("Helvetica").fontSize(11).fillColor(INK).text(block.text, { width, lineGap: 2 }).moveDown(0.6);
    else if (block.kind === "facts") {
      for (const [label, value] of block.rows) {
        pdf
          .font("Helvetica-Bold")
          .fontSize(11)
          .fillColor(INK)
          .text(`${label}: `, { continued: true })
          .font("Helvetica")
          .text(value || "–", { width });
      }
      pdf.moveDown(0.6);
    } else drawTable(pdf, block, width);
  }
  pdf.end();
  return done;
}

function drawTable(pdf: PDFKit.PDFDocument, table: Extract<PdfBlock, { kind: "table" }>, width: number) {
  const columns = table.head.length;
  const last = width * 0.3;
  const other = columns > 1 ? (width - last) / (columns - 1) : width;
  const row = (cells: string[], bold: boolean) => {
    const y = pdf.y;
    let height = 0;
    cells.forEach((cell, i) => {
      const isLast = i === columns - 1 && columns > 1;
      const x = MARGIN + (isLast ? width - last : i * other);
      pdf
        .font(bold ? "Helvetica-Bold" : "Helvetica")
        .fontSize(10)
        .fillColor(INK);
      const options = { width: isLast ? last : other - 6, align: isLast ? ("right" as const) : ("left" as const) };
      height = Math.max(height, pdf.heightOfString(cell, options));
      pdf.text(cell, x, y, options);
    });
    pdf.x = MARGIN;
    pdf.y = y + height + 4;
    pdf
      .moveTo(MARGIN, pdf.y - 2)
      .lineTo(MARGIN + width, pdf.y - 2)
      .strokeColor("#cccccc")
      .lineWidth(0.5)
      .stroke();
  };
  row(table.head, true);
  for (const cells of table.rows) row(cells, false);
  pdf.moveDown(0.8);
}

/** The document as a mail attachment. */
export const pdfAttachment = (filename: string, bytes: Buffer): MailAttachment => ({
  filename,
  contentType: "application/pdf",
  content: bytes.toString("base64"),
  encoding: "base64",
});
