// Parts of the app that a board does not need when it opens, loaded when first shown:
// the strategy and session views (the latter with the QR code library), the
// facilitator's controls and editors, and the join screen. The code a stored board
// needs comes first and is all the browser compiles before it (docs/benchmarks.md,
// cold start). Each is shown inside a LazyPart, which says "Lädt …" meanwhile.
import { lazy } from 'react';

export const StrategyView = lazy(() =>
  import('./StrategyView').then((module) => ({ default: module.StrategyView })),
);

export const SessionPanel = lazy(() =>
  import('./SessionPanel').then((module) => ({ default: module.SessionPanel })),
);

export const FacilitatorControls = lazy(() =>
  import('./facilitation/FacilitatorControls').then((module) => ({
    default: module.FacilitatorControls,
  })),
);

export const JoinScreen = lazy(() =>
  import('./JoinScreen').then((module) => ({ default: module.JoinScreen })),
);
