// English (the source): the errors keys.
export const errors = {} as const;
