// Español: the settings keys.
export const settings = {} as const;
