// One card. Subscribes to its own change key and to small selections of shared
// stores (its votes, its comment count, whether it is selected, dragged or matches
// the search, the part of the board mode it shows), so typing on one card
// re-renders that card and nothing else, and a phase change re-renders only the
// cards whose buttons it changes. What the participant may do comes from the board
// mode and the card's author. Cards use no dnd-kit hook: their handles hand a press
// to the board's one draggable (cardDrag/), so a drag re-renders no card.
// What is open on a card (editor, menu, comments, a typed comment) and the keyboard
// focus in it live in the board's card UI store (cardUi/), not in these
// components: the card's element is rebuilt whenever the card changes lists.
import { memo, type KeyboardEvent, type PointerEvent } from 'react';
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
import type { DenialReason } from '../hooks/facilitation/permissions';
import { changeDenial, reasonId, useBoardModeSelect } from './facilitation/boardMode';
import { CommentThread } from './facilitation/CommentThread';
import { GuardedButton } from './facilitation/GuardedButton';
import { ItemVotes } from './facilitation/ItemVotes';
import { MoveTargetMenu } from './facilitation/MoveTargetMenu';
import { useCardLabels } from './facilitation/cardLabels';
import { TextField } from './TextField';
import { ConfirmingDeleteButton } from './ConfirmingDeleteButton';
import { DRAG_INSTRUCTIONS_ID } from './cardDrag/cardDragController';
import { useCardDrag, useIsDragged } from './cardDrag/cardDragContext';
import { FALLBACK_FOCUS_KEY, focusKey } from './cardUi/cardFocus';
import {
  useCardElementRef,
  useCardUiBoard,
  useCardUiSelect,
  useFocusOnRequest,
} from './cardUi/cardUiContext';

export interface CardItemProps {
  readonly id: string;
  /** The list the card is in: "column:<fieldId>" or "cluster:<clusterId>". */
  readonly containerId: string;
}

/** Focus keys of the controls that take the focus when the user opens them. */
const EDITOR_KEY = 'text';
const MOVE_MENU_KEY = 'move-menu';

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

/** The list item: what a drag, the selection and the search change about a card. */
export const CardItem = memo(function CardItem({ id, containerId }: CardItemProps) {
  const selected = useIsSelected(id);
  const visible = useMatchesSearch(id);
  const dragging = useIsDragged(id);
  const elementRef = useCardElementRef(id);
  return (
    <div
      role="listitem"
      className={`card${dragging ? ' dragging' : ''}${selected ? ' selected' : ''}`}
      data-testid="card"
      data-card-id={id}
      hidden={!visible}
      ref={elementRef}
    >
      <CardContent id={id} containerId={containerId} selected={selected} dragging={dragging} />
    </div>
  );
});

interface CardContentProps extends CardItemProps {
  readonly selected: boolean;
  readonly dragging: boolean;
}

const CardContent = memo(function CardContent({
  id,
  containerId,
  selected,
  dragging,
}: CardContentProps) {
  const labels = useCardLabels();
  const card = useFacilitatedCard(id);
  const actions = useFacilitationActions();
  const ui = useBoardUiActions();
  const ownDraft = useIsOwnCard(id);
  const commentCount = useCommentCount(id);
  const { store, focus } = useCardUiBoard();
  const { editing, moving, commentsOpen } = useCardUiSelect(id, (open) => ({
    editing: open.editing,
    moving: open.moving,
    commentsOpen: open.commentsOpen,
  }));
  const editorRef = useFocusOnRequest(id, EDITOR_KEY);
  const editors = useCardEditors(id);
  const me = useBoardModeSelect((mode) => mode.me, Object.is);
  const own = ownDraft || (card !== undefined && card.authorId !== '' && card.authorId === me);
  const author = card?.author ?? '';
  const proxy = card?.proxy ?? false;
  const shown = useBoardModeSelect((mode) => ({
    author: !mode.anonymous && author !== '',
    proxy: proxy && !mode.anonymous,
    selecting: mode.selecting,
    votes: mode.votes,
    editor: editing && changeDenial(mode, mode.edit, own) === null,
    moveMenu: moving && mode.move === null,
  }));
  if (!card) return null;

  const preview = card.text.slice(0, 60);
  return (
    <>
      {editors && <p className="card-editors">{labels.editors(editors)}</p>}
      {shown.selecting && (
        <label className="card-select">
          <input
            type="checkbox"
            checked={selected}
            {...focusKey('select')}
            onChange={(event) => ui.toggleSelected(id, event.target.checked)}
          />
          <span className="visually-hidden">{labels.select(preview)}</span>
        </label>
      )}
      {shown.editor ? (
        <TextField
          label={labels.cardText}
          hideLabel
          multiline
          focusKey={EDITOR_KEY}
          inputRef={editorRef}
          value={card.text}
          onChange={(value) => actions.editCard(id, value, own)}
        />
      ) : (
        <p className="card-text">{card.text}</p>
      )}
      <div className="card-footer">
        {shown.author && <span className="author">{labels.by(card.author)}</span>}
        {shown.proxy && <span className="author">{labels.proxy}</span>}
        <CardActions
          id={id}
          own={own}
          preview={preview}
          deleteQuestion={labels.confirmDelete(card.text.slice(0, 80))}
          dragging={dragging}
          editing={editing}
          moving={moving}
          commentsOpen={commentsOpen}
          commentCount={commentCount}
        />
      </div>
      {shown.votes && <ItemVotes itemId={id} label={preview} />}
      {shown.moveMenu && (
        <MoveTargetMenu
          currentContainer={containerId}
          takeFocus={() => focus.takeRequest(id, MOVE_MENU_KEY)}
          onClose={() => store.update(id, { moving: false })}
          onMove={(target) => {
            store.update(id, { moving: false });
            actions.moveCards([id], target);
          }}
        />
      )}
      {commentsOpen && <CommentThread cardId={id} cardText={preview} />}
    </>
  );
});

interface CardActionsProps {
  readonly id: string;
  readonly own: boolean;
  readonly preview: string;
  readonly deleteQuestion: string;
  readonly dragging: boolean;
  readonly editing: boolean;
  readonly moving: boolean;
  readonly commentsOpen: boolean;
  readonly commentCount: number;
}

/**
 * A card's buttons: the part that shows what the participant may do with the card,
 * so the only part a phase change re-renders (and only where that changes). Its
 * props stay the same when the card re-renders for something else (a vote phase
 * showing the dots), so it does not render with it.
 */
const CardActions = memo(function CardActions({
  id,
  own,
  preview,
  deleteQuestion,
  dragging,
  editing,
  moving,
  commentsOpen,
  commentCount,
}: CardActionsProps) {
  const labels = useCardLabels();
  const { store, focus } = useCardUiBoard();
  const drag = useCardDrag();
  const actions = useFacilitationActions();
  const presence = useSessionActions();
  const denied = useBoardModeSelect((mode) => ({
    move: mode.move,
    edit: changeDenial(mode, mode.edit, own),
    remove: changeDenial(mode, mode.remove, own),
  }));
  const reason = (denial: DenialReason | null) => (denial ? labels.reason(denial) : null);
  const describe = (denial: DenialReason | null) => (denial ? reasonId(denial) : undefined);
  const press =
    denied.move === null
      ? (event: PointerEvent<HTMLElement> | KeyboardEvent<HTMLElement>) => drag.press(event, id)
      : undefined;
  return (
    <div className="card-actions">
      <button
        type="button"
        className="drag-handle"
        {...focusKey(FALLBACK_FOCUS_KEY)}
        aria-label={labels.dragCard(preview)}
        role="button"
        tabIndex={0}
        aria-disabled={denied.move !== null}
        aria-pressed={dragging || undefined}
        aria-roledescription="sortable"
        aria-describedby={describe(denied.move) ?? DRAG_INSTRUCTIONS_ID}
        title={reason(denied.move) ?? undefined}
        onPointerDown={press}
        onKeyDown={press}
      >
        ⠿
      </button>
      <GuardedButton
        aria-haspopup="true"
        aria-expanded={moving}
        aria-label={labels.moveTo}
        reason={reason(denied.move)}
        reasonId={describe(denied.move)}
        {...focusKey('move')}
        onClick={() => {
          if (!moving) focus.requestFocus(id, MOVE_MENU_KEY);
          store.update(id, { moving: !moving });
        }}
      >
        ⇄
      </GuardedButton>
      <GuardedButton
        aria-label={editing ? labels.done : labels.editCard}
        reason={editing ? null : reason(denied.edit)}
        reasonId={describe(denied.edit)}
        {...focusKey('edit')}
        onClick={() => {
          presence.setEditing(editing ? null : id);
          if (!editing) focus.requestFocus(id, EDITOR_KEY);
          store.update(id, { editing: !editing });
        }}
      >
        {editing ? labels.done : '✎'}
      </GuardedButton>
      {denied.remove === null ? (
        <ConfirmingDeleteButton
          ariaLabel={labels.deleteCard}
          focusKey="delete"
          question={deleteQuestion}
          onDelete={() => actions.removeCard(id, own)}
        >
          ×
        </ConfirmingDeleteButton>
      ) : (
        <GuardedButton
          className="danger"
          aria-label={labels.deleteCard}
          reason={reason(denied.remove)}
          reasonId={describe(denied.remove)}
          {...focusKey('delete')}
        >
          ×
        </GuardedButton>
      )}
      <button
        type="button"
        className="comments-toggle"
        aria-expanded={commentsOpen}
        aria-label={labels.comments(commentCount)}
        {...focusKey('comments')}
        onClick={() => store.update(id, { commentsOpen: !commentsOpen })}
      >
        <CommentIcon />
        {commentCount > 0 ? ` ${commentCount}` : ''}
      </button>
    </div>
  );
});
