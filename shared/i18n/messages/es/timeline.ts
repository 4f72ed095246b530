// Español: the timeline keys.
export const timeline = {} as const;
