import { readFileSync } from 'node:fs';
import type { CommandSpec } from './types.js';
import { schemaPath } from './options.js';
import { EXIT_OK } from '../errors.js';

export const schema: CommandSpec = {
  name: 'schema',
  summary: 'print the JSON Schema of facts files, or with --path where it is installed (for editors)',
  completes: 'none',
  examples: ['zgc schema --path', 'zgc schema > facts.schema.json'],
  configure(cmd) {
    cmd.option('--path', 'print the path of the installed schema file instead of the schema');
  },
  async run({ io }, _args, opts) {
    const file = schemaPath();
    io.write(opts.path === true ? `${file}\n` : readFileSync(file, 'utf8'));
    return EXIT_OK;
  },
};
