/** What an action came to, announced as it appears: a status when it worked, an alert when it did not. */
export type OutcomeMessage = { ok: boolean; text: string } | null;

export function Outcome({ message }: { message: OutcomeMessage }) {
  if (!message) return null;
  return (
    <p className={message.ok ? 'ok-box' : 'error-box'} role={message.ok ? 'status' : 'alert'}>
      {message.text}
    </p>
  );
}
