// English (the source): the worklist keys.
export const worklist = {} as const;
