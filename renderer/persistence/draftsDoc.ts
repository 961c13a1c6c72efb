// Each workshop has a second, per-device document next to it: the private drafts
// and hidden votes of this device (shared/facilitation/drafts.ts, privateVotes.ts),
// never synced. It is stored in the same update log under its own id, and goes
// wherever its workshop goes on this device: purged with it, not duplicated
// (docs/facilitation.md, "The device's private document").
export const DRAFTS_DOC_SUFFIX = ':drafts';

/** The update-log id of a workshop's private document on this device. */
export function draftsDocId(workshopId: string): string {
  return `${workshopId}${DRAFTS_DOC_SUFFIX}`;
}
