// Français: the layout keys.
export const layout = {} as const;
