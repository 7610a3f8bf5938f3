// Where a worker thread's code is. Compiled (dist/cli), each worker is a bundle beside the
// code that starts it; from the TypeScript sources, a bootstrap in bin/ compiles it first.
export function workerUrl(name: string): URL {
  return import.meta.url.endsWith('.ts') ? new URL(`../../bin/${name}.js`, import.meta.url) : new URL(`./${name}.js`, import.meta.url);
}
