// 1. Engine throughput: full games per second on one core, through the XState actor
// exactly as the game runs, and through the bare model step functions.
import { playPolicy, simulatePolicy } from '../engine/autoplay.ts';
import { GameSession } from '../engine/session.ts';
import { profile } from './profile.ts';
import { HISTORICAL_24, load } from './scenarios.ts';
import { median, sample } from './timing.ts';

export async function engineThroughput() {
  const s = await load(HISTORICAL_24);
  const policy = s.policies.historical!;
  const bare = sample((i) => simulatePolicy(s, String(i), policy), 300, 9);
  const actor = sample(
    (i) => {
      const g = playPolicy(new GameSession(s, String(i)), policy);
      void g.turnHashes; // the game hashes every turn for autosave and replays
      g.stop();
    },
    300,
    9,
  );
  // The same actor path without reading the per-turn hashes, to separate XState's own
  // cost from the replay contract's.
  const actorNoHash = sample(
    (i) => playPolicy(new GameSession(s, String(i)), policy).stop(),
    300,
    9,
  );
  // Where the time goes, for the report: 1,000 games of each path after the samples above.
  const bareProfile = await profile(() => {
    for (let i = 0; i < 1000; i++) simulatePolicy(s, `p${i}`, policy);
  });
  const actorProfile = await profile(() => {
    for (let i = 0; i < 300; i++) {
      const g = playPolicy(new GameSession(s, `p${i}`), policy);
      void g.turnHashes;
      g.stop();
    }
  });
  const bareMs = median(bare);
  const actorMs = median(actor);
  const actorNoHashMs = median(actorNoHash);
  return {
    scenario: s.id,
    turns: s.calendar.turns,
    bareGamesPerSec: 1000 / bareMs,
    actorGamesPerSec: 1000 / actorMs,
    ratio: actorMs / bareMs,
    ratioNoHash: actorNoHashMs / bareMs,
    bareMs,
    actorMs,
    actorNoHashMs,
    bareProfile,
    actorProfile,
  };
}
