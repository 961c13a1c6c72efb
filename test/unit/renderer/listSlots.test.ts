// Where a dragged card lands in a list: between the visible cards around the
// point, with the index the move command takes (the moved cards left out, cards
// hidden by a search counted), and a keyboard target that lands in the slot asked.
import { describe, expect, it } from 'vitest';
import { slotAt, slotTarget, type CardBox } from '../../../renderer/components/cardDrag/listSlots';

const box = (id: string, top: number, hidden = false): CardBox => ({
  id,
  top: hidden ? 0 : top,
  bottom: hidden ? 0 : top + 60,
  hidden,
});

// a 0–60, b 68–128, c hidden by the search, d 136–196
const cards = [box('a', 0), box('b', 68), box('c', 0, true), box('d', 136)];
const none = new Set<string>();

describe('slotAt', () => {
  it('lands before the first card whose middle is below the point', () => {
    expect(slotAt(cards, none, 10)).toMatchObject({ slot: 0, index: 0, slots: 4 });
    expect(slotAt(cards, none, 90)).toMatchObject({ slot: 1, index: 1 });
    expect(slotAt(cards, none, 190)).toMatchObject({ slot: 3, index: 4 });
  });

  it('lands right after the visible card above it when a hidden card follows that one', () => {
    // Below b's middle, above d's: after b, before c (hidden by the search).
    expect(slotAt(cards, none, 140)).toMatchObject({ slot: 2, index: 2 });
  });

  it('leaves the moved cards out of the index and the places', () => {
    const slot = slotAt(cards, new Set(['a']), 140);
    expect(slot).toMatchObject({ slot: 1, index: 1, slots: 3 });
    // The line sits in the gap between b and d.
    expect(slot.line).toBe((128 + 136) / 2);
  });

  it('offers one place in an empty list', () => {
    expect(slotAt([], none, 5)).toMatchObject({ slot: 0, index: 0, slots: 1 });
  });
});

describe('slotTarget', () => {
  it('gives a point inside the list that slotAt maps back to the same slot', () => {
    for (let slot = 0; slot <= 3; slot++) {
      const y = slotTarget(cards, none, slot, 196);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(196);
      expect(slotAt(cards, none, y).slot).toBe(slot);
    }
  });
});
