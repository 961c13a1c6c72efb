// The ranked result of the last vote: most dots first, equal counts share a rank.
// Everybody sees it once results may be shown: at once, or after the reveal when
// the facilitator hides them until then (the dots stay on each device until the
// reveal, so there is nothing to rank before it). While voting runs, everybody
// sees how many have voted and how many dots they used.
import { useTranslation } from 'react-i18next';
import {
  useCluster,
  useFacilitatedCard,
  useVoteView,
} from '../../hooks/facilitation/useFacilitation';

export function VoteResults() {
  const { t } = useTranslation();
  const votes = useVoteView();
  if (!votes) return null;
  const progress = votes.open && (
    <p className="vote-progress" data-testid="vote-progress">
      {t('votes.progress', {
        voted: votes.progress.voted,
        expected: votes.progress.expected,
        count: votes.progress.dots,
      })}
    </p>
  );
  if (!votes.visible) {
    return (
      <section className="vote-results" aria-labelledby="vote-results-heading">
        <h3 id="vote-results-heading">{t('votes.results')}</h3>
        <p className="hint">{t('votes.hiddenUntilReveal')}</p>
        {votes.private && <p className="hint">{t('votes.hiddenPrivate')}</p>}
        {progress}
      </section>
    );
  }
  return (
    <section
      className="vote-results"
      aria-labelledby="vote-results-heading"
      data-testid="vote-results"
    >
      <h3 id="vote-results-heading">{t('votes.results')}</h3>
      {progress}
      {votes.ranked.length === 0 ? (
        <p className="hint">{t('votes.noVotes')}</p>
      ) : (
        <ol className="ranking">
          {votes.ranked.map((item) => (
            <li key={item.itemId} data-testid="ranked-item">
              <span className="rank">{t('votes.rank', { rank: item.rank })}</span>
              <ItemLabel itemId={item.itemId} />
              <span className="vote-total">{t('votes.total', { count: item.votes })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ItemLabel({ itemId }: { readonly itemId: string }) {
  const { t } = useTranslation();
  const card = useFacilitatedCard(itemId);
  const cluster = useCluster(itemId);
  if (card) return <span className="ranked-label">{card.text}</span>;
  return (
    <span className="ranked-label">
      {t('clusters.label', { name: cluster?.name || t('clusters.unnamed') })}
    </span>
  );
}
