// Icons as SVG files (assets/icons/*.svg, drawn for this project), inlined so they take the
// text colour and need no font: a glyph such as 🛡 shows as an empty box where no emoji
// font is installed. Icons are decoration: the words beside them carry the meaning.
import alert from '../../../assets/icons/alert.svg?raw';
import check from '../../../assets/icons/check.svg?raw';
import cross from '../../../assets/icons/cross.svg?raw';
import diamond from '../../../assets/icons/diamond.svg?raw';
import info from '../../../assets/icons/info.svg?raw';
import link from '../../../assets/icons/link.svg?raw';
import missile from '../../../assets/icons/missile.svg?raw';
import shield from '../../../assets/icons/shield.svg?raw';
import snowflake from '../../../assets/icons/snowflake.svg?raw';

export const ICONS = { alert, check, cross, diamond, info, link, missile, shield, snowflake } as const;
export type IconName = keyof typeof ICONS;

/** An inline SVG icon, hidden from assistive technology. */
export function icon(name: IconName, className = ''): HTMLElement {
  const span = document.createElement('span');
  span.className = `icon icon-${name}${className ? ` ${className}` : ''}`;
  span.setAttribute('aria-hidden', 'true');
  span.innerHTML = ICONS[name];
  return span;
}
