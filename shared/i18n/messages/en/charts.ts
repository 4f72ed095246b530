// English (the source): the charts keys.
export const charts = {} as const;
