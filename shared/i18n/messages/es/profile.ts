// Español: the profile keys.
export const profile = {} as const;
