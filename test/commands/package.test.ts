/** What the packed tarball holds: the README's links resolve, and there is a licence. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the package', () => {
  it('ships LICENSE and src/cite/STYLES.md (which the README links), and no code cache', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'src/cite/STYLES.md', 'README.md', 'bin/zgc', 'dist/zgc.cjs']));
    expect(files.filter((f) => f.endsWith('.codecache'))).toEqual([]);
  });
});
