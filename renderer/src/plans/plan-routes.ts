// The therapy plan screens live under one route of the app's router ('#/patients/:id/plans/...'); the rest of
// the address is read here, so adding a plan screen never touches the shared router.

export type PlanRoute =
  | { page: 'list' }
  | { page: 'new' }
  | { page: 'plan'; planId: string }
  | { page: 'revise'; planId: string }
  | { page: 'sheet'; planId: string }
  | { page: 'unknown' };

/** `path` is what follows '/plans' in the address, already split and decoded. */
export function parsePlanPath(path: readonly string[]): PlanRoute {
  const [first, second, ...rest] = path;
  if (first === undefined) return { page: 'list' };
  if (rest.length > 0) return { page: 'unknown' };
  if (first === 'new' && second === undefined) return { page: 'new' };
  if (second === undefined) return { page: 'plan', planId: first };
  if (second === 'revise') return { page: 'revise', planId: first };
  if (second === 'sheet') return { page: 'sheet', planId: first };
  return { page: 'unknown' };
}

const base = (patientId: string) => `#/patients/${encodeURIComponent(patientId)}/plans`;

export const planHref = {
  list: (patientId: string) => base(patientId),
  create: (patientId: string) => `${base(patientId)}/new`,
  plan: (patientId: string, planId: string) => `${base(patientId)}/${encodeURIComponent(planId)}`,
  revise: (patientId: string, planId: string) => `${base(patientId)}/${encodeURIComponent(planId)}/revise`,
  sheet: (patientId: string, planId: string) => `${base(patientId)}/${encodeURIComponent(planId)}/sheet`,
};
