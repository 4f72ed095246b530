// English (the source): the settings keys.
export const settings = {} as const;
