// Comments under cards, and finding cards again on a board of hundreds: search
// that forgives case, umlauts and "ß", filters by column, cluster, author and
// proxy entry, and never looks at authors in anonymous mode.
import { describe, expect, it } from 'vitest';
import { readBoard, placeCard, readClusterRecords } from '../../../../shared/facilitation/board';
import {
  listFacilitatedCards,
  removeCard,
  writeCard,
  editCardText,
} from '../../../../shared/facilitation/cards';
import { createCluster } from '../../../../shared/facilitation/clusters';
import {
  addComment,
  commentsByCard,
  deleteComment,
  editComment,
  listComments,
} from '../../../../shared/facilitation/comments';
import { addProxyParticipant } from '../../../../shared/facilitation/people';
import {
  filterCards,
  normalizeForSearch,
  queryWords,
} from '../../../../shared/facilitation/search';
import { advancePhase, setAnonymous } from '../../../../shared/facilitation/session';
import { collection } from '../../../../shared/schema/doc';
import { LOCAL_ORIGIN } from '../../../../shared/schema/origin';
import { transactionsDuring } from '../helpers';
import { BEN, CARLA, facilitated, HOST, NAMES, T0 } from './fixture';

describe('comments', () => {
  it('are added in one transaction, listed oldest first and changed only by their author', () => {
    const { doc, f1 } = facilitated();
    const card = writeCard(doc, BEN, { fieldId: f1, text: 'Bürgerkonto', now: T0 }) as string;
    const seen = transactionsDuring(doc, () =>
      addComment(doc, CARLA, card, 'Wer betreibt das?', T0 + 20),
    );
    expect(seen.map((t) => t.origin)).toEqual([LOCAL_ORIGIN]);
    const first = addComment(doc, BEN, card, 'Das Land.', T0 + 10) as string;
    expect(addComment(doc, BEN, card, '   ', T0)).toBeUndefined();
    expect(addComment(doc, BEN, 'no-card', 'x', T0)).toBeUndefined();
    expect(listComments(doc, card).map((c) => [c.text, c.author])).toEqual([
      ['Das Land.', NAMES[BEN]],
      ['Wer betreibt das?', NAMES[CARLA]],
    ]);
    expect(editComment(doc, CARLA, first, 'Die Kommune.')).toBe(false);
    expect(editComment(doc, BEN, first, 'Das Land, über den Portalverbund.')).toBe(true);
    expect(deleteComment(doc, CARLA, first)).toBe(false);
    expect(deleteComment(doc, HOST, first)).toBe(true);
    expect(listComments(doc, card)).toHaveLength(1);
  });

  it('go with their card and follow the phase rules', () => {
    const { doc, f1 } = facilitated();
    const card = writeCard(doc, BEN, { fieldId: f1, text: 'x', now: T0 }) as string;
    addComment(doc, CARLA, card, 'y', T0);
    removeCard(doc, BEN, card);
    expect(collection(doc, 'comments').size).toBe(0);
    const other = writeCard(doc, BEN, { fieldId: f1, text: 'z', now: T0 }) as string;
    advancePhase(doc, HOST, T0);
    advancePhase(doc, HOST, T0); // vote: no comments
    expect(addComment(doc, CARLA, other, 'jetzt nicht', T0)).toBeUndefined();
    expect(addComment(doc, HOST, other, 'Moderation darf', T0)).toBeDefined();
  });

  it('carry no author in anonymous mode; the device may still edit its own', () => {
    const { doc, f1 } = facilitated();
    setAnonymous(doc, HOST, true);
    const card = writeCard(doc, BEN, { fieldId: f1, text: 'x', now: T0 }) as string;
    const id = addComment(doc, CARLA, card, 'anonym', T0 + 12_345) as string;
    expect(listComments(doc, card)[0]).toMatchObject({ author: '', authorId: '', createdAt: T0 });
    expect(editComment(doc, CARLA, id, 'geändert')).toBe(false);
    expect(editComment(doc, CARLA, id, 'geändert', true)).toBe(true);
    expect(listComments(doc, card)[0]?.text).toBe('geändert');
  });
});

describe('editing and deleting cards under facilitation', () => {
  it('lets participants change their own cards, facilitators any', () => {
    const { doc, f1 } = facilitated();
    const card = writeCard(doc, BEN, { fieldId: f1, text: 'Ben', now: T0 }) as string;
    expect(editCardText(doc, CARLA, card, 'Carla war hier')).toBe(false);
    expect(editCardText(doc, BEN, card, 'Ben, besser')).toBe(true);
    expect(editCardText(doc, HOST, card, 'Ben, am besten')).toBe(true);
    expect(removeCard(doc, CARLA, card)).toBe(false);
    expect(removeCard(doc, BEN, card)).toBe(true);
  });
});

describe('search and filter', () => {
  function cards() {
    const { doc, f1, f2 } = facilitated();
    const proxy = addProxyParticipant(doc, HOST, 'Herr Dorn', T0) as string;
    const ids = {
      strasse: writeCard(doc, BEN, {
        fieldId: f1,
        text: 'Straßenschäden melden per App',
        now: T0,
      }) as string,
      uber: writeCard(doc, CARLA, {
        fieldId: f1,
        text: 'ÜBER die Kommune bezahlen',
        now: T0,
      }) as string,
      paper: writeCard(doc, HOST, {
        fieldId: f2,
        text: 'Formulare ohne Papier',
        now: T0,
        proxyFor: proxy,
      }) as string,
      wlan: writeCard(doc, BEN, { fieldId: f2, text: 'WLAN im Bürgerbüro', now: T0 }) as string,
    };
    addComment(doc, CARLA, ids.wlan, 'Auch im Standesamt', T0);
    advancePhase(doc, HOST, T0);
    const cluster = createCluster(doc, BEN, {
      fieldId: f2,
      name: 'Infrastruktur',
      cardIds: [ids.wlan],
    }) as string;
    return { doc, f1, f2, ids, cluster, proxy };
  }

  it('normalizes case, accents and ß', () => {
    expect(normalizeForSearch('  Straße\tÜBER  Café ')).toBe('strasse uber cafe');
    expect(queryWords('   ')).toEqual([]);
    expect(queryWords('Bürger  Büro')).toEqual(['burger', 'buro']);
  });

  it('finds cards by all words in text, author and comments', () => {
    const { doc, ids } = cards();
    const all = listFacilitatedCards(doc);
    const comments = commentsByCard(doc);
    const find = (query: string) =>
      filterCards(all, { query }, { comments })
        .map((card) => card.id)
        .sort();
    expect(find('strasse')).toEqual([ids.strasse]);
    expect(find('uber kommune')).toEqual([ids.uber]);
    expect(find('uber papier')).toEqual([]);
    expect(find('standesamt')).toEqual([ids.wlan]);
    expect(find('Ben Bürgerbüro')).toEqual([ids.strasse, ids.wlan].sort());
    expect(find('')).toHaveLength(4);
  });

  it('filters by column, shown cluster, author, proxy entry and comments', () => {
    const { doc, f1, ids, cluster, proxy } = cards();
    const all = listFacilitatedCards(doc);
    const comments = commentsByCard(doc);
    const records = readClusterRecords(doc);
    const fieldIds = new Set(readBoard(doc).columns.map((column) => column.field.id));
    const clusterOf = (id: string) => {
      const card = all.find((c) => c.id === id);
      return card ? (placeCard(card, records, fieldIds)?.clusterId ?? '') : '';
    };
    const ids_ = (found: { id: string }[]) => found.map((card) => card.id).sort();
    expect(ids_(filterCards(all, { fieldIds: [f1] }))).toEqual([ids.strasse, ids.uber].sort());
    expect(ids_(filterCards(all, { clusterIds: [cluster] }, { clusterOf }))).toEqual([ids.wlan]);
    expect(ids_(filterCards(all, { clusterIds: [''] }, { clusterOf }))).toHaveLength(3);
    expect(ids_(filterCards(all, { authorIds: [proxy] }))).toEqual([ids.paper]);
    expect(ids_(filterCards(all, { proxyOnly: true }))).toEqual([ids.paper]);
    expect(ids_(filterCards(all, { withComments: true }, { comments }))).toEqual([ids.wlan]);
    // Anonymous: authors are neither matched nor filtered by.
    expect(ids_(filterCards(all, { authorIds: [proxy] }, { anonymous: true }))).toHaveLength(4);
    expect(ids_(filterCards(all, { query: 'Ben' }, { anonymous: true }))).toEqual([]);
  });
});
