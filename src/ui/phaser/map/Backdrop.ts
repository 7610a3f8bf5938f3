// The static world map, drawn once per layout with d3-geo into a Phaser CanvasTexture.
// Redrawing ~180 country polygons through Graphics every frame would cost far more than
// one texture upload, and d3's canvas path renderer handles clipping at the map edge.
import { type GeoProjection, geoGraticule10, geoPath } from 'd3-geo';
import type * as Phaser from 'phaser';
import { type Rect, worldCountries } from '../geo.ts';
import type { MapGeometry } from '../mapGeometry.ts';
import { COLORS, css, DEPTH, MAP_LAYOUT } from '../theme.ts';

const TEXTURE_KEYS = { world: 'cashout-world-map', inset: 'cashout-korea-inset' } as const;
const NK_FILL_ALPHA = 0.9;

/** Paints countries (North Korea highlighted) for `projection` into a new canvas texture covering `rect`. */
function paintMap(scene: Phaser.Scene, key: string, rect: Rect, projection: GeoProjection, scale: number, frame: boolean): boolean {
  const w = Math.max(1, Math.ceil(rect.width));
  const h = Math.max(1, Math.ceil(rect.height));
  const tex = scene.textures.createCanvas(key, w, h);
  if (!tex) return false;
  const ctx = tex.context;
  ctx.save();
  if (frame) {
    ctx.fillStyle = css(COLORS.ocean);
    ctx.fillRect(0, 0, w, h);
  }
  ctx.translate(-rect.x, -rect.y);
  const path = geoPath(projection, ctx);
  ctx.beginPath();
  path({ type: 'Sphere' });
  ctx.fillStyle = css(COLORS.ocean);
  ctx.fill();
  ctx.beginPath();
  path(geoGraticule10());
  ctx.strokeStyle = css(COLORS.graticule);
  ctx.lineWidth = Math.max(0.5, 0.6 * scale);
  ctx.stroke();
  ctx.lineJoin = 'round';
  for (const country of worldCountries()) {
    const isNk = String(country.id) === MAP_LAYOUT.northKoreaId;
    ctx.beginPath();
    path(country);
    ctx.globalAlpha = isNk ? NK_FILL_ALPHA : 1;
    ctx.fillStyle = css(isNk ? COLORS.northKorea : COLORS.land);
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = css(isNk ? COLORS.text : COLORS.border);
    ctx.lineWidth = isNk ? 1.2 * scale : Math.max(0.5, 0.7 * scale);
    ctx.stroke();
  }
  ctx.restore();
  tex.refresh();
  return true;
}

export class Backdrop {
  private images: Phaser.GameObjects.Image[] = [];

  constructor(private readonly scene: Phaser.Scene) {}

  draw(geo: MapGeometry): void {
    this.destroy();
    const { mapRect, projection, scale, inset } = geo;
    if (paintMap(this.scene, TEXTURE_KEYS.world, mapRect, projection, scale, false)) {
      this.images.push(this.scene.add.image(mapRect.x, mapRect.y, TEXTURE_KEYS.world).setOrigin(0, 0).setDepth(DEPTH.backdrop));
    }
    if (paintMap(this.scene, TEXTURE_KEYS.inset, inset.mapRect, inset.projection, scale, true)) {
      const img = this.scene.add.image(inset.mapRect.x, inset.mapRect.y, TEXTURE_KEYS.inset);
      this.images.push(img.setOrigin(0, 0).setDepth(DEPTH.backdrop));
    }
  }

  destroy(): void {
    for (const img of this.images) img.destroy();
    this.images = [];
    for (const key of Object.values(TEXTURE_KEYS)) if (this.scene.textures.exists(key)) this.scene.textures.remove(key);
  }
}
