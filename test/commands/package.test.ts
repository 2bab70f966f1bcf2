/** What the packed tarball holds and how it installs: the README's links resolve, a licence, no install scripts (prepack takes out the postinstall that builds a clone, pinst). */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const root = path.resolve(__dirname, '../..');

describe('the package', () => {
  it('ships LICENSE and src/cite/STYLES.md (which the README links), and no code cache', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'src/cite/STYLES.md', 'README.md', 'bin/zgc', 'dist/zgc.cjs']));
    expect(files.filter((f) => f.endsWith('.codecache'))).toEqual([]);
  });

  it('installs globally with no warning about install scripts, and its runs write nothing into it', () => {
    const dir = tempDir('zgc-install-');
    execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const install = spawnSync('npm', ['install', '--global', '--prefer-offline', '--no-audit', '--no-fund', '--prefix', path.join(dir, 'global'), path.join(dir, tarball)], { encoding: 'utf8' });
    expect(install.status).toBe(0);
    expect(install.stderr).not.toMatch(/install-scripts|prepare/);
    const installed = path.join(dir, 'global', 'lib', 'node_modules', 'zgc');
    const env = { ...process.env, ZGC_FACTS: undefined, XDG_CACHE_HOME: path.join(dir, 'cache') };
    for (let i = 0; i < 2; i++) {
      const r = spawnSync(path.join(dir, 'global', 'bin', 'zgc'), ['stat', 'rnd-2024', '--field', 'display'], { cwd: dir, env, encoding: 'utf8' });
      expect(r.stdout).toBe('3.6 trillion yuan\n');
    }
    expect(readdirSync(path.join(installed, 'dist')).sort()).toEqual(['lazy', 'zgc.cjs']);
    expect(readdirSync(path.join(dir, 'cache', 'zgc', 'code'))).toHaveLength(1);
  });
});
