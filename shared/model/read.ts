// Typed read functions: the only way the app looks into a workshop document.
// They return plain, frozen-shaped objects so that React can compare them.
import type * as Y from 'yjs';
import { collection, isEntity, metaMap, strategyMap, type EntityMap } from '../schema/doc';
import {
  MEASURE_STATUSES,
  PRIORITIES,
  type Card,
  type Field,
  type Goal,
  type Measure,
  type StrategyHeader,
  type WorkshopInfo,
} from '../schema/types';
import { getNumber, getOneOf, getString, getStringList, getText } from './entity';
import { byPosition } from './position';

export function readWorkshopInfo(doc: Y.Doc): WorkshopInfo {
  const meta = metaMap(doc);
  return {
    title: getText(meta, 'title'),
    date: getText(meta, 'date'),
    place: getText(meta, 'place'),
    schemaVersion: getNumber(meta, 'schemaVersion', 0),
  };
}

export function readStrategyHeader(doc: Y.Doc): StrategyHeader {
  const strategy = strategyMap(doc);
  return {
    title: getText(strategy, 'title'),
    organisation: getText(strategy, 'organisation'),
    vision: getText(strategy, 'vision'),
  };
}

export function toField(map: EntityMap, id: string): Field {
  return {
    id,
    title: getText(map, 'title'),
    description: getText(map, 'description'),
    position: getNumber(map, 'position'),
  };
}

export function toGoal(map: EntityMap, id: string): Goal {
  return {
    id,
    fieldId: getString(map, 'fieldId'),
    title: getText(map, 'title'),
    indicator: getText(map, 'indicator'),
    baseline: getText(map, 'baseline'),
    target: getText(map, 'target'),
    position: getNumber(map, 'position'),
  };
}

export function toMeasure(map: EntityMap, id: string): Measure {
  return {
    id,
    goalId: getString(map, 'goalId'),
    title: getText(map, 'title'),
    lead: getText(map, 'lead'),
    partners: getStringList(map, 'partners'),
    period: getText(map, 'period'),
    priority: getOneOf(map, 'priority', PRIORITIES, 'medium'),
    funding: getText(map, 'funding'),
    status: getOneOf(map, 'status', MEASURE_STATUSES, 'planned'),
    indicators: getText(map, 'indicators'),
    position: getNumber(map, 'position'),
  };
}

export function toCard(map: EntityMap, id: string): Card {
  return {
    id,
    fieldId: getString(map, 'fieldId'),
    text: getText(map, 'text'),
    author: getText(map, 'author'),
    createdAt: getNumber(map, 'createdAt'),
    position: getNumber(map, 'position'),
  };
}

export function readField(doc: Y.Doc, id: string): Field | undefined {
  const map = collection(doc, 'fields').get(id);
  return isEntity(map) ? toField(map, id) : undefined;
}

export function readGoal(doc: Y.Doc, id: string): Goal | undefined {
  const map = collection(doc, 'goals').get(id);
  return isEntity(map) ? toGoal(map, id) : undefined;
}

export function readMeasure(doc: Y.Doc, id: string): Measure | undefined {
  const map = collection(doc, 'measures').get(id);
  return isEntity(map) ? toMeasure(map, id) : undefined;
}

export function readCard(doc: Y.Doc, id: string): Card | undefined {
  const map = collection(doc, 'cards').get(id);
  return isEntity(map) ? toCard(map, id) : undefined;
}

export function listFields(doc: Y.Doc): Field[] {
  const fields: Field[] = [];
  collection(doc, 'fields').forEach((map, id) => {
    if (isEntity(map)) fields.push(toField(map, id));
  });
  return fields.sort(byPosition);
}

export function listGoals(doc: Y.Doc, fieldId?: string): Goal[] {
  const goals: Goal[] = [];
  collection(doc, 'goals').forEach((map, id) => {
    if (!isEntity(map)) return;
    if (fieldId === undefined || getString(map, 'fieldId') === fieldId) goals.push(toGoal(map, id));
  });
  return goals.sort(byPosition);
}

export function listMeasures(doc: Y.Doc, goalId?: string): Measure[] {
  const measures: Measure[] = [];
  collection(doc, 'measures').forEach((map, id) => {
    if (!isEntity(map)) return;
    if (goalId === undefined || getString(map, 'goalId') === goalId)
      measures.push(toMeasure(map, id));
  });
  return measures.sort(byPosition);
}

/** Cards of one column in board order (or all cards when no field is given). */
export function listCards(doc: Y.Doc, fieldId?: string): Card[] {
  const cards: Card[] = [];
  collection(doc, 'cards').forEach((map, id) => {
    if (!isEntity(map)) return;
    if (fieldId === undefined || getString(map, 'fieldId') === fieldId) cards.push(toCard(map, id));
  });
  return cards.sort(byPosition);
}

/** Ids only: what a list component needs to decide which children to render. */
export function listCardIds(doc: Y.Doc, fieldId: string): string[] {
  const entries: { id: string; position: number }[] = [];
  collection(doc, 'cards').forEach((map, id) => {
    if (isEntity(map) && getString(map, 'fieldId') === fieldId)
      entries.push({ id, position: getNumber(map, 'position') });
  });
  return entries.sort(byPosition).map((entry) => entry.id);
}
