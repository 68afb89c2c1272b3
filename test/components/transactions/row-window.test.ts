/**
 * The row window of `<express-transactions>` on its own (row-window.ts): a plain list of items in
 * a scroller or in the page, rows of a fixed height in CSS and measured ones.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { RowWindow, type RowWindowSource } from '../../../src/components/transactions/row-window.js';
import { hostPage } from '../../support/host-page.js';

const ROW = 20;

interface Item {
  id: string;
  kind: 'row' | 'tall';
  height?: number;
}

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
async function frames(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await frame();
}
/** Resolves after the current task (e.g. a frame's rendering) is over. */
const afterTask = () =>
  new Promise<void>((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r();
    ch.port2.postMessage(0);
  });

function sourceOf(items: Item[], renders: { count: number }): RowWindowSource {
  return {
    get count() {
      return items.length;
    },
    key: (i) => items[i]!.id,
    indexOf: (key) => items.findIndex((it) => it.id === key),
    kind: (i) => items[i]!.kind,
    get measured() {
      return items.flatMap((it, i) => (it.kind === 'tall' ? [i] : []));
    },
    create: (kind) => {
      const el = document.createElement('div');
      el.className = kind;
      el.style.cssText = 'position: absolute; top: 0; left: 0; right: 0; box-sizing: border-box;';
      if (kind === 'row') el.style.height = 'var(--h)';
      return el;
    },
    render: (el, i) => {
      renders.count++;
      const it = items[i]!;
      el.dataset.key = it.id;
      el.dataset.index = String(i);
      el.textContent = it.id;
      if (it.kind === 'tall') el.style.height = `${it.height ?? 90}px`;
    },
  };
}

/** A list of `n` items in a 200px scroller (or in the page with `page`), its window attached. */
async function mount(n: number, opts: { page?: boolean; pinned?: number; items?: Item[] } = {}) {
  const items: Item[] = opts.items ?? Array.from({ length: n }, (_, i) => ({ id: `i${i}`, kind: 'row' as const }));
  const outer = await fixture<HTMLDivElement>(
    opts.page
      ? html`<div style="position: relative"><div class="probe" style="position: absolute; width: 1px; height: 1px"></div>
          <div style="height: 50px">above</div><div><div class="list" style="--h: ${ROW}px; position: relative; contain: size layout style"></div></div></div>`
      : html`<div style="height: 200px; overflow: auto; position: relative"><div class="probe" style="position: absolute; width: 1px; height: 1px"></div>
          <div style="height: 50px">above</div><div><div class="list" style="--h: ${ROW}px; position: relative; contain: size layout style"></div></div></div>`,
  );
  const list = outer.querySelector<HTMLElement>('.list')!;
  const probe = outer.querySelector<HTMLElement>('.probe')!;
  const renders = { count: 0 };
  const source = sourceOf(items, renders);
  const win = new RowWindow({ heightProperty: '--h', defaultHeight: 30, estimate: 50, overscan: 40, measuredKinds: ['tall'] });
  win.pinned = opts.pinned ?? 0;
  win.attach(list, probe);
  win.refresh(source);
  await frames(3);
  const scroller: { top: number } = opts.page
    ? { get top() { return window.scrollY; }, set top(y: number) { window.scrollTo(0, y); } }
    : { get top() { return outer.scrollTop; }, set top(y: number) { outer.scrollTop = y; } };
  return { outer, list, win, items, source, renders, scroller };
}

const keys = (list: HTMLElement) => [...list.children].map((c) => (c as HTMLElement).dataset.key);
const indices = (list: HTMLElement) => [...list.children].map((c) => Number((c as HTMLElement).dataset.index));
const viewTop = (el: Element) => el.getBoundingClientRect().top;

describe('RowWindow (the rows of <express-transactions>)', function () {
  this.timeout(30_000);
  let watch: ReturnType<typeof hostPage>;
  beforeEach(() => {
    watch = hostPage();
  });
  afterEach(() => {
    watch.stop();
    window.scrollTo(0, 0);
    expect(watch.seen, 'errors in the page').to.deep.equal([]);
  });

  it('renders the rows in view (and a few more) out of 10,000, positioned by transform in a spacer of the full height', async () => {
    const { list, outer } = await mount(10_000);
    expect(list.getBoundingClientRect().height).to.equal(10_000 * ROW);
    // 200px of viewport, 50px of it above the list, 40px of overscan below: 8 + 2 rows.
    expect(list.children.length).to.be.within(8, 12);
    expect(indices(list)).to.deep.equal([...Array(list.children.length).keys()]);
    const second = list.children[1] as HTMLElement;
    expect(second.style.transform).to.equal(`translateY(${ROW}px)`);
    expect(list.style.height, 'the spacer in units of the row height').to.include('var(--h)');
    expect(viewTop(second) - viewTop(list)).to.equal(ROW);
    outer.scrollTop = 50 + 5000 * ROW;
    await frames(2);
    const first = list.firstElementChild as HTMLElement;
    expect(Number(first.dataset.index)).to.be.within(4997, 5000);
    const at5000 = [...list.children].find((c) => (c as HTMLElement).dataset.index === '5000')!;
    expect(viewTop(at5000)).to.be.closeTo(viewTop(outer), 1);
    expect(list.children.length).to.be.below(20);
  });

  it('moves its rows in the frame the row height changes (a container query), without a scroll', async () => {
    const { list, outer } = await mount(10_000);
    outer.scrollTop = 50 + 300 * ROW;
    // Long enough for the window's frame loop to come to rest.
    await frames(40);
    // Another row height, and the container's width with it, as a container query would set them.
    await new Promise<void>((resolve) => {
      requestAnimationFrame(() => {
        list.style.setProperty('--h', '32px');
        list.style.width = '90%';
        void afterTask().then(() => resolve());
      });
    });
    // Right after that frame: every row at its index times the new height.
    for (const el of list.children as HTMLCollectionOf<HTMLElement>) {
      expect(viewTop(el) - viewTop(list), `row ${el.dataset.index}`).to.equal(Number(el.dataset.index) * 32);
    }
    expect(list.getBoundingClientRect().height).to.equal(10_000 * 32);
  });

  it('reuses its elements as the window moves, the same objects updated in place, DOM order kept', async () => {
    const { list, outer, renders } = await mount(10_000);
    outer.scrollTop = 50 + 2000 * ROW;
    await frames(4);
    const before = [...list.children];
    // A jump: every row is new, drawn into the same elements without moving them (the rows in
    // view first, the ones around them once a frame went without a move).
    outer.scrollTop = 50 + 7000 * ROW;
    await frames(4);
    const afterJump = [...list.children];
    expect(afterJump).to.have.length(before.length);
    expect(afterJump.every((el) => before.includes(el))).to.equal(true);
    expect(afterJump).to.deep.equal(before);
    expect(indices(list)[0]).to.be.within(6997, 7000);
    // A steady scroll of 3 rows: 3 elements are rewritten (and moved to the end), the rest stay untouched.
    const n = renders.count;
    outer.scrollTop += 3 * ROW;
    await frames(6);
    expect(renders.count - n).to.equal(3);
    expect([...list.children].every((el) => before.includes(el))).to.equal(true);
    const idx = indices(list);
    expect(idx).to.deep.equal([...idx].sort((a, b) => a - b));
    expect(idx[idx.length - 1]! - idx[0]!).to.equal(idx.length - 1);
  });

  it('moves rows to keep DOM order without rebuilding them where the engine can (moveBefore)', async () => {
    const { list, outer } = await mount(10_000);
    // A CSS animation on every row: an element removed and inserted again loses it (a new one
    // starts); one moved with moveBefore keeps it running.
    const style = document.createElement('style');
    style.textContent = '@keyframes rw-spin { to { opacity: 0.99 } } .list > .row { animation: rw-spin 100s linear }';
    document.head.append(style);
    try {
      outer.scrollTop = 50 + 2000 * ROW;
      await frames(4);
      const before = new Map([...list.children].map((el) => [el, el.getAnimations()[0]]));
      expect([...before.values()].every(Boolean)).to.equal(true);
      const lastBefore = Math.max(...indices(list));
      outer.scrollTop += 3 * ROW;
      await frames(6);
      const moved = [...list.children].filter((el) => Number((el as HTMLElement).dataset.index) > lastBefore);
      expect(moved.length).to.be.within(1, 6);
      expect(moved.every((el) => before.has(el)), 'the same elements, reused').to.equal(true);
      const idx = indices(list);
      expect(idx).to.deep.equal([...idx].sort((a, b) => a - b));
      if ('moveBefore' in Element.prototype) {
        expect(moved.every((el) => el.getAnimations()[0] === before.get(el)), 'moved, not rebuilt').to.equal(true);
      }
    } finally {
      style.remove();
    }
  });

  it('moves no row while the list scrolls; at rest the DOM is in item order', async () => {
    const { list, outer } = await mount(10_000);
    outer.scrollTop = 50 + 2000 * ROW;
    await frames(4);
    const moves: Node[] = [];
    const seen = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (records.some((q) => [...q.removedNodes].includes(n))) moves.push(n);
    });
    seen.observe(list, { childList: true });
    // A steady scroll by script, 2 rows a frame for 10 frames: rows enter and leave every frame.
    for (let i = 0; i < 10; i++) {
      await new Promise<void>((resolve) => requestAnimationFrame(() => {
        outer.scrollTop += 2 * ROW;
        void afterTask().then(() => resolve());
      }));
      // Each frame shows the rows of its position, each at its place, whatever the DOM order.
      for (const el of list.children as HTMLCollectionOf<HTMLElement>) {
        expect(viewTop(el) - viewTop(list)).to.equal(Number(el.dataset.index) * ROW);
      }
    }
    seen.takeRecords();
    expect(moves, 'no row removed and inserted again while scrolling').to.have.length(0);
    await frames(5);
    const idx = indices(list);
    expect(idx, 'in item order at rest').to.deep.equal([...idx].sort((a, b) => a - b));
    expect(idx[idx.length - 1]! - idx[0]!).to.equal(idx.length - 1);
    seen.disconnect();
  });

  it('draws a scroll made in an animation frame callback in that same frame', async () => {
    const { list, outer } = await mount(10_000);
    outer.scrollTop = 50;
    await frames(2);
    let covered = 0;
    for (let i = 1; i <= 20; i++) {
      const target = 50 + i * 400 * ROW;
      await new Promise<void>((resolve) => {
        requestAnimationFrame(() => {
          outer.scrollTop = target;
          // After this frame's rendering task: the rows on screen are those of the new position.
          void afterTask().then(() => {
            const hit = [...list.children].find((c) => (c as HTMLElement).dataset.index === String(i * 400));
            if (hit && Math.abs(viewTop(hit) - viewTop(outer)) < 1) covered++;
            resolve();
          });
        });
      });
    }
    // Where the engine has scroll-driven animations, even the first jump (the frame loop at rest)
    // is drawn in its frame; elsewhere it wakes the loop (its scroll event comes a frame later).
    expect(covered).to.be.at.least('ScrollTimeline' in globalThis ? 20 : 19);
  });

  it("follows the page's own scroll as well as a scrolling container's", async () => {
    const { list, scroller } = await mount(3000, { page: true });
    const top = list.getBoundingClientRect().top + window.scrollY;
    expect(list.children.length).to.be.within(1, Math.ceil(window.innerHeight / ROW) + 6);
    scroller.top = top + 1500 * ROW;
    await frames(2);
    const at = [...list.children].find((c) => (c as HTMLElement).dataset.index === '1500')!;
    expect(at, 'row 1500 rendered').to.exist;
    expect(viewTop(at)).to.be.closeTo(0, 1);
    expect(list.children.length).to.be.below(Math.ceil(window.innerHeight / ROW) + 8);
  });

  it('always renders the pinned first items, in view or not', async () => {
    const { list, outer } = await mount(1000, { pinned: 25 });
    outer.scrollTop = 50 + 600 * ROW;
    await frames(2);
    const idx = indices(list);
    expect(idx.slice(0, 25)).to.deep.equal([...Array(25).keys()]);
    expect(idx.slice(25).every((i) => i >= 590 && i <= 615)).to.equal(true);
    // The pinned ones by `top` (they never move while scrolling: no transform to walk each frame),
    // the window's by transform; each exactly where its index puts it.
    for (const el of list.children as HTMLCollectionOf<HTMLElement>) {
      const i = Number(el.dataset.index);
      expect(viewTop(el) - viewTop(list), `row ${i}`).to.equal(i * ROW);
      expect(el.style.transform, `row ${i}`).to.equal(i < 25 ? '' : `translateY(${i * ROW}px)`);
      expect(el.style.top, `row ${i}`).to.equal(i < 25 ? `${i * ROW}px` : '');
    }
  });

  it('an element that leaves the pinned items for the window (and back) keeps one way of placing', async () => {
    const { list, win, source, outer } = await mount(1000, { pinned: 25 });
    // Fewer pinned: the items 10-24 are in view, now placed by transform.
    win.pinned = 10;
    win.refresh(source);
    await frames(2);
    for (const el of list.children as HTMLCollectionOf<HTMLElement>) {
      const i = Number(el.dataset.index);
      expect(viewTop(el) - viewTop(list), `row ${i}`).to.equal(i * ROW);
      expect(Boolean(el.style.top) !== Boolean(el.style.transform), `row ${i}: top or transform, not both`).to.equal(true);
      expect(Boolean(el.style.top), `row ${i}`).to.equal(i < 10);
    }
    // Scrolled far and back: elements move between the window's rows and the pinned ones' neighbours.
    win.pinned = 25;
    win.refresh(source);
    outer.scrollTop = 50 + 600 * ROW;
    await frames(2);
    outer.scrollTop = 0;
    await frames(2);
    for (const el of list.children as HTMLCollectionOf<HTMLElement>) {
      const i = Number(el.dataset.index);
      expect(viewTop(el) - viewTop(list), `row ${i}`).to.equal(i * ROW);
      expect(Boolean(el.style.top) !== Boolean(el.style.transform), `row ${i}: top or transform, not both`).to.equal(true);
    }
  });

  it("a measured item's height moves the items after it", async () => {
    const items: Item[] = Array.from({ length: 200 }, (_, i) => ({ id: `i${i}`, kind: 'row' as const }));
    items.splice(3, 0, { id: 'tall', kind: 'tall', height: 77 });
    const { list, win, source } = await mount(0, { items });
    await frames(2);
    const el = (i: number) => [...list.children].find((c) => (c as HTMLElement).dataset.index === String(i))!;
    expect(viewTop(el(3)) - viewTop(el(2))).to.equal(ROW);
    expect(viewTop(el(4)) - viewTop(el(3))).to.equal(77);
    expect(viewTop(el(5)) - viewTop(el(4))).to.equal(ROW);
    expect(list.getBoundingClientRect().height).to.equal(200 * ROW + 77);
    // It grows: the items after it follow.
    items[3]!.height = 101;
    win.refresh(source, { invalidate: true });
    await frames(3);
    expect(viewTop(el(4)) - viewTop(el(3))).to.equal(101);
    expect(list.getBoundingClientRect().height).to.equal(200 * ROW + 101);
  });

  it('keeps what the reader looks at in place when items are inserted above it; at the top, new items push down', async () => {
    const { list, outer, items, win, source } = await mount(500);
    outer.scrollTop = 50 + 200 * ROW + 7;
    await frames(2);
    const row200 = () => [...list.children].find((c) => (c as HTMLElement).dataset.key === 'i200')!;
    const y = viewTop(row200());
    items.unshift({ id: 'new1', kind: 'row' }, { id: 'new2', kind: 'row' });
    win.refresh(source);
    await frames(2);
    expect(viewTop(row200())).to.be.closeTo(y, 0.5);
    // At the top, the list's top in view: the new item shows at the top, the others move down.
    outer.scrollTop = 0;
    await frames(2);
    const first = () => list.firstElementChild as HTMLElement;
    const y0 = viewTop(first());
    items.unshift({ id: 'new3', kind: 'row' });
    win.refresh(source);
    await frames(2);
    expect(first().dataset.key).to.equal('new3');
    expect(viewTop(first())).to.be.closeTo(y0, 0.5);
    expect(outer.scrollTop).to.equal(0);
  });

  it('stops its frame loop when the scroll stops and leaves nothing behind on detach', async () => {
    const { list, outer, win, renders } = await mount(1000);
    outer.scrollTop = 500;
    await frames(40);
    const n = renders.count;
    await frames(5);
    expect(renders.count).to.equal(n);
    win.detach();
    expect(list.children).to.have.length(0);
    outer.scrollTop = 1000;
    await frames(3);
    expect(renders.count).to.equal(n);
    expect(keys(list)).to.deep.equal([]);
  });
});
