// The app shell: picks the screen for the current route.
import { JoinScreen } from '../components/JoinScreen';
import { StartScreen } from '../components/StartScreen';
import { WorkshopScreen } from '../components/WorkshopScreen';
import { useRoute } from './route';

export function App() {
  const route = useRoute();
  if (route.screen === 'workshop') return <WorkshopScreen id={route.id} view={route.view} />;
  if (route.screen === 'join') return <JoinScreen initialCode={route.code} />;
  return <StartScreen />;
}
