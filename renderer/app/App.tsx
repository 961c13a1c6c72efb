// The app shell: picks the screen for the current route.
import { LazyPart } from '../components/LazyPart';
import { JoinScreen } from '../components/lazyParts';
import { StartScreen } from '../components/StartScreen';
import { WorkshopScreen } from '../components/WorkshopScreen';
import { useRoute } from './route';

export function App() {
  const route = useRoute();
  if (route.screen === 'workshop') return <WorkshopScreen id={route.id} view={route.view} />;
  if (route.screen === 'join') {
    return (
      <LazyPart>
        <JoinScreen initialCode={route.code} />
      </LazyPart>
    );
  }
  return <StartScreen />;
}
