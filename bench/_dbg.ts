const { measureBoard } = await import('./ui/board');
const r = await measureBoard();
console.log('work p50', r.dragFrameP50Ms.toFixed(1), 'p95', r.dragFrameP95Ms.toFixed(1), 'interval p95', r.dragIntervalP95Ms.toFixed(1), 'cold', r.coldStartMedianMs.toFixed(0));
