// Runs inside the batch benchmark's ceiling child: bare games in one thread, then the
// milliseconds per game on stdout. Several of these run at once to show what the machine's
// cores give to independent work.
import { simulatePolicy } from '../engine/autoplay.ts';
import { HISTORICAL_24, load } from './scenarios.ts';

export async function ceilingChild(games: number): Promise<void> {
  const s = await load(HISTORICAL_24);
  const policy = s.policies.historical!;
  for (let i = 0; i < 300; i++) simulatePolicy(s, `w${i}`, policy);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < games; i++) simulatePolicy(s, String(i), policy);
  process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6 / games));
}
