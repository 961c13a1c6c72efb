// Above the board: search (words in card text, author and comments), filters by
// Handlungsfeld, author (not in anonymous mode) and "has comments", and the switch
// for selecting several cards at once.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldIds } from '../../hooks/workshopHooks';
import {
  useFieldTitle,
  usePeople,
  useSearch,
  useSearchResultCount,
  useSelecting,
} from '../../hooks/facilitation/useFacilitation';
import { useBoardUiActions } from '../../hooks/facilitation/useFacilitationActions';
import { useBoardMode } from './boardMode';

export function BoardTools() {
  const { t } = useTranslation();
  const search = useSearch();
  const ui = useBoardUiActions();
  const mode = useBoardMode();
  const fieldIds = useFieldIds();
  const selecting = useSelecting();
  const results = useSearchResultCount();
  const queryId = useId();
  const fieldId = useId();
  const filtered = results !== null || search.fieldId !== '';
  return (
    <div className="board-tools" role="search" aria-label={t('search.region')}>
      <div className="text-field search-field">
        <label htmlFor={queryId}>{t('search.label')}</label>
        <input
          id={queryId}
          type="search"
          value={search.query}
          placeholder={t('search.placeholder')}
          onChange={(event) => ui.setSearch({ ...search, query: event.target.value })}
        />
      </div>
      <div className="text-field">
        <label htmlFor={fieldId}>{t('search.column')}</label>
        <select
          id={fieldId}
          value={search.fieldId}
          onChange={(event) => ui.setSearch({ ...search, fieldId: event.target.value })}
        >
          <option value="">{t('search.allColumns')}</option>
          {fieldIds.map((id) => (
            <FieldOption key={id} fieldId={id} />
          ))}
        </select>
      </div>
      {!mode.anonymous && <AuthorFilter />}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={search.withComments}
          onChange={(event) => ui.setSearch({ ...search, withComments: event.target.checked })}
        />
        {t('search.withComments')}
      </label>
      {filtered && (
        <button type="button" onClick={() => ui.setSearch({ ...EMPTY })}>
          {t('search.reset')}
        </button>
      )}
      <p className="search-results" role="status">
        {results !== null ? t('search.results', { count: results }) : ''}
      </p>
      <button
        type="button"
        className="select-toggle"
        aria-pressed={selecting}
        onClick={() => ui.setSelecting(!selecting)}
      >
        {t('selection.mode')}
      </button>
    </div>
  );
}

const EMPTY = { query: '', fieldId: '', authorId: '', withComments: false };

function FieldOption({ fieldId }: { readonly fieldId: string }) {
  const title = useFieldTitle(fieldId);
  return <option value={fieldId}>{title}</option>;
}

function AuthorFilter() {
  const { t } = useTranslation();
  const search = useSearch();
  const ui = useBoardUiActions();
  const { people } = usePeople();
  const id = useId();
  if (people.length === 0) return null;
  return (
    <div className="text-field">
      <label htmlFor={id}>{t('search.author')}</label>
      <select
        id={id}
        value={search.authorId}
        onChange={(event) => ui.setSearch({ ...search, authorId: event.target.value })}
      >
        <option value="">{t('search.allAuthors')}</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name || t('facilitation.unnamed')}
          </option>
        ))}
      </select>
    </div>
  );
}
