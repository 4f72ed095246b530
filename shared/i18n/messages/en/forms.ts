// English (the source): the forms keys.
export const forms = {} as const;
