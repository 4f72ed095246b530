// English (the source): the exchange keys.
export const exchange = {} as const;
