import { AppError } from "../http/errors.js";
import type { MessageKey } from "../i18n/i18n.js";

const PK = [0x50, 0x4b, 0x03, 0x04];
/** What an uploaded document may be, known by its first bytes and its name together: PDF, pictures, and office documents. */
const KINDS: { ext: string[]; type: string; magic: number[] }[] = [
  { ext: ["pdf"], type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { ext: ["png"], type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { ext: ["jpg", "jpeg"], type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  { ext: ["docx"], type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: PK },
  { ext: ["xlsx"], type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: PK },
  { ext: ["pptx"], type: "application/vnd.openxmlformats-officedocument.presentationml.presentation", magic: PK },
  { ext: ["odt"], type: "application/vnd.oasis.opendocument.text", magic: PK },
  { ext: ["ods"], type: "application/vnd.oasis.opendocument.spreadsheet", magic: PK },
  { ext: ["odp"], type: "application/vnd.oasis.opendocument.presentation", magic: PK },
];

/** A file's name as it is kept and offered again: no folders, no control characters, not too long. */
export const cleanFileName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(-120) || "fil";

export interface DocumentUpload {
  data: Buffer;
  contentType: string;
  name: string;
}

/**
 * An uploaded document, checked by its bytes and its name together (a renamed program or a text file
 * called .pdf is refused): its bytes, its type as Sammen decides it, and its name. Null when no file
 * was chosen. Too large or of another kind: an error on `field` with the caller's messages.
 */
export async function documentUpload(
  file: unknown,
  field: string,
  rules: { maxBytes: number; tooLarge: MessageKey; wrongType: MessageKey },
): Promise<DocumentUpload | null> {
  if (!(file instanceof File) || file.size === 0) return null;
  if (file.size > rules.maxBytes) throw new AppError(413, "payload_too_large", rules.tooLarge, { [field]: rules.tooLarge });
  const name = cleanFileName(file.name);
  const ext = name.includes(".") ? (name.split(".").pop() ?? "").toLowerCase() : "";
  const data = Buffer.from(await file.arrayBuffer());
  const kind = KINDS.find((k) => k.ext.includes(ext) && k.magic.every((b, i) => data[i] === b));
  if (!kind) throw new AppError(415, "unsupported_media_type", rules.wrongType, { [field]: rules.wrongType });
  return { data, contentType: kind.type, name };
}
