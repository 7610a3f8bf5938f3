// Browser entry: install the error boundary first, then start the app. The app module is
// loaded dynamically so that even an error while loading it shows a message, not a blank page.
import './ui/styles.css';
import './ui/styles/debrief.css';
import './ui/styles/narrow.css';
import './ui/styles/meters.css';
import './ui/styles/report.css';
import './ui/styles/whatif.css';
import { ErrorBoundary } from './ui/dom/boundary.ts';

const boundary = new ErrorBoundary(document.body);
boundary.install();

function storage(): Storage | Map<string, string> {
  try {
    const s = window.localStorage;
    s.getItem('cashout:probe');
    return s;
  } catch {
    return new Map<string, string>(); // storage blocked: play without autosave
  }
}

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) throw new Error('The page has no #app element.');
  try {
    const { App } = await import('./ui/dom/app.ts');
    const s = storage();
    const store =
      s instanceof Map
        ? { getItem: (k: string) => s.get(k) ?? null, setItem: (k: string, v: string) => void s.set(k, v), removeItem: (k: string) => void s.delete(k) }
        : s;
    // ?clock=manual: turn animations wait to be stepped (see App); for tests.
    const clock = new URLSearchParams(location.search).get('clock') === 'manual' ? 'manual' : 'real';
    new App(root, boundary, store, { clock }).boot();
  } catch (err) {
    root.querySelector('.boot')?.remove();
    boundary.show(err, 'Cashout could not start');
  }
}

void start();
