/**
 * The original pipeline file, carried inside the exported DAG file as a comment block, so
 * `dagstudio import` gives back the very same bytes. Base64 because a comment must not hold a raw
 * carriage return (Python ends a line there) and the bytes must survive exactly.
 */

export const EMBED_BEGIN = '# dagstudio:pipeline:begin';
export const EMBED_END = '# dagstudio:pipeline:end';
const LINE = 76;

/** FNV-1a over the bytes: catches a block edited by hand (not a security measure). */
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(data: string): string {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}

/** The comment block holding `source` (the pipeline file's text), ending with a newline. */
export function embedPipeline(source: string): string {
  const data = toBase64(source);
  const lines = [`${EMBED_BEGIN} bytes=${new TextEncoder().encode(source).length} fnv1a=${checksum(source)} (base64 of the .dag.json; \`dagstudio import\` restores it)`];
  for (let i = 0; i < data.length; i += LINE) lines.push('# ' + data.slice(i, i + LINE));
  lines.push(EMBED_END);
  return lines.join('\n') + '\n';
}

export type ExtractResult = { ok: true; source: string } | { ok: false; message: string };

/** The pipeline text embedded in a DAG file written by `dagstudio export`, or why there is none. */
export function extractPipeline(pythonText: string): ExtractResult {
  const lines = pythonText.split(/\r\n|\n|\r/);
  const begin = lines.findIndex((l) => l.startsWith(EMBED_BEGIN));
  if (begin < 0) {
    return { ok: false, message: 'no embedded pipeline: this file was not written by `dagstudio export` (the "# dagstudio:pipeline:begin" block is missing)' };
  }
  if (lines.slice(begin + 1).some((l) => l.startsWith(EMBED_BEGIN))) {
    return { ok: false, message: `more than one embedded pipeline block (line ${begin + 1} and later)` };
  }
  const end = lines.findIndex((l, i) => i > begin && l.trim() === EMBED_END);
  if (end < 0) return { ok: false, message: `the embedded pipeline starting at line ${begin + 1} has no "${EMBED_END}" line` };
  const size = /\bbytes=(\d+)\b/.exec(lines[begin] as string);
  let data = '';
  for (let i = begin + 1; i < end; i++) {
    const match = /^#\s?([A-Za-z0-9+/=]*)\s*$/.exec(lines[i] as string);
    if (!match) return { ok: false, message: `line ${i + 1} of the embedded pipeline is not base64 (was the block edited?)` };
    data += match[1];
  }
  let source: string;
  try {
    source = fromBase64(data);
  } catch {
    return { ok: false, message: `the embedded pipeline (lines ${begin + 1}-${end + 1}) is damaged: not valid base64 of UTF-8 text` };
  }
  if (size && Number(size[1]) !== new TextEncoder().encode(source).length) {
    return { ok: false, message: `the embedded pipeline (lines ${begin + 1}-${end + 1}) is damaged: ${size[1]} bytes expected, ${new TextEncoder().encode(source).length} found` };
  }
  const sum = /\bfnv1a=([0-9a-f]{8})\b/.exec(lines[begin] as string);
  if (sum && sum[1] !== checksum(source)) {
    return { ok: false, message: `the embedded pipeline (lines ${begin + 1}-${end + 1}) is damaged: its checksum does not match (was the block edited?)` };
  }
  return { ok: true, source };
}
