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
    const s = storage();
    const store =
      s instanceof Map
        ? { getItem: (k: string) => s.get(k) ?? null, setItem: (k: string, v: string) => void s.set(k, v), removeItem: (k: string) => void s.delete(k) }
        : s;
    // `?classroom` (where the classroom server opens): play at a table over the network.
    const query = new URLSearchParams(location.search);
    if (query.has('classroom') || query.has('code')) {
      const { ClassroomApp } = await import('./ui/net/classroom-app.ts');
      new ClassroomApp(root, boundary, store).boot();
      return;
    }
    // ?clock=manual: turn animations and the viewer's playback wait to be stepped (see App); for tests.
    const clock = query.get('clock') === 'manual' ? 'manual' : 'real';
    const { App } = await import('./ui/dom/app.ts');
    new App(root, boundary, store, { clock }).boot();
  } catch (err) {
    root.querySelector('.boot')?.remove();
    boundary.show(err, 'Cashout could not start');
  }
}

void start();
