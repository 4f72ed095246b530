// English (the source): the visits keys.
export const visits = {} as const;
