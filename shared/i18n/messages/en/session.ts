// English (the source): the session keys.
export const session = {} as const;
