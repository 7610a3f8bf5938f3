// Repeating UI timers behind one seam, so a test can drive them: the real ticker is
// setInterval; the manual one fires only when `advance` moves its clock. Timers here only
// pick what to show (the viewer's playback); they never drive the rules.
export interface Ticker {
  /** Call `fn` every `ms` milliseconds; returns a function that stops it. */
  every(ms: number, fn: () => void): () => void;
}

export const realTicker: Ticker = {
  every(ms, fn) {
    const id = window.setInterval(fn, ms);
    return () => window.clearInterval(id);
  },
};

export class ManualTicker implements Ticker {
  private now = 0;
  private readonly timers = new Set<{ ms: number; due: number; fn: () => void }>();

  every(ms: number, fn: () => void): () => void {
    const t = { ms: Math.max(1, ms), due: this.now + Math.max(1, ms), fn };
    this.timers.add(t);
    return () => this.timers.delete(t);
  }

  /** Move the clock forward, firing every timer that falls due, in time order. */
  advance(ms: number): void {
    const end = this.now + Math.max(0, ms);
    for (;;) {
      let next: { ms: number; due: number; fn: () => void } | null = null;
      for (const t of this.timers) if (t.due <= end && (!next || t.due < next.due)) next = t;
      if (!next) break;
      this.now = next.due;
      next.due += next.ms;
      next.fn();
    }
    this.now = end;
  }
}
