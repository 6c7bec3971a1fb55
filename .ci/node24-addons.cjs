// Preloaded (NODE_OPTIONS=--require) into every process of the Node 24 test run by .ci/node24.
// node_modules holds better-sqlite3 built for the machine's Node (20); loading that under Node 24 fails
// on the ABI. .ci/node24 builds the same better-sqlite3 version once more against Node 24's headers and
// names the file in JURI_NODE24_BETTER_SQLITE3 (and the Node it is for in JURI_NODE24_VERSION); this
// loads that one instead, in that Node only, so node_modules itself is never changed and Node 20 runs
// beside it keep working.
const { sep } = require('node:path');

const addon = process.env.JURI_NODE24_BETTER_SQLITE3;
if (addon && process.version === `v${process.env.JURI_NODE24_VERSION}`) {
  const nodeBuild = ['', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'].join(sep);
  const dlopen = process.dlopen;
  process.dlopen = function dlopenNode24Build(module, filename, ...rest) {
    return dlopen.call(this, module, filename.endsWith(nodeBuild) ? addon : filename, ...rest);
  };
}
