/** The shipped CSL files are the packages' files, unedited: the generator's check says so. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import apa from '../../src/cite/csl-files/apa.js';
import chicagoNotes from '../../src/cite/csl-files/chicago-notes.js';
import chicagoFullNote from '../../src/cite/csl-files/chicago-fullnote.js';

const root = path.resolve(__dirname, '../..');

describe('CSL files', () => {
  it('match the npm packages they are copied from', () => {
    const out = execFileSync(process.execPath, ['src/cite/update-csl-files.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(out).toBe('9 CSL files match their packages\n');
  });

  it('are the styles they are named for, with their licence', () => {
    expect(apa).toContain('<title>American Psychological Association 7th edition</title>');
    expect(chicagoNotes).toContain('<id>http://www.zotero.org/styles/chicago-note-bibliography</id>');
    expect(chicagoFullNote).toContain('<id>http://www.zotero.org/styles/chicago-fullnote-bibliography</id>');
    for (const style of [apa, chicagoNotes, chicagoFullNote]) expect(style).toContain('<rights license="http://creativecommons.org/licenses/by-sa/3.0/">');
  });
});
