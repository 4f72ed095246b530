// Português: the referral keys.
export const referral = {} as const;
