import { policyLevels } from './src/engine/autoplay.ts';
import { loadScenarioFile } from './src/scenario/load-file.ts';
import { initialState } from './src/engine/state.ts';
import { adversaryStep, enactPlan, resolutionStep } from './src/engine/turn.ts';
const r = await loadScenarioFile('scenarios/2019-2020-exchange-era.yaml');
if (!r.ok) throw new Error('load');
const s = r.value; const pol = s.policies.historical!;
const levels = Array.from({ length: 25 }, (_, t) => policyLevels(s, pol, t));
for (let i = 0; i < 4000; i++) {
  let st = initialState(s, String(i));
  for (let t = 1; t <= 24; t++) {
    const a = adversaryStep(s, enactPlan({ ...st, turn: t, draft: levels[t]! }));
    st = resolutionStep(s, a.state, a.outcome).state;
  }
}
