// Português: the charts keys.
export const charts = {} as const;
