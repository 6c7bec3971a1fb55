#!/usr/bin/env node
// The CLI runs the TypeScript sources directly, so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../functions/node.ts');
process.exitCode = await main(process.argv.slice(2));
