/**
 * Runs `callback` once, in a task after the next frame has been painted (the frame's rAF, then a
 * task), so that what it starts does not delay that frame; or after `fallbackMs` where frames are
 * paused (a page in the background). Returns a function that cancels it.
 */
export function afterNextPaint(callback: () => void, fallbackMs = 1000): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    callback();
  };
  const fallback = setTimeout(run, fallbackMs);
  requestAnimationFrame(() => setTimeout(run));
  return () => {
    done = true;
    clearTimeout(fallback);
  };
}
