// The cards of a chunk that is not completed yet (chunkCompletion.ts): each card's
// element with its text (the page search finds it) and whether the search hides it,
// from two store subscriptions for the whole chunk instead of ~15 per card. Nothing
// on them takes the focus or a pointer; their footer keeps the buttons' height.
import { memo } from 'react';
import { useCardTexts, useMatchSearch } from '../../hooks/facilitation/useFacilitation';

export const OutlineCards = memo(function OutlineCards({
  cardIds,
}: {
  readonly cardIds: readonly string[];
}) {
  const texts = useCardTexts(cardIds);
  const visible = useMatchSearch(cardIds);
  return cardIds.map((id, index) => {
    const text = texts[index];
    return (
      <div
        key={id}
        role="listitem"
        className="card"
        data-testid="card"
        data-card-id={id}
        hidden={!visible[index]}
      >
        {text !== undefined && (
          <>
            <p className="card-text">{text}</p>
            <div className="card-footer card-footer-outline" />
          </>
        )}
      </div>
    );
  });
});
