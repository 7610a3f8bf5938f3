// The browser app for classroom play (the page at `?classroom`, which the classroom server
// opens by default): joining a table by code and playing at it, or running the session as
// its facilitator. It keeps one TableConnection per table it shows; every state it renders
// is its own mirror of the table, re-derived by the engine and checked against the server.
import './classroom.css';
import { ENGINE_VERSION } from '../../engine/version.ts';
import { classroomReplay, classroomReplayFileName, replayText } from '../../io/classroom-replay.ts';
import { type ConnectionState, TableConnection } from '../../net/connection.ts';
import { CodeSchema } from '../../net/protocol.ts';
import { shipped } from '../app/catalogue.ts';
import type { Currency, MoneyView } from '../app/format.ts';
import { shareSourceOf } from '../app/link-scenario.ts';
import { progressText } from '../app/progress.ts';
import type { SaveStorage } from '../app/save.ts';
import type { ErrorBoundary } from '../dom/boundary.ts';
import { downloadText } from '../dom/download.ts';
import { Header } from '../dom/header.ts';
import { Layout } from '../dom/layout.ts';
import type { Screen } from '../dom/screen.ts';
import { exportGameReport } from '../dom/viewer/branch.ts';
import { Desk } from '../dom/viewer/desk.ts';
import { WorldHost } from '../dom/world-host.ts';
import { createSession, getSession, type SessionInfo, tableReplayText } from './api.ts';
import { consoleScreen } from './console-screen.ts';
import { homeScreen } from './home-screen.ts';
import { type SeatChoice, seatPicker } from './seat-picker.ts';
import { browserSeatStore, facilitatorKey, lastOpen, saveFacilitatorKey, setLastOpen } from './storage.ts';
import { TableBar } from './table-bar.ts';
import { tableScreen, tableScreenKey } from './table-view.ts';

type Mode =
  | { kind: 'home'; problem: string | null; code: string }
  | { kind: 'pick'; info: SessionInfo; name: string }
  | { kind: 'table'; conn: TableConnection }
  | { kind: 'console'; code: string; tables: TableConnection[]; joinUrls: string[]; screen: Screen | null };

export class ClassroomApp {
  private mode: Mode = { kind: 'home', problem: null, code: '' };
  private currency: Currency | null = null;
  private readonly header: Header;
  private readonly layout: Layout;
  private readonly world = new WorldHost();
  private readonly desk: Desk;
  private readonly bar = new TableBar();
  private readonly seats: ReturnType<typeof browserSeatStore>;
  private readonly plans = new Map<number, Record<string, number>>();
  private shownKey = '';
  private shownTurns = -1;
  private scheduled = false;

  constructor(
    root: HTMLElement,
    private readonly boundary: ErrorBoundary,
    private readonly storage: SaveStorage,
  ) {
    this.seats = browserSeatStore(storage);
    this.header = new Header({ setCurrency: (c) => this.setCurrency(c), newGame: () => void this.leave() });
    this.layout = new Layout(root, this.header, this.world);
    this.desk = new Desk({
      layout: this.layout,
      world: this.world,
      header: this.header,
      findScenario: (id) => shipped.entries.find((e) => e.scenario.id === id)?.scenario,
      leave: () => this.render(true),
      branch: () => this.render(true),
      // Share links from the classroom viewer open on the same site's game (shipped scenarios).
      shareSource: (s) => shareSourceOf(shipped.entries, s),
    });
    const code = new URLSearchParams(location.search).get('code');
    if (code) this.mode = { kind: 'home', problem: null, code };
  }

  /** Back to the table or console this browser had open, else the classroom start page. */
  boot(): void {
    const last = lastOpen(this.storage);
    if (last?.kind === 'student' && this.seats.load(last.code)) {
      const seat = this.seats.load(last.code)!;
      void this.sit(last.code, { table: seat.table, role: seat.role }, seat.name);
      return;
    }
    if (last?.kind === 'facilitator' && facilitatorKey(this.storage, last.code)) {
      void this.openConsole(last.code);
      return;
    }
    this.render(true);
  }

  private money(): MoneyView {
    const s = this.scenario();
    return { currency: this.currency ?? s?.currency.display ?? 'JPY', usdJpy: s?.currency.usdJpy.value ?? 1 };
  }

  private scenario() {
    if (this.mode.kind === 'table') return this.mode.conn.state.mirror?.scenario;
    if (this.mode.kind === 'console') return this.mode.tables.find((t) => t.state.mirror)?.state.mirror?.scenario;
    return undefined;
  }

  // --- students ---

  private async join(rawCode: string, name: string): Promise<string | null> {
    const code = CodeSchema.safeParse(rawCode);
    if (!code.success) return `“${rawCode.trim()}” is not a join code: ${code.error.issues[0]?.message}.`;
    const saved = this.seats.load(code.data);
    if (saved) return this.sit(code.data, { table: saved.table, role: saved.role }, name || saved.name);
    const info = await getSession(code.data);
    if (!info.ok) return info.message;
    this.mode = { kind: 'pick', info: info.value, name };
    this.render(true);
    return null;
  }

  /** Take (or take back) a seat and show the table. */
  private async sit(code: string, choice: SeatChoice, name: string): Promise<string | null> {
    const conn = new TableConnection({
      endpoint: location.origin,
      code,
      table: choice.table,
      join: { as: 'student', role: choice.role, name },
      seats: this.seats,
      onChange: () => this.schedule(),
    });
    try {
      await conn.connect();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (this.mode.kind !== 'pick') {
        this.mode = { kind: 'home', problem: message, code };
        this.render(true);
      }
      return message;
    }
    await this.closeConnections();
    setLastOpen(this.storage, { kind: 'student', code });
    this.plans.clear();
    this.mode = { kind: 'table', conn };
    this.shownKey = '';
    this.shownTurns = -1;
    this.render(true);
    return null;
  }

  // --- the facilitator ---

  private async create(req: Parameters<typeof createSession>[0]): Promise<string | null> {
    const r = await createSession(req);
    if (!r.ok) return r.message;
    saveFacilitatorKey(this.storage, r.value.code, r.value.facilitatorKey);
    return this.openConsole(r.value.code, r.value.joinUrls);
  }

  private async openConsole(code: string, joinUrls?: string[]): Promise<string | null> {
    const key = facilitatorKey(this.storage, code);
    if (!key) return `This browser does not hold the facilitator key of class ${code}.`;
    const info = await getSession(code);
    if (!info.ok) {
      this.mode = { kind: 'home', problem: info.message, code: '' };
      this.render(true);
      return info.message;
    }
    await this.closeConnections();
    const tables = info.value.tables.map(
      (t) => new TableConnection({ endpoint: location.origin, code, table: t.table, join: { as: 'facilitator', key }, onChange: () => this.schedule() }),
    );
    const urls = joinUrls?.length ? joinUrls.filter((u) => !u.includes('localhost')) : [];
    this.mode = { kind: 'console', code, tables, joinUrls: urls.length ? urls : [`${location.origin}/`], screen: null };
    setLastOpen(this.storage, { kind: 'facilitator', code });
    this.render(true);
    const results = await Promise.allSettled(tables.map((t) => t.connect()));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed && failed.status === 'rejected' && results.every((r) => r.status === 'rejected')) {
      const message = failed.reason instanceof Error ? failed.reason.message : String(failed.reason);
      setLastOpen(this.storage, null);
      this.mode = { kind: 'home', problem: message, code: '' };
      this.render(true);
      return message;
    }
    this.schedule();
    return null;
  }

  private async openClassView(code: string): Promise<void> {
    if (this.mode.kind !== 'console') return;
    const texts = [];
    for (const t of this.mode.tables) {
      const r = await tableReplayText(code, t.state.welcome?.table ?? texts.length + 1);
      if (r.ok) texts.push({ name: classroomReplayFileName(code, t.state.welcome?.table ?? texts.length + 1), text: r.value });
    }
    const problems = this.desk.openClassTexts(texts);
    if (problems) this.boundary.show(new Error(problems.flatMap((p) => p.lines).join('\n')), 'The class view could not open these tables');
  }

  private async downloadTable(code: string, table: number): Promise<void> {
    const r = await tableReplayText(code, table);
    if (r.ok) downloadText(classroomReplayFileName(code, table), r.value);
  }

  // --- shared ---

  private async leave(): Promise<void> {
    setLastOpen(this.storage, null);
    await this.closeConnections();
    this.mode = { kind: 'home', problem: null, code: '' };
    this.render(true);
  }

  private async closeConnections(): Promise<void> {
    const m = this.mode;
    if (m.kind === 'table') await m.conn.close();
    if (m.kind === 'console') await Promise.all(m.tables.map((t) => t.close()));
  }

  private setCurrency(c: Currency): void {
    if (this.desk.active) {
      this.desk.setCurrency(c);
      return;
    }
    this.currency = c;
    this.world.setMoney(this.money());
    this.render(true);
  }

  private exportReplay(): void {
    if (this.mode.kind !== 'table') return;
    const s = this.mode.conn.state;
    const m = s.mirror!;
    const where = { code: s.welcome!.code, table: s.welcome!.table };
    downloadText(classroomReplayFileName(where.code, where.table), replayText(classroomReplay(m.session, where, m.attestation)));
  }

  /** Many state changes arrive per message: draw once per frame. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.render(false);
    });
  }

  private render(rebuild: boolean): void {
    try {
      if (this.desk.active) return;
      const m = this.mode;
      switch (m.kind) {
        case 'home':
          this.header.showStart();
          this.layout.showStart(
            homeScreen(
              {
                entries: shipped.entries,
                resumeLabel: this.resumeLabel(),
                consoles: this.consoleCodes(),
                problem: m.problem,
                prefillCode: m.code,
              },
              {
                join: (code, name) => this.join(code, name),
                create: (req) => this.create(req),
                resume: () => this.boot(),
                openConsole: (code) => void this.openConsole(code),
              },
            ),
          );
          return;
        case 'pick':
          this.header.showStart();
          this.layout.showStart(
            seatPicker(m.info, {
              take: (choice) => this.sit(m.info.code, choice, m.name),
              back: () => {
                this.mode = { kind: 'home', problem: null, code: m.info.code };
                this.render(true);
              },
            }),
          );
          return;
        case 'table':
          this.renderTable(m.conn.state, m.conn, rebuild);
          return;
        case 'console':
          this.renderConsole(m, rebuild);
          return;
        default: {
          const never: never = m;
          throw new Error(`Unknown classroom screen ${JSON.stringify(never)}`);
        }
      }
    } catch (err) {
      this.boundary.show(err, 'This screen could not be shown');
    }
  }

  private renderTable(s: ConnectionState, conn: TableConnection, rebuild: boolean): void {
    const session = s.mirror?.live;
    this.bar.update(s);
    if (!session) {
      this.header.showStart();
      return;
    }
    const role = s.mirror!.scenario.roles.find((r) => r.id === s.welcome?.role);
    this.header.showGame(session.scenario, this.money().currency, `Class ${s.welcome?.code} · table ${s.welcome?.table}${role ? ` · ${role.name}` : ''} · ${progressText(session, false)}`);
    this.header.clearNewGame();
    if (this.shownTurns === -1) this.world.showScenario(session.scenario, this.money());
    if (session.reports.length !== this.shownTurns) {
      this.shownTurns = session.reports.length;
      if (session.reports.length) this.world.showCharts(session.reports, this.money());
    }
    const key = tableScreenKey(s);
    const current = this.layout.current;
    if (!rebuild && current && key === this.shownKey) {
      current.update?.();
      return;
    }
    this.shownKey = key;
    current?.destroy?.();
    const screen = tableScreen(
      {
        conn,
        money: () => this.money(),
        exportReplay: () => this.exportReplay(),
        exportReport: () => exportGameReport(session, null, this.money().currency),
        leave: () => void this.leave(),
        plan: (turn) => this.plans.get(turn) ?? null,
        submitted: (turn, levers) => this.plans.set(turn, levers),
      },
      s,
    );
    screen.el.prepend(this.bar.el);
    this.world.start();
    this.layout.setWorldMode(session.phase === 'report' || session.phase === 'debrief' ? 'charts' : 'map');
    this.layout.showGame(screen, { focus: true, charts: session.reports.length > 0 });
  }

  private renderConsole(m: Extract<Mode, { kind: 'console' }>, rebuild: boolean): void {
    const scenario = this.scenario();
    if (scenario) {
      this.header.showGame(scenario, this.money().currency, `Facilitator console · class ${m.code} · engine ${ENGINE_VERSION}`);
      this.header.clearNewGame();
    } else this.header.showStart();
    if (!m.screen || rebuild) {
      m.screen = consoleScreen({
        code: m.code,
        tables: m.tables,
        joinUrls: m.joinUrls,
        money: () => this.money(),
        openClassView: () => void this.openClassView(m.code),
        downloadTable: (t) => void this.downloadTable(m.code, t),
        leave: () => void this.leave(),
      });
      this.layout.showStart(m.screen);
    } else m.screen.update?.();
  }

  private resumeLabel(): string | null {
    const last = lastOpen(this.storage);
    const seat = last?.kind === 'student' ? this.seats.load(last.code) : null;
    return seat ? `class ${seat.code} · table ${seat.table} · ${seat.role}` : null;
  }

  private consoleCodes(): string[] {
    const out: string[] = [];
    for (let i = 0; i < localStorageLength(this.storage); i++) {
      const k = localStorageKey(this.storage, i);
      if (k?.startsWith('cashout:classroom:facilitator:')) out.push(k.slice('cashout:classroom:facilitator:'.length));
    }
    return out;
  }
}

// Storage may be a Map-backed stand-in (storage blocked): it has no key listing.
const localStorageLength = (s: SaveStorage) => ((s as Storage).length ?? 0) as number;
const localStorageKey = (s: SaveStorage, i: number) => ((s as Storage).key ? (s as Storage).key(i) : null);
