import { useQuery } from 'urql';
import { useIsSignedIn } from '../../lib/useSession';
import { ViewerQuery } from './documents';

/** The signed-in viewer (null while signed out or loading). */
export function useViewer() {
  const signedIn = useIsSignedIn();
  const [result] = useQuery({ query: ViewerQuery, pause: !signedIn });
  return {
    viewer: signedIn ? (result.data?.me ?? null) : null,
    fetching: result.fetching,
    error: result.error,
  };
}
