/**
 * The host page's view of an element (issue 12 §2): what a platform's error tracking (Sentry,
 * Datadog, Cypress, Playwright's `pageerror`) would see. Nothing is filtered: every report counts,
 * a "ResizeObserver loop completed with undelivered notifications" message included.
 */
import { aTimeout } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';

/** Starts listening for window `error`, `unhandledrejection` and `console.error`; `stop()` ends it. */
export function hostPage() {
  const seen: string[] = [];
  const onError = (e: ErrorEvent) => seen.push(`error: ${e.message || String(e.error)}`);
  const onRejection = (e: PromiseRejectionEvent) => seen.push(`unhandledrejection: ${String(e.reason)}`);
  const consoleError = console.error;
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  console.error = (...args: unknown[]) => {
    seen.push(`console.error: ${args.map(String).join(' ')}`);
  };
  return {
    seen,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      console.error = consoleError;
    },
  };
}

/** What the host page saw while `run` ran (and a few frames after). */
export async function seenBy(run: () => Promise<void>): Promise<string[]> {
  const page = hostPage();
  try {
    await run();
    await frames(5);
  } finally {
    page.stop();
  }
  return page.seen;
}

/** `n` animation frames, then a short pause: resize observations, renders and their follow-ups settle. */
export async function frames(n = 4): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
  await aTimeout(20);
}

/** The container resized 1280 → 375 → 1280 px wide, a few frames at each width. */
export async function resizeThrough(box: HTMLElement, widths = [1280, 375, 1280]): Promise<void> {
  for (const width of widths) {
    box.style.width = `${width}px`;
    await frames(3);
  }
}

/**
 * Dark tokens, as a page switching its colour scheme sets them, and the media feature where the
 * engine can emulate it (only Chromium's driver can, over CDP).
 */
export async function colourScheme(wrap: HTMLElement, dark: boolean): Promise<void> {
  if (/Chrome\//.test(navigator.userAgent)) await emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  for (const [name, value] of Object.entries({
    '--express-color-background': '#111318',
    '--express-color-surface': '#1a1d24',
    '--express-color-text': '#e6e8ee',
    '--express-color-secondary-text': '#a3a9b8',
    '--express-color-border': '#2c313c',
  })) {
    if (dark) wrap.style.setProperty(name, value);
    else wrap.style.removeProperty(name);
  }
}
