// When each part of a turn's animation plays. The scene draws a turn as a pure function of
// the elapsed time t, so skipping, reduced motion and resizing mid-animation all come down
// to "draw at t" (the final frame is simply t = total).
import { DURATIONS } from './theme.ts';

export interface Window {
  start: number;
  duration: number;
}

export interface TurnTimeline {
  /** One window per heist, in report order. */
  heists: Window[];
  /** One window per link between flow-band columns (source → stage 1 → … → regime → missiles). */
  transitions: Window[];
  cash: Window;
  missiles: Window;
  total: number;
}

/**
 * Heists first (staggered), then the money moves through each laundering stage, reaches
 * the regime, and buys and launches missiles.
 */
export function turnTimeline(heistCount: number, stageCount: number, d: typeof DURATIONS = DURATIONS): TurnTimeline {
  const stagger = heistCount > 1 ? d.heistStagger / (heistCount - 1) : 0;
  const heists = Array.from({ length: heistCount }, (_, i) => ({ start: i * stagger, duration: d.heistArc }));
  const heistEnd = heistCount > 0 ? d.heistPhase : d.fadeIn;
  const perStage = d.launderPhase / Math.max(1, stageCount);
  const transitions: Window[] = [];
  for (let i = 0; i < stageCount; i++) transitions.push({ start: heistEnd + i * perStage, duration: perStage });
  const cash = { start: heistEnd + d.launderPhase, duration: d.cashPhase };
  const missiles = { start: cash.start + cash.duration, duration: d.missilePhase };
  transitions.push(cash, missiles);
  return { heists, transitions, cash, missiles, total: missiles.start + missiles.duration };
}

/** Linear progress of `t` through a window, clamped to 0..1. */
export function progress(t: number, w: Window): number {
  if (w.duration <= 0) return t >= w.start ? 1 : 0;
  return Math.min(1, Math.max(0, (t - w.start) / w.duration));
}

/** Ease-out cubic: quick start, gentle landing — for arcs and growing links. */
export function easeOut(p: number): number {
  return 1 - (1 - p) ** 3;
}

/** Progress through the first `share` of a window, then held at 1 (e.g. draw, then hold). */
export function lead(p: number, share: number): number {
  return share <= 0 ? 1 : Math.min(1, p / share);
}

/** Progress through the last `share` of a window, 0 before (e.g. a label after its arc lands). */
export function tail(p: number, share: number): number {
  return share <= 0 ? (p >= 1 ? 1 : 0) : Math.min(1, Math.max(0, (p - (1 - share)) / share));
}
