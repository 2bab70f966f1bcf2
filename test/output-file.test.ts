/** writeOutputFile: the whole text or nothing, never over a name already taken unless forced. */
import { readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { opener, writeOutputFile } from '../src/output-file.js';
import { tempDir } from './helpers/tmp.js';

describe('writing output to a file', () => {
  it('writes the text whole, relative to the working directory, and leaves no temporary file', () => {
    const dir = tempDir();
    const text = 'é'.repeat(300_000);
    writeOutputFile('out.html', text, { force: false, cwd: dir });
    expect(readFileSync(path.join(dir, 'out.html'), 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['out.html']);
  });

  it('refuses a name already taken, even by a dangling link, and replaces it only when forced', () => {
    const dir = tempDir();
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'link.html'));
    expect(() => writeOutputFile('link.html', 'x', { force: false, cwd: dir })).toThrow('link.html: a file is already there; nothing was written (--force replaces it)');
    expect(readlinkSync(path.join(dir, 'link.html'))).toBe(path.join(dir, 'nowhere'));
    expect(readdirSync(dir).sort()).toEqual(['link.html']);
    writeFileSync(path.join(dir, 'old.html'), 'old');
    writeOutputFile('old.html', 'new', { force: true, cwd: dir });
    expect(readFileSync(path.join(dir, 'old.html'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['link.html', 'old.html']);
  });

  it('names the opener of each system', () => {
    expect(opener('linux').command).toBe('xdg-open');
    expect(opener('darwin').command).toBe('open');
    expect([opener('win32').command, ...opener('win32').args('r.html')]).toEqual(['cmd', '/c', 'start', '""', 'r.html']);
  });
});
