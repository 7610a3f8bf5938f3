// 5. Scale: a 120-turn game plays, replays and verifies; replay and state size must grow
// linearly with turns (bytes per turn roughly constant).
import { playPolicy } from '../engine/autoplay.ts';
import { buildReplay, runReplay } from '../engine/replay.ts';
import { GameSession } from '../engine/session.ts';
import { stretched } from './scenarios.ts';

export async function scale() {
  const rows = [];
  for (const turns of [30, 60, 120]) {
    const s = await stretched(turns);
    const g = playPolicy(new GameSession(s, '7'), s.policies.historical!);
    const replay = buildReplay(g);
    const replayBytes = JSON.stringify(replay).length;
    const stateBytes = JSON.stringify(g.game).length;
    const reportBytes = JSON.stringify(g.reports).length;
    const verified = runReplay(JSON.parse(JSON.stringify(replay)), s).ok;
    rows.push({
      turns,
      replayBytes,
      replayPerTurn: replayBytes / turns,
      stateBytes,
      reportsPerTurn: reportBytes / turns,
      pipelineTranches: g.game.pipeline.length,
      verified,
    });
  }
  return rows;
}
