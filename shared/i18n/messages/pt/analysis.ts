// Português: the analysis keys.
export const analysis = {} as const;
