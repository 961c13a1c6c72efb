// Renderer entry, kept small (no React, no Dexie, no Yjs): it starts loading the
// workshop the page opens on, then runs the rest of the app (start.tsx), which the
// browser has been fetching and compiling meanwhile (modulepreload links,
// vite.config.ts). Reading the database and loading the document then overlap
// compiling ~0.6 MB of script instead of following it (docs/benchmarks.md, cold start).
import { parseRoute } from './app/parseRoute';
import { startLoadingWorkshop } from './session/startupLoad';
import './styles.css';

const startedAt = Date.now();
const route = parseRoute(window.location.hash);
if (route.screen === 'workshop') startLoadingWorkshop(route.id);
void import('./start').then(({ start }) => start(startedAt));
