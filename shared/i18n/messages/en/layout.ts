// English (the source): the layout keys.
export const layout = {} as const;
