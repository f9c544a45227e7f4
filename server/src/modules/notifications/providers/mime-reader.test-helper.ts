// Just enough of a MIME reader for tests to look inside what a real SMTP server received:
// headers (with RFC 2047 encoded words), multipart bodies, base64 and quoted-printable parts.

export interface MimePart {
  headers: Map<string, string>;
  /** Decoded body of a leaf part. */
  body: Buffer;
  parts: MimePart[];
}

export function readMime(raw: string | Buffer): MimePart {
  const text = typeof raw === 'string' ? raw : raw.toString('latin1');
  const split = text.indexOf('\r\n\r\n');
  const head = split < 0 ? text : text.slice(0, split);
  const content = split < 0 ? '' : text.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
  if (boundary) {
    const sections = content.split(`--${boundary}`).slice(1, -1);
    return { headers, body: Buffer.alloc(0), parts: sections.map((s) => readMime(s.replace(/^\r\n/, ''))) };
  }
  return { headers, body: decodeBody(content, headers.get('content-transfer-encoding')), parts: [] };
}

/** Every leaf part, depth first. */
export function leaves(part: MimePart): MimePart[] {
  return part.parts.length ? part.parts.flatMap(leaves) : [part];
}

function decodeBody(content: string, encoding = '7bit'): Buffer {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(content.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return qp(content.replace(/=\r\n/g, ''));
    default:
      return Buffer.from(content.replace(/\r\n$/, ''), 'latin1');
  }
}

function qp(text: string): Buffer {
  return Buffer.from(
    text.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  );
}

// Headers arrive as latin1 here; encoded words carry their own charset (always UTF-8 from nodemailer).
function decodeWords(value: string): string {
  const words = value.replace(/\?=\s+=\?/g, '?==?');
  return words.replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_, _charset, kind: string, data: string) =>
    (kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : qp(data.replace(/_/g, ' '))).toString('utf8'),
  );
}
