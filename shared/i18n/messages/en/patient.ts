// English (the source): the patient keys.
export const patient = {} as const;
