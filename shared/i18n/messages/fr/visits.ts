// Français: the visits keys.
export const visits = {} as const;
