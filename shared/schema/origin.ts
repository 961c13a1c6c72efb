// Transaction origins. Every command runs in one transaction tagged LOCAL_ORIGIN
// so that undo tracks only this user's edits and persistence can tell what it
// loaded itself from what somebody changed.

/** Edits made by this user on this device. */
export const LOCAL_ORIGIN = Symbol('werkstatt:local');

/** State read back from the local database; never written back. */
export const PERSISTENCE_ORIGIN = Symbol('werkstatt:persistence');
