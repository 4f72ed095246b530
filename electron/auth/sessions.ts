import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/**
 * Signed-in people, one session per client (a browser's cookie in server mode; the desktop app's one window).
 * Kept in memory: a restart signs everyone out, which is safe, and no session token ever reaches the disk.
 *
 * A session idle for longer than the clinic's lock time is locked, not ended: the screen asks the same person's
 * credential and the form they were typing stays. The server decides, not the screen, so a page that skips its
 * own lock still gets nothing until the person proves who they are again.
 */
export interface Session {
  token: string;
  therapistId: string;
  startedAt: number;
  lastActiveAt: number;
}

export type SessionState = { session: Session; locked: boolean };

export interface SessionTimes {
  /** Idle milliseconds before the screen locks (the clinic's setting; default 5 minutes). */
  lockAfterMs: number;
  /** A session ends this long after sign-in, locked or not: a forgotten browser is signed out by the next day. */
  endAfterMs: number;
}

export const DEFAULT_SESSION_TIMES: SessionTimes = { lockAfterMs: 5 * 60_000, endAfterMs: 12 * 3_600_000 };

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private currentTimes: SessionTimes = DEFAULT_SESSION_TIMES,
    private readonly clock: () => number = Date.now,
  ) {}

  setTimes(times: SessionTimes): void {
    this.currentTimes = times;
  }

  times(): SessionTimes {
    return this.currentTimes;
  }

  /** A new session for a person whose credential was just checked. */
  start(therapistId: string): Session {
    const now = this.clock();
    // 256 random bits, URL- and cookie-safe.
    const session: Session = { token: randomBytes(32).toString('base64url'), therapistId, startedAt: now, lastActiveAt: now };
    this.sessions.set(session.token, session);
    return session;
  }

  /**
   * The session behind a token, or null when there is none (never issued, signed out, or ended by age). An
   * active session's idle time restarts; a locked one stays locked until `resume`.
   */
  use(token: string | undefined): SessionState | null {
    if (!token) return null;
    const session = this.sessions.get(token);
    if (!session) return null;
    const now = this.clock();
    if (now - session.startedAt >= this.currentTimes.endAfterMs) {
      this.sessions.delete(token);
      return null;
    }
    if (now - session.lastActiveAt >= this.currentTimes.lockAfterMs) return { session, locked: true };
    session.lastActiveAt = now;
    return { session, locked: false };
  }

  /** Looks without counting as activity (the lock screen asking whose session it is). */
  peek(token: string | undefined): SessionState | null {
    const session = token ? this.sessions.get(token) : undefined;
    if (!session) return null;
    const now = this.clock();
    if (now - session.startedAt >= this.currentTimes.endAfterMs) return null;
    return { session, locked: now - session.lastActiveAt >= this.currentTimes.lockAfterMs };
  }

  /** Unlocks after the same person's credential was checked again. */
  resume(token: string): void {
    const session = this.sessions.get(token);
    if (session) session.lastActiveAt = this.clock();
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  /** The sessions of the people `ends` names end (after a restore: those the restored database does not hold). */
  endWhere(ends: (therapistId: string) => boolean): void {
    for (const [token, s] of this.sessions) if (ends(s.therapistId)) this.sessions.delete(token);
  }

  /** Every session of one person ends (their credential was changed or their account closed). */
  endAllOf(therapistId: string): void {
    for (const [token, s] of this.sessions) if (s.therapistId === therapistId) this.sessions.delete(token);
  }
}

/**
 * One client: a browser (its session cookie) in server mode, or the desktop app's one window. Signing in sets its
 * token, signing out clears it; the transport carries the change back to the client (the HTTP server as a cookie).
 */
export interface ClientScope {
  token: string | null;
}

/**
 * The client on whose behalf the current request runs. Set around each dispatch by the transport that received
 * it, so two clients' requests interleaving on one server never see each other's actor.
 */
export const requestActor = new AsyncLocalStorage<ClientScope>();
