// The ranked result of the last vote: most dots first, equal counts share a rank.
// Facilitators see it while voting runs; participants once results may be shown
// (at once, or after the reveal when the facilitator hides them until then).
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
  if (!votes.visible) {
    return (
      <section className="vote-results" aria-labelledby="vote-results-heading">
        <h3 id="vote-results-heading">{t('votes.results')}</h3>
        <p className="hint">{t('votes.hiddenUntilReveal')}</p>
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
