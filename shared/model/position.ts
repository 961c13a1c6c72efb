// Ordering of entities by a numeric position. Inserting between two neighbours
// takes the midpoint; ties (two people inserting at the same place at once) are
// broken by id, so every replica shows the same order.

export const POSITION_STEP = 1024;

export function positionAfter(last: number | undefined): number {
  return last === undefined ? POSITION_STEP : last + POSITION_STEP;
}

export function positionBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return POSITION_STEP;
  if (before === undefined) return (after as number) - POSITION_STEP;
  if (after === undefined) return before + POSITION_STEP;
  return (before + after) / 2;
}

export function byPosition<T extends { readonly position: number; readonly id: string }>(
  a: T,
  b: T,
): number {
  return a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
