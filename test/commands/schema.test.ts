import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';

const SCHEMA = path.resolve(__dirname, '../../schema/facts.schema.json');

describe('zgc schema', () => {
  it('prints the JSON Schema of facts files', async () => {
    const r = await runZgc(['schema']);
    expect(r).toEqual({ code: 0, stdout: readFileSync(SCHEMA, 'utf8'), stderr: '' });
  });

  it('prints where the schema is installed with --path, for an editor setting', async () => {
    const r = await runZgc(['schema', '--path'], { cwd: '/' });
    expect(r).toEqual({ code: 0, stdout: `${SCHEMA}\n`, stderr: '' });
  });

  it('names the schema with an id that claims no host', () => {
    const { $id } = JSON.parse(readFileSync(SCHEMA, 'utf8')) as { $id: string };
    expect($id).toBe('urn:zgc:schema:facts');
    expect($id).not.toContain('.invalid');
  });
});
