// The bundle's entry: bin/zgc requires the built file, which runs this.
import { run } from './cli.js';

void run();
