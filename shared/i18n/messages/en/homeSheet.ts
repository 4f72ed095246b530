// English (the source): the homeSheet keys.
export const homeSheet = {} as const;
