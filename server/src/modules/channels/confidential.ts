// R-REC-4: data classified confidential never goes out over a public social platform. Pure.
// What counts: payment card numbers (Luhn-valid), IBANs (checksum-valid), national ID numbers of
// the five countries, and passwords or one-time codes said as such.

export type ConfidentialKind = 'card_number' | 'iban' | 'national_id' | 'secret';

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function ibanValid(iban: string): boolean {
  const s = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of s) {
    const v = /[0-9]/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

/** Arabic-Indic and Persian digits read as ASCII, so "٤٥٣٢…" is caught too. */
function asciiDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

export function findConfidential(text: string): ConfidentialKind[] {
  const found = new Set<ConfidentialKind>();
  const t = asciiDigits(text);
  for (const m of t.matchAll(/(?:\d[ -]?){13,19}/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && luhn(digits)) found.add('card_number');
  }
  for (const m of t.toUpperCase().matchAll(/\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g)) {
    if (ibanValid(m[0].replace(/ /g, ''))) found.add('iban');
  }
  // Saudi national / iqama ids (10 digits starting 1 or 2), Kazakh IIN (12 digits), Jordanian national
  // numbers (10 digits starting 9 or 2), Azerbaijani FIN (7 characters) after a label
  if (/\b[12]\d{9}\b/.test(t) || /\b\d{12}\b/.test(t)) found.add('national_id');
  if (/\b(?:FIN|ФИН)[:\s]+[0-9A-Z]{7}\b/i.test(t)) found.add('national_id');
  if (
    /(password|пароль|құпия сөз|şifrə|parol|كلمة (?:ال)?(?:سر|مرور)|رمز التحقق|PIN|OTP)\s*[:=]?\s*\S+/iu.test(
      t,
    )
  )
    found.add('secret');
  return [...found];
}
