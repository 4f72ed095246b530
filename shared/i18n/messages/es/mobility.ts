// Español: the mobility keys.
export const mobility = {} as const;
