// English (the source): the profile keys.
export const profile = {} as const;
