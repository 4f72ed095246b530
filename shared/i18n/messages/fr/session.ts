// Français: the session keys.
export const session = {} as const;
