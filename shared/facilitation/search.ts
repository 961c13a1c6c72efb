// Searching and filtering cards, as pure functions over what the read functions
// return. Matching ignores case and accents and treats "ß" as "ss", so "strasse"
// finds "Straße" and "uber" finds "über"; every word of the query must occur
// somewhere in the card's text, its author (unless anonymous) or its comments.
import type { FacilitatedCard } from './cards';
import type { Comment } from './comments';

export interface CardFilter {
  /** Words that must all occur. */
  readonly query?: string;
  readonly fieldIds?: readonly string[];
  /** Cluster ids (resolved, as the board shows them); '' selects cards in no cluster. */
  readonly clusterIds?: readonly string[];
  readonly authorIds?: readonly string[];
  /** Only cards typed for a "no laptop" participant. */
  readonly proxyOnly?: boolean;
  /** Only cards with at least one comment. */
  readonly withComments?: boolean;
}

export interface SearchContext {
  /** Comments per card, for matching and for `withComments`. */
  readonly comments?: ReadonlyMap<string, readonly Comment[]>;
  /** Where each card shows (board.ts); without it the stored cluster is used. */
  readonly clusterOf?: (cardId: string) => string;
  /** In anonymous mode authors are neither matched nor filtered by. */
  readonly anonymous?: boolean;
}

/** Lower case, no accents, "ß" as "ss", single spaces. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

export function queryWords(query: string): string[] {
  const normalized = normalizeForSearch(query);
  return normalized === '' ? [] : normalized.split(' ');
}

/** The cards that pass the filter, in the order given. */
export function filterCards<T extends FacilitatedCard>(
  cards: readonly T[],
  filter: CardFilter,
  context: SearchContext = {},
): T[] {
  const words = queryWords(filter.query ?? '');
  const fields = filter.fieldIds ? new Set(filter.fieldIds) : undefined;
  const clusters = filter.clusterIds ? new Set(filter.clusterIds) : undefined;
  const authors = filter.authorIds && !context.anonymous ? new Set(filter.authorIds) : undefined;
  return cards.filter((card) => {
    if (fields && !fields.has(card.fieldId)) return false;
    if (clusters && !clusters.has(context.clusterOf?.(card.id) ?? card.clusterId)) return false;
    if (authors && !authors.has(card.authorId)) return false;
    if (filter.proxyOnly && !card.proxy) return false;
    const comments = context.comments?.get(card.id) ?? [];
    if (filter.withComments && comments.length === 0) return false;
    if (words.length === 0) return true;
    const haystack = normalizeForSearch(
      [card.text, context.anonymous ? '' : card.author, ...comments.map((c) => c.text)].join(
        ' \n ',
      ),
    );
    return words.every((word) => haystack.includes(word));
  });
}
