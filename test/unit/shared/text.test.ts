// applyTextChange turns "the field now reads X" into a Y.Text edit. It must always
// produce exactly X (also with emoji, whose surrogate pairs must never be split),
// and the edit must be small enough that two people typing at different places of
// one text both keep their words after their laptops sync.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextChange } from '../../../shared/model/text';
import { pull, syncAll } from './helpers';

/**
 * Code units chosen so that random strings share prefixes and suffixes and so that
 * neighbouring emoji share a high surrogate (😀 😁 🙂 🐀: D83D) or a low surrogate
 * (😀 U+1F600 and 🨀 U+1FA00 both end in DE00): the cases where a naive diff
 * would cut a pair in half.
 */
const TRICKY_UNITS = ['a', 'b', ' ', 'ä', 'ß', '😀', '😁', '🙂', '🐀', '🨀', '👍🏽', '\u{10000}'];

const trickyString = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...TRICKY_UNITS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 12,
});

/** A string and a variant of it made by replacing one slice. */
const oldAndEdited = fc
  .record({ old: trickyString, insert: trickyString, a: fc.nat(), b: fc.nat() })
  .map(({ old, insert, a, b }) => {
    const points = Array.from(old);
    const from = a % (points.length + 1);
    const to = from + (b % (points.length - from + 1));
    return { old, next: [...points.slice(0, from), insert, ...points.slice(to)].join('') };
  });

const oldAndNew = fc.oneof(
  oldAndEdited,
  fc.record({ old: trickyString, next: trickyString }),
  fc.record({
    old: fc.string({ unit: 'binary', maxLength: 20 }),
    next: fc.string({ unit: 'binary', maxLength: 20 }),
  }),
);

/**
 * Two empty replicas with fixed client ids. Yjs orders concurrent insertions at
 * one place by client id, so tests run both ways round to be independent of it.
 */
function replicas(aFirst: boolean): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.clientID = aFirst ? 1 : 2;
  b.clientID = aFirst ? 2 : 1;
  return [a, b];
}

function textHolding(value: string): { doc: Y.Doc; text: Y.Text } {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, value);
  return { doc, text };
}

/** Length in UTF-16 units of the common code-point prefix and the non-overlapping suffix. */
function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const pa = Array.from(a);
  const pb = Array.from(b);
  let p = 0;
  while (p < pa.length && p < pb.length && pa[p] === pb[p]) p++;
  let s = 0;
  while (s < pa.length - p && s < pb.length - p && pa[pa.length - 1 - s] === pb[pb.length - 1 - s])
    s++;
  return {
    prefix: pa.slice(0, p).join('').length,
    suffix: pa.slice(pa.length - s).join('').length,
  };
}

describe('applyTextChange', () => {
  it('turns any text into any other text, emoji included', () => {
    fc.assert(
      fc.property(oldAndNew, ({ old, next }) => {
        const { doc, text } = textHolding(old);
        applyTextChange(text, next);
        expect(text.toString()).toBe(next);
        // What is stored is what a reloaded or syncing replica sees: no half pairs.
        const copy = new Y.Doc();
        pull(copy, doc);
        expect(copy.getText('t').toString()).toBe(next);
      }),
      { numRuns: 500 },
    );
  });

  it('touches only what lies between the common beginning and end', () => {
    fc.assert(
      fc.property(oldAndNew, ({ old, next }) => {
        const { text } = textHolding(old);
        let deleted = 0;
        let inserted = 0;
        let retainedFirst = 0;
        text.observe((event) => {
          const [first] = event.delta;
          retainedFirst = first?.retain ?? 0;
          for (const op of event.delta) {
            deleted += op.delete ?? 0;
            inserted += typeof op.insert === 'string' ? op.insert.length : 0;
          }
        });
        applyTextChange(text, next);
        const { prefix, suffix } = commonEnds(old, next);
        if (old === next) {
          expect(deleted + inserted).toBe(0);
          return;
        }
        expect(retainedFirst).toBe(prefix);
        expect(deleted).toBe(old.length - prefix - suffix);
        expect(inserted).toBe(next.length - prefix - suffix);
      }),
      { numRuns: 500 },
    );
  });

  it('does nothing at all when the text is unchanged', () => {
    const { doc, text } = textHolding('Bürgerbüro 😀');
    let updates = 0;
    doc.on('update', () => updates++);
    applyTextChange(text, 'Bürgerbüro 😀');
    expect(updates).toBe(0);
  });

  it.each([true, false])(
    'keeps both insertions when one appends and another prepends',
    (aFirst) => {
      const [a, b] = replicas(aFirst);
      applyTextChange(a.getText('t'), 'Bürgerbüro öffnen');
      syncAll(a, b);
      applyTextChange(a.getText('t'), 'Bürgerbüro öffnen, auch samstags 👍🏽');
      applyTextChange(b.getText('t'), '😀 Digitales Bürgerbüro öffnen');
      syncAll(a, b);
      expect(a.getText('t').toString()).toBe('😀 Digitales Bürgerbüro öffnen, auch samstags 👍🏽');
      expect(b.getText('t').toString()).toBe(a.getText('t').toString());
    },
  );

  it('keeps both insertions for any text edited concurrently at its two ends', () => {
    // The two additions use characters the base text does not contain, so each
    // side's diff is unambiguous and the merged result is fully determined.
    const base = fc.string({ unit: fc.constantFrom('a', 'ä', '😀', '😁', ' '), minLength: 1 });
    const addition = fc.string({ unit: fc.constantFrom('x', 'ß', '🐀', '🨀'), minLength: 1 });
    fc.assert(
      fc.property(base, addition, addition, fc.boolean(), (old, appended, prepended, aFirst) => {
        const [a, b] = replicas(aFirst);
        applyTextChange(a.getText('t'), old);
        syncAll(a, b);
        applyTextChange(a.getText('t'), old + appended);
        applyTextChange(b.getText('t'), prepended + old);
        syncAll(a, b);
        const expected = prepended + old + appended;
        expect(a.getText('t').toString()).toBe(expected);
        expect(b.getText('t').toString()).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it.each([true, false])(
    'keeps an emoji when one sharing its high surrogate goes before it',
    (aFirst) => {
      // 🙂 and 😀 share their high surrogate. The edit must insert "🙂 " and keep the
      // original 😀, so that a concurrent edit right after 😀 stays right after it.
      const [a, b] = replicas(aFirst);
      applyTextChange(a.getText('t'), '😀 gut');
      syncAll(a, b);
      applyTextChange(a.getText('t'), '😀! gut');
      applyTextChange(b.getText('t'), '🙂 😀 gut');
      syncAll(a, b);
      expect(a.getText('t').toString()).toBe('🙂 😀! gut');
      expect(b.getText('t').toString()).toBe('🙂 😀! gut');
    },
  );

  it.each([true, false])('keeps both edits of different words in the middle', (aFirst) => {
    const [a, b] = replicas(aFirst);
    applyTextChange(a.getText('t'), 'Ein Portal für alle Anträge der Stadt');
    syncAll(a, b);
    applyTextChange(a.getText('t'), 'Ein Portal für alle Anträge der Stadt Lindenau');
    applyTextChange(b.getText('t'), 'Ein barrierefreies Portal für alle Anträge der Stadt');
    syncAll(a, b);
    expect(a.getText('t').toString()).toBe(
      'Ein barrierefreies Portal für alle Anträge der Stadt Lindenau',
    );
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });
});
