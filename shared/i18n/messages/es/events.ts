// Español: the events keys.
export const events = {} as const;
