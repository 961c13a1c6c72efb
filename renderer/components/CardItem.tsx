// One card. Subscribes to its own change key and to small selections of shared
// stores (its votes, its comment count, whether it is selected or matches the
// search), so typing on one card re-renders that card and nothing else. What the
// participant may do comes from the board mode (context) and the card's author.
import { memo, useState } from 'react';
import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useCardEditors, useSessionActions } from '../hooks/useConnection';
import {
  useCommentCount,
  useFacilitatedCard,
  useIsOwnCard,
  useIsSelected,
  useMatchesSearch,
} from '../hooks/facilitation/useFacilitation';
import {
  useBoardUiActions,
  useFacilitationActions,
} from '../hooks/facilitation/useFacilitationActions';
import { changeDenial, reasonId, useBoardMode } from './facilitation/boardMode';
import { CommentThread } from './facilitation/CommentThread';
import { GuardedButton } from './facilitation/GuardedButton';
import { ItemVotes } from './facilitation/ItemVotes';
import { MoveTargetMenu } from './facilitation/MoveTargetMenu';
import { useCardLabels } from './facilitation/cardLabels';
import { TextField } from './TextField';
import { ConfirmingDeleteButton } from './ConfirmingDeleteButton';

export interface CardItemProps {
  readonly id: string;
  /** The sortable list the card is in: "column:<fieldId>" or "cluster:<clusterId>". */
  readonly containerId: string;
}

/** A speech bubble drawn inline: emoji fonts are missing on many office machines. */
function CommentIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path
        d="M2 2.5h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-3.5 3v-3H2a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
    </svg>
  );
}

const CARD_DATA = { type: 'card' } as const;

/**
 * The sortable shell of a card. dnd-kit re-renders every sortable item on each
 * pointer move of a drag; this shell is all that re-renders then. The card's
 * content below is memoised on props that do not change while dragging.
 */
export const CardItem = memo(function CardItem({ id, containerId }: CardItemProps) {
  const mode = useBoardMode();
  const selected = useIsSelected(id);
  const visible = useMatchesSearch(id);
  const sortable = useSortable({
    id,
    data: CARD_DATA,
    disabled: mode.move !== null,
  });
  return (
    <li
      className={`card${sortable.isDragging ? ' dragging' : ''}${selected ? ' selected' : ''}`}
      data-testid="card"
      data-card-id={id}
      hidden={!visible}
      ref={sortable.setNodeRef}
      style={{
        transform: CSS.Translate.toString(sortable.transform),
        transition: sortable.transition,
      }}
    >
      <CardContent
        id={id}
        containerId={containerId}
        selected={selected}
        setHandleRef={sortable.setActivatorNodeRef}
        handleAttributes={sortable.attributes}
        handleListeners={sortable.listeners}
      />
    </li>
  );
});

interface CardContentProps extends CardItemProps {
  readonly selected: boolean;
  readonly setHandleRef: (element: HTMLElement | null) => void;
  readonly handleAttributes: DraggableAttributes;
  readonly handleListeners: DraggableSyntheticListeners;
}

const CardContent = memo(function CardContent({
  id,
  containerId,
  selected,
  setHandleRef,
  handleAttributes,
  handleListeners,
}: CardContentProps) {
  const labels = useCardLabels();
  const card = useFacilitatedCard(id);
  const mode = useBoardMode();
  const actions = useFacilitationActions();
  const ui = useBoardUiActions();
  const ownDraft = useIsOwnCard(id);
  const commentCount = useCommentCount(id);
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const [commentsOpen, setCommentsOpen] = useState(false);
  const editors = useCardEditors(id);
  const presence = useSessionActions();
  if (!card) return null;

  const own = ownDraft || (card.authorId !== '' && card.authorId === mode.me);
  const editDenial = changeDenial(mode, mode.edit, own);
  const deleteDenial = changeDenial(mode, mode.remove, own);
  const reason = (denial: typeof editDenial) => (denial ? labels.reason(denial) : null);
  const describe = (denial: typeof editDenial) => (denial ? reasonId(denial) : undefined);
  const toggleEditing = () => {
    presence.setEditing(editing ? null : id);
    setEditing(!editing);
  };
  const preview = card.text.slice(0, 60);
  const showAuthor = !mode.anonymous && card.author !== '';
  return (
    <>
      {editors && <p className="card-editors">{labels.editors(editors)}</p>}
      {mode.selecting && (
        <label className="card-select">
          <input
            type="checkbox"
            checked={selected}
            onChange={(event) => ui.toggleSelected(id, event.target.checked)}
          />
          <span className="visually-hidden">{labels.select(preview)}</span>
        </label>
      )}
      {editing && editDenial === null ? (
        <TextField
          label={labels.cardText}
          hideLabel
          multiline
          autoFocus
          value={card.text}
          onChange={(value) => actions.editCard(id, value, own)}
        />
      ) : (
        <p className="card-text">{card.text}</p>
      )}
      <div className="card-footer">
        {showAuthor && <span className="author">{labels.by(card.author)}</span>}
        {card.proxy && !mode.anonymous && <span className="author">{labels.proxy}</span>}
        <div className="card-actions">
          <button
            type="button"
            className="drag-handle"
            aria-label={labels.dragCard(preview)}
            ref={setHandleRef}
            {...handleAttributes}
            {...handleListeners}
            aria-describedby={describe(mode.move) ?? handleAttributes['aria-describedby']}
            title={reason(mode.move) ?? undefined}
          >
            ⠿
          </button>
          <GuardedButton
            aria-haspopup="true"
            aria-expanded={moving}
            aria-label={labels.moveTo}
            reason={reason(mode.move)}
            reasonId={describe(mode.move)}
            onClick={() => setMoving(!moving)}
          >
            ⇄
          </GuardedButton>
          <GuardedButton
            aria-label={editing ? labels.done : labels.editCard}
            reason={editing ? null : reason(editDenial)}
            reasonId={describe(editDenial)}
            onClick={toggleEditing}
          >
            {editing ? labels.done : '✎'}
          </GuardedButton>
          {deleteDenial === null ? (
            <ConfirmingDeleteButton
              ariaLabel={labels.deleteCard}
              question={labels.confirmDelete(card.text.slice(0, 80))}
              onDelete={() => actions.removeCard(id, own)}
            >
              ×
            </ConfirmingDeleteButton>
          ) : (
            <GuardedButton
              className="danger"
              aria-label={labels.deleteCard}
              reason={reason(deleteDenial)}
              reasonId={describe(deleteDenial)}
            >
              ×
            </GuardedButton>
          )}
          <button
            type="button"
            className="comments-toggle"
            aria-expanded={commentsOpen}
            aria-label={labels.comments(commentCount)}
            onClick={() => setCommentsOpen(!commentsOpen)}
          >
            <CommentIcon />
            {commentCount > 0 ? ` ${commentCount}` : ''}
          </button>
        </div>
      </div>
      {mode.votes && <ItemVotes itemId={id} label={preview} />}
      {moving && mode.move === null && (
        <MoveTargetMenu
          currentContainer={containerId}
          onClose={() => setMoving(false)}
          onMove={(target) => {
            setMoving(false);
            actions.moveCards([id], target);
          }}
        />
      )}
      {commentsOpen && <CommentThread cardId={id} cardText={preview} />}
    </>
  );
});
