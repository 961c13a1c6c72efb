// Counts component renders the way React DevTools does, through the hook react-dom
// reports every commit to: a component rendered if its fibre did work in the
// commit, and a subtree whose children were not cloned did not render at all.
// Keyed "<Component>#<id>" by the component's id prop (a card's, a list's). Must
// be imported before react-dom (it looks for the hook when it loads).

const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]); // function, class, forwardRef, memo
const PERFORMED_WORK = 1;

interface Fiber {
  readonly tag: number;
  readonly type: unknown;
  readonly flags: number;
  readonly memoizedProps: Record<string, unknown> | null;
  readonly child: Fiber | null;
  readonly sibling: Fiber | null;
  readonly alternate: Fiber | null;
}

const counts = new Map<string, number>();

function nameOf(type: unknown): string {
  const named = type as { displayName?: string; name?: string; type?: { name?: string } } | null;
  return named?.displayName || named?.name || named?.type?.name || '?';
}

function walk(first: Fiber | null): void {
  for (let fiber = first; fiber !== null; fiber = fiber.sibling) {
    const fresh = fiber.alternate === null;
    if (COMPONENT_TAGS.has(fiber.tag) && (fresh || (fiber.flags & PERFORMED_WORK) !== 0)) {
      const props = fiber.memoizedProps ?? {};
      const id = props.id ?? props.listId ?? props.fieldId ?? '';
      const key = `${nameOf(fiber.type)}#${String(id)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (fiber.child !== null && (fresh || fiber.child !== fiber.alternate?.child))
      walk(fiber.child);
  }
}

(globalThis as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  isDisabled: false,
  renderers: new Map(),
  inject: () => 1,
  checkDCE: () => {},
  onScheduleFiberRoot: () => {},
  onCommitFiberUnmount: () => {},
  onPostCommitFiberRoot: () => {},
  onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
    const current = root.current;
    if (current.alternate === null || current.child !== current.alternate.child)
      walk(current.child);
  },
};

export function resetRenders(): void {
  counts.clear();
}

/** Renders since the last reset, of components with the given name, per id. */
export function rendersOf(component: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const [key, count] of counts) {
    const [name, id = ''] = key.split('#');
    if (name === component) result.set(id, count);
  }
  return result;
}

/** All renders since the last reset of components with the given name. */
export function totalRendersOf(component: string): number {
  let total = 0;
  for (const count of rendersOf(component).values()) total += count;
  return total;
}
