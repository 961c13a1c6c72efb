// Commands: every change to a workshop document goes through one of these. Each
// runs as exactly one transaction tagged LOCAL_ORIGIN, which is what undo tracks
// and what persistence batches.
import * as Y from 'yjs';
import { collection, isEntity, metaMap, strategyMap, type CollectionName } from '../schema/doc';
import { LOCAL_ORIGIN } from '../schema/origin';
import {
  type FieldTextKey,
  type GoalTextKey,
  type MeasureStatus,
  type MeasureTextKey,
  type Priority,
  type StrategyTextKey,
  type WorkshopTextKey,
} from '../schema/types';
import { SCHEMA_VERSION } from '../schema/version';
import { getNumber, getString, newEntity, setStringList, setText } from './entity';
import { newId } from './ids';
import { positionAfter } from './position';

function change<T>(doc: Y.Doc, fn: () => T): T {
  let result!: T;
  doc.transact(() => {
    result = fn();
  }, LOCAL_ORIGIN);
  return result;
}

function lastPosition(doc: Y.Doc, name: CollectionName, parentKey?: string, parentId?: string) {
  let last: number | undefined;
  collection(doc, name).forEach((map) => {
    if (!isEntity(map)) return;
    if (parentKey && getString(map, parentKey) !== parentId) return;
    const position = getNumber(map, 'position');
    if (last === undefined || position > last) last = position;
  });
  return last;
}

function entity(doc: Y.Doc, name: CollectionName, id: string): Y.Map<unknown> | undefined {
  const map = collection(doc, name).get(id);
  return isEntity(map) ? map : undefined;
}

export interface WorkshopInit {
  readonly title: string;
  readonly date?: string;
  readonly place?: string;
}

/** Writes the schema version and workshop header into a fresh document. */
export function initWorkshop(doc: Y.Doc, init: WorkshopInit): void {
  change(doc, () => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    setText(meta, 'title', init.title);
    setText(meta, 'date', init.date ?? '');
    setText(meta, 'place', init.place ?? '');
  });
}

export function setWorkshopText(doc: Y.Doc, key: WorkshopTextKey, value: string): void {
  change(doc, () => setText(metaMap(doc), key, value));
}

export function setStrategyText(doc: Y.Doc, key: StrategyTextKey, value: string): void {
  change(doc, () => setText(strategyMap(doc), key, value));
}

export interface FieldInit {
  readonly title: string;
  readonly description?: string;
}

export function addField(doc: Y.Doc, init: FieldInit): string {
  return change(doc, () => {
    const id = newId();
    const position = positionAfter(lastPosition(doc, 'fields'));
    collection(doc, 'fields').set(
      id,
      newEntity(id, { position }, { title: init.title, description: init.description ?? '' }),
    );
    return id;
  });
}

export function setFieldText(doc: Y.Doc, id: string, key: FieldTextKey, value: string): void {
  change(doc, () => {
    const map = entity(doc, 'fields', id);
    if (map) setText(map, key, value);
  });
}

/** Deletes a Handlungsfeld with its goals, their measures and the cards in its column. */
export function deleteField(doc: Y.Doc, id: string): void {
  change(doc, () => {
    for (const [goalId, goal] of Array.from(collection(doc, 'goals').entries())) {
      if (isEntity(goal) && getString(goal, 'fieldId') === id) removeGoal(doc, goalId);
    }
    const cards = collection(doc, 'cards');
    for (const [cardId, card] of Array.from(cards.entries())) {
      if (isEntity(card) && getString(card, 'fieldId') === id) cards.delete(cardId);
    }
    collection(doc, 'fields').delete(id);
  });
}

export interface GoalInit {
  readonly title: string;
  readonly indicator?: string;
  readonly baseline?: string;
  readonly target?: string;
}

export function addGoal(doc: Y.Doc, fieldId: string, init: GoalInit): string {
  return change(doc, () => {
    const id = newId();
    const position = positionAfter(lastPosition(doc, 'goals', 'fieldId', fieldId));
    collection(doc, 'goals').set(
      id,
      newEntity(
        id,
        { fieldId, position },
        {
          title: init.title,
          indicator: init.indicator ?? '',
          baseline: init.baseline ?? '',
          target: init.target ?? '',
        },
      ),
    );
    return id;
  });
}

export function setGoalText(doc: Y.Doc, id: string, key: GoalTextKey, value: string): void {
  change(doc, () => {
    const map = entity(doc, 'goals', id);
    if (map) setText(map, key, value);
  });
}

function removeGoal(doc: Y.Doc, id: string): void {
  const measures = collection(doc, 'measures');
  for (const [measureId, measure] of Array.from(measures.entries())) {
    if (isEntity(measure) && getString(measure, 'goalId') === id) measures.delete(measureId);
  }
  collection(doc, 'goals').delete(id);
}

/** Deletes a Ziel with its measures. */
export function deleteGoal(doc: Y.Doc, id: string): void {
  change(doc, () => removeGoal(doc, id));
}

export interface MeasureInit {
  readonly title: string;
  readonly lead?: string;
  readonly partners?: readonly string[];
  readonly period?: string;
  readonly priority?: Priority;
  readonly funding?: string;
  readonly status?: MeasureStatus;
  readonly indicators?: string;
}

export function addMeasure(doc: Y.Doc, goalId: string, init: MeasureInit): string {
  return change(doc, () => {
    const id = newId();
    const position = positionAfter(lastPosition(doc, 'measures', 'goalId', goalId));
    const map = newEntity(
      id,
      {
        goalId,
        position,
        priority: init.priority ?? 'medium',
        status: init.status ?? 'planned',
      },
      {
        title: init.title,
        lead: init.lead ?? '',
        period: init.period ?? '',
        funding: init.funding ?? '',
        indicators: init.indicators ?? '',
      },
    );
    map.set('partners', Y.Array.from([...(init.partners ?? [])]));
    collection(doc, 'measures').set(id, map);
    return id;
  });
}

export function setMeasureText(doc: Y.Doc, id: string, key: MeasureTextKey, value: string): void {
  change(doc, () => {
    const map = entity(doc, 'measures', id);
    if (map) setText(map, key, value);
  });
}

export function setMeasurePartners(doc: Y.Doc, id: string, partners: readonly string[]): void {
  change(doc, () => {
    const map = entity(doc, 'measures', id);
    if (map) setStringList(map, 'partners', partners);
  });
}

export function setMeasurePriority(doc: Y.Doc, id: string, priority: Priority): void {
  change(doc, () => entity(doc, 'measures', id)?.set('priority', priority));
}

export function setMeasureStatus(doc: Y.Doc, id: string, status: MeasureStatus): void {
  change(doc, () => entity(doc, 'measures', id)?.set('status', status));
}

export function deleteMeasure(doc: Y.Doc, id: string): void {
  change(doc, () => collection(doc, 'measures').delete(id));
}

export interface CardInit {
  readonly text: string;
  readonly author?: string;
  readonly createdAt?: number;
}

/** Adds a card at the end of a Handlungsfeld's column. */
export function addCard(doc: Y.Doc, fieldId: string, init: CardInit): string {
  return change(doc, () => {
    const id = newId();
    const position = positionAfter(lastPosition(doc, 'cards', 'fieldId', fieldId));
    collection(doc, 'cards').set(
      id,
      newEntity(
        id,
        { fieldId, position, createdAt: init.createdAt ?? Date.now() },
        { text: init.text, author: init.author ?? '' },
      ),
    );
    return id;
  });
}

export function setCardText(doc: Y.Doc, id: string, value: string): void {
  change(doc, () => {
    const map = entity(doc, 'cards', id);
    if (map) setText(map, 'text', value);
  });
}

/** Moves a card to a column and position (see position.ts for how to pick one). */
export function moveCard(doc: Y.Doc, id: string, fieldId: string, position: number): void {
  change(doc, () => {
    const map = entity(doc, 'cards', id);
    if (!map) return;
    if (getString(map, 'fieldId') !== fieldId) map.set('fieldId', fieldId);
    map.set('position', position);
  });
}

export function deleteCard(doc: Y.Doc, id: string): void {
  change(doc, () => collection(doc, 'cards').delete(id));
}
