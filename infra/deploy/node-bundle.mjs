/**
 * How juri's TypeScript is bundled for Node, the same for the CLI (dist/) and Cloud Functions: ESM,
 * hono's JSX, and packages left to node_modules (the runtime installs them from package.json).
 */
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  logLevel: 'warning',
};
