// Simple generated pictures for the demo: a logo per association (its initials on a coloured square).

/** Loaded when a picture is drawn: a server started on an already seeded database never needs the image library. */
async function png(svg: string): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}

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
  return png(svg);
}

/** The three kinds of place the demo has a photo of, drawn as simple scenes. */
export type Scene = "hall" | "meeting" | "park";

/** A 960×540 PNG "photo" of a room or an outdoor space: walls and floor (or sky and grass) and a few things in it. */
export async function scenePng(scene: Scene): Promise<Buffer> {
  const parts: Record<Scene, string> = {
    hall: `<rect width="960" height="330" fill="#dfe7ec"/><rect y="330" width="960" height="210" fill="#c98f4f"/>
      ${[0, 1, 2, 3, 4, 5].map((i) => `<rect x="${80 + i * 34}" y="90" width="10" height="240" fill="#a86b2d"/>`).join("")}
      ${[0, 1, 2, 3, 4, 5, 6].map((i) => `<rect x="80" y="${100 + i * 32}" width="180" height="6" fill="#a86b2d"/>`).join("")}
      <rect x="360" y="380" width="420" height="4" fill="#ffffff"/><rect x="560" y="330" width="6" height="120" fill="#555"/>
      <rect x="620" y="270" width="260" height="50" fill="#2f5aa8"/>`,
    meeting: `<rect width="960" height="360" fill="#efe6d8"/><rect y="360" width="960" height="180" fill="#7d8a96"/>
      <rect x="620" y="70" width="250" height="190" fill="#9cc3de" stroke="#ffffff" stroke-width="12"/>
      <rect x="180" y="330" width="520" height="40" rx="8" fill="#8a5a2b"/><rect x="200" y="370" width="16" height="110" fill="#6b4420"/>
      <rect x="664" y="370" width="16" height="110" fill="#6b4420"/>
      ${[0, 1, 2, 3].map((i) => `<rect x="${210 + i * 125}" y="250" width="70" height="80" rx="10" fill="#1d7a46"/>`).join("")}`,
    park: `<rect width="960" height="300" fill="#a9d4f0"/><rect y="300" width="960" height="240" fill="#6fae4f"/>
      <circle cx="820" cy="90" r="48" fill="#ffd54a"/>
      ${[120, 330, 610].map((x) => `<rect x="${x - 10}" y="220" width="20" height="110" fill="#6b4420"/><circle cx="${x}" cy="190" r="80" fill="#2e7d32"/>`).join("")}
      <path d="M0 460 Q480 380 960 470" stroke="#d9c9a3" stroke-width="36" fill="none"/>`,
  };
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540" viewBox="0 0 960 540">${parts[scene]}</svg>`;
  return png(svg);
}
