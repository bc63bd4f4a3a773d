import { useMe } from '../../api/auth';
import type { CurrentUser } from '../../api/types';

/** The signed-in user; only for components rendered under RequireAuth. */
export function useCurrentUser(): CurrentUser {
  const me = useMe();
  if (!me.data) throw new Error('useCurrentUser outside RequireAuth');
  return me.data.user;
}
