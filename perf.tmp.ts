import { simulatePolicy, policyLevels } from './src/engine/autoplay.ts';
import { loadScenarioFile } from './src/scenario/load-file.ts';
import { initialState } from './src/engine/state.ts';
import { adversaryStep, enactPlan, resolutionStep } from './src/engine/turn.ts';
import { simulatePolicy as oldSim } from '/work/main/src/engine/autoplay.ts';
import { loadScenarioFile as oldLoad } from '/work/main/src/scenario/load-file.ts';
import { initialState as oldInit } from '/work/main/src/engine/state.ts';
import { adversaryStep as oldAdv, enactPlan as oldEnact, resolutionStep as oldRes } from '/work/main/src/engine/turn.ts';
const r = await loadScenarioFile('scenarios/2019-2020-exchange-era.yaml');
const o = await oldLoad('/work/main/scenarios/2019-2020-exchange-era.yaml');
if (!r.ok || !o.ok) throw new Error('load');
const s = r.value, so = o.value;
const pol = s.policies.historical!, polo = so.policies.historical!;
const levels = Array.from({ length: 25 }, (_, t) => policyLevels(s, pol, t));
const levelsO = Array.from({ length: 25 }, (_, t) => policyLevels(so as never, polo as never, t));
const model = (seed: string) => {
  let st = initialState(s, seed);
  for (let t = 1; t <= 24; t++) {
    const a = adversaryStep(s, enactPlan({ ...st, turn: t, draft: levels[t]! }));
    st = resolutionStep(s, a.state, a.outcome).state;
  }
};
const oldModel = (seed: string) => {
  let st = oldInit(so, seed);
  for (let t = 1; t <= 24; t++) {
    const a = oldAdv(so, oldEnact({ ...st, turn: t, draft: levelsO[t]! }));
    st = oldRes(so, a.state, a.outcome).state;
  }
};
const time = (f: (i: number) => void, n: number) => {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) f(i);
  return Number(process.hrtime.bigint() - t0) / 1e6 / n;
};
for (let i = 0; i < 300; i++) { model(String(i)); oldModel(String(i)); }
const res: Record<string, number[]> = { newModel: [], oldModel: [], newSim: [], oldSim: [] };
for (let k = 0; k < 6; k++) {
  res.newModel!.push(time((i) => model(String(i)), 200));
  res.oldModel!.push(time((i) => oldModel(String(i)), 200));
  res.newSim!.push(time((i) => simulatePolicy(s, String(i), pol), 200));
  res.oldSim!.push(time((i) => oldSim(so, String(i), polo), 200));
}
const med = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1]!;
for (const [k, v] of Object.entries(res)) console.log(k, med(v).toFixed(3), 'ms/game');
console.log('new model / old model', (med(res.newModel!) / med(res.oldModel!)).toFixed(2));
