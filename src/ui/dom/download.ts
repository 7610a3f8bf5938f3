// Saving a file from the page (the replay export).

/** `cashout-<scenarioId>-seed-<seed>.replay.json`, with the seed made safe for file names. */
export function replayFileName(scenarioId: string, seed: string): string {
  const safeSeed = seed.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '') || 'seed';
  return `cashout-${scenarioId}-seed-${safeSeed}.replay.json`;
}

export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
