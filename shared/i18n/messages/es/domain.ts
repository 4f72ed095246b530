// Español: the domain rules' messages (shared/domain schemas, the back end's refusals).
export const domain = {
} as const;
