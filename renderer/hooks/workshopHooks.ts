// The view-model hooks components use to read a workshop. Each subscribes to the
// narrowest change key: a card to its own key, a column to card membership.
import { entityKey } from '../../shared/model/changeFeed';
import {
  listCardIds,
  listFields,
  listGoals,
  listMeasures,
  readCard,
  readField,
  readGoal,
  readMeasure,
  readStrategyHeader,
  readWorkshopInfo,
} from '../../shared/model/read';
import type {
  Card,
  Field,
  Goal,
  Measure,
  StrategyHeader,
  WorkshopInfo,
} from '../../shared/schema/types';
import { useDocValue } from './useDocValue';

export function useWorkshopInfo(): WorkshopInfo {
  return useDocValue('meta', readWorkshopInfo);
}

export function useStrategyHeader(): StrategyHeader {
  return useDocValue('strategy', readStrategyHeader);
}

/** Handlungsfelder in order: re-renders when one is added, removed or moved. */
export function useFieldIds(): string[] {
  return useDocValue('fields', (doc) => listFields(doc).map((field) => field.id));
}

export function useField(id: string): Field | undefined {
  return useDocValue(entityKey('fields', id), (doc) => readField(doc, id));
}

export function useGoalIds(fieldId: string): string[] {
  return useDocValue('goals', (doc) => listGoals(doc, fieldId).map((goal) => goal.id));
}

export function useGoal(id: string): Goal | undefined {
  return useDocValue(entityKey('goals', id), (doc) => readGoal(doc, id));
}

export function useMeasureIds(goalId: string): string[] {
  return useDocValue('measures', (doc) => listMeasures(doc, goalId).map((measure) => measure.id));
}

export function useMeasure(id: string): Measure | undefined {
  return useDocValue(entityKey('measures', id), (doc) => readMeasure(doc, id));
}

export function useCardIds(fieldId: string): string[] {
  return useDocValue('cards', (doc) => listCardIds(doc, fieldId));
}

export function useCard(id: string): Card | undefined {
  return useDocValue(entityKey('cards', id), (doc) => readCard(doc, id));
}
