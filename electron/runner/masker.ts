/**
 * Replaces secret values with *** in streamed text. A secret may arrive split across two chunks, so the
 * end of a chunk that could be the start of a secret is held back until the next chunk (or the end).
 */

export const MASK = '***';
/* Shorter values would mask ordinary text everywhere (Airflow skips short secrets too). */
export const MIN_SECRET_LENGTH = 3;

export class SecretMasker {
  private readonly secrets: string[];
  private readonly pattern: RegExp | null;
  private held = '';

  constructor(secrets: Iterable<string>) {
    this.secrets = [...new Set([...secrets].filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
    this.pattern = this.secrets.length > 0 ? new RegExp(this.secrets.map(escapeRegExp).join('|'), 'g') : null;
  }

  get active(): boolean {
    return this.pattern !== null;
  }

  /** Masks a whole string (a rendered command, a return value): nothing is held back. */
  mask(text: string): string {
    return this.pattern ? text.replace(this.pattern, MASK) : text;
  }

  /** Masks the next chunk of a stream; returns what can be emitted now. */
  push(chunk: string): string {
    if (!this.pattern) return chunk;
    const text = this.held + chunk;
    let out = '';
    let last = 0;
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(text); m; m = this.pattern.exec(text)) {
      out += text.slice(last, m.index) + MASK;
      last = m.index + m[0].length;
    }
    const tail = text.slice(last);
    const keep = this.prefixLength(tail);
    this.held = tail.slice(tail.length - keep);
    return out + tail.slice(0, tail.length - keep);
  }

  /** The end of the stream: what was held back is not a secret after all. */
  end(): string {
    const rest = this.held;
    this.held = '';
    return rest;
  }

  /** Length of the longest suffix of `text` that is a proper prefix of some secret. */
  private prefixLength(text: string): number {
    let best = 0;
    for (const secret of this.secrets) {
      for (let k = Math.min(secret.length - 1, text.length); k > best; k--) {
        if (text.endsWith(secret.slice(0, k))) {
          best = k;
          break;
        }
      }
    }
    return best;
  }

  /** Masks every string inside a JSON-like value. */
  maskDeep<T>(value: T): T {
    if (!this.pattern) return value;
    if (typeof value === 'string') return this.mask(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.maskDeep(v)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.maskDeep(v)])) as T;
    }
    return value;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
