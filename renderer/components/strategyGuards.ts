// The read-only reasons of the strategy view's parts, translated once per change of
// access: `structure` for the header, Handlungsfelder, Ziele and every delete,
// `measures` for adding measures and editing their fields; null where editable.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  strategyReasonId,
  useStrategyAccess,
  type StrategyDenial,
} from '../hooks/facilitation/useStrategyAccess';
import type { ReadOnlyReason } from './TextField';

export interface StrategyGuards {
  readonly structure: ReadOnlyReason | null;
  readonly measures: ReadOnlyReason | null;
}

export function useStrategyGuards(): StrategyGuards {
  const { t } = useTranslation();
  const access = useStrategyAccess();
  return useMemo(() => {
    const reason = (denial: StrategyDenial | null): ReadOnlyReason | null =>
      denial === null
        ? null
        : { id: strategyReasonId(denial), text: t(`strategy.readOnly.${denial}`) };
    return { structure: reason(access.structure), measures: reason(access.measures) };
  }, [t, access.structure, access.measures]);
}
