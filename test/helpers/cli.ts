// Runs the CLI from source (for tests that need a real child process, e.g. kill -9).
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv);
