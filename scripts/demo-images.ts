// Simple generated pictures for the demo: a logo per association (its initials on a coloured square).
import sharp from "sharp";

const COLOURS = ["#0b5e7e", "#7a3e9d", "#1d7a46", "#b3541e", "#a12c4b", "#2f5aa8", "#6b6b1f", "#136f6f", "#8a4b08", "#4b3f8f"];

const initials = (name: string) =>
  name
    .replace(/^Sønderby /, "")
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .slice(0, 2)
    .map((w) => w[0])
    .join("") ||
  (name[0] ?? "?");

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** A 256 px PNG logo: the association's initials in white on one of ten colours, with a ring. */
export async function logoPng(name: string, index: number): Promise<Buffer> {
  const colour = COLOURS[index % COLOURS.length];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect width="256" height="256" rx="48" fill="${colour}"/>
  <circle cx="128" cy="128" r="92" fill="none" stroke="#ffffff" stroke-opacity="0.35" stroke-width="10"/>
  <text x="128" y="128" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-weight="700" font-size="88" fill="#ffffff">${xml(initials(name))}</text>
</svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}
