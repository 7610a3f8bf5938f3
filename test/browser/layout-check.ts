// Layout checks run inside the page: text that overlaps other text, text cut off by a box
// that does not scroll (or by an ellipsis), and horizontal scrolling. Text is measured as
// the browser lays it out (Range client rects, HTML and SVG alike), clipped to what is
// visible: inside the window and every scrolling or clipping ancestor, and not under a
// sticky or fixed bar (the meters, a sticky footer), whose opaque background hides what
// scrolls beneath it. The canvas is not DOM text: its labels are checked by the Node tests
// of the label planner (test/ui/phaser-*.test.ts).
import type { Page } from 'playwright-core';

export interface LayoutProblems {
  overlaps: string[];
  clipped: string[];
  overflow: string[];
}

// A string, not a function: the test transform may wrap named inner functions in helpers
// that do not exist in the page.
const CHECK = `(() => {
  const describe = (el) => {
    const cls = el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    return el.tagName.toLowerCase() + cls;
  };
  const short = (t) => JSON.stringify(t.trim().replace(/\\s+/g, ' ').slice(0, 40));
  const hiddenByStyle = (el) => {
    for (let e = el, child = null; e; child = e, e = e.parentElement) {
      if (e.hidden) return true;
      // The body of a closed <details> is not rendered; only its summary is.
      if (e.tagName === 'DETAILS' && !e.open && child && child.tagName !== 'SUMMARY') return true;
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return true;
      if (e.classList && e.classList.contains('sr-only')) return true;
    }
    return false;
  };
  const intersect = (a, b) => {
    const l = Math.max(a.left, b.left), t = Math.max(a.top, b.top);
    const r = Math.min(a.right, b.right), bo = Math.min(a.bottom, b.bottom);
    return r > l && bo > t ? { left: l, top: t, right: r, bottom: bo } : null;
  };
  const viewport = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
  // Sticky and fixed bars with a background: they hide what scrolls under them.
  const bars = [];
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    if ((cs.position === 'sticky' || cs.position === 'fixed') && !hiddenByStyle(el)) bars.push({ el, rect: el.getBoundingClientRect() });
  }
  const boxes = [];
  const clipped = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = node.textContent || '';
    if (!text.trim()) continue;
    const el = node.parentElement;
    if (!el || hiddenByStyle(el) || el.closest('script, style, noscript, option, select, title')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const raw of range.getClientRects()) {
      if (raw.width < 1 || raw.height < 1) continue;
      let r = { left: raw.left, top: raw.top, right: raw.right, bottom: raw.bottom };
      let visible = intersect(r, viewport);
      // Clip by every ancestor that scrolls or clips; a box that clips without scrolling cuts text off.
      for (let a = el; a && visible; a = a.parentElement) {
        const cs = getComputedStyle(a);
        const ox = cs.overflowX, oy = cs.overflowY;
        if (ox === 'visible' && oy === 'visible') continue;
        const ar = a.getBoundingClientRect();
        const box = { left: ar.left + a.clientLeft, top: ar.top + a.clientTop, right: ar.left + a.clientLeft + a.clientWidth, bottom: ar.top + a.clientTop + a.clientHeight };
        const scrolls = /auto|scroll/.test(ox) || /auto|scroll/.test(oy);
        const cut = (r.left < box.left - 1 && !/auto|scroll/.test(ox)) || (r.right > box.right + 1 && !/auto|scroll/.test(ox)) || (r.top < box.top - 1 && !/auto|scroll/.test(oy)) || (r.bottom > box.bottom + 1 && !/auto|scroll/.test(oy));
        if (cut && !scrolls && a.getAttribute('role') !== 'img') clipped.push(describe(el) + ' ' + short(text) + ' cut by ' + describe(a));
        visible = intersect(visible, box);
      }
      if (!visible) continue;
      // Under a sticky bar that is not this text's own: hidden, not overlapping.
      const center = { x: (visible.left + visible.right) / 2, y: (visible.top + visible.bottom) / 2 };
      const covered = bars.some((b) => !b.el.contains(el) && center.x >= b.rect.left && center.x <= b.rect.right && center.y >= b.rect.top && center.y <= b.rect.bottom);
      if (covered) continue;
      boxes.push({ r: visible, el, text });
    }
  }
  // Ellipses and one-line boxes too narrow for their text.
  for (const el of document.querySelectorAll('body *')) {
    if (hiddenByStyle(el)) continue;
    const cs = getComputedStyle(el);
    if (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) clipped.push(describe(el) + ' ' + short(el.textContent || '') + ' ends in an ellipsis');
  }
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.el === b.el && a.text === b.text) continue;
      const x = intersect(a.r, b.r);
      if (x && x.right - x.left > 2 && x.bottom - x.top > 3)
        overlaps.push(describe(a.el) + ' ' + short(a.text) + ' overlaps ' + describe(b.el) + ' ' + short(b.text));
    }
  const overflow = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > innerWidth) overflow.push('the page is ' + doc.scrollWidth + ' px wide in a ' + innerWidth + ' px window');
  for (const el of document.querySelectorAll('body *')) {
    if (hiddenByStyle(el) || el.closest('.table-scroll')) continue;
    const cs = getComputedStyle(el);
    if (/auto|scroll/.test(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) overflow.push(describe(el) + ' scrolls sideways (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
  }
  return { overlaps: [...new Set(overlaps)], clipped: [...new Set(clipped)], overflow };
})()`;

export async function layoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate(CHECK) as Promise<LayoutProblems>;
}
