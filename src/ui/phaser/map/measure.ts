// Measures text exactly as Phaser will draw it (same font, outline and padding), so layout
// code can choose wordings and positions before any visible Text exists. One hidden Text
// object is reused; results are cached per size, weight and string.
import type * as Phaser from 'phaser';
import type { Measure, SizeOf } from '../labelText.ts';
import { makeText } from './TextBlock.ts';

export class TextMeasurer {
  private readonly probe: Phaser.GameObjects.Text;
  private readonly cache = new Map<string, { width: number; height: number }>();

  constructor(scene: Phaser.Scene, scale: number) {
    this.probe = makeText(scene, 0, 0, { text: '' }, scale).setVisible(false);
  }

  /** Size of one line of text at `px` (CSS px, already scaled), bold or not. */
  readonly size: SizeOf = (text, px, bold) => {
    const key = `${px}|${bold ? 'b' : ''}|${text}`;
    let out = this.cache.get(key);
    if (!out) {
      this.probe.setFontSize(px).setFontStyle(bold ? 'bold' : 'normal').setText(text);
      out = { width: this.probe.width, height: this.probe.height };
      this.cache.set(key, out);
    }
    return out;
  };

  /** A width-only `Measure` for labelText.ts at a fixed weight. */
  measure(bold: boolean): Measure {
    return (text, px) => this.size(text, px, bold).width;
  }

  destroy(): void {
    this.probe.destroy();
    this.cache.clear();
  }
}
