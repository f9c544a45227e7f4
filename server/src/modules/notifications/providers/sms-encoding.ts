// How an SMS text goes over the air: GSM 03.38 (7-bit, data_coding 0) when every character is in
// that alphabet, UCS-2/UTF-16 (data_coding 8) otherwise — Arabic, Kazakh and Azerbaijani letters
// always need UCS-2. Long texts are cut into parts that a concatenation header (UDH) rejoins.
import smpp from 'smpp';

export interface SmsPlan {
  dataCoding: 0 | 8;
  /** Encoded payload of each part, without the UDH. */
  parts: Buffer[];
}

// Single message: 160 septets / 140 octets. With the 6-octet concatenation UDH: 153 / 134.
const LIMITS = {
  0: { single: 160, part: 153 },
  8: { single: 140, part: 134 },
} as const;

/** Longest concatenated message: the UDH counts parts in one octet. */
export const MAX_PARTS = 255;

export function isGsm7(text: string): boolean {
  return smpp.encodings.ASCII.match(text);
}

export function planSms(text: string): SmsPlan {
  const dataCoding = isGsm7(text) ? 0 : 8;
  // GSM is sent unpacked, one septet per octet, as SMPP expects for data_coding 0.
  const bytes = dataCoding === 0 ? smpp.encodings.ASCII.encode(text) : smpp.encodings.UCS2.encode(text);
  const { single, part } = LIMITS[dataCoding];
  if (bytes.length <= single) return { dataCoding, parts: [bytes] };
  const parts: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    let end = Math.min(start + part, bytes.length);
    if (end < bytes.length && splitsCharacter(bytes, end, dataCoding)) end -= dataCoding === 0 ? 1 : 2;
    parts.push(bytes.subarray(start, end));
    start = end;
  }
  return { dataCoding, parts };
}

export function countSegments(text: string): number {
  return planSms(text).parts.length;
}

// A GSM escape (0x1B) belongs with the septet after it; a UTF-16 high surrogate with its low half.
function splitsCharacter(bytes: Buffer, end: number, dataCoding: 0 | 8): boolean {
  if (dataCoding === 0) return bytes[end - 1] === 0x1b;
  const unit = bytes.readUInt16BE(end - 2);
  return unit >= 0xd800 && unit <= 0xdbff;
}
