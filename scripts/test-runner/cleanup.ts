// What `npm test` must undo however it ends (the throwaway PostgreSQL cluster): synchronous steps, run
// newest first, once, at the end of the run or from the exit handler if the run dies on an exception.
const pending: (() => void)[] = [];
let hooked = false;

export function onCleanup(step: () => void): void {
  if (!hooked) {
    process.once('exit', runCleanups);
    hooked = true;
  }
  pending.push(step);
}

export function runCleanups(): void {
  for (let step = pending.pop(); step !== undefined; step = pending.pop()) {
    try {
      step();
    } catch (error) {
      process.stderr.write(`[npm test] cleanup failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
}
