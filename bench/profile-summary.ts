import { readFileSync } from 'node:fs';

/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function, and the total time of
 * the functions named on the command line (self + callees). Usage: tsx bench/profile-summary.ts FILE [top] [fn…]
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function summarize(file: string, top = 15, focus: string[] = []): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = profile.endTime - profile.startTime;
  const label = (n: Node) => {
    const url = n.callFrame.url.replace(/^.*\/(node_modules\/[^/]+|[^/]+\/[^/]+)\//, '$1/');
    return `${n.callFrame.functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    if (n) self.set(label(n), (self.get(label(n)) ?? 0) + us);
  }
  const lines = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
  const inclusive = (n: Node): number =>
    (selfUs.get(n.id) ?? 0) + (n.children ?? []).reduce((s, c) => s + inclusive(byId.get(c) as Node), 0);
  for (const name of focus) {
    // Top-most frames with that name only, so recursion is not counted twice.
    let us = 0;
    const walk = (n: Node) => {
      if (n.callFrame.functionName === name) us += inclusive(n);
      else for (const c of n.children ?? []) walk(byId.get(c) as Node);
    };
    const root = profile.nodes[0];
    if (root) walk(root);
    lines.push(`${((100 * us) / total).toFixed(1).padStart(5)}%  total in ${name}()`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file = '', top = '15', ...focus] = process.argv.slice(2);
  process.stdout.write(`${summarize(file, Number(top), focus)}\n`);
}
