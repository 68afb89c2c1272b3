/**
 * Frame timing in the page. A frame's cost is the time from the frame's start (the rAF
 * timestamp, taken before scroll and pointer events, rAF callbacks, style, layout and paint of
 * that frame) to a message posted from the rAF callback, which runs only once that frame's
 * rendering task is done: the page's main-thread work for the frame. Under 16.7 ms means it fit a
 * 60 Hz budget. The interval between consecutive frames' starts is kept too: it also holds what
 * the cost cannot see (raster and compositing off the main thread, vsync waits).
 */

/** The next animation frame's timestamp. */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Resolves, with `performance.now()`, once the current task (e.g. a frame's rendering) is over. */
export function afterCurrentTask(): Promise<number> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve(performance.now());
    ch.port2.postMessage(0);
  });
}

/**
 * Waits frame by frame until `ready()` is true at the start of a frame, then until that frame is
 * painted; returns the time it was. Gives up (throws) after `timeoutMs`.
 */
export async function paintedWhen(ready: () => boolean, timeoutMs = 60_000): Promise<number> {
  const start = performance.now();
  for (;;) {
    await nextFrame();
    if (ready()) return afterCurrentTask();
    if (performance.now() - start > timeoutMs) throw new Error('timed out waiting for the first paint');
  }
}

/**
 * Runs `step(i)` at the start of `count` consecutive frames (inside their rAF callback) and returns
 * each frame's cost (see the module doc) and each interval between the starts of consecutive
 * measured frames, in milliseconds. With `check`, also what `check(i)` says once each frame's
 * rendering is over (after its cost is taken): what the frame showed.
 */
export async function timeFrames(
  count: number,
  step: (i: number) => void,
  check?: (i: number) => boolean,
): Promise<{ costs: number[]; intervals: number[]; checks: boolean[] }> {
  const costs: number[] = [];
  const intervals: number[] = [];
  const checks: boolean[] = [];
  let previous: number | undefined;
  for (let i = 0; i < count; i++) {
    const [start, cost] = await new Promise<[number, number]>((resolve) => {
      requestAnimationFrame((frameStart) => {
        step(i);
        void afterCurrentTask().then((end) => {
          if (check) checks.push(check(i));
          resolve([frameStart, end - frameStart]);
        });
      });
    });
    costs.push(cost);
    if (previous !== undefined) intervals.push(start - previous);
    previous = start;
  }
  return { costs, intervals, checks };
}

declare global {
  interface Performance { memory?: { usedJSHeapSize: number; totalJSHeapSize: number } }
  function gc(): void;
}

/** The JS heap in use after a full garbage collection, in bytes (needs --js-flags=--expose-gc). */
export async function heapUsed(): Promise<number> {
  await nextFrame();
  if (typeof gc === 'function') { gc(); gc(); }
  return performance.memory?.usedJSHeapSize ?? NaN;
}
