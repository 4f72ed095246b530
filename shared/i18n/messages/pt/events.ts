// Português: the events keys.
export const events = {} as const;
