import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from './woff';

/** A WOFF of two tables, one stored compressed and one as is. */
function woffOf(tables: { tag: string; data: Buffer; compress: boolean }[]): Buffer {
  const header = Buffer.alloc(44 + 20 * tables.length);
  header.write('wOFF', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt16BE(tables.length, 12);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tables.forEach((table, i) => {
    const stored = table.compress ? deflateSync(table.data) : table.data;
    const at = 44 + i * 20;
    header.write(table.tag, at, 'latin1');
    header.writeUInt32BE(offset, at + 4);
    header.writeUInt32BE(stored.length, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    header.writeUInt32BE(0x1234 + i, at + 16);
    const padded = Buffer.alloc((stored.length + 3) & ~3);
    stored.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

describe('WOFF to OpenType', () => {
  it('restores every table, inflated, in a valid sfnt directory', () => {
    const cmap = Buffer.from('cmap-table-data-'.repeat(20));
    const head = Buffer.from('head54');
    const sfnt = woffToSfnt(woffOf([{ tag: 'cmap', data: cmap, compress: true }, { tag: 'head', data: head, compress: false }]));
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    expect(sfnt.readUInt16BE(4)).toBe(2);
    expect(sfnt.readUInt16BE(6)).toBe(32); // searchRange: 2 tables → 2 × 16
    const entry = (i: number) => ({
      tag: sfnt.toString('latin1', 12 + i * 16, 16 + i * 16),
      checksum: sfnt.readUInt32BE(16 + i * 16),
      data: sfnt.subarray(sfnt.readUInt32BE(20 + i * 16), sfnt.readUInt32BE(20 + i * 16) + sfnt.readUInt32BE(24 + i * 16)),
    });
    expect(entry(0)).toEqual({ tag: 'cmap', checksum: 0x1234, data: cmap });
    expect(entry(1)).toEqual({ tag: 'head', checksum: 0x1235, data: head });
    expect(sfnt.readUInt32BE(20 + 16) % 4).toBe(0);
  });

  it('refuses what is not a WOFF', () => {
    expect(() => woffToSfnt(Buffer.from('not a font at all, just some bytes here to be long enough'))).toThrow('不是 WOFF');
  });

  it('converts the shipped Noto Sans SC files', () => {
    const files = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json')), 'files');
    const name = readdirSync(files).find((file) => /-400-normal\.woff$/.test(file))!;
    const sfnt = woffToSfnt(readFileSync(join(files, name)));
    const tags = Array.from({ length: sfnt.readUInt16BE(4) }, (_, i) => sfnt.toString('latin1', 12 + i * 16, 16 + i * 16));
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'name']));
  });
});
