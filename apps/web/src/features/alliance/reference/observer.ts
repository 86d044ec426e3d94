import { LAC_COUNTRIES, isCountryCode } from '@alliance/shared-core';

export type ObserverCodeProblem = 'observerInvalid' | 'observerInRegion' | 'observerAlready';

const lac = new Set(LAC_COUNTRIES.map((country) => country.code));

/** Normalises what was typed ("es " -> "ES") and says why it cannot be added, before asking the API. */
export function checkObserverCode(input: string, existingObservers: readonly string[]): { code: string; problem: ObserverCodeProblem | null } {
  const code = input.trim().toUpperCase();
  if (!isCountryCode(code)) return { code, problem: 'observerInvalid' };
  if (lac.has(code)) return { code, problem: 'observerInRegion' };
  if (existingObservers.includes(code)) return { code, problem: 'observerAlready' };
  return { code, problem: null };
}
