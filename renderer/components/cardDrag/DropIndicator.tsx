// The line that shows where a dragged card would land in a list. Positioned over
// the gap between two cards, so that showing it moves no card.
import { useDropLine } from './cardDragContext';

export function DropIndicator({ listId }: { readonly listId: string }) {
  const line = useDropLine(listId);
  if (line === null) return null;
  return <div className="drop-indicator" aria-hidden="true" style={{ top: `${line}px` }} />;
}
