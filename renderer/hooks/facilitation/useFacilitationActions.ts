// The facilitation commands bound to the open workshop and to this participant
// (actor id, host time), for components, which never see Yjs. Every command checks
// its permission itself; the UI enables controls with the same rule (permissions.ts).
import { useMemo } from 'react';
import { readField } from '../../../shared/model/read';
import type { PhaseKind, VoteRules } from '../../../shared/facilitation/phases';
import {
  addPhase,
  movePhase,
  removePhase,
  setVoteRules,
  updatePhase,
  type PhasePatch,
} from '../../../shared/facilitation/agenda';
import { allowed } from '../../../shared/facilitation/guard';
import { readClusterRecords } from '../../../shared/facilitation/board';
import {
  editCardText,
  readFacilitatedCard,
  removeCard,
  writeCard,
} from '../../../shared/facilitation/cards';
import {
  createCluster,
  deleteCluster,
  mergeClusters,
  moveCards,
  recolourCluster,
  renameCluster,
  splitCluster,
  type MoveTarget,
} from '../../../shared/facilitation/clusters';
import { addComment, deleteComment, editComment } from '../../../shared/facilitation/comments';
import { setDraftField, setDraftText } from '../../../shared/facilitation/drafts';
import { startFollowMe, stopFollow, updateFollowView } from '../../../shared/facilitation/follow';
import type { ClusterColour } from '../../../shared/facilitation/palette';
import { addProxyParticipant, setCoFacilitator } from '../../../shared/facilitation/people';
import { deletePrivateCard, writePrivateCard } from '../../../shared/facilitation/privateWriting';
import { setReady } from '../../../shared/facilitation/ready';
import {
  advancePhase,
  goToPhase,
  previousPhase,
  revealPhase,
  setAnonymous,
  setBoardLocked,
  startFacilitation,
} from '../../../shared/facilitation/session';
import {
  addTime,
  pauseTimer,
  readTimer,
  resumeTimer,
  startTimer,
  stopTimer,
  timerEnded,
} from '../../../shared/facilitation/timer';
import { castVote, retractVote } from '../../../shared/facilitation/votes';
import { readParticipantName } from '../useAuthorName';
import { useRuntime } from './useFacilitation';

export type WrittenCard = { readonly kind: 'card' | 'draft'; readonly id: string } | undefined;

export function useFacilitationActions() {
  const runtime = useRuntime();
  return useMemo(() => {
    const { doc } = runtime.session;
    const { drafts, me } = runtime;
    const hostNow = runtime.hostNow;
    /** A new phase does not carry over a "time is up" from the last one (a running timer stays). */
    const clearEndedTimer = (changed: boolean): boolean => {
      if (changed && timerEnded(readTimer(doc), Date.now(), runtime.clockOffset.get())) {
        stopTimer(doc, me);
      }
      return changed;
    };
    return {
      me,
      /** Changes this participant's display name in the workshop and in the room. */
      rename: (name: string) => {
        runtime.join(name);
        runtime.session.getConnection()?.setName(name);
      },

      /**
       * A new card: private while the phase has private writing, public otherwise;
       * for the "no laptop" participant the facilitator is entering for, if any.
       */
      writeCard: (fieldId: string, text: string): WrittenCard => {
        const init = {
          fieldId,
          text,
          now: Date.now(),
          proxyFor: runtime.actingFor.get() || undefined,
        };
        if (allowed(doc, me, 'writePrivateCard') && runtime.isDraftsReady()) {
          const id = writePrivateCard(doc, drafts, me, init);
          return id === undefined ? undefined : { kind: 'draft', id };
        }
        const id = writeCard(doc, me, init);
        return id === undefined ? undefined : { kind: 'card', id };
      },
      editCard: (id: string, text: string, own: boolean) => editCardText(doc, me, id, text, own),
      removeCard: (id: string, own: boolean) => removeCard(doc, me, id, own),
      editDraft: (id: string, text: string) => setDraftText(drafts, id, text),
      moveDraft: (id: string, fieldId: string) => setDraftField(drafts, id, fieldId),
      removeDraft: (id: string) => deletePrivateCard(doc, drafts, id),

      moveCards: (cardIds: readonly string[], target: MoveTarget) =>
        moveCards(doc, me, cardIds, target),
      /** Creates a cluster; its name field takes the focus. */
      createCluster: (fieldId: string, name: string, cardIds?: readonly string[]) => {
        const id = createCluster(doc, me, { fieldId, name, cardIds });
        if (id) runtime.focusCluster.set(id);
        return id;
      },
      renameCluster: (id: string, name: string) => renameCluster(doc, me, id, name),
      recolourCluster: (id: string, colour: ClusterColour) => recolourCluster(doc, me, id, colour),
      mergeClusters: (targetId: string, sourceIds: readonly string[]) =>
        mergeClusters(doc, me, targetId, sourceIds),
      splitCluster: (sourceId: string, cardIds: readonly string[], name: string) =>
        splitCluster(doc, me, sourceId, cardIds, { name }),
      deleteCluster: (id: string) => deleteCluster(doc, me, id),

      // Hidden dots go into this device's private document, once it is loaded (a dot
      // cast before that would be refused rather than miscounted).
      castVote: (itemId: string) =>
        castVote(doc, me, itemId, {
          hostNow: hostNow(),
          onBehalfOf: runtime.actingFor.get() || undefined,
          ballots: runtime.isDraftsReady() ? drafts : undefined,
        }),
      retractVote: (itemId: string) =>
        retractVote(doc, me, itemId, {
          onBehalfOf: runtime.actingFor.get() || undefined,
          ballots: runtime.isDraftsReady() ? drafts : undefined,
        }),

      addComment: (cardId: string, text: string) => addComment(doc, me, cardId, text, Date.now()),
      editComment: (id: string, text: string) => editComment(doc, me, id, text),
      deleteComment: (id: string) => deleteComment(doc, me, id),

      setReady: (ready: boolean, onBehalfOf?: string) => setReady(doc, me, ready, onBehalfOf),
      addProxy: (name: string) => addProxyParticipant(doc, me, name, hostNow()),
      /** Enter cards, dots and "done" for a "no laptop" participant ('' for oneself). */
      actFor: (participantId: string) => runtime.setActingFor(participantId),

      startFacilitation: () =>
        runtime.withoutUndo(() =>
          startFacilitation(doc, { hostId: me, hostName: readParticipantName(), now: hostNow() }),
        ),
      nextPhase: () => clearEndedTimer(advancePhase(doc, me, hostNow()) !== undefined),
      previousPhase: () => clearEndedTimer(previousPhase(doc, me, hostNow()) !== undefined),
      goToPhase: (phaseId: string) => clearEndedTimer(goToPhase(doc, me, phaseId, hostNow())),
      reveal: () => revealPhase(doc, me, hostNow()),
      setLocked: (locked: boolean) => setBoardLocked(doc, me, locked),
      setAnonymous: (anonymous: boolean) => setAnonymous(doc, me, anonymous),
      startFollow: (view: string) => startFollowMe(doc, me, view, hostNow()),
      updateFollow: (view: string) => updateFollowView(doc, me, view),
      stopFollow: () => stopFollow(doc, me),
      setCoFacilitator: (participantId: string, on: boolean) =>
        setCoFacilitator(doc, me, participantId, on),

      startTimer: (minutes: number) => startTimer(doc, me, minutes * 60_000, hostNow()),
      pauseTimer: () => pauseTimer(doc, me, hostNow()),
      resumeTimer: () => resumeTimer(doc, me, hostNow()),
      addTime: (minutes: number) => addTime(doc, me, minutes * 60_000, hostNow()),
      stopTimer: () => stopTimer(doc, me),

      addPhase: (kind: PhaseKind) => addPhase(doc, me, { kind }),
      updatePhase: (id: string, patch: PhasePatch) => updatePhase(doc, me, id, patch),
      movePhase: (id: string, index: number) => movePhase(doc, me, id, index),
      removePhase: (id: string) => removePhase(doc, me, id),
      setVoteRules: (id: string, rules: Partial<VoteRules>) => setVoteRules(doc, me, id, rules),
    };
  }, [runtime]);
}

export type FacilitationActions = ReturnType<typeof useFacilitationActions>;

/** Local UI state of the board that several components share: selection and search. */
export function useBoardUiActions() {
  const runtime = useRuntime();
  return useMemo(
    () => ({
      setSelecting: (on: boolean) => {
        runtime.selecting.set(on);
        if (!on) runtime.clearSelection();
      },
      toggleSelected: (cardId: string, selected: boolean) =>
        runtime.toggleSelected(cardId, selected),
      clearSelection: () => runtime.clearSelection(),
      /** The selected cards in board order. */
      selectedInOrder: (): string[] => {
        const selection = runtime.selection.get();
        return runtime.layout.get().order.filter((id) => selection.has(id));
      },
      /** The column a card shows in now (undefined for an unknown card). */
      columnOf: (cardId: string): string | undefined =>
        runtime.layout.get().placement.get(cardId)?.fieldId,
      setSearch: runtime.setSearch.bind(runtime),
      /** Text of a card, a cluster's name or a column's title, for announcements. */
      labelOf: (kind: 'card' | 'cluster' | 'field', id: string): string =>
        labelOf(runtime, kind, id),
    }),
    [runtime],
  );
}

function labelOf(
  runtime: ReturnType<typeof useRuntime>,
  kind: 'card' | 'cluster' | 'field',
  id: string,
): string {
  const { doc } = runtime.session;
  if (kind === 'card') return readFacilitatedCard(doc, id)?.text ?? '';
  if (kind === 'cluster') return readClusterRecords(doc).get(id)?.name ?? '';
  return readField(doc, id)?.title ?? '';
}
