// One place for every colour, font, size and duration the Phaser views use, so scenes
// never repeat magic numbers. Colours are the Okabe–Ito palette (safe for the common
// colour-vision deficiencies); meaning is never carried by colour alone — shapes, dashes
// and text labels repeat it.

/** Okabe–Ito colours as 0xRRGGBB numbers (Phaser Graphics) — see `css()` for Text. */
export const OKABE_ITO = {
  orange: 0xe69f00,
  skyBlue: 0x56b4e9,
  bluishGreen: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  reddishPurple: 0xcc79a7,
} as const;

export const COLORS = {
  background: 0x0b1320,
  ocean: 0x0e1a2b,
  graticule: 0x1b2a40,
  land: 0x24344a,
  border: 0x3a4d68,
  northKorea: OKABE_ITO.reddishPurple,
  panel: 0x111c2e,
  panelBorder: 0x2c3e58,
  text: 0xe8eef6,
  textMuted: 0x9fb0c6,
  gridLine: 0x24344a,
  axis: 0x6b7f99,
  sector: OKABE_ITO.bluishGreen,
  heist: OKABE_ITO.orange,
  blocked: 0xb8c4d4,
  flow: OKABE_ITO.orange,
  frozen: OKABE_ITO.skyBlue,
  lost: 0x7d8ba0,
  cash: OKABE_ITO.yellow,
  missile: OKABE_ITO.vermillion,
  cost: OKABE_ITO.bluishGreen,
  budget: 0xb8c4d4,
  channel: 0xe8eef6,
} as const;

/** '#rrggbb' for Phaser Text styles, which take CSS colours. */
export function css(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}

export const FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif';

/** Font sizes in CSS px at the reference size (1280×720); multiplied by `uiScale`. */
export const FONT_PX = { title: 19, heading: 14, label: 13, small: 11.5, legend: 12.5 } as const;
export type FontRole = keyof typeof FONT_PX;
/** Text that must fit shrinks no further than this (CSS px): still legible on a classroom projector. */
export const MIN_FONT_PX = 9;

/** The layout was tuned at 1280×720; other sizes scale text and strokes from there. */
export const REFERENCE_SIZE = { width: 1280, height: 720 } as const;
const UI_SCALE_RANGE = [0.85, 1.6] as const;

export function uiScale(width: number, height: number): number {
  const s = Math.min(width / REFERENCE_SIZE.width, height / REFERENCE_SIZE.height);
  return Math.min(UI_SCALE_RANGE[1], Math.max(UI_SCALE_RANGE[0], s));
}

export function fontPx(role: FontRole, scale: number): number {
  return Math.round(FONT_PX[role] * scale);
}

/** Width of the dark outline round canvas text, which keeps it readable over arcs and borders. */
export function strokePx(scale: number): number {
  return Math.max(2, Math.round(3 * scale));
}

/** Height Phaser gives one line of text: the font's ascent and descent (up to ~1.32 em with accents and descenders) plus the outline. */
export function lineHeightPx(role: FontRole, scale: number): number {
  return Math.ceil(fontPx(role, scale) * 1.32 + strokePx(scale));
}

/** Layout of the map view, as fractions of the canvas or px at the reference size. */
export const MAP_LAYOUT = {
  /** Width share of the side panel (summary + legend) on the right. */
  sidePanelShare: 0.24,
  sidePanelMinPx: 250,
  /** The laundering flow band under the map: share of height, clamped. */
  bandShare: 0.27,
  bandMinPx: 170,
  bandMaxShare: 0.4,
  /** Canvases narrower than this aspect ratio stack map, strip and band (no side panel). */
  stackBelowAspect: 1.5,
  bandMaxShareStacked: 0.42,
  /**
   * Flow-band boxes (px at the reference size): the stolen, cash and missile boxes hold
   * short figures (wider when there is room); channel boxes (long names) share the rest,
   * up to a cap; the links between columns need at least `linkGapPx` to read as curves.
   */
  /** compactBelowPx: bands narrower than this (phones) drop the stolen, cash and missile columns. */
  flow: { fixedBoxPx: 104, fixedMaxPx: 170, linkGapPx: 20, maxBoxPx: 230, compactBelowPx: 600 },
  marginPx: 12,
  /** Centre longitude of the map: Pacific-centred so arcs from Korea to the Americas stay on screen. */
  centerLon: 150,
  /** Countries left out of the fitted extent (Antarctica) so inhabited land gets the space. */
  excludeFromFit: ['010'],
  northKoreaId: '408',
  pyongyang: { lon: 125.75, lat: 39.02, label: 'Pyongyang' },
  /** Where launches splash down, by missile type (cheapest first): Sea of Japan, then the Pacific. */
  splashdowns: [
    { lon: 132, lat: 40 },
    { lon: 136, lat: 41.5 },
    { lon: 139.2, lat: 40.8 },
    { lon: 134.5, lat: 38 },
  ],
  /**
   * The Korean Peninsula is a few pixels wide on a world map, so an inset magnifies it
   * (launches, nearby targets). It sits in the empty South Pacific, centred on `centerLon`.
   */
  inset: {
    bounds: { west: 121.5, south: 33, east: 141.5, north: 43.5 },
    centerLon: -140,
    widthShare: 0.24,
    minWidthPx: 170,
    maxWidthPx: 320,
    aspect: 0.72,
    maxHeightShare: 0.4,
    title: 'Korean Peninsula (enlarged)',
  },
} as const;

/** Marker and stroke sizes in px at the reference size. */
export const SIZES = {
  sectorMarker: 5,
  channelMarker: 6,
  capitalMarker: 5,
  burstMin: 4,
  burstMax: 26,
  arcWidthMin: 1.5,
  arcWidthMax: 7,
  /** Arc bulge as a share of its chord length, with a floor so short arcs still read as arcs. */
  arcLift: 0.28,
  arcLiftMin: 26,
  dash: 7,
  gap: 5,
  flowWidthMax: 22,
  flowWidthMin: 1.5,
  nodeWidth: 12,
  missileIcon: 7,
  maxLaunchArcs: 24,
  labelGap: 9,
  panelRadius: 8,
} as const;

/** Animation durations in ms. One turn plays in about eight seconds; skip() jumps to the end. */
export const DURATIONS = {
  heistArc: 900,
  heistStagger: 1400,
  heistPhase: 2400,
  launderPhase: 2600,
  cashPhase: 1100,
  missilePhase: 1700,
  fadeIn: 350,
  /** A window being dragged fires many resizes; the views rebuild once it settles. */
  resizeSettle: 80,
} as const;

/** Chart panels: grid, paddings in px at the reference size. */
export const CHART_LAYOUT = {
  columns: 3,
  headerPx: 46,
  marginPx: 16,
  gapPx: 18,
  padLeftPx: 62,
  padRightPx: 12,
  padTopPx: 31,
  padBottomPx: 34,
  yTicks: 5,
  maxXTicks: 8,
  markerRadius: 3,
  lineWidth: 2.5,
} as const;

/** Draw order of the layers (higher is on top). */
export const DEPTH = { backdrop: 0, chrome: 1, fx: 2, labels: 3, overlay: 4 } as const;
