// Português: the plans keys.
export const plans = {} as const;
