// Português: the settings keys.
export const settings = {} as const;
