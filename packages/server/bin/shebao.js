#!/usr/bin/env node
// Entry point of the `shebao` command. The sources are TypeScript run through tsx's loader, so a
// checkout works without a build step and the command always runs the code in the tree.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv);
