import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';
import { colorEnabled } from '../../src/output/style.js';

const escapes = (s: string) => (s.match(/\x1b/g) ?? []).length;

describe('colour', () => {
  it('follows the rules: pipe, NO_COLOR, TERM=dumb, --no-color off; FORCE_COLOR on', () => {
    expect(colorEnabled({ env: {}, isTTY: true })).toBe(true);
    expect(colorEnabled({ env: {}, isTTY: false })).toBe(false);
    expect(colorEnabled({ env: { NO_COLOR: '1' }, isTTY: true })).toBe(false);
    expect(colorEnabled({ env: { NO_COLOR: '' }, isTTY: true })).toBe(true);
    expect(colorEnabled({ env: { TERM: 'dumb' }, isTTY: true })).toBe(false);
    expect(colorEnabled({ flag: false, env: {}, isTTY: true })).toBe(false);
    expect(colorEnabled({ env: { FORCE_COLOR: '1' }, isTTY: false })).toBe(true);
    expect(colorEnabled({ env: { FORCE_COLOR: '0' }, isTTY: true })).toBe(true);
    expect(colorEnabled({ flag: false, env: { FORCE_COLOR: '1' }, isTTY: true })).toBe(false);
  });

  const commands = [
    ['stat', 'expo-budget-2024', '--format', 'table'],
    ['list', '--format', 'table'],
    ['search', 'expo', '--format', 'table'],
    ['sources', '--format', 'table'],
    ['source', 'harbor-daily-expo', '--format', 'table'],
  ];

  for (const argv of commands) {
    it(`zgc ${argv.slice(0, 2).join(' ')}: colour on a terminal, not one escape byte when off`, async () => {
      expect(escapes((await runZgc(argv, { stdoutIsTTY: true })).stdout)).toBeGreaterThan(0);
      expect(escapes((await runZgc(argv, { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout)).toBe(0);
      expect(escapes((await runZgc(argv, { stdoutIsTTY: true, env: { TERM: 'dumb' } })).stdout)).toBe(0);
      expect(escapes((await runZgc(['--no-color', ...argv], { stdoutIsTTY: true })).stdout)).toBe(0);
      expect(escapes((await runZgc(argv, { stdoutIsTTY: false })).stdout)).toBe(0);
      expect(escapes((await runZgc(argv, { stdoutIsTTY: false, env: { FORCE_COLOR: '1' } })).stdout)).toBeGreaterThan(0);
    });
  }
});
