// The commands, bound to the open workshop, for components (which never see Yjs).
import { useMemo } from 'react';
import * as commands from '../../shared/model/commands';
import { moveCardBefore } from '../../shared/model/moveCard';
import type {
  FieldTextKey,
  GoalTextKey,
  MeasureStatus,
  MeasureTextKey,
  Priority,
  StrategyTextKey,
  WorkshopTextKey,
} from '../../shared/schema/types';
import { useSession } from './sessionContext';

export function useWorkshopActions() {
  const { doc } = useSession();
  return useMemo(
    () => ({
      setWorkshopText: (key: WorkshopTextKey, value: string) =>
        commands.setWorkshopText(doc, key, value),
      setStrategyText: (key: StrategyTextKey, value: string) =>
        commands.setStrategyText(doc, key, value),
      addField: (title: string) => commands.addField(doc, { title }),
      setFieldText: (id: string, key: FieldTextKey, value: string) =>
        commands.setFieldText(doc, id, key, value),
      deleteField: (id: string) => commands.deleteField(doc, id),
      addGoal: (fieldId: string, title: string) => commands.addGoal(doc, fieldId, { title }),
      setGoalText: (id: string, key: GoalTextKey, value: string) =>
        commands.setGoalText(doc, id, key, value),
      deleteGoal: (id: string) => commands.deleteGoal(doc, id),
      addMeasure: (goalId: string, title: string) => commands.addMeasure(doc, goalId, { title }),
      setMeasureText: (id: string, key: MeasureTextKey, value: string) =>
        commands.setMeasureText(doc, id, key, value),
      setMeasurePartners: (id: string, partners: readonly string[]) =>
        commands.setMeasurePartners(doc, id, partners),
      setMeasurePriority: (id: string, priority: Priority) =>
        commands.setMeasurePriority(doc, id, priority),
      setMeasureStatus: (id: string, status: MeasureStatus) =>
        commands.setMeasureStatus(doc, id, status),
      deleteMeasure: (id: string) => commands.deleteMeasure(doc, id),
      addCard: (fieldId: string, text: string, author: string) =>
        commands.addCard(doc, fieldId, { text, author }),
      setCardText: (id: string, text: string) => commands.setCardText(doc, id, text),
      deleteCard: (id: string) => commands.deleteCard(doc, id),
      moveCardBefore: (id: string, fieldId: string, beforeId: string | null) =>
        moveCardBefore(doc, id, fieldId, beforeId),
    }),
    [doc],
  );
}

export type WorkshopActions = ReturnType<typeof useWorkshopActions>;
