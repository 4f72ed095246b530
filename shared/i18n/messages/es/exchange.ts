// Español: the exchange keys.
export const exchange = {} as const;
