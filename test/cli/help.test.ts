import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';
import { commands } from '../../src/commands/index.js';

describe('--help', () => {
  for (const c of commands) {
    it(`zgc ${c.name} --help shows usage and examples that run zgc ${c.name}`, async () => {
      const r = await runZgc([c.name, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: zgc ${c.name}`);
      const examples = r.stdout.split('Examples:\n')[1] ?? '';
      const lines = examples.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(l).toMatch(new RegExp(`^  \\$ .*zgc ${c.name}\\b`));
    });
  }

  it('zgc with no arguments prints usage on stderr and exits 2', async () => {
    const r = await runZgc([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: zgc');
  });
});
