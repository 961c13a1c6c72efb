// The words on every card, translated once per board and language instead of once
// per card: with 2,000 cards, a translation call per label and a useTranslation()
// per card cost a few hundred milliseconds when the board opens. Labels with a
// value in them are split around it once and then joined by concatenation.
import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';
import type { DenialReason } from '../../hooks/facilitation/permissions';

export interface CardLabels {
  readonly t: TFunction;
  readonly moveTo: string;
  readonly editCard: string;
  readonly done: string;
  readonly deleteCard: string;
  readonly cardText: string;
  readonly proxy: string;
  dragCard(text: string): string;
  by(author: string): string;
  confirmDelete(text: string): string;
  select(text: string): string;
  editors(names: string): string;
  vote(label: string): string;
  unvote(label: string): string;
  comments(count: number): string;
  myDots(count: number): string;
  dots(count: number): string;
  capReached(cap: number): string;
  readonly noneToTakeBack: string;
  reason(reason: DenialReason): string;
}

const MARKER = '\u0000';

function template(t: TFunction, key: string, name: string): (value: string) => string {
  const [before = '', after = ''] = t(key, { [name]: MARKER }).split(MARKER);
  return (value) => before + value + after;
}

function cached<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

export function makeCardLabels(t: TFunction): CardLabels {
  return {
    t,
    moveTo: t('board.moveTo'),
    editCard: t('board.editCard'),
    done: t('board.done'),
    deleteCard: t('board.deleteCard'),
    cardText: t('board.cardTextLabel'),
    proxy: t('board.proxy'),
    dragCard: template(t, 'board.dragCard', 'text'),
    by: template(t, 'board.by', 'author'),
    confirmDelete: template(t, 'board.confirmDeleteCard', 'text'),
    select: template(t, 'selection.select', 'text'),
    editors: template(t, 'connection.editing', 'names'),
    vote: template(t, 'votes.vote', 'label'),
    unvote: template(t, 'votes.unvote', 'label'),
    comments: cached((count: number) => t('comments.toggle', { count })),
    myDots: cached((count: number) => t('votes.mine', { count })),
    dots: cached((count: number) => t('votes.total', { count })),
    capReached: cached((cap: number) => t('facilitation.reasons.capReached', { cap })),
    noneToTakeBack: t('votes.noneToTakeBack'),
    reason: cached((reason: DenialReason) => t(`facilitation.reasons.${reason}`)),
  };
}

export const CardLabelsContext = createContext<CardLabels | null>(null);

export function useCardLabels(): CardLabels {
  const labels = useContext(CardLabelsContext);
  if (!labels) throw new Error('useCardLabels outside the board');
  return labels;
}
