// Español: the referral keys.
export const referral = {} as const;
