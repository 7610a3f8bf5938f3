// The batch report's plain verdict: is the scenario winnable by the policies tried?
// "Winnable" means a policy meets every objective in more than half the runs.

export const WINNING_RATE = 0.5;

export interface WinnableVerdict {
  winnable: boolean;
  /** Policies meeting every objective in more than half the runs. */
  winners: string[];
  best: { policy: string; allMetRate: number } | null;
  sentence: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function winnableVerdict(policies: readonly { policy: string; allMetRate: number }[]): WinnableVerdict {
  const winners = policies.filter((p) => p.allMetRate > WINNING_RATE).map((p) => p.policy);
  const best = [...policies].sort((a, b) => b.allMetRate - a.allMetRate)[0] ?? null;
  const n = policies.length;
  const bestText = !best ? '' : best.allMetRate > 0 ? ` (best: "${best.policy}", ${pct(best.allMetRate)})` : '; none does in any run';
  const sentence =
    winners.length > 0
      ? `Winnable: ${winners.length} of ${n} ${n === 1 ? 'policy' : 'policies'} ${winners.length === 1 ? 'meets' : 'meet'} all objectives in more than half the runs${bestText}.`
      : `Not shown winnable: ${n === 1 ? 'the policy does not meet' : `none of the ${n} policies meets`} all objectives in more than half the runs${bestText}. \`cashout balance\` searches for a policy that does.`;
  return { winnable: winners.length > 0, winners, best: best && { policy: best.policy, allMetRate: best.allMetRate }, sentence };
}
