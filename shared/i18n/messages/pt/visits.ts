// Português: the visits keys.
export const visits = {} as const;
