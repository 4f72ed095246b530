// English (the source): the report keys.
export const report = {} as const;
