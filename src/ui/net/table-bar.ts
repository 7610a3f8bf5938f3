// The strip above every classroom screen: the connection (and what to do when it is lost),
// a pause, the server's latest notice, and each seat's state ("submitted", never the plan).
import type { ConnectionState } from '../../net/connection.ts';
import { h, setChildren } from '../dom/h.ts';

export class TableBar {
  readonly el = h('div', { class: 'table-bar', 'aria-label': 'Table status' });
  private readonly link = h('p', { class: 'link-state', role: 'status' });
  private readonly alert = h('div', { class: 'table-alert', role: 'alert' });
  private readonly seats = h('ul', { class: 'seat-states' });

  constructor() {
    this.el.append(this.link, this.alert, this.seats);
  }

  update(s: ConnectionState): void {
    const linkText =
      s.link === 'online'
        ? `Connected · class ${s.welcome?.code ?? ''} · table ${s.welcome?.table ?? ''}`
        : s.link === 'connecting'
          ? 'Connecting…'
          : (s.problem ?? s.link);
    this.link.textContent = linkText;
    this.link.className = `link-state link-${s.link}`;
    const st = s.status;
    setChildren(
      this.alert,
      st?.paused ? h('p', { class: 'callout warn' }, h('strong', null, 'Paused by the facilitator. '), 'Plans can be submitted again when the game resumes.') : null,
      s.link === 'closed' ? h('p', { class: 'callout warn' }, s.problem ?? 'Disconnected.', ' ', h('a', { href: '?classroom' }, 'Back to the classroom page')) : null,
      s.notice && s.notice.level !== 'info' ? h('p', { class: 'callout small' }, s.notice.message) : null,
      s.revealedSeed ? h('p', { class: 'small' }, 'Seed (revealed by the facilitator): ', h('code', null, s.revealedSeed)) : null,
    );
    const verb = st?.phase === 'planning' ? 'submitted' : 'ready';
    setChildren(
      this.seats,
      (st?.seats ?? []).map((seat) =>
        h(
          'li',
          { class: `seat-state${seat.done ? ' done' : ''}`, dataset: { role: seat.role } },
          h('span', { class: 'seat-role' }, seat.roleName),
          seat.taken ? ` (${seat.name || 'no name'}${seat.connected ? '' : ', offline'})` : ' (free seat)',
          ': ',
          seat.done ? `✓ ${verb}` : seat.taken ? `… not ${verb} yet` : '—',
          s.welcome?.role === seat.role ? h('span', { class: 'badge' }, 'you') : null,
        ),
      ),
    );
  }
}
