// The people in the workshop for facilitators: name, role, "done" in this phase,
// private cards written (counts only, never text); the host appoints
// co-facilitators here.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFacilitationView, usePeople } from '../../hooks/facilitation/useFacilitation';
import { useFacilitationActions } from '../../hooks/facilitation/useFacilitationActions';

export function PeoplePanel() {
  const { t } = useTranslation();
  const view = useFacilitationView();
  const { people } = usePeople();
  const actions = useFacilitationActions();
  const collecting = view.phase?.kind === 'collect' && view.phase.privateWriting;
  const [proxyName, setProxyName] = useState('');
  const proxyId = useId();
  return (
    <>
      <ul className="people-list">
        {people.map((person) => (
          <li key={person.id}>
            <span className="person-name">
              {person.name || t('facilitation.unnamed')}
              {person.id === view.me && ` ${t('connection.you')}`}
            </span>
            <span className="person-role">
              {person.proxy ? t('facilitation.proxyRole') : t(`facilitation.roles.${person.role}`)}
            </span>
            {person.role === 'participant' && !person.proxy && (
              <span className="person-ready">
                {person.ready ? t('facilitation.personReady') : t('facilitation.personNotReady')}
              </span>
            )}
            {person.proxy && view.phase && (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={person.ready}
                  onChange={(event) => actions.setReady(event.target.checked, person.id)}
                />
                {t('facilitation.readyFor', { name: person.name })}
              </label>
            )}
            {collecting && person.drafts > 0 && (
              <span className="person-drafts">
                {view.anonymous
                  ? t('facilitation.hasWritten')
                  : t('facilitation.personDrafts', { count: person.drafts })}
              </span>
            )}
            {view.role === 'host' && person.role !== 'host' && !person.proxy && (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={person.role === 'cofacilitator'}
                  onChange={(event) => actions.setCoFacilitator(person.id, event.target.checked)}
                />
                {t('facilitation.makeCofacilitator', {
                  name: person.name || t('facilitation.unnamed'),
                })}
              </label>
            )}
          </li>
        ))}
      </ul>
      <form
        className="inline-form add-proxy"
        onSubmit={(event) => {
          event.preventDefault();
          if (actions.addProxy(proxyName)) setProxyName('');
        }}
      >
        <label htmlFor={proxyId}>{t('facilitation.proxyName')}</label>
        <input
          id={proxyId}
          className="proxy-name"
          value={proxyName}
          onChange={(event) => setProxyName(event.target.value)}
        />
        <button type="submit">{t('facilitation.addProxy')}</button>
      </form>
    </>
  );
}
