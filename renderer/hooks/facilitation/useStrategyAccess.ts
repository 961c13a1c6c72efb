// What this participant may change in the strategy now, and why not: the same rule
// the commands check (mayEditStrategy in shared/facilitation/strategy.ts, can() in
// permissions.ts). The strategy view reads it once and hands it to its sections
// through context; read-only fields stay readable and focusable and say why.
import { createContext, useContext, useMemo } from 'react';
import * as commands from '../../../shared/model/commands';
import { mayEditStrategy, type StrategyEdit } from '../../../shared/facilitation/strategy';
import type {
  FieldTextKey,
  GoalTextKey,
  MeasureStatus,
  MeasureTextKey,
  Priority,
  StrategyTextKey,
} from '../../../shared/schema/types';
import { whyNot, type DenialReason } from './permissions';
import type { FacilitationView } from './reads';
import { useFacilitationSelect, useRuntime } from './useFacilitation';

/** Why a part of the strategy is read only (texts: strategy.readOnly.*). */
export type StrategyDenial = 'phase' | 'measuresOnly' | 'locked' | 'closed';

export interface StrategyAccess {
  /** Title, organisation, Leitbild, Handlungsfelder, Ziele; deleting anything. */
  readonly structure: StrategyDenial | null;
  /** Adding measures and editing their fields. */
  readonly measures: StrategyDenial | null;
}

export const FULL_STRATEGY_ACCESS: StrategyAccess = { structure: null, measures: null };

function strategyDenial(reason: DenialReason): StrategyDenial {
  if (reason === 'locked') return 'locked';
  if (reason === 'readOnly') return 'closed';
  return 'phase';
}

export function strategyAccessOf(view: FacilitationView): StrategyAccess {
  const measuresReason = whyNot(view, 'editMeasures');
  const structureReason = whyNot(view, 'editStrategy');
  const measures = measuresReason === null ? null : strategyDenial(measuresReason);
  return {
    measures,
    structure:
      structureReason === null
        ? null
        : measures === null
          ? 'measuresOnly'
          : strategyDenial(structureReason),
  };
}

/** This participant's access to the strategy; changes with phase, role and lock. */
export function useStrategyAccessOfView(): StrategyAccess {
  return useFacilitationSelect(strategyAccessOf);
}

export const StrategyAccessContext = createContext<StrategyAccess>(FULL_STRATEGY_ACCESS);

export function useStrategyAccess(): StrategyAccess {
  return useContext(StrategyAccessContext);
}

/** Id of the hidden text that explains a denial (rendered once by the strategy view). */
export function strategyReasonId(denial: StrategyDenial): string {
  return `strategy-reason-${denial}`;
}

/**
 * The strategy editor's commands, each refused (nothing written, false returned)
 * unless this participant may make that kind of edit now.
 */
export function useStrategyActions() {
  const runtime = useRuntime();
  return useMemo(() => {
    const { doc } = runtime.session;
    const may = (edit: StrategyEdit) => mayEditStrategy(doc, runtime.me, edit);
    /** Runs the command if allowed; returns whether it ran. */
    const run = (edit: StrategyEdit, command: () => void): boolean => {
      if (!may(edit)) return false;
      command();
      return true;
    };
    return {
      setStrategyText: (key: StrategyTextKey, value: string) =>
        run('header', () => commands.setStrategyText(doc, key, value)),
      addField: (title: string) => (may('field') ? commands.addField(doc, { title }) : undefined),
      setFieldText: (id: string, key: FieldTextKey, value: string) =>
        run('field', () => commands.setFieldText(doc, id, key, value)),
      deleteField: (id: string) => run('field', () => commands.deleteField(doc, id)),
      addGoal: (fieldId: string, title: string) =>
        may('goal') ? commands.addGoal(doc, fieldId, { title }) : undefined,
      setGoalText: (id: string, key: GoalTextKey, value: string) =>
        run('goal', () => commands.setGoalText(doc, id, key, value)),
      deleteGoal: (id: string) => run('goal', () => commands.deleteGoal(doc, id)),
      addMeasure: (goalId: string, title: string) =>
        may('addMeasure') ? commands.addMeasure(doc, goalId, { title }) : undefined,
      setMeasureText: (id: string, key: MeasureTextKey, value: string) =>
        run('editMeasure', () => commands.setMeasureText(doc, id, key, value)),
      setMeasurePartners: (id: string, partners: readonly string[]) =>
        run('editMeasure', () => commands.setMeasurePartners(doc, id, partners)),
      setMeasurePriority: (id: string, priority: Priority) =>
        run('editMeasure', () => commands.setMeasurePriority(doc, id, priority)),
      setMeasureStatus: (id: string, status: MeasureStatus) =>
        run('editMeasure', () => commands.setMeasureStatus(doc, id, status)),
      deleteMeasure: (id: string) => run('deleteMeasure', () => commands.deleteMeasure(doc, id)),
    };
  }, [runtime]);
}
