import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dropCachedRecords, holdReads, releaseReads } from '../api/query-client';
import { windowTitle } from '../layout/use-screen-title';
import { useIdleLock } from './idle-lock';
import { LockScreen } from './LockScreen';
import { useSession } from './session-context';
import './session.css';
import { SignInPage } from './SignInPage';

interface SignedInActions {
  /** Lock now, as the idle timer would: for someone stepping away. */
  lock(): void;
  /** Show the sign-in page over the app; the current person stays signed in until someone else signs in. */
  switchPerson(): void;
}

const SignedInContext = createContext<SignedInActions | null>(null);

export function useSignedIn(): SignedInActions {
  const value = useContext(SignedInContext);
  if (!value) throw new Error('useSignedIn outside SignedIn');
  return value;
}

/**
 * The app of a signed-in person, and its lock. Locked (idle here, or the back end says so), the app stays mounted,
 * so forms keep what was typed, but hidden and inert: nothing of it is seen, focused or read aloud, and the
 * window's title (which names the patient) says only that ROMtrack is locked. The cached records are dropped and
 * reads wait until the same person unlocks (query-client.ts).
 */
export function SignedIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state } = useSession();
  const [idle, setIdle] = useState(false);
  const [switching, setSwitching] = useState(false);
  const locked = idle || state.locked;
  const covered = locked || switching;
  // The last focused element of the app, followed as it moves: once the app is hidden the browser has let go of it.
  const focusBefore = useRef<Element | null>(null);
  const titleBefore = useRef('');

  useIdleLock(state.lockAfterMinutes, !covered, useCallback(() => setIdle(true), []));

  useEffect(() => {
    if (!covered) return;
    titleBefore.current = document.title;
    holdReads();
    dropCachedRecords();
    return () => {
      releaseReads();
      document.title = titleBefore.current;
      // Back where the person was: the box they were typing in, if it is still there.
      if (focusBefore.current instanceof HTMLElement && focusBefore.current.isConnected) focusBefore.current.focus();
    };
  }, [covered]);
  useEffect(() => {
    if (covered) document.title = windowTitle(locked ? t('session.locked') : t('session.signIn'));
  }, [covered, locked, t]);

  const actions = useRef<SignedInActions>({ lock: () => setIdle(true), switchPerson: () => setSwitching(true) });

  return (
    <SignedInContext.Provider value={actions.current}>
      <div className="signed-in-app" hidden={covered} inert={covered} onFocus={(e) => (focusBefore.current = e.target)}>
        {children}
      </div>
      {locked ? (
        <LockScreen onUnlocked={() => setIdle(false)} />
      ) : switching ? (
        <SignInPage onCancel={() => setSwitching(false)} onSignedIn={() => setSwitching(false)} />
      ) : null}
    </SignedInContext.Provider>
  );
}
