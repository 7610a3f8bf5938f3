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
  /** Something changed or will move: render again (the loop sleeps when nothing does). */
  poke: () => void;
}

/**
 * How long the render loop keeps running after the last change. Nothing on the map moves
 * between turns, and a sleeping loop leaves the CPU to the page and the what-if worker
 * (software WebGL redraws the whole canvas every frame otherwise).
 */
const IDLE_SLEEP_MS = 1500;

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
  let idle: ReturnType<typeof setTimeout> | undefined;
  const poke = () => {
    if (!game.isBooted) return;
    if (!game.loop.running) game.loop.wake(true);
    clearTimeout(idle);
    const check = () => {
      // A turn playing in real time keeps the loop awake; on the manual clock it is drawn on each advance.
      if (map.progress.playing && map.clock === 'real') idle = setTimeout(check, IDLE_SLEEP_MS);
      else game.loop.sleep();
    };
    idle = setTimeout(check, IDLE_SLEEP_MS);
  };
  const onParentResize = () => {
    if (!game.isBooted) return; // the first callback can arrive before the canvas exists
    poke();
    game.scale.getParentBounds();
    game.scale.refresh();
  };
  const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(onParentResize);
  observer?.observe(parent);
  await Promise.all([map.ready, charts.ready]);
  poke();
  return {
    game,
    map,
    charts,
    rendererName: game.renderer?.type === Phaser.CANVAS ? 'Canvas' : 'WebGL',
    unobserve: () => {
      clearTimeout(idle);
      observer?.disconnect();
    },
    poke,
  };
}
