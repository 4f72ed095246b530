// Français: the access keys.
export const access = {} as const;
