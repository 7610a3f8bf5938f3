// Icons as SVG files (assets/icons/*.svg, drawn for this project), inlined so they take the
// text colour and need no font: a glyph such as 🛡 shows as an empty box where no emoji
// font is installed. Icons are decoration: the words beside them carry the meaning.
import alert from '../../../assets/icons/alert.svg?raw';
import arrowDown from '../../../assets/icons/arrow-down.svg?raw';
import back from '../../../assets/icons/back.svg?raw';
import check from '../../../assets/icons/check.svg?raw';
import cross from '../../../assets/icons/cross.svg?raw';
import diamond from '../../../assets/icons/diamond.svg?raw';
import info from '../../../assets/icons/info.svg?raw';
import link from '../../../assets/icons/link.svg?raw';
import missile from '../../../assets/icons/missile.svg?raw';
import pause from '../../../assets/icons/pause.svg?raw';
import play from '../../../assets/icons/play.svg?raw';
import shield from '../../../assets/icons/shield.svg?raw';
import snowflake from '../../../assets/icons/snowflake.svg?raw';
import sortDown from '../../../assets/icons/sort-down.svg?raw';
import sortUp from '../../../assets/icons/sort-up.svg?raw';
import swap from '../../../assets/icons/swap.svg?raw';

export const ICONS = { alert, arrowDown, back, check, cross, diamond, info, link, missile, pause, play, shield, snowflake, sortDown, sortUp, swap } as const;
export type IconName = keyof typeof ICONS;

/** An inline SVG icon, hidden from assistive technology. */
export function icon(name: IconName, className = ''): HTMLElement {
  const span = document.createElement('span');
  span.className = `icon icon-${name}${className ? ` ${className}` : ''}`;
  span.setAttribute('aria-hidden', 'true');
  span.innerHTML = ICONS[name];
  return span;
}
