// English (the source): the events keys.
export const events = {} as const;
