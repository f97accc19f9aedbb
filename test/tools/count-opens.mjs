// Preloaded into a nianbao process (node --import): counts how often each file is opened for
// reading through node:fs, and writes the counts (absolute path → count) as JSON to the file
// named by NIANBAO_COUNT_OPENS when the process exits.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const counts = {};
// readFileSync opens the file through openSync itself: count the outer call only.
let depth = 0;
const count = (path) => {
  if (depth > 0) return;
  if (typeof path === 'string' || path instanceof URL) {
    const key = resolve(path instanceof URL ? path.pathname : path);
    counts[key] = (counts[key] ?? 0) + 1;
  }
};
for (const name of ['readFileSync', 'openSync', 'createReadStream']) {
  const original = fs[name];
  fs[name] = function (path, ...rest) {
    count(path);
    depth++;
    try {
      return original.call(this, path, ...rest);
    } finally {
      depth--;
    }
  };
}
for (const name of ['readFile', 'open']) {
  const original = fs.promises[name];
  fs.promises[name] = function (path, ...rest) {
    count(path);
    return original.call(this, path, ...rest);
  };
}
syncBuiltinESMExports();
process.on('exit', () => fs.writeFileSync(process.env.NIANBAO_COUNT_OPENS, JSON.stringify(counts)));
