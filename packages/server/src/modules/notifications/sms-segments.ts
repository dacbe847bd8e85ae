/**
 * How many SMS segments a text takes (docs/RULES.md 17.3): GSM 7-bit text fits 160 characters in one
 * segment and 153 in each of several; any other character (Chinese) makes the whole message UCS-2, 70
 * characters in one segment and 67 in each of several. A template is kept to one segment.
 */
const GSM_7BIT =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€';

export function smsSegments(text: string): { encoding: 'gsm-7' | 'ucs-2'; units: number; segments: number } {
  const chars = [...text];
  const gsm = chars.every((char) => GSM_7BIT.includes(char) || GSM_EXTENDED.includes(char));
  if (gsm) {
    const units = chars.reduce((sum, char) => sum + (GSM_EXTENDED.includes(char) ? 2 : 1), 0);
    return { encoding: 'gsm-7', units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  // UCS-2 counts UTF-16 code units: a character outside the basic plane takes two.
  const units = text.length;
  return { encoding: 'ucs-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}
