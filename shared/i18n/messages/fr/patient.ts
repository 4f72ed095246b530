// Français: the patient keys.
export const patient = {} as const;
