import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';

// cli.ts escapes every message it prints; a command that escaped its own message too would print "\\x1b".
describe('a usage error naming an argument', () => {
  for (const argv of [
    ['list', '--period', '20\x1b[31m24'],
    ['stat', 'rnd-2024', '--field', 'ti\x1btle'],
  ]) {
    it(`shows the argument escaped once: zgc ${argv[0]} ${argv[1]}`, async () => {
      const r = await runZgc(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('\\x1b');
      expect(r.stderr).not.toContain('\\\\x1b');
      expect(r.stderr).not.toContain('\x1b');
    });
  }
});
