// English (the source): the plans keys.
export const plans = {} as const;
