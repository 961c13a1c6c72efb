// One Handlungsfeld's column: a form to add a card, this device's private drafts,
// the column's clusters and its loose cards. Re-renders when the column's layout
// changes (cards join, leave or move, clusters come and go), not when one card's
// text changes.
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useField } from '../hooks/workshopHooks';
import {
  useColumnLayout,
  useOwnDraftsIn,
  useParticipantName,
} from '../hooks/facilitation/useFacilitation';
import { useFacilitationActions } from '../hooks/facilitation/useFacilitationActions';
import { COLUMN_DROP_PREFIX } from './BoardDnd';
import { CardList } from './CardList';
import { reasonId, useBoardMode } from './facilitation/boardMode';
import { ClusterBox } from './facilitation/ClusterBox';
import { GuardedButton } from './facilitation/GuardedButton';
import { reasonText } from './facilitation/phaseText';
import { PrivateDrafts } from './facilitation/PrivateDrafts';

export const Column = memo(function Column({ fieldId }: { readonly fieldId: string }) {
  const { t } = useTranslation();
  const field = useField(fieldId);
  const layout = useColumnLayout(fieldId);
  const drafts = useOwnDraftsIn(fieldId);
  const mode = useBoardMode();
  const actions = useFacilitationActions();
  const headingId = useId();
  if (!field) return null;
  const looseCardIds = layout?.looseCardIds ?? [];
  const clusters = layout?.clusters ?? [];
  const cardCount =
    looseCardIds.length + clusters.reduce((sum, cluster) => sum + cluster.cardIds.length, 0);

  return (
    <section className="column" aria-labelledby={headingId} data-testid="column">
      <header className="column-header">
        <h3 id={headingId}>{field.title}</h3>
        <span className="count">{t('board.cardCount', { count: cardCount })}</span>
      </header>
      {mode.write === null ? (
        <AddCardForm
          fieldId={fieldId}
          title={field.title}
          privately={mode.writePrivately}
          actingFor={mode.actingFor}
        />
      ) : (
        <p className="column-note">
          {t('board.writingClosed', { reason: reasonText(t, mode.write) })}
        </p>
      )}
      {drafts.length > 0 && <PrivateDrafts drafts={drafts} />}
      <GuardedButton
        className="new-cluster"
        reason={mode.clusters ? reasonText(t, mode.clusters) : null}
        reasonId={mode.clusters ? reasonId(mode.clusters) : undefined}
        onClick={() => actions.createCluster(fieldId, t('clusters.defaultName'))}
      >
        {t('clusters.create')}
      </GuardedButton>
      {clusters.map((cluster) => (
        <ClusterBox
          key={cluster.id}
          clusterId={cluster.id}
          fieldId={fieldId}
          cardIds={cluster.cardIds}
        />
      ))}
      <CardList
        listId={`${COLUMN_DROP_PREFIX}${fieldId}`}
        fieldId={fieldId}
        clusterId=""
        cardIds={looseCardIds}
        label={clusters.length > 0 ? t('clusters.loose') : undefined}
      />
    </section>
  );
});

function AddCardForm({
  fieldId,
  title,
  privately,
  actingFor,
}: {
  readonly fieldId: string;
  readonly title: string;
  readonly privately: boolean;
  readonly actingFor: string;
}) {
  const { t } = useTranslation();
  const proxyName = useParticipantName(actingFor);
  const actions = useFacilitationActions();
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const hintId = useId();
  const add = () => {
    const text = draft.trim();
    if (!text) return;
    if (actions.writeCard(fieldId, text)) setDraft('');
  };
  return (
    <form
      className={`add-card${privately ? ' private' : ''}`}
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        {t('board.newCardLabel', { field: title })}
      </label>
      <textarea
        id={inputId}
        rows={2}
        value={draft}
        placeholder={
          actingFor
            ? t('board.newCardFor', { name: proxyName })
            : privately
              ? t('drafts.placeholder')
              : t('board.newCardPlaceholder')
        }
        aria-describedby={privately ? hintId : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            add();
          }
        }}
      />
      {privately && (
        <p className="private-hint" id={hintId}>
          {t('drafts.hint')}
        </p>
      )}
      <button type="submit">{t('board.addCard')}</button>
    </form>
  );
}
