// English (the source): the words for instruments, symptoms and end-feels, shared by every screen and document.
export const catalogue = {
} as const;
