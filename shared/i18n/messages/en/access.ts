// English (the source): the access keys.
export const access = {} as const;
