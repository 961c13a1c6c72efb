// The board: one column per Handlungsfeld, in strategy order, with its clusters
// and cards; above it search and filters and the multi-select switch; in a vote
// phase the ranked results. What each participant may do comes from the running
// phase (board mode, a store shared through context: each card selects its part).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuthorName } from '../hooks/useAuthorName';
import { useFieldIds } from '../hooks/workshopHooks';
import { useRuntime, useSearch, useSelecting } from '../hooks/facilitation/useFacilitation';
import { useFacilitationActions } from '../hooks/facilitation/useFacilitationActions';
import type { DenialReason } from '../hooks/facilitation/permissions';
import { BoardDnd } from './BoardDnd';
import { CardUiProvider } from './cardUi/CardUiProvider';
import { Column } from './Column';
import { BoardModeContext, BoardModeStore, reasonId } from './facilitation/boardMode';
import { BoardTools } from './facilitation/BoardTools';
import { CardLabelsContext, makeCardLabels } from './facilitation/cardLabels';
import { reasonText } from './facilitation/phaseText';
import { SelectionBar } from './facilitation/SelectionBar';
import { VoteResults } from './facilitation/VoteResults';
import { TextField } from './TextField';

const REASONS: readonly DenialReason[] = [
  'locked',
  'readOnly',
  'phase',
  'facilitatorsOnly',
  'notOwn',
  'revealed',
  'noVotesLeft',
];

export function Board() {
  const { t } = useTranslation();
  const fieldIds = useFieldIds();
  const [author, setAuthor] = useAuthorName();
  const actions = useFacilitationActions();
  const selecting = useSelecting();
  const search = useSearch();
  const runtime = useRuntime();
  const mode = useMemo(() => new BoardModeStore(runtime), [runtime]);
  const labels = useMemo(() => makeCardLabels(t), [t]);
  const shownFieldIds = useMemo(
    () => (search.fieldId ? fieldIds.filter((id) => id === search.fieldId) : fieldIds),
    [fieldIds, search.fieldId],
  );
  return (
    <BoardModeContext.Provider value={mode}>
      <CardLabelsContext.Provider value={labels}>
        <section className="board-view" aria-labelledby="board-heading">
          <div className="board-toolbar">
            <h2 id="board-heading">{t('board.heading')}</h2>
            <TextField
              className="author-field"
              label={t('board.authorLabel')}
              placeholder={t('board.authorPlaceholder')}
              value={author}
              onChange={(name) => {
                setAuthor(name);
                actions.rename(name);
              }}
            />
          </div>
          <BoardTools />
          {selecting && <SelectionBar />}
          <VoteResults />
          {fieldIds.length === 0 ? (
            <p className="empty">{t('board.noFields')}</p>
          ) : (
            <CardUiProvider>
              <BoardDnd>
                <div className="board">
                  {shownFieldIds.map((id) => (
                    <Column key={id} fieldId={id} />
                  ))}
                </div>
              </BoardDnd>
            </CardUiProvider>
          )}
          <div hidden>
            {REASONS.map((reason) => (
              <span key={reason} id={reasonId(reason)}>
                {reasonText(t, reason)}
              </span>
            ))}
          </div>
        </section>
      </CardLabelsContext.Provider>
    </BoardModeContext.Provider>
  );
}
