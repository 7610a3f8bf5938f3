// 3. Replay: verifying a 24-turn replay file end to end (parse, re-run, hash).
import { playPolicy } from '../engine/autoplay.ts';
import { buildReplay, runReplay } from '../engine/replay.ts';
import { GameSession } from '../engine/session.ts';
import { parseReplayText } from '../io/replay-load.ts';
import { HISTORICAL_24, load } from './scenarios.ts';
import { median, quantile, sample } from './timing.ts';

export async function replayVerify() {
  const s = await load(HISTORICAL_24);
  const g = playPolicy(new GameSession(s, '42'), s.policies.historical!);
  const text = JSON.stringify(buildReplay(g, { inline: true }), null, 2);
  const verify = () => {
    const parsed = parseReplayText(text, 'run.json');
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    const r = runReplay(parsed.value);
    if (!r.ok) throw new Error(r.message);
    void r.run.turnHashes;
  };
  const times = sample(verify, 1, 40, 5);
  return { turns: s.calendar.turns, bytes: text.length, medianMs: median(times), p95Ms: quantile(times, 0.95) };
}
