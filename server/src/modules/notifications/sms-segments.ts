// SMS length as the SMS centre counts it (3GPP TS 23.038 / 23.040), so the admin preview and the
// sender agree on what a message costs. Pure; no I/O.

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegmentInfo {
  encoding: SmsEncoding;
  /** septets for GSM-7 (an extension character costs 2), UTF-16 code units for UCS-2 */
  units: number;
  segments: number;
  /** capacity of each segment: 160/70 for a single SMS, 153/67 once the user-data header is needed */
  perSegment: number;
  /** units still free in the last segment before another one is needed */
  remainingInSegment: number;
}

// GSM 03.38 default alphabet. Only upper-case Ç (0x09) is in it: lower-case ç is not, so
// Azerbaijani "ç" (like ə, ı, ş, ğ) forces UCS-2 rather than being silently swapped by the SMSC.
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// Extension table: sent as ESC + character, so each costs two septets.
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const LIMITS = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const;

function isGsm7(text: string): boolean {
  for (const ch of text) {
    if (!GSM_BASIC.has(ch) && !GSM_EXTENSION.has(ch)) return false;
  }
  return true;
}

/** Cost of each indivisible piece: an escaped GSM character or a surrogate pair never straddles two segments. */
function pieces(text: string, encoding: SmsEncoding): { text: string; units: number }[] {
  // Iterating a string yields code points, so a surrogate pair stays one piece of 2 code units.
  return Array.from(text, (ch) => ({
    text: ch,
    units: encoding === 'GSM-7' ? (GSM_EXTENSION.has(ch) ? 2 : 1) : ch.length,
  }));
}

function pack(text: string): {
  encoding: SmsEncoding;
  units: number;
  parts: { text: string; units: number }[];
} {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const all = pieces(text, encoding);
  const units = all.reduce((sum, p) => sum + p.units, 0);
  const limit = LIMITS[encoding];
  if (units <= limit.single) return { encoding, units, parts: [{ text, units }] };

  // Greedy fill, as the SMSC does: a piece that does not fit whole opens the next segment.
  const parts: { text: string; units: number }[] = [];
  let current = { text: '', units: 0 };
  for (const piece of all) {
    if (current.units + piece.units > limit.multi) {
      parts.push(current);
      current = { text: '', units: 0 };
    }
    current.text += piece.text;
    current.units += piece.units;
  }
  parts.push(current);
  return { encoding, units, parts };
}

/**
 * Encoding, length and number of segments of an SMS text. An empty text is still one (empty) SMS.
 */
export function smsSegments(text: string): SmsSegmentInfo {
  const { encoding, units, parts } = pack(text);
  const perSegment = parts.length > 1 ? LIMITS[encoding].multi : LIMITS[encoding].single;
  const last = parts[parts.length - 1]!;
  return { encoding, units, segments: parts.length, perSegment, remainingInSegment: perSegment - last.units };
}

/** The text of each segment, split where the SMS centre would split it. */
export function splitSms(text: string): string[] {
  return pack(text).parts.map((p) => p.text);
}
