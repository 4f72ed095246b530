// English (the source): the referral keys.
export const referral = {} as const;
