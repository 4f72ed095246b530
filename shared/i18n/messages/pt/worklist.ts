// Português: the worklist keys.
export const worklist = {} as const;
