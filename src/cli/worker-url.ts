// Where a worker thread's code is: its entry in bin/ (two levels above both src/cli and
// dist/cli), which runs the compiled bundle when it is up to date, else the sources.
export function workerUrl(name: string): URL {
  return new URL(`../../bin/${name}.cjs`, import.meta.url);
}
