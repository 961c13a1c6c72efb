// @vitest-environment jsdom
// The facilitator's number fields (dots per person, at most per card, timer minutes)
// as a facilitator uses them: found by their label in German and English, kept to
// their range by the browser, a vote rule taken at once when it is a whole number and
// ignored while the field is empty, the timer minutes only when the timer is started.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import type { ChangeFeed } from '../../../shared/model/changeFeed';
import { MAX_VOTE_BUDGET, readPhase } from '../../../shared/facilitation/phases';
import { readTimer } from '../../../shared/facilitation/timer';
import { changeLanguage, initI18n } from '../../../renderer/i18n';
import { TimerPanel } from '../../../renderer/components/facilitation/TimerPanel';
import { VoteRulesEditor } from '../../../renderer/components/facilitation/VoteRulesEditor';
import { boardSession, clusteringBoard, HOST, renderInSession } from './support/boardFixture';
import { buttonNamed, click, fieldLabelled, typeInto } from './support/userInput';

const VOTE_PHASE = 'default-vote';
/** The clustering phase's time box, which the timer suggests. */
const CLUSTER_TIMEBOX_MINUTES = 15;

let container: HTMLDivElement;
let root: Root;
let doc: Y.Doc;
let feed: ChangeFeed;

beforeAll(async () => {
  localStorage.setItem('werkstatt.participantId', HOST);
  await initI18n();
});

beforeEach(() => {
  act(() => changeLanguage('de'));
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  ({ doc, feed } = clusteringBoard());
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  feed.destroy();
});

const field = (label: string) => fieldLabelled(container, label) as HTMLInputElement;
const voteRules = () => readPhase(doc, VOTE_PHASE)?.vote;

const button = (name: string) => buttonNamed(container, name);

function expectNumberInput(input: HTMLInputElement, min: string, max: string, value: string) {
  expect(input.type).toBe('number');
  expect(input.min).toBe(min);
  expect(input.max).toBe(max);
  expect(input.value).toBe(value);
}

describe("a vote phase's rules", () => {
  beforeEach(() =>
    renderInSession(root, boardSession({ doc, feed }), <VoteRulesEditor phaseId={VOTE_PHASE} />),
  );

  it('are number fields labelled in German and English, kept to their range', () => {
    expectNumberInput(field('Punkte je Person'), '1', String(MAX_VOTE_BUDGET), '5');
    expectNumberInput(field('Höchstens je Karte'), '1', '5', '3');
    act(() => changeLanguage('en'));
    expectNumberInput(field('Dots per person'), '1', String(MAX_VOTE_BUDGET), '5');
    expectNumberInput(field('At most per card'), '1', '5', '3');
  });

  it('take a whole number at once, and the cap can be no more than the budget', () => {
    typeInto(field('Punkte je Person'), '4');
    expect(voteRules()?.budget).toBe(4);
    expect(field('Punkte je Person').value).toBe('4');
    expect(field('Höchstens je Karte').max).toBe('4');
    typeInto(field('Höchstens je Karte'), '2');
    expect(voteRules()?.capPerItem).toBe(2);
  });

  it('change nothing while a field is emptied', () => {
    typeInto(field('Punkte je Person'), '');
    typeInto(field('Höchstens je Karte'), '');
    expect(voteRules()).toMatchObject({ budget: 5, capPerItem: 3 });
  });
});

describe('the timer minutes', () => {
  const announce = vi.fn<(message: string) => void>();

  beforeEach(() => {
    announce.mockClear();
    renderInSession(root, boardSession({ doc, feed }), <TimerPanel announce={announce} />);
  });

  it('suggest the phase time box, labelled in German and English, with the start beside them', () => {
    const minutes = field('Timer-Minuten');
    expectNumberInput(minutes, '0', '480', String(CLUSTER_TIMEBOX_MINUTES));
    expect(minutes.step).toBe('any');
    expect(minutes.parentElement).toBe(button('Timer starten').parentElement);
    act(() => changeLanguage('en'));
    expect(field('Timer minutes').value).toBe(String(CLUSTER_TIMEBOX_MINUTES));
  });

  it('start the timer only when asked, with what was typed', () => {
    typeInto(field('Timer-Minuten'), '2.5');
    expect(readTimer(doc).kind).toBe('idle');
    click(button('Timer starten'));
    expect(readTimer(doc)).toMatchObject({ kind: 'running', durationMs: 150_000 });
    expect(announce).toHaveBeenCalledWith('Der Timer läuft: 2.5 Minuten.');
  });

  it('start nothing while the field is empty', () => {
    typeInto(field('Timer-Minuten'), '');
    click(button('Timer starten'));
    expect(readTimer(doc).kind).toBe('idle');
    expect(announce).not.toHaveBeenCalled();
  });
});
