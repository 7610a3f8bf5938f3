// A few stacked lines of Text with their own colours, moved and faded as one label.
// Phaser Text has one style per object, so a label whose lines mean different things
// (name, stolen amount, blocked attempts) is several Text objects kept together.
import type * as Phaser from 'phaser';
import type { TextAlign } from '../labels.ts';
import { COLORS, css, FONT_FAMILY, type FontRole, fontPx, strokePx } from '../theme.ts';

export interface LineSpec {
  text: string;
  color?: number;
  role?: FontRole;
  bold?: boolean;
  /** Lines with a group fade in together (e.g. a turn's figures after the arc lands). */
  group?: string;
  /** Left indent in px at the reference size, leaving room for an icon drawn beside the line. */
  indent?: number;
  /** Font size in CSS px when a fitting step chose one; otherwise the role's size. */
  px?: number;
}

/** The font size a line is drawn at. */
export function linePx(spec: LineSpec, scale: number): number {
  return spec.px ?? fontPx(spec.role ?? 'label', scale);
}

export function makeText(scene: Phaser.Scene, x: number, y: number, spec: LineSpec, scale: number): Phaser.GameObjects.Text {
  return scene.add.text(x, y, spec.text, {
    fontFamily: FONT_FAMILY,
    fontSize: `${linePx(spec, scale)}px`,
    fontStyle: spec.bold ? 'bold' : 'normal',
    color: css(spec.color ?? COLORS.text),
    // A dark outline keeps labels readable where they cross land borders and arcs.
    stroke: css(COLORS.background),
    strokeThickness: strokePx(scale),
  });
}

export class TextBlock {
  readonly lines: { spec: LineSpec; text: Phaser.GameObjects.Text }[];

  constructor(
    scene: Phaser.Scene,
    specs: readonly LineSpec[],
    private readonly scale: number,
    depth: number,
  ) {
    this.lines = specs.map((spec) => ({ spec, text: makeText(scene, 0, 0, spec, scale).setDepth(depth) }));
  }

  private indent(spec: LineSpec): number {
    return (spec.indent ?? 0) * this.scale;
  }

  get width(): number {
    return Math.max(0, ...this.lines.map((l) => l.text.width + this.indent(l.spec)));
  }

  get height(): number {
    return this.lines.reduce((a, l) => a + l.text.height, 0);
  }

  /** Top-left corner of the block; lines are aligned inside it (towards their marker). */
  setPosition(x: number, y: number, align: TextAlign = 'left'): this {
    const w = this.width;
    let yy = y;
    for (const { text, spec } of this.lines) {
      const left = x + this.indent(spec);
      text.setPosition(align === 'left' ? left : align === 'right' ? x + w - text.width : left + (w - this.indent(spec) - text.width) / 2, yy);
      yy += text.height;
    }
    return this;
  }

  /** Sets the alpha of the lines of one group (or of the lines without a group). */
  setGroupAlpha(group: string | undefined, alpha: number): void {
    for (const l of this.lines) if (l.spec.group === group) l.text.setAlpha(alpha);
  }

  destroy(): void {
    for (const l of this.lines) l.text.destroy();
  }
}
