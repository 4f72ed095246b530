// English (the source): the mobility keys.
export const mobility = {} as const;
