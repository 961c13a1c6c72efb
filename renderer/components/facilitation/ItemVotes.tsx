// Dot voting on one card or cluster: this participant's dots on it, a button to add
// one and one to take one back, and the total once results may be shown. Each item
// selects its own numbers from the vote store, so a vote re-renders the items whose
// numbers changed (and all of them only when the last dot is spent).
import { memo } from 'react';
import { useRuntime } from '../../hooks/facilitation/useFacilitation';
import { useStoreSelector, deepEqual } from '../../hooks/facilitation/derivedStore';
import { useFacilitationActions } from '../../hooks/facilitation/useFacilitationActions';
import type { DenialReason } from '../../hooks/facilitation/permissions';
import { reasonId, useBoardModeSelect } from './boardMode';
import { GuardedButton } from './GuardedButton';
import { useCardLabels } from './cardLabels';

interface ItemVoteState {
  readonly mine: number;
  readonly total: number | null;
  readonly open: boolean;
  readonly add: DenialReason | null;
  readonly cap: number;
}

export const ItemVotes = memo(function ItemVotes({
  itemId,
  label,
}: {
  readonly itemId: string;
  readonly label: string;
}) {
  const labels = useCardLabels();
  const mode = useBoardModeSelect((board) => ({ vote: board.vote, voter: board.voter }));
  const runtime = useRuntime();
  const actions = useFacilitationActions();
  const state = useStoreSelector<ReturnType<typeof runtime.votes.get>, ItemVoteState>(
    runtime.votes,
    (votes) => {
      const mine = votes?.mine.get(itemId) ?? 0;
      const cap = votes?.rules.capPerItem ?? 0;
      let add: DenialReason | null = mode.vote;
      if (add === null && votes) {
        if (votes.remaining <= 0) add = 'noVotesLeft';
        else if (mine >= cap) add = 'capReached';
      }
      return {
        mine,
        total: votes?.visible ? (votes.totals.get(itemId) ?? 0) : null,
        open: votes?.open ?? false,
        add,
        cap,
      };
    },
    deepEqual,
  );
  const addReason = state.add
    ? state.add === 'capReached'
      ? labels.capReached(state.cap)
      : labels.reason(state.add)
    : null;
  const removeReason = mode.vote
    ? labels.reason(mode.vote)
    : state.mine === 0
      ? labels.noneToTakeBack
      : null;
  return (
    <div className="item-votes" data-testid="item-votes">
      <span className="my-dots" aria-hidden="true">
        {state.mine > 5 ? `● ×${state.mine}` : '●'.repeat(state.mine)}
      </span>
      <span className="visually-hidden">{labels.myDots(state.mine)}</span>
      {state.total !== null && (
        <span className="vote-total" data-testid="vote-total">
          {labels.dots(state.total)}
        </span>
      )}
      {state.open && mode.voter && (
        <span className="vote-buttons">
          <GuardedButton
            aria-label={labels.unvote(label)}
            reason={removeReason}
            reasonId={mode.vote ? reasonId(mode.vote) : undefined}
            onClick={() => actions.retractVote(itemId)}
          >
            −
          </GuardedButton>
          <GuardedButton
            className="vote-add"
            aria-label={labels.vote(label)}
            reason={addReason}
            reasonId={state.add && state.add !== 'capReached' ? reasonId(state.add) : undefined}
            onClick={() => actions.castVote(itemId)}
          >
            +
          </GuardedButton>
        </span>
      )}
    </div>
  );
});
