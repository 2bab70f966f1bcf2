/** Builds dist/ once before the tests, so tests that spawn bin/zgc run the code under test. */
import { execSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  execSync('npm run --silent build', { cwd: path.resolve(__dirname, '../..'), stdio: ['ignore', 'ignore', 'inherit'] });
}
