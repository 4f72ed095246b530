// English (the source): the analysis keys.
export const analysis = {} as const;
