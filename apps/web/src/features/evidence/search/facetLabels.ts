import { useRef } from 'react';
import type { TFunction } from 'i18next';
import { countryName } from '@alliance/shared-core';
import type { EvidenceFacetsFields } from '../operations-public';
import { languageLabel, licenceLabel, typeLabel } from '../shared/labels';
import type { FacetKey } from './filters';

export const FACET_TITLE_KEYS: Record<FacetKey, string> = {
  types: 'evidenceUi:facetTypes',
  countries: 'evidenceUi:facetCountries',
  focusAreas: 'evidenceUi:facetFocusAreas',
  languages: 'evidenceUi:facetLanguages',
  years: 'evidenceUi:facetYears',
  licences: 'evidenceUi:facetLicences',
};

export type FacetLabeller = (key: FacetKey, value: string) => string;

/**
 * Names a facet value for the reader. The server labels what it counts; a value chosen in a shared
 * link may be missing from the counts (nothing matches it any more), so the client names those
 * itself, remembering focus-area names it has seen (their ids mean nothing to people).
 */
export function useFacetLabeller(facets: EvidenceFacetsFields | undefined, t: TFunction, locale: string, focusAreaNames: ReadonlyMap<string, string>): FacetLabeller {
  const seen = useRef(new Map<string, string>());
  for (const facet of facets?.focusAreas ?? []) seen.current.set(facet.value, facet.label);
  return (key, value) => {
    const fromServer = facets?.[key].find((facet) => facet.value === value)?.label;
    if (fromServer) return fromServer;
    switch (key) {
      case 'types':
        return typeLabel(t, value);
      case 'licences':
        return licenceLabel(t, value);
      case 'languages':
        return languageLabel(t, value, locale);
      case 'countries':
        return countryName(value, locale) || value;
      case 'focusAreas':
        return seen.current.get(value) ?? focusAreaNames.get(value) ?? t('evidenceUi:unknownFocusArea');
      default:
        return value;
    }
  };
}
