import QRCode from "qrcode";

/** A QR code as one SVG path of dark squares on a grid of `size` modules, with a quiet zone of `margin`. */
export interface QrDrawing {
  size: number;
  margin: number;
  path: string;
  text: string;
}

/** The QR code of a text (the stand's visitor page), drawn by the page as SVG; made with the `qrcode` library. */
export function qrDrawing(text: string, margin = 2): QrDrawing {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      parts.push(`M${start + margin} ${row + margin}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: modules.size + 2 * margin, margin, path: parts.join(""), text };
}
