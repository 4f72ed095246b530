import { describe, expect, it } from 'vitest';
import { requestActor, SessionStore } from '../../electron/auth/sessions';

function store() {
  let now = Date.parse('2026-12-02T09:00:00Z');
  const s = new SessionStore({ lockAfterMs: 5 * 60_000, endAfterMs: 12 * 3_600_000 }, () => now);
  return { s, wait: (minutes: number) => (now += minutes * 60_000) };
}

describe('sessions', () => {
  it('gives each sign-in its own long random token', () => {
    const { s } = store();
    const a = s.start('t1');
    const b = s.start('t1');
    expect(a.token).not.toBe(b.token);
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(s.use('not-a-token')).toBeNull();
    expect(s.use(undefined)).toBeNull();
  });

  it('locks after the idle time, stays locked until resumed, and keeps activity alive', () => {
    const { s, wait } = store();
    const a = s.start('t1');
    wait(4);
    expect(s.use(a.token)?.locked).toBe(false);
    wait(4);
    expect(s.use(a.token)?.locked).toBe(false);
    wait(5);
    expect(s.use(a.token)?.locked).toBe(true);
    expect(s.use(a.token)?.locked).toBe(true);
    expect(s.peek(a.token)?.session.therapistId).toBe('t1');
    s.resume(a.token);
    expect(s.use(a.token)?.locked).toBe(false);
  });

  it('ends a session at sign-out, after twelve hours, and every session of a person at once', () => {
    const { s, wait } = store();
    const a = s.start('t1');
    const b = s.start('t2');
    const c = s.start('t2');
    s.end(a.token);
    expect(s.use(a.token)).toBeNull();
    s.endAllOf('t2');
    expect(s.use(b.token)).toBeNull();
    expect(s.use(c.token)).toBeNull();
    const d = s.start('t3');
    for (let i = 0; i < 12 * 15; i++) {
      wait(4);
      s.use(d.token);
    }
    expect(s.use(d.token)).toBeNull();
  });

  it('keeps the actor of interleaved requests apart', async () => {
    const seen: string[] = [];
    const request = (token: string, delay: number) =>
      requestActor.run({ token }, async () => {
        await new Promise((r) => setTimeout(r, delay));
        seen.push(`${token}:${requestActor.getStore()?.token}`);
      });
    await Promise.all([request('anna', 20), request('ben', 5), request('anna', 1)]);
    expect(seen.sort()).toEqual(['anna:anna', 'anna:anna', 'ben:ben']);
  });
});
