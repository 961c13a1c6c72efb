// Counts React renders in the built app while a drag runs: what a pointer move costs
// in components, a figure that does not move with the machine's load as frame times
// do. An init script stands in for the React DevTools hook (react-dom reports every
// commit to it, production builds too) and walks each committed tree the way
// DevTools does: a subtree whose children were not cloned did not render. Names are
// minified in a production build, so cards are recognised by what they render: a
// card's shell renders the `li[data-testid="card"]`, its content renders inside it.

/** Installs `__REACT_DEVTOOLS_GLOBAL_HOOK__` (before the app loads) and `__startRenderProbe`/`__stopRenderProbe`. */
export const RENDER_PROBE = `(() => {
  // React's fiber tags for components that run code when they render.
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  const PERFORMED_WORK = 1;
  let probe = null;
  const isCardLi = (fiber) =>
    fiber !== null && fiber.tag === 5 && fiber.type === 'li' &&
    fiber.memoizedProps !== null && fiber.memoizedProps['data-testid'] === 'card';
  const nameOf = (type) =>
    (type && (type.displayName || type.name || (type.type && (type.type.displayName || type.type.name)) ||
      (type.render && type.render.name))) || '?';
  const count = (fiber) => {
    probe.components++;
    const name = nameOf(fiber.type);
    probe.byName[name] = (probe.byName[name] || 0) + 1;
    if (isCardLi(fiber.child)) probe.cardShells++;
    else if (fiber.return !== null && isCardLi(fiber.return)) probe.cardContents++;
  };
  const walk = (fiber) => {
    for (let node = fiber; node !== null; node = node.sibling) {
      const fresh = node.alternate === null;
      if (COMPONENT_TAGS.has(node.tag) && (fresh || (node.flags & PERFORMED_WORK) !== 0)) count(node);
      if (node.child !== null && (fresh || node.child !== node.alternate.child)) walk(node.child);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject() { return 1; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(id, root) {
      if (probe === null) return;
      probe.commits++;
      const current = root.current;
      if (current.child !== null && (current.alternate === null || current.child !== current.alternate.child)) {
        walk(current.child);
      }
    },
  };
  const onMove = () => { if (probe !== null) probe.moves++; };
  window.__startRenderProbe = () => {
    probe = { moves: 0, commits: 0, components: 0, cardShells: 0, cardContents: 0, byName: {} };
    document.addEventListener('pointermove', onMove, true);
  };
  window.__stopRenderProbe = () => {
    document.removeEventListener('pointermove', onMove, true);
    const result = probe;
    probe = null;
    return result;
  };
})();`;

export interface RenderProbeResult {
  /** Pointer moves the page received. */
  readonly moves: number;
  /** React commits (one per update React rendered). */
  readonly commits: number;
  /** Component renders of any kind. */
  readonly components: number;
  /** Renders of a card's shell (the component that renders its list item). */
  readonly cardShells: number;
  /** Renders of the component a card's list item contains (its content). */
  readonly cardContents: number;
  /** Renders per component name (minified in a production build: build without for names). */
  readonly byName: Readonly<Record<string, number>>;
}

interface ProbeWindow {
  __startRenderProbe(): void;
  __stopRenderProbe(): RenderProbeResult;
}

// Passed to page.evaluate (serialized, run in the page).
export const startRenderProbe = (): void => (window as unknown as ProbeWindow).__startRenderProbe();
export const stopRenderProbe = (): RenderProbeResult =>
  (window as unknown as ProbeWindow).__stopRenderProbe();
