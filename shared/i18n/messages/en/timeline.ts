// English (the source): the timeline keys.
export const timeline = {} as const;
