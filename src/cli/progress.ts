// A progress bar on stderr: redrawn in place on a terminal, a line per 10 % otherwise.
export class Progress {
  private lastTenth = -1;
  private readonly started = process.hrtime.bigint();
  constructor(
    private readonly label: string,
    private readonly write: (s: string) => void,
    private readonly tty: boolean,
  ) {}

  update(done: number, total: number): void {
    const frac = total ? done / total : 1;
    const secs = Number(process.hrtime.bigint() - this.started) / 1e9;
    const eta = frac > 0 && frac < 1 ? ` ~${Math.ceil((secs / frac) * (1 - frac))} s left` : '';
    const text = `${this.label} [${'#'.repeat(Math.round(frac * 30)).padEnd(30, '.')}] ${Math.floor(frac * 100)}% ${done}/${total} runs, ${secs.toFixed(1)} s${eta}`;
    if (this.tty) {
      this.write(`\r${text}\x1b[K${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(frac * 10);
    if (tenth !== this.lastTenth) {
      this.lastTenth = tenth;
      this.write(`${text}\n`);
    }
  }
}
