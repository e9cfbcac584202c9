import { describe, expect, it } from 'vitest';
import { dropUtf8Bytes, utf8Length } from './utf8';

const encoder = new TextEncoder();

describe('utf8Length', () => {
  it('counts the bytes the text takes in a UTF-8 file, for every width of character', () => {
    for (const text of ['', 'plain ascii\n', 'café', '€ 100', 'emoji 🚀 done', 'mixed é€🚀\r\n', '\u{10348}']) {
      expect(utf8Length(text)).toBe(encoder.encode(text).length);
    }
  });

  it('counts a lone surrogate as the replacement character the encoder writes', () => {
    expect(utf8Length('a\ud800b')).toBe(encoder.encode('a\ud800b').length);
  });
});

describe('dropUtf8Bytes', () => {
  it('drops exactly that many bytes when the count ends between characters', () => {
    const text = 'é€🚀x';
    expect(dropUtf8Bytes(text, 2)).toBe('€🚀x');
    expect(dropUtf8Bytes(text, 5)).toBe('🚀x');
    expect(dropUtf8Bytes(text, 9)).toBe('x');
    expect(dropUtf8Bytes(text, 10)).toBe('');
  });

  it('drops the whole character when the count ends inside it, and keeps the text when the count is zero', () => {
    expect(dropUtf8Bytes('€ab', 1)).toBe('ab');
    expect(dropUtf8Bytes('🚀ab', 3)).toBe('ab');
    expect(dropUtf8Bytes('abc', 0)).toBe('abc');
    expect(dropUtf8Bytes('abc', 99)).toBe('');
  });
});
