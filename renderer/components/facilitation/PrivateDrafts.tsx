// This device's private cards in a column, shown to their author only and marked
// "privat": they live in the local draft document until the facilitator reveals
// the phase, then become ordinary cards (publish.ts).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../shared/facilitation/drafts';
import { useFieldIds } from '../../hooks/workshopHooks';
import { useFieldTitle, useParticipantName } from '../../hooks/facilitation/useFacilitation';
import { useFacilitationActions } from '../../hooks/facilitation/useFacilitationActions';
import { ConfirmingDeleteButton } from '../ConfirmingDeleteButton';
import { TextField } from '../TextField';

export function PrivateDrafts({ drafts }: { readonly drafts: readonly Draft[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="private-drafts" aria-labelledby={headingId}>
      <h4 id={headingId} className="private-heading">
        {t('drafts.heading', { count: drafts.length })}
      </h4>
      <ul className="cards">
        {drafts.map((draft) => (
          <DraftItem key={draft.id} draft={draft} />
        ))}
      </ul>
    </section>
  );
}

function DraftItem({ draft }: { readonly draft: Draft }) {
  const { t } = useTranslation();
  const actions = useFacilitationActions();
  const forName = useParticipantName(draft.participantId);
  const [editing, setEditing] = useState(false);
  return (
    <li className="card card-private" data-testid="private-card" data-draft-id={draft.id}>
      <span className="private-badge">{t('drafts.badge')}</span>
      {draft.participantId !== actions.me && (
        <span className="draft-for"> {t('drafts.forPerson', { name: forName })}</span>
      )}
      {editing ? (
        <TextField
          label={t('board.cardTextLabel')}
          hideLabel
          multiline
          autoFocus
          value={draft.text}
          onChange={(value) => actions.editDraft(draft.id, value)}
        />
      ) : (
        <p className="card-text">{draft.text}</p>
      )}
      <div className="card-footer">
        <DraftColumnSelect draft={draft} />
        <div className="card-actions">
          <button
            type="button"
            aria-label={editing ? t('board.done') : t('board.editCard')}
            onClick={() => setEditing(!editing)}
          >
            {editing ? t('board.done') : '✎'}
          </button>
          <ConfirmingDeleteButton
            ariaLabel={t('board.deleteCard')}
            question={t('board.confirmDeleteCard', { text: draft.text.slice(0, 80) })}
            onDelete={() => actions.removeDraft(draft.id)}
          >
            ×
          </ConfirmingDeleteButton>
        </div>
      </div>
    </li>
  );
}

function DraftColumnSelect({ draft }: { readonly draft: Draft }) {
  const { t } = useTranslation();
  const fieldIds = useFieldIds();
  const actions = useFacilitationActions();
  const id = useId();
  if (fieldIds.length < 2) return null;
  return (
    <span className="draft-column">
      <label htmlFor={id} className="visually-hidden">
        {t('drafts.column')}
      </label>
      <select
        id={id}
        value={draft.fieldId}
        onChange={(event) => actions.moveDraft(draft.id, event.target.value)}
      >
        {fieldIds.map((fieldId) => (
          <FieldOption key={fieldId} fieldId={fieldId} />
        ))}
      </select>
    </span>
  );
}

function FieldOption({ fieldId }: { readonly fieldId: string }) {
  const title = useFieldTitle(fieldId);
  return <option value={fieldId}>{title}</option>;
}
