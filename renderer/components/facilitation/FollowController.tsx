// "Everyone to me": while a facilitator leads, participants' screens show the view
// the facilitator shows (board, strategy, session), and the leader's navigation is
// passed on. Renders nothing.
import { useEffect } from 'react';
import { navigate, workshopHref, type WorkshopView } from '../../app/route';
import { useFacilitationSelect } from '../../hooks/facilitation/useFacilitation';
import { useFacilitationActions } from '../../hooks/facilitation/useFacilitationActions';

const VIEWS: readonly WorkshopView[] = ['board', 'strategy', 'session'];

function asView(value: string): WorkshopView | undefined {
  return VIEWS.find((view) => view === value);
}

export function FollowController({
  workshopId,
  view,
}: {
  readonly workshopId: string;
  readonly view: WorkshopView;
}) {
  const follow = useFacilitationSelect((state) =>
    state.follow ? { by: state.follow.by, view: state.follow.view } : null,
  );
  const facilitator = useFacilitationSelect((state) => state.facilitator);
  const actions = useFacilitationActions();
  useEffect(() => {
    if (!follow) return;
    if (follow.by === actions.me) {
      if (follow.view !== view) actions.updateFollow(view);
      return;
    }
    if (facilitator) return;
    const target = asView(follow.view);
    if (target && target !== view) navigate(workshopHref(workshopId, target));
  }, [follow, facilitator, view, workshopId, actions]);
  return null;
}
