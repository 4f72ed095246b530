// Français: the verdict reasons and the words around them (shared/analysis, renderer/src/clinical).
export const verdicts = {
} as const;
