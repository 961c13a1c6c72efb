// A cluster inside a column: its name and colour, its cards (a sortable list and a
// drop target), dot votes in a vote phase, and its actions behind one button:
// rename, recolour from the palette, take another cluster's cards (merge), split
// the selected cards off, dissolve. Colour is never the only cue: clusters are named.
import { memo, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLUSTER_COLOURS, PALETTE, type ClusterColour } from '../../../shared/facilitation/palette';
import {
  useCluster,
  useClusterFocusRequest,
  useColumnLayout,
  useSelectionSize,
} from '../../hooks/facilitation/useFacilitation';
import {
  useBoardUiActions,
  useFacilitationActions,
} from '../../hooks/facilitation/useFacilitationActions';
import { CardList } from '../CardList';
import { ConfirmingDeleteButton } from '../ConfirmingDeleteButton';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';
import { reasonId, useBoardMode, useBoardModeSelect } from './boardMode';
import { GuardedButton } from './GuardedButton';
import { ItemVotes } from './ItemVotes';
import { reasonText } from './phaseText';

export const CLUSTER_DROP_PREFIX = 'cluster:';

interface ClusterBoxProps {
  readonly clusterId: string;
  readonly fieldId: string;
  readonly cardIds: readonly string[];
}

export const ClusterBox = memo(function ClusterBox({
  clusterId,
  fieldId,
  cardIds,
}: ClusterBoxProps) {
  const { t } = useTranslation();
  const cluster = useCluster(clusterId);
  const votes = useBoardModeSelect((mode) => mode.votes, Object.is);
  const [focusRequested, clearFocusRequest] = useClusterFocusRequest(clusterId);
  const [open, setOpen] = useState(focusRequested);
  const headingId = useId();
  if (!cluster) return null;
  const swatch = PALETTE[cluster.colour];
  const name = cluster.name || t('clusters.unnamed');
  return (
    <section
      className="cluster"
      aria-labelledby={headingId}
      data-testid="cluster"
      data-cluster-id={clusterId}
      style={{ borderColor: swatch.accent, background: swatch.background }}
    >
      <header className="cluster-header">
        <h4 id={headingId} style={{ color: swatch.accent }}>
          {name}
        </h4>
        <span className="count">{t('board.cardCount', { count: cardIds.length })}</span>
        <button
          type="button"
          className="cluster-menu-toggle"
          aria-expanded={open}
          aria-label={t('clusters.actions', { name })}
          onClick={() => setOpen(!open)}
        >
          ⋯
        </button>
      </header>
      {votes && <ItemVotes itemId={clusterId} label={name} />}
      {open && (
        <ClusterActions
          clusterId={clusterId}
          fieldId={fieldId}
          name={cluster.name}
          colour={cluster.colour}
          cardIds={cardIds}
          focusName={focusRequested}
          onFocused={clearFocusRequest}
          onDone={() => setOpen(false)}
        />
      )}
      <CardList
        listId={`${CLUSTER_DROP_PREFIX}${clusterId}`}
        fieldId={fieldId}
        clusterId={clusterId}
        cardIds={cardIds}
      />
    </section>
  );
});

function ClusterActions({
  clusterId,
  fieldId,
  name,
  colour,
  cardIds,
  focusName,
  onFocused,
  onDone,
}: {
  readonly clusterId: string;
  readonly fieldId: string;
  readonly name: string;
  readonly colour: ClusterColour;
  readonly cardIds: readonly string[];
  readonly focusName: boolean;
  readonly onFocused: () => void;
  readonly onDone: () => void;
}) {
  const { t } = useTranslation();
  const mode = useBoardMode();
  const actions = useFacilitationActions();
  const ui = useBoardUiActions();
  const selectionSize = useSelectionSize();
  const column = useColumnLayout(fieldId);
  const others = (column?.clusters ?? []).filter((c) => c.id !== clusterId).map((c) => c.id);
  const [mergeFrom, setMergeFrom] = useState('');
  useEffect(() => {
    if (focusName) onFocused();
  }, [focusName, onFocused]);
  const denial = mode.clusters;
  const reason = denial ? reasonText(t, denial) : null;
  const describedBy = denial ? reasonId(denial) : undefined;
  if (denial) {
    return (
      <p className="cluster-actions hint" role="note">
        {reason}
      </p>
    );
  }
  const selectedHere = () => ui.selectedInOrder().filter((id) => cardIds.includes(id));
  const splitReason = selectionSize === 0 ? t('clusters.splitNeedsSelection') : null;
  return (
    <div className="cluster-actions" role="group" aria-label={t('clusters.actions', { name })}>
      <TextField
        label={t('clusters.name')}
        autoFocus={focusName}
        value={name}
        onChange={(value) => actions.renameCluster(clusterId, value)}
      />
      <SelectField
        label={t('clusters.colour')}
        value={colour}
        options={CLUSTER_COLOURS}
        optionLabel={(value) => t(`clusters.colours.${value}`)}
        onChange={(value) => actions.recolourCluster(clusterId, value)}
      />
      {others.length > 0 && (
        <div className="inline-form">
          <OtherClusterSelect ids={others} value={mergeFrom} onChange={setMergeFrom} />
          <GuardedButton
            reason={mergeFrom === '' ? t('clusters.mergeNeedsChoice') : reason}
            reasonId={describedBy}
            onClick={() => {
              if (actions.mergeClusters(clusterId, [mergeFrom])) setMergeFrom('');
            }}
          >
            {t('clusters.merge')}
          </GuardedButton>
        </div>
      )}
      <GuardedButton
        reason={splitReason}
        onClick={() => {
          const moving = selectedHere();
          if (moving.length === 0) return;
          actions.splitCluster(clusterId, moving, t('clusters.splitName', { name }));
          ui.clearSelection();
        }}
      >
        {t('clusters.split')}
      </GuardedButton>
      <ConfirmingDeleteButton
        question={t('clusters.confirmDelete', { name: name || t('clusters.unnamed') })}
        onDelete={() => {
          actions.deleteCluster(clusterId);
          onDone();
        }}
      >
        {t('clusters.delete')}
      </ConfirmingDeleteButton>
    </div>
  );
}

function OtherClusterSelect({
  ids,
  value,
  onChange,
}: {
  readonly ids: readonly string[];
  readonly value: string;
  readonly onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="text-field">
      <label htmlFor={id}>{t('clusters.mergeFrom')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('clusters.choose')}</option>
        {ids.map((clusterId) => (
          <ClusterOption key={clusterId} id={clusterId} />
        ))}
      </select>
    </div>
  );
}

function ClusterOption({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const cluster = useCluster(id);
  return <option value={id}>{cluster?.name || t('clusters.unnamed')}</option>;
}
