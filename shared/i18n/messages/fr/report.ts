// Français: the report keys.
export const report = {} as const;
