// A tiny hyperscript helper: the views build real, labelled HTML elements with it.
type Child = Node | string | number | null | undefined | false | Child[];

export type Attrs = {
  class?: string;
  on?: { [K in keyof HTMLElementEventMap]?: (ev: HTMLElementEventMap[K]) => void };
  dataset?: Record<string, string>;
  [attr: string]: unknown;
};

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child) append(parent, c);
    return;
  }
  parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
}

/** Create an element: h('button', { type: 'button', on: { click } }, 'Label'). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'on') {
        for (const [type, fn] of Object.entries(value as Record<string, EventListener>)) el.addEventListener(type, fn);
      } else if (key === 'dataset') {
        Object.assign(el.dataset, value);
      } else if (key === 'class') {
        el.className = String(value);
      } else if (key in el && typeof value !== 'string') {
        (el as unknown as Record<string, unknown>)[key] = value;
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(el, children);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Replace an element's children. */
export function setChildren(el: Element, ...children: Child[]): void {
  clear(el);
  append(el, children);
}

let uid = 0;
/** A page-unique id for label/aria wiring. */
export function newId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** Visually hidden text for screen readers (colour and icons are never the only signal). */
export function srOnly(text: string): HTMLSpanElement {
  return h('span', { class: 'sr-only' }, text);
}
