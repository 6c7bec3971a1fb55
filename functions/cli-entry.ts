import { main } from './node.ts';

// The `juri` command: bundled to dist/juri.js by `npm run build` (npm install runs it).
process.exitCode = await main(process.argv.slice(2));
