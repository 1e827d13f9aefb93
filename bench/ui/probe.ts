/**
 * What the UI benchmark runs inside the page, as source text (functions compiled by tsx carry helper
 * calls that do not exist in the page, so the page code is plain JavaScript in strings).
 *
 * The init script records long tasks (PerformanceObserver "longtask") and the first frame in which an
 * element with role button and a name "Pod ..." is visible. A measuring window counts animation frames
 * and, through a MutationObserver, how many canvas nodes each DOM commit visibly touched (changes inside
 * `hidden` elements, such as a chip's description, draw nothing and are not counted).
 */

/** Runs before any page script. */
export const INIT_SCRIPT = `
(() => {
  const probe = { firstPodAt: null, longTasks: [], window: null };
  window.__probe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const check = (el) => {
    if (el.isConnected && el.checkVisibility()) probe.firstPodAt = performance.now();
    else requestAnimationFrame(() => check(el));
  };
  const observer = new MutationObserver(() => {
    const el = document.querySelector('[role="button"][aria-label^="Pod "]');
    if (!el) return;
    observer.disconnect();
    requestAnimationFrame(() => check(el));
  });
  observer.observe(document, { childList: true, subtree: true });
})();
`;

/** Starts a measuring window; `selector` matches the canvas nodes whose changes are counted. */
export function startWindowScript(selector: string): string {
  return `
(() => {
  const selector = ${JSON.stringify(selector)};
  const state = { start: performance.now(), frames: 0, touched: 0, commits: 0 };
  let running = true;
  const frame = () => {
    if (!running) return;
    state.frames++;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // Nodes touched in the current frame: a node changed twice before one paint counts once.
  let seen = new Set();
  let frameHadCommit = false;
  const nextFrame = () => {
    seen = new Set();
    frameHadCommit = false;
    if (running) requestAnimationFrame(nextFrame);
  };
  requestAnimationFrame(nextFrame);
  // Content and class changes only: framer-motion writes inline styles every frame of a transition.
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const target = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      // Text in a hidden element (a chip's description for screen readers) draws nothing: not a change.
      if (!target || target.closest('[hidden]')) continue;
      const node = target.closest(selector);
      const id = node && node.getAttribute('data-id');
      if (!id || seen.has(id)) continue;
      seen.add(id);
      state.touched++;
      if (!frameHadCommit) state.commits++;
      frameHadCommit = true;
    }
  });
  observer.observe(document.querySelector('.react-flow__nodes') || document.body, {
    subtree: true, childList: true, characterData: true, attributes: true,
    attributeFilter: ['class', 'aria-label'],
  });
  window.__probe.window = () => {
    running = false;
    observer.disconnect();
    return { ...state, end: performance.now() };
  };
})();
`;
}

/** What `STOP_WINDOW` returns. */
export interface WindowCounts {
  start: number;
  end: number;
  frames: number;
  /** Sum over animation frames of the counted nodes whose content or class changed in that frame. */
  touched: number;
  /** Animation frames in which at least one counted node changed. */
  commits: number;
}

export const STOP_WINDOW = 'window.__probe.window()';

export const LONG_TASKS = 'window.__probe.longTasks';

export const FIRST_POD_AT = 'window.__probe.firstPodAt';
