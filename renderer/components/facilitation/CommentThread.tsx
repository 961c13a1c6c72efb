// The comments under a card, oldest first, and a field to add one. Authors edit
// and delete their own comments, facilitators any (comments.ts); in anonymous mode
// no names are shown. The comment being typed and the comments being edited are
// kept in the board's card UI store (cardUi/), so that they survive the card being
// moved to another list, which rebuilds its element; its fields and buttons carry
// focus keys for the focus to find them again there.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../shared/facilitation/comments';
import { useComments } from '../../hooks/facilitation/useFacilitation';
import { useFacilitationActions } from '../../hooks/facilitation/useFacilitationActions';
import { ConfirmingDeleteButton } from '../ConfirmingDeleteButton';
import { TextField } from '../TextField';
import { focusKey } from '../cardUi/cardFocus';
import { useCardUiBoard, useCardUiSelect, useFocusOnRequest } from '../cardUi/cardUiContext';
import { useBoardMode } from './boardMode';
import { reasonText } from './phaseText';

export function CommentThread({
  cardId,
  cardText,
}: {
  readonly cardId: string;
  readonly cardText: string;
}) {
  const { t } = useTranslation();
  const comments = useComments(cardId);
  const mode = useBoardMode();
  const actions = useFacilitationActions();
  const { store } = useCardUiBoard();
  const draft = useCardUiSelect(cardId, (open) => open.commentDraft);
  const setDraft = (commentDraft: string) => store.update(cardId, { commentDraft });
  const inputId = useId();
  const add = () => {
    if (draft.trim() === '') return;
    if (actions.addComment(cardId, draft.trim())) setDraft('');
  };
  return (
    <section className="comments" aria-label={t('comments.heading', { text: cardText })}>
      {comments.length === 0 ? (
        <p className="hint">{t('comments.none')}</p>
      ) : (
        <ul className="comment-list">
          {comments.map((comment) => (
            <CommentItem key={comment.id} cardId={cardId} comment={comment} />
          ))}
        </ul>
      )}
      {mode.comment === null ? (
        <form
          className="comment-form"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <label htmlFor={inputId} className="visually-hidden">
            {t('comments.label')}
          </label>
          <input
            id={inputId}
            value={draft}
            placeholder={t('comments.placeholder')}
            {...focusKey('comment-draft')}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" {...focusKey('comment-send')}>
            {t('comments.add')}
          </button>
        </form>
      ) : (
        <p className="hint">{t('comments.closed', { reason: reasonText(t, mode.comment) })}</p>
      )}
    </section>
  );
}

function CommentItem({ cardId, comment }: { readonly cardId: string; readonly comment: Comment }) {
  const { t } = useTranslation();
  const mode = useBoardMode();
  const actions = useFacilitationActions();
  const { store, focus } = useCardUiBoard();
  const editing = useCardUiSelect(cardId, (open) => open.editingComments.includes(comment.id));
  const fieldKey = `comment-text:${comment.id}`;
  const fieldRef = useFocusOnRequest(cardId, fieldKey);
  const setEditing = (on: boolean) => {
    if (on) focus.requestFocus(cardId, fieldKey);
    store.update(cardId, ({ editingComments }) => ({
      editingComments: on
        ? [...editingComments, comment.id]
        : editingComments.filter((id) => id !== comment.id),
    }));
  };
  const mayChange =
    mode.facilitator ||
    (mode.comment === null && comment.authorId !== '' && comment.authorId === mode.me);
  return (
    <li className="comment">
      {editing ? (
        <TextField
          label={t('comments.editLabel')}
          hideLabel
          focusKey={fieldKey}
          inputRef={fieldRef}
          value={comment.text}
          onChange={(value) => actions.editComment(comment.id, value)}
        />
      ) : (
        <p className="comment-text">{comment.text}</p>
      )}
      <div className="comment-footer">
        {!mode.anonymous && comment.author && (
          <span className="author">{t('board.by', { author: comment.author })}</span>
        )}
        {mayChange && (
          <span className="card-actions">
            <button
              type="button"
              aria-label={editing ? t('board.done') : t('comments.edit')}
              {...focusKey(`comment-edit:${comment.id}`)}
              onClick={() => setEditing(!editing)}
            >
              {editing ? t('board.done') : '✎'}
            </button>
            <ConfirmingDeleteButton
              ariaLabel={t('comments.delete')}
              focusKey={`comment-delete:${comment.id}`}
              question={t('comments.confirmDelete', { text: comment.text.slice(0, 80) })}
              onDelete={() => actions.deleteComment(comment.id)}
            >
              ×
            </ConfirmingDeleteButton>
          </span>
        )}
      </div>
    </li>
  );
}
