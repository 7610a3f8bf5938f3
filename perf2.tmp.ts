import { simulatePolicy } from './src/engine/autoplay.ts';
import { loadScenarioFile } from './src/scenario/load-file.ts';
import { simulatePolicy as oldSim } from '/work/main/src/engine/autoplay.ts';
import { loadScenarioFile as oldLoad } from '/work/main/src/scenario/load-file.ts';
const r = await loadScenarioFile('scenarios/2019-2020-exchange-era.yaml');
const o = await oldLoad('/work/main/scenarios/2019-2020-exchange-era.yaml');
if (!r.ok || !o.ok) throw new Error('load');
const time = (name: string, f: (i: number) => void, n: number) => {
  for (let i = 0; i < n; i++) f(i);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) f(i);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / n;
  console.log(name, ms.toFixed(3), 'ms');
  return ms;
};
for (let k = 0; k < 3; k++) {
  const a = time('old (main)', (i) => oldSim(o.value, String(i), o.value.policies.historical!), 300);
  const b = time('new (model)', (i) => simulatePolicy(r.value, String(i), r.value.policies.historical!), 300);
  console.log('ratio new/old', (b / a).toFixed(2));
}
