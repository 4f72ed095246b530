// Português: the errors keys.
export const errors = {} as const;
