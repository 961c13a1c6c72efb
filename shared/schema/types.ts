// The domain as plain data: what read functions return and what commands accept.
// Components and exporters work with these types, never with Yjs structures.

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const MEASURE_STATUSES = ['planned', 'inProgress', 'done', 'paused'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export interface WorkshopInfo {
  readonly title: string;
  readonly date: string;
  readonly place: string;
  readonly schemaVersion: number;
}

export interface StrategyHeader {
  readonly title: string;
  readonly organisation: string;
  /** The Leitbild: where the organisation wants to be. */
  readonly vision: string;
}

/** A Handlungsfeld: one column on the board. */
export interface Field {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly position: number;
}

/** A Ziel with its indicator, baseline and target. */
export interface Goal {
  readonly id: string;
  readonly fieldId: string;
  readonly title: string;
  readonly indicator: string;
  readonly baseline: string;
  readonly target: string;
  readonly position: number;
}

/** A Maßnahme. */
export interface Measure {
  readonly id: string;
  readonly goalId: string;
  readonly title: string;
  /** Federführung */
  readonly lead: string;
  /** Beteiligte, one office per entry */
  readonly partners: readonly string[];
  /** Zeitraum, as the administration writes it (e.g. "2026–2027", "Q3/2026") */
  readonly period: string;
  readonly priority: Priority;
  /** Finanzierung */
  readonly funding: string;
  readonly status: MeasureStatus;
  /** Indikatoren */
  readonly indicators: string;
  readonly position: number;
}

/** A card written in the workshop, placed in one Handlungsfeld column. */
export interface Card {
  readonly id: string;
  readonly fieldId: string;
  readonly text: string;
  readonly author: string;
  readonly createdAt: number;
  readonly position: number;
}

/** Text fields of each entity kind that may be edited by commands. */
export type FieldTextKey = 'title' | 'description';
export type GoalTextKey = 'title' | 'indicator' | 'baseline' | 'target';
export type MeasureTextKey = 'title' | 'lead' | 'period' | 'funding' | 'indicators';
export type StrategyTextKey = 'title' | 'organisation' | 'vision';
export type WorkshopTextKey = 'title' | 'date' | 'place';
