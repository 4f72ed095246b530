// Español: the homeSheet keys.
export const homeSheet = {} as const;
