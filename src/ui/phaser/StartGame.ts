// Thin factory: creates the Phaser game inside `parent` with the two views as scenes. The
// canvas follows the parent's size (Scale.RESIZE), so the parent must have a definite
// width and height; scenes re-lay themselves out on every resize.
import * as Phaser from 'phaser';
import { ChartsScene } from './scenes/ChartsScene.ts';
import { WorldMapScene } from './scenes/WorldMapScene.ts';
import { COLORS, css } from './theme.ts';

export interface GameHandle {
  game: Phaser.Game;
  map: WorldMapScene;
  charts: ChartsScene;
  rendererName: 'WebGL' | 'Canvas';
  /** Stops watching the parent's size; call before destroying the game. */
  unobserve: () => void;
}

export async function StartGame(parent: HTMLElement, opts: { reducedMotion?: boolean; clock?: 'real' | 'manual' } = {}): Promise<GameHandle> {
  const map = new WorldMapScene();
  map.reducedMotion = opts.reducedMotion ?? false;
  map.clock = opts.clock ?? 'real';
  const charts = new ChartsScene();
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: css(COLORS.background),
    scale: {
      mode: Phaser.Scale.RESIZE,
      width: '100%',
      height: '100%',
      // The DOM app owns the page layout: Phaser must not restyle <body> or the parent.
      expandParent: false,
    },
    // Both scenes run from the start; the inactive one is hidden, not stopped, so a turn
    // animation keeps its clock while the players look at the charts.
    scene: [map, charts],
    banner: false,
    disableContextMenu: false,
    antialias: true,
    // Sharp 1-px lines and crisp Text on a canvas drawn at CSS-pixel size.
    roundPixels: true,
  });
  // The manager polls the parent size only every 500 ms; a ResizeObserver makes the canvas
  // follow the DOM layout (panels opening, sidebars collapsing) without a visible lag.
  // Read the parent's size first: refresh() alone re-applies the old size and then quietly
  // records the new one, so the manager's own poll would never see the change.
  const onParentResize = () => {
    if (!game.isBooted) return; // the first callback can arrive before the canvas exists
    game.scale.getParentBounds();
    game.scale.refresh();
  };
  const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(onParentResize);
  observer?.observe(parent);
  await Promise.all([map.ready, charts.ready]);
  return {
    game,
    map,
    charts,
    rendererName: game.renderer?.type === Phaser.CANVAS ? 'Canvas' : 'WebGL',
    unobserve: () => observer?.disconnect(),
  };
}
