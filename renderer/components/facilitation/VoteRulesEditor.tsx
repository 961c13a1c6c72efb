// A vote phase's rules: dots per person, the most one person may put on one item,
// whether facilitators vote, and whether results stay hidden until the reveal.
import { useTranslation } from 'react-i18next';
import { MAX_VOTE_BUDGET } from '../../../shared/facilitation/phases';
import { useFacilitationView } from '../../hooks/facilitation/useFacilitation';
import { useFacilitationActions } from '../../hooks/facilitation/useFacilitationActions';
import { NumberField } from '../NumberField';

export function VoteRulesEditor({ phaseId }: { readonly phaseId: string }) {
  const { t } = useTranslation();
  const view = useFacilitationView();
  const actions = useFacilitationActions();
  const phase = view.phases.find((entry) => entry.id === phaseId);
  if (!phase) return null;
  const rules = phase.vote;
  // Taken at once when it reads as a whole number; an emptied field changes nothing.
  const setWhole = (rule: 'budget' | 'capPerItem') => (value: string) => {
    const parsed = Number.parseInt(value, 10);
    if (Number.isFinite(parsed)) actions.setVoteRules(phaseId, { [rule]: parsed });
  };
  return (
    <fieldset className="vote-rules">
      <legend>{t('votes.rules')}</legend>
      <NumberField
        label={t('votes.budget')}
        min={1}
        max={MAX_VOTE_BUDGET}
        value={rules.budget}
        onChange={setWhole('budget')}
      />
      <NumberField
        label={t('votes.cap')}
        min={1}
        max={rules.budget}
        value={rules.capPerItem}
        onChange={setWhole('capPerItem')}
      />
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
