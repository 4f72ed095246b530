// Français: the charts keys.
export const charts = {} as const;
