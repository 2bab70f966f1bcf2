import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';
import { commands } from '../../src/commands/index.js';

describe('zgc completion', () => {
  it('prints a bash script that bash accepts, naming every command and option', async () => {
    const r = await runZgc(['completion', 'bash']);
    expect(r.code).toBe(0);
    const check = spawnSync('bash', ['-n'], { input: r.stdout });
    expect(check.status).toBe(0);
    for (const c of commands) expect(r.stdout).toContain(c.name);
    expect(r.stdout).toContain('--facts');
    expect(r.stdout).toContain('complete -F _zgc zgc');
    // Fact ids come from the facts directory in use, at completion time.
    expect(r.stdout).toContain('zgc list --field id');
  });

  it('completes fact ids in bash when run', async () => {
    const script = (await runZgc(['completion', 'bash'])).stdout;
    const probe = `zgc() { printf 'expo-budget-2024\\nexpo-dates-2024\\nrobot-guides-2024\\n'; }\n${script}\nCOMP_WORDS=(zgc stat exp); COMP_CWORD=2; _zgc; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['-c', probe], { encoding: 'utf8' });
    expect(r.stdout.trim().split('\n')).toEqual(['expo-budget-2024', 'expo-dates-2024']);
  });

  it('prints zsh and fish scripts', async () => {
    const zsh = await runZgc(['completion', 'zsh']);
    expect(zsh.stdout.startsWith('#compdef zgc')).toBe(true);
    expect(zsh.stdout).toContain("'stat:look a fact up");
    const fish = await runZgc(['completion', 'fish']);
    expect(fish.stdout).toContain('complete -c zgc -n "__fish_seen_subcommand_from stat" -l facts');
    expect(fish.stdout).toContain("-a '(zgc list --field id 2>/dev/null)'");
  });

  it('refuses an unknown shell', async () => {
    const r = await runZgc(['completion', 'tcsh']);
    expect(r.code).toBe(2);
  });
});
