// Português: the forms keys.
export const forms = {} as const;
