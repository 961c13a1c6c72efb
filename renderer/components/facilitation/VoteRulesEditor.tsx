// A vote phase's rules: dots per person, the most one person may put on one item,
// whether facilitators vote, and whether results stay hidden until the reveal.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_VOTE_BUDGET } from '../../../shared/facilitation/phases';
import { useFacilitationView } from '../../hooks/facilitation/useFacilitation';
import { useFacilitationActions } from '../../hooks/facilitation/useFacilitationActions';

export function VoteRulesEditor({ phaseId }: { readonly phaseId: string }) {
  const { t } = useTranslation();
  const view = useFacilitationView();
  const actions = useFacilitationActions();
  const budgetId = useId();
  const capId = useId();
  const phase = view.phases.find((entry) => entry.id === phaseId);
  if (!phase) return null;
  const rules = phase.vote;
  const number = (value: string) => {
    const parsed = Number.parseInt(value, 10);
    return Number.isFinite(parsed) ? parsed : undefined;
  };
  return (
    <fieldset className="vote-rules">
      <legend>{t('votes.rules')}</legend>
      <span className="inline-form">
        <label htmlFor={budgetId}>{t('votes.budget')}</label>
        <input
          id={budgetId}
          className="minutes-input"
          type="number"
          min={1}
          max={MAX_VOTE_BUDGET}
          value={rules.budget}
          onChange={(event) => {
            const budget = number(event.target.value);
            if (budget !== undefined) actions.setVoteRules(phaseId, { budget });
          }}
        />
      </span>
      <span className="inline-form">
        <label htmlFor={capId}>{t('votes.cap')}</label>
        <input
          id={capId}
          className="minutes-input"
          type="number"
          min={1}
          max={rules.budget}
          value={rules.capPerItem}
          onChange={(event) => {
            const capPerItem = number(event.target.value);
            if (capPerItem !== undefined) actions.setVoteRules(phaseId, { capPerItem });
          }}
        />
      </span>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={rules.facilitatorVotes}
          onChange={(event) =>
            actions.setVoteRules(phaseId, { facilitatorVotes: event.target.checked })
          }
        />
        {t('votes.facilitatorVotes')}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={rules.hiddenUntilReveal}
          onChange={(event) =>
            actions.setVoteRules(phaseId, { hiddenUntilReveal: event.target.checked })
          }
        />
        {t('votes.hidden')}
      </label>
    </fieldset>
  );
}
