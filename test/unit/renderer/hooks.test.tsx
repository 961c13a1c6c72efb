// @vitest-environment jsdom
// The view-model hooks wake only the components whose data changed: typing on one
// card re-renders that card, not its column or the other cards; adding a card
// re-renders the column; remote edits arrive the same way.
import { act, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChangeFeed } from '../../../shared/model/changeFeed';
import { addCard, addField, setCardText, setFieldText } from '../../../shared/model/commands';
import { SessionContext } from '../../../renderer/hooks/sessionContext';
import { useCard, useCardIds, useField } from '../../../renderer/hooks/workshopHooks';
import type { WorkshopSession } from '../../../renderer/session/workshopSession';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const renders = new Map<string, number>();
const count = (name: string) => renders.set(name, (renders.get(name) ?? 0) + 1);

function TestCard({ id }: { id: string }) {
  const card = useCard(id);
  count(`card:${id}`);
  return <li data-id={id}>{card?.text}</li>;
}

function TestColumn({ fieldId }: { fieldId: string }) {
  const ids = useCardIds(fieldId);
  const field = useField(fieldId);
  count(`column:${fieldId}`);
  return (
    <section>
      <h3>{field?.title}</h3>
      <ul>
        {ids.map((id) => (
          <TestCard key={id} id={id} />
        ))}
      </ul>
    </section>
  );
}

let container: HTMLDivElement;
let root: Root;
let doc: Y.Doc;
let feed: ChangeFeed;

beforeEach(() => {
  renders.clear();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  doc = new Y.Doc();
  feed = new ChangeFeed(doc);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  feed.destroy();
});

function mount(fieldId: string) {
  const session = { id: 'test', doc, feed } as unknown as WorkshopSession;
  act(() =>
    root.render(
      <StrictMode>
        <SessionContext.Provider value={session}>
          <TestColumn fieldId={fieldId} />
        </SessionContext.Provider>
      </StrictMode>,
    ),
  );
  renders.clear();
}

describe('view-model hooks', () => {
  it('re-renders only the edited card when its text changes', () => {
    const fieldId = addField(doc, { title: 'Bürgerservice' });
    const first = addCard(doc, fieldId, { text: 'Eins' });
    const second = addCard(doc, fieldId, { text: 'Zwei' });
    mount(fieldId);

    act(() => setCardText(doc, first, 'Eins, geändert'));
    expect(container.querySelector(`[data-id="${first}"]`)?.textContent).toBe('Eins, geändert');
    expect(renders.get(`card:${first}`)).toBeGreaterThan(0);
    expect(renders.get(`card:${second}`)).toBeUndefined();
    expect(renders.get(`column:${fieldId}`)).toBeUndefined();
  });

  it('re-renders the column when a card is added, and shows it', () => {
    const fieldId = addField(doc, { title: 'Daten' });
    addCard(doc, fieldId, { text: 'Alt' });
    mount(fieldId);
    act(() => {
      addCard(doc, fieldId, { text: 'Neu' });
    });
    expect(renders.get(`column:${fieldId}`)).toBeGreaterThan(0);
    expect(Array.from(container.querySelectorAll('li'), (li) => li.textContent)).toEqual([
      'Alt',
      'Neu',
    ]);
  });

  it('shows a remote peer’s edit to one card without re-rendering the others', () => {
    const fieldId = addField(doc, { title: 'IT' });
    const first = addCard(doc, fieldId, { text: 'A' });
    const second = addCard(doc, fieldId, { text: 'B' });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    mount(fieldId);

    setCardText(peer, second, 'B vom Nachbarn');
    act(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), 'peer'));
    expect(container.querySelector(`[data-id="${second}"]`)?.textContent).toBe('B vom Nachbarn');
    expect(renders.get(`card:${first}`)).toBeUndefined();
  });

  it('re-renders the column header when the field is renamed', () => {
    const fieldId = addField(doc, { title: 'Alt' });
    mount(fieldId);
    act(() => setFieldText(doc, fieldId, 'title', 'Neu'));
    expect(container.querySelector('h3')?.textContent).toBe('Neu');
  });
});
