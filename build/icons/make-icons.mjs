#!/usr/bin/env node
// Draws the dagstudio icon (three task nodes joined by edges on a rounded square) into PNGs of every size
// electron-builder wants, and the same picture as icon.svg. No image tools needed: shapes are signed-distance
// functions, sampled 4×4 (2×2 for large sizes) per pixel for anti-aliasing, written as PNG with node:zlib.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const here = new URL('.', import.meta.url);
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

// The picture in a 0..1 square.
const BG_TOP = [0x2f, 0x6b, 0xe8];
const BG_BOTTOM = [0x1b, 0x3f, 0x9e];
const FG = [0xff, 0xff, 0xff];
const ACCENT = [0x5e, 0xe0, 0xa8];
// A fan-out and fan-in: the smallest picture of a DAG.
const nodes = [
  { x: 0.22, y: 0.5, r: 0.095, color: ACCENT },
  { x: 0.5, y: 0.27, r: 0.085, color: FG },
  { x: 0.5, y: 0.73, r: 0.085, color: FG },
  { x: 0.78, y: 0.5, r: 0.095, color: FG },
];
const edges = [
  [0, 1],
  [0, 2],
  [1, 3],
  [2, 3],
];
const EDGE_HALF_WIDTH = 0.03;
const CORNER = 0.22;

function roundedSquare(x, y) {
  const qx = Math.abs(x - 0.5) - (0.5 - CORNER);
  const qy = Math.abs(y - 0.5) - (0.5 - CORNER);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - CORNER;
}

function segment(x, y, a, b) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - a.x - t * dx, y - a.y - t * dy) - EDGE_HALF_WIDTH;
}

function sample(x, y) {
  if (roundedSquare(x, y) > 0) return [0, 0, 0, 0];
  const bg = BG_TOP.map((c, i) => c + (BG_BOTTOM[i] - c) * y);
  for (const n of nodes) if (Math.hypot(x - n.x, y - n.y) <= n.r) return [...n.color, 255];
  for (const [a, b] of edges) if (segment(x, y, nodes[a], nodes[b]) <= 0) return [...FG, 255];
  return [...bg, 255];
}

function render(size) {
  const S = size >= 256 ? 2 : 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const [cr, cg, cb, ca] = sample((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const o = (py * size + px) * 4;
      rgba[o] = a ? Math.round(r / a) : 0;
      rgba[o + 1] = a ? Math.round(g / a) : 0;
      rgba[o + 2] = a ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round(a / (S * S));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const file = png(size, render(size));
  writeFileSync(new URL(`${size}x${size}.png`, here), file);
  if (size === 1024) writeFileSync(new URL('icon.png', here), file);
}

const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${hex(BG_TOP)}"/><stop offset="1" stop-color="${hex(BG_BOTTOM)}"/></linearGradient></defs>
  <rect width="1024" height="1024" rx="${CORNER * 1024}" fill="url(#bg)"/>
${edges.map(([a, b]) => `  <line x1="${nodes[a].x * 1024}" y1="${nodes[a].y * 1024}" x2="${nodes[b].x * 1024}" y2="${nodes[b].y * 1024}" stroke="${hex(FG)}" stroke-width="${EDGE_HALF_WIDTH * 2048}" stroke-linecap="round"/>`).join('\n')}
${nodes.map((n) => `  <circle cx="${n.x * 1024}" cy="${n.y * 1024}" r="${n.r * 1024}" fill="${hex(n.color)}"/>`).join('\n')}
</svg>
`;
writeFileSync(new URL('icon.svg', here), svg);
console.log(`wrote build/icons: ${SIZES.map((s) => `${s}x${s}`).join(', ')}, icon.png, icon.svg`);
