// The board: one column per Handlungsfeld, in strategy order.
import { useTranslation } from 'react-i18next';
import { useAuthorName } from '../hooks/useAuthorName';
import { useFieldIds } from '../hooks/workshopHooks';
import { BoardDnd } from './BoardDnd';
import { Column } from './Column';
import { TextField } from './TextField';

export function Board() {
  const { t } = useTranslation();
  const fieldIds = useFieldIds();
  const [author, setAuthor] = useAuthorName();
  return (
    <section className="board-view" aria-labelledby="board-heading">
      <div className="board-toolbar">
        <h2 id="board-heading">{t('board.heading')}</h2>
        <TextField
          className="author-field"
          label={t('board.authorLabel')}
          placeholder={t('board.authorPlaceholder')}
          value={author}
          onChange={setAuthor}
        />
      </div>
      {fieldIds.length === 0 ? (
        <p className="empty">{t('board.noFields')}</p>
      ) : (
        <BoardDnd>
          <div className="board">
            {fieldIds.map((id) => (
              <Column key={id} fieldId={id} author={author} />
            ))}
          </div>
        </BoardDnd>
      )}
    </section>
  );
}
