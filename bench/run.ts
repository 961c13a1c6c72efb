// `npm run bench`: measures, prints a table and writes bench/results.json.
// Tests check behaviour; the figures live here (see docs/benchmarks.md).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { benchPersistence } from './persistence';
import { describeMachine, meetsGoal, type Metrics } from './results';
import { benchSync } from './sync';
import { benchUi } from './ui';

const metrics: Metrics = {
  ...(await benchPersistence()),
  ...(await benchSync()),
  ...(await benchUi()),
};

const rows = Object.entries(metrics).map(([name, metric]) => ({
  metric: name,
  value: metric.value,
  unit: metric.unit,
  goal: `${metric.better === 'lower' ? '≤' : '≥'} ${metric.goal}`,
  met: meetsGoal(metric) ? 'yes' : 'NO',
}));
console.table(rows);

const output = fileURLToPath(new URL('./results.json', import.meta.url));
await writeFile(output, JSON.stringify({ ...metrics, machine: describeMachine() }, null, 2) + '\n');
console.log(`Wrote ${output}`);
