/*
 * Log offsets are byte offsets in the UTF-8 file, while the UI holds JavaScript strings. These two helpers
 * convert between them without allocating an encoded copy of every chunk.
 */

// Logs are mostly ASCII: a native regex scan settles that case far faster than a loop over every character.
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const NON_ASCII = /[^\u0000-\u007f]/;

/** The number of bytes `text` takes in UTF-8. */
export function utf8Length(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * `text` without its first `bytes` bytes. A count that ends inside a character drops that whole character,
 * so the result always starts on a character boundary.
 */
export function dropUtf8Bytes(text: string, bytes: number): string {
  if (bytes <= 0) return text;
  if (!NON_ASCII.test(text)) return text.slice(bytes);
  let seen = 0;
  let i = 0;
  while (i < text.length && seen < bytes) {
    const code = text.charCodeAt(i);
    if (code < 0x80) seen += 1;
    else if (code < 0x800) seen += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      seen += 4;
      i++;
    } else seen += 3;
    i++;
  }
  return text.slice(i);
}
