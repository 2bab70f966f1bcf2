/** Ways a cache file can be found damaged: each must read as no cache at all. */
export const DAMAGE: [string, (bytes: Buffer) => Buffer][] = [
  ['truncated', (b) => b.subarray(0, Math.floor(b.length / 2))],
  ['empty', () => Buffer.alloc(0)],
  ['garbage', (b) => Buffer.from(b.map((_, i) => (i * 7919 + 13) & 0xff))],
  ['a byte changed in the middle', (b) => flip(b, Math.floor(b.length / 2))],
  ['a byte changed near the end', (b) => flip(b, b.length - 3)],
  ['from another format version', (b) => withU32(b, 8, b.readUInt32LE(8) + 1)],
  ['of another kind', (b) => withU32(b, 12, b.readUInt32LE(12) === 1 ? 2 : 1)],
  ['from another build', (b) => flip(b, 28)],
  ['with bytes appended', (b) => Buffer.concat([b, Buffer.from('more')])],
];

/** A copy with one byte changed. */
export function flip(b: Buffer, at: number): Buffer {
  const c = Buffer.from(b);
  c[at] = c[at]! ^ 0x20;
  return c;
}

/** A copy with a 32-bit little-endian number written at a place. */
export function withU32(b: Buffer, at: number, v: number): Buffer {
  const c = Buffer.from(b);
  c.writeUInt32LE(v >>> 0, at);
  return c;
}
